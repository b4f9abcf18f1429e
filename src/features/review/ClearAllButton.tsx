import { useTranslation } from 'react-i18next';
import { clearAll } from '../scan/scanActions.ts';
import styles from './ReviewForm.module.css';

/** The contract's "Clear all": wipes everything, and says so in the bar's status line. */
export function ClearAllButton({ onNotice }: { onNotice: (text: string) => void }) {
  const { t } = useTranslation('batch');
  return (
    <button
      type="button"
      className={styles.danger}
      onClick={async () => {
        onNotice('');
        await clearAll();
        onNotice(t('export.cleared'));
      }}
    >
      {t('export.clearAll')}
    </button>
  );
}
