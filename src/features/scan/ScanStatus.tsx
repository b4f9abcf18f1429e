import { useScanStore } from '../../state/scanStore.ts';
import { ERROR_MESSAGES, HINT_MESSAGES, STAGE_LABELS, STAGES } from './messages.ts';
import { cancelScan } from './scanActions.ts';
import styles from './ScanStatus.module.css';

/** Progress naming each stage while reading; the failure, in words, with what to do, when it fails. */
export function ScanStatus() {
  const status = useScanStore((s) => s.status);
  const stage = useScanStore((s) => s.stage);
  const error = useScanStore((s) => s.error);
  const ignored = useScanStore((s) => s.ignoredFiles);
  const current = stage ? STAGES.indexOf(stage) : 0;

  return (
    <>
      <div role="status" aria-live="polite" className={styles.status}>
        {status === 'working' ? (
          <div className={styles.progress}>
            <p className={styles.stage}>{stage ? `${STAGE_LABELS[stage]}…` : 'Checking the file…'}</p>
            <progress max={STAGES.length} value={current + 0.5} aria-label="Reading progress" />
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
              Cancel
            </button>
          </div>
        ) : null}
        {ignored > 0 && status !== 'idle' ? (
          <p className={styles.note}>Only the first file is read: add documents one at a time.</p>
        ) : null}
      </div>
      <div role="alert" className={styles.alertRegion}>
        {status === 'error' && error ? (
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
      </div>
    </>
  );
}
