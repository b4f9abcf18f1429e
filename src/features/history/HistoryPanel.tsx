import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { KIND_KEYS } from '../review/fieldSpecs.ts';
import styles from './HistoryPanel.module.css';
import { RetentionSelect, TurnOn } from './HistorySetup.tsx';
import type { HistoryEntry } from './types.ts';
import {
  changeRetention,
  checkHistory,
  deleteEverything,
  lock,
  removeFromHistory,
  saveToHistory,
  summaryOf,
  unlock,
  useHistoryStore,
  type HistoryNotice,
} from './useHistory.ts';

// Re-exported for the app's startup call (a non-component export only costs fast refresh here).
export { purgeExpiredOnOpen } from './useHistory.ts';

interface Props {
  /** The document open in the review form, as it stands (null when there is none). */
  current: Omit<HistoryEntry, 'savedAt'> | null;
  /** The user chose a saved record: the app opens it in the form. */
  onOpen: (entry: HistoryEntry) => void;
}

/** The opt-in, passphrase-protected history: off (and keeping nothing) until the user turns it on. */
export function HistoryPanel({ current, onOpen }: Props) {
  const { t } = useTranslation('history');
  const status = useHistoryStore((s) => s.status);
  const busy = useHistoryStore((s) => s.busy);
  const error = useHistoryStore((s) => s.error);
  const notice = useHistoryStore((s) => s.notice);
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const seen = useRef(status);

  useEffect(() => void checkHistory(), []);
  // The control that had focus (Unlock, Lock, Turn on…) goes away with the view: keep focus here.
  useEffect(() => {
    const changed = seen.current !== status && seen.current !== 'checking';
    seen.current = status;
    if (changed && (document.activeElement === document.body || !document.activeElement))
      heading.current?.focus();
  }, [status]);

  return (
    <section
      className={styles.panel}
      aria-labelledby={headingId}
      data-testid="history.panel"
      data-history-state={status}
    >
      <h2 id={headingId} ref={heading} tabIndex={-1} className={styles.heading}>
        {t('heading')}
      </h2>
      {status === 'off' ? <TurnOn /> : null}
      {status === 'locked' ? <Unlock /> : null}
      {status === 'unlocked' ? <Unlocked current={current} onOpen={onOpen} /> : null}
      {status === 'unavailable' ? <p className={styles.note}>{t('unavailable')}</p> : null}
      {error ? (
        <p role="alert" className={styles.error}>
          <span aria-hidden="true">⚠ </span>
          {t(`error.${error}`)}
        </p>
      ) : null}
      <p role="status" className={styles.status}>
        {busy ? t('working') : <NoticeText notice={notice} />}
      </p>
      {status === 'locked' || status === 'unlocked' ? <DeleteAll /> : null}
    </section>
  );
}

function NoticeText({ notice }: { notice: HistoryNotice | null }) {
  const { t } = useTranslation('history');
  const days = useHistoryStore((s) => s.retentionDays);
  return notice ? t(`notice.${notice.key}`, { summary: notice.summary ?? '', count: days }) : null;
}

function Unlock() {
  const { t } = useTranslation('history');
  const busy = useHistoryStore((s) => s.busy);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = event.currentTarget.elements.namedItem('passphrase') as HTMLInputElement;
    if (!(await unlock(input.value))) {
      // Wrong passphrase: cleared for another try, nothing else changed.
      input.value = '';
      input.focus();
    }
  };
  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)}>
      <p className={styles.note}>{t('lockedNote')}</p>
      <label className={styles.field}>
        {t('passphrase')}
        <input name="passphrase" type="password" autoComplete="current-password" required />
      </label>
      <div className={styles.actions}>
        <button type="submit" className={styles.primary} disabled={busy}>
          {t('unlock')}
        </button>
      </div>
    </form>
  );
}

function Unlocked({ current, onOpen }: Props) {
  const { t, i18n } = useTranslation('history');
  const entries = useHistoryStore((s) => s.entries);
  const unreadable = useHistoryStore((s) => s.unreadable);
  const days = useHistoryStore((s) => s.retentionDays);
  const busy = useHistoryStore((s) => s.busy);
  const hintId = useId();
  const listId = useId();
  const dates = useMemo(
    () => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }),
    [i18n.language],
  );
  const date = (key: 'readAt' | 'savedAt', iso: string) => (
    <time dateTime={iso}>{t(key, { date: dates.format(new Date(iso)) })}</time>
  );
  const kindOf = (kind: string) => (kind in KIND_KEYS ? t(`kind.${kind as keyof typeof KIND_KEYS}`) : kind);

  return (
    <>
      <p className={styles.note}>{t('unlockedNote', { count: days })}</p>
      <div className={styles.actions}>
        <button
          type="button"
          className={styles.primary}
          disabled={!current || busy}
          aria-describedby={current ? undefined : hintId}
          onClick={() => current && void saveToHistory(current)}
        >
          {t('save')}
        </button>
      </div>
      {current ? null : (
        <p id={hintId} className={styles.hint}>
          {t('saveNeedsDocument')}
        </p>
      )}
      <h3 id={listId} className={styles.subheading}>
        {t('list')}
      </h3>
      {entries.length === 0 ? <p className={styles.note}>{t('empty')}</p> : null}
      <ul className={styles.list} aria-labelledby={listId}>
        {entries.map((entry) => {
          const summary = summaryOf(entry);
          return (
            <li key={entry.id} className={styles.entry} data-testid="history.entry">
              <p className={styles.summary}>{summary}</p>
              <p className={styles.meta}>
                {kindOf(entry.kind)}
                {entry.readAt ? <> · {date('readAt', entry.readAt)}</> : null} ·{' '}
                {date('savedAt', entry.savedAt)}
              </p>
              <div className={styles.actions}>
                <button type="button" onClick={() => onOpen(entry)}>
                  {t('open')}
                  <span className={styles.visuallyHidden}> {summary}</span>
                </button>
                <button type="button" disabled={busy} onClick={() => void removeFromHistory(entry)}>
                  {t('delete')}
                  <span className={styles.visuallyHidden}> {summary}</span>
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      {unreadable ? <p className={styles.note}>{t('unreadable', { count: unreadable })}</p> : null}
      <div className={styles.actions}>
        <RetentionSelect value={days} onChange={(d) => void changeRetention(d)} />
        <button type="button" onClick={lock}>
          {t('lock')}
        </button>
      </div>
    </>
  );
}

function DeleteAll() {
  const { t } = useTranslation('history');
  const busy = useHistoryStore((s) => s.busy);
  const [asking, setAsking] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const groupId = useId();
  return (
    <>
      <button
        ref={button}
        type="button"
        className={styles.danger}
        aria-expanded={asking}
        aria-controls={asking ? groupId : undefined}
        onClick={() => setAsking(!asking)}
      >
        {t('deleteAll')}
      </button>
      {asking ? (
        <div id={groupId} role="group" aria-label={t('deleteAll')} className={styles.confirm}>
          <p>{t('deleteAllQuestion')}</p>
          <div className={styles.actions}>
            <button
              type="button"
              className={styles.danger}
              disabled={busy}
              onClick={() => void deleteEverything()}
            >
              {t('deleteAllConfirm')}
            </button>
            {/* Focus lands on the safe choice: Enter pressed twice must not delete. */}
            <button
              type="button"
              autoFocus
              onClick={() => {
                setAsking(false);
                button.current?.focus();
              }}
            >
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </>
  );
}
