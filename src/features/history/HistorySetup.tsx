import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './HistoryPanel.module.css';
import { RETENTION_DAYS, isRetentionDays, type RetentionDays } from './types.ts';
import { turnOnHistory, useHistoryStore } from './useHistory.ts';

/** Shorter passphrases fall to guessing even at 600,000 PBKDF2 rounds. */
const MIN_LENGTH = 8;

export function RetentionSelect({
  value,
  onChange,
}: {
  value: RetentionDays;
  onChange: (d: RetentionDays) => void;
}) {
  const { t } = useTranslation('history');
  const busy = useHistoryStore((s) => s.busy);
  return (
    <label className={styles.field}>
      {t('retention')}
      <select
        value={value}
        disabled={busy}
        onChange={(e) => {
          const days = Number(e.target.value);
          if (isRetentionDays(days)) onChange(days);
        }}
      >
        {RETENTION_DAYS.map((d) => (
          <option key={d} value={d}>
            {t('days', { count: d })}
          </option>
        ))}
      </select>
    </label>
  );
}

/** History off: says so, and "Turn on history…" discloses the set-up form. */
export function TurnOn() {
  const { t } = useTranslation('history');
  const busy = useHistoryStore((s) => s.busy);
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<'tooShort' | 'mismatch' | null>(null);
  const [days, setDays] = useState<RetentionDays>(7);
  const formId = useId();
  const hintId = useId();
  const toggle = useRef<HTMLButtonElement>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const passphrase = String(data.get('passphrase') ?? '');
    const confirmation = String(data.get('confirmation') ?? '');
    const found =
      passphrase.length < MIN_LENGTH ? 'tooShort' : passphrase !== confirmation ? 'mismatch' : null;
    setProblem(found);
    if (found) {
      form
        .querySelector<HTMLInputElement>(found === 'tooShort' ? '[name=passphrase]' : '[name=confirmation]')
        ?.focus();
      return;
    }
    await turnOnHistory(passphrase, days);
  };

  return (
    <>
      <p className={styles.note}>{t('offNote')}</p>
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls={open ? formId : undefined}
        onClick={() => setOpen(!open)}
      >
        {t('turnOn')}
      </button>
      {open ? (
        <form id={formId} className={styles.form} onSubmit={(e) => void submit(e)} noValidate>
          <p className={styles.note}>{t('setupNote')}</p>
          <label className={styles.field}>
            {t('passphrase')}
            <input
              name="passphrase"
              type="password"
              autoComplete="new-password"
              autoFocus
              aria-describedby={hintId}
              aria-invalid={problem === 'tooShort'}
            />
          </label>
          <p id={hintId} className={styles.hint}>
            {t('passphraseHint', { min: MIN_LENGTH })}
          </p>
          <label className={styles.field}>
            {t('confirmPassphrase')}
            <input
              name="confirmation"
              type="password"
              autoComplete="new-password"
              aria-invalid={problem === 'mismatch'}
            />
          </label>
          <RetentionSelect value={days} onChange={setDays} />
          {problem ? (
            <p role="alert" className={styles.error}>
              <span aria-hidden="true">⚠ </span>
              {t(problem, { min: MIN_LENGTH })}
            </p>
          ) : null}
          <div className={styles.actions}>
            <button type="submit" className={styles.primary} disabled={busy}>
              {t('turnOnSubmit')}
            </button>
            <button
              type="button"
              onClick={() => {
                setOpen(false);
                toggle.current?.focus();
              }}
            >
              {t('cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </>
  );
}
