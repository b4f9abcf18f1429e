import { useTranslation } from 'react-i18next';
import { useScanStore } from '../../state/scanStore.ts';
import { useShallow } from 'zustand/react/shallow';
import { isBusy, useSessionStore } from '../../state/sessionStore.ts';
import { ERROR_MESSAGES, HINT_MESSAGES, STAGE_LABELS, STAGES } from './messages.ts';
import { cancelScan } from './scanActions.ts';
import styles from './ScanStatus.module.css';

/** The latest batch: how many of its files are settled, and how many failed. */
function useBatch() {
  // Compared field by field: the status line re-renders when a count changes, not on every edit.
  return useSessionStore(
    useShallow((s) => {
      const docs = s.documents.filter((d) => s.batchIds.includes(d.id));
      return {
        total: docs.length,
        busy: docs.filter(isBusy).length,
        failed: docs.filter((d) => d.status === 'error').length,
      };
    }),
  );
}

/**
 * Progress naming each stage while one document is read, or counting files through a batch; the
 * failure, in words, with what to do (a batch's failures summed up; each row of the session's
 * list says its own).
 */
export function ScanStatus() {
  const { t } = useTranslation('batch');
  const status = useScanStore((s) => s.status);
  const stage = useScanStore((s) => s.stage);
  const error = useScanStore((s) => s.error);
  const { total, busy, failed } = useBatch();
  const current = stage ? STAGES.indexOf(stage) : 0;
  const batchRunning = busy > 0;

  return (
    <>
      <div role="status" aria-live="polite" className={styles.status}>
        {batchRunning ? (
          <div className={styles.progress}>
            <p className={styles.stage}>{t('progress.batch', { done: total - busy + 1, total })}</p>
            <progress max={total} value={total - busy} aria-label={t('progress.batchLabel')} />
            <button type="button" onClick={cancelScan}>
              {t('progress.cancelRest')}
            </button>
          </div>
        ) : null}
        {status === 'working' && (stage || !batchRunning) ? (
          <div className={styles.progress}>
            <p className={styles.stage}>
              {stage ? t('progress.stage', { stage: STAGE_LABELS[stage] }) : t('progress.checkingFile')}
            </p>
            <progress max={STAGES.length} value={current + 0.5} aria-label={t('progress.reading')} />
            <ol className={styles.steps}>
              {STAGES.map((s, i) => (
                <li
                  key={s}
                  className={i < current ? styles.doneStep : i === current ? styles.activeStep : undefined}
                >
                  {STAGE_LABELS[s]}
                </li>
              ))}
            </ol>
            <button type="button" onClick={cancelScan}>
              {t('progress.cancel')}
            </button>
          </div>
        ) : null}
      </div>
      <div role="alert" className={styles.alertRegion}>
        {error ? (
          <div className={styles.alert}>
            <p className={styles.title}>{ERROR_MESSAGES[error.code].title}</p>
            <p>{ERROR_MESSAGES[error.code].advice}</p>
            {error.hints.length ? (
              <ul>
                {error.hints.map((h) => (
                  <li key={h}>{HINT_MESSAGES[h]}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {!batchRunning && failed > 0 ? (
          <div className={styles.alert}>
            <p className={styles.title}>{t('failures', { count: failed, total })}</p>
            <p>{t('failuresHint')}</p>
          </div>
        ) : null}
      </div>
    </>
  );
}
