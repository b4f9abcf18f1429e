import { clearAll } from '../scan/scanActions.ts';
import styles from './ReviewForm.module.css';

/** The contract's "Clear all": wipes everything, and says so in the bar's status line. */
export function ClearAllButton({ onNotice }: { onNotice: (text: string) => void }) {
  return (
    <button
      type="button"
      className={styles.danger}
      onClick={async () => {
        onNotice('');
        await clearAll();
        onNotice('Everything was cleared from this page.');
      }}
    >
      Clear all
    </button>
  );
}
