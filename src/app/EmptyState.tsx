import { useTranslation } from 'react-i18next';
import styles from './App.module.css';

/** What the app does and how to get a good read, before the first document. */
export function EmptyState() {
  const { t } = useTranslation('home');
  return (
    <div className={styles.empty}>
      <h2>{t('empty.title')}</h2>
      <ol>
        <li>{t('empty.steps.photograph')}</li>
        <li>{t('empty.steps.upload')}</li>
        <li>{t('empty.steps.check')}</li>
      </ol>
      <p>{t('empty.tip')}</p>
    </div>
  );
}
