import { memo, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isBusy, useSessionStore, type SessionDocument } from '../../state/sessionStore.ts';
import { layoutOf } from '../review/fieldSpecs.ts';
import { ERROR_MESSAGES, STAGE_LABELS } from '../scan/messages.ts';
import { cancelDocument, retryDocument } from '../scan/scanActions.ts';
import { openDocument } from './sessionActions.ts';

/** The review's heading (app/App.tsx): an opened document's details start there. */
export const REVIEW_HEADING_ID = 'review-heading';
import { documentChecks, documentValues, failedChecks } from './documentRecord.ts';
import styles from './SessionTable.module.css';

/**
 * The session's documents, one row each: where each file stands (waiting, its stage, read, why it
 * failed), who it belongs to once read, and what the user can do with it (open, retry, cancel).
 */
export function SessionTable() {
  const { t } = useTranslation('batch');
  const documents = useSessionStore((s) => s.documents);
  const openId = useSessionStore((s) => s.openId);
  if (!documents.length) return null;
  const count = (status: SessionDocument['status'][]) =>
    documents.filter((d) => status.includes(d.status)).length;
  return (
    <section className={styles.session} aria-labelledby="session-title">
      <h2 id="session-title" className={styles.title}>
        {t('table.title')}
      </h2>
      <p className={styles.summary}>
        {t('table.summary', {
          count: documents.length,
          read: count(['done']),
          failed: count(['error']),
          waiting: count(['queued', 'working']),
        })}
      </p>
      <div className={styles.scroll}>
        <table className={styles.table} data-testid="batch.table">
          <caption className={styles.caption}>{t('table.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('table.file')}</th>
              <th scope="col">{t('table.status')}</th>
              <th scope="col">{t('table.document')}</th>
              <th scope="col">{t('table.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((doc) => (
              <Row key={doc.id} doc={doc} open={doc.id === openId} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Rows only re-render when their own document changes (a 50-file batch updates one at a time). */
const Row = memo(function Row({ doc, open }: { doc: SessionDocument; open: boolean }) {
  const { t } = useTranslation('batch');
  const file = doc.fileName;
  // Each action replaces its own button: focus goes somewhere sensible (the opened details, or
  // this row), never back to the top of the page.
  const act =
    (action: (id: number) => void, toReview = false) =>
    (event: MouseEvent<HTMLButtonElement>) => {
      const row = event.currentTarget.closest('tr')?.querySelector('th');
      action(doc.id);
      requestAnimationFrame(() => (toReview ? document.getElementById(REVIEW_HEADING_ID) : row)?.focus());
    };
  return (
    <tr data-testid="batch.row" data-status={doc.status} aria-current={open ? 'true' : undefined}>
      <th scope="row" className={styles.file} tabIndex={-1}>
        {file}
      </th>
      <td>
        <StatusCell doc={doc} open={open} />
      </td>
      <td>{doc.status === 'done' ? <DocumentCell doc={doc} /> : null}</td>
      <td className={styles.actions}>
        {doc.status === 'done' && !open ? (
          <button
            type="button"
            onClick={act(openDocument, true)}
            aria-label={t('actions.openLabel', { file })}
          >
            {t('actions.open')}
          </button>
        ) : null}
        {doc.status === 'error' || doc.status === 'cancelled' ? (
          <button type="button" onClick={act(retryDocument)} aria-label={t('actions.retryLabel', { file })}>
            {t('actions.retry')}
          </button>
        ) : null}
        {isBusy(doc) ? (
          <button type="button" onClick={act(cancelDocument)} aria-label={t('actions.cancelLabel', { file })}>
            {t('actions.cancel')}
          </button>
        ) : null}
      </td>
    </tr>
  );
});

function StatusCell({ doc, open }: { doc: SessionDocument; open: boolean }) {
  const { t } = useTranslation('batch');
  if (doc.status === 'working')
    return (
      <span className={styles.working}>{doc.stage ? STAGE_LABELS[doc.stage] : t('status.working')}</span>
    );
  if (doc.status === 'error' && doc.error)
    return (
      <span className={styles.bad}>
        <span aria-hidden="true">✗ </span>
        {ERROR_MESSAGES[doc.error.code].title}
      </span>
    );
  if (doc.status === 'done')
    return (
      <span className={styles.good}>
        <span aria-hidden="true">✓ </span>
        {open ? t('status.open') : t('status.done')}
      </span>
    );
  return <span className={styles.muted}>{t(`status.${doc.status}`)}</span>;
}

function DocumentCell({ doc }: { doc: SessionDocument }) {
  const { t } = useTranslation('batch');
  const values = documentValues(doc);
  const layout = layoutOf(doc.kind);
  const checks = documentChecks(values, layout);
  const failed = failedChecks(checks);
  // Only checks that exist: an MRZ whose text has no known shape (or any text) has none to hold.
  const checked = Object.keys(checks.mrz).length > 0 || checks.nik !== 'absent';
  const name = values.name || [values.surname, values.givenNames].filter(Boolean).join(', ');
  const number = values.nik || values.documentNumber;
  return (
    <>
      <span className={styles.kind}>{doc.kind ? t(`kinds.${doc.kind}`) : ''}</span>{' '}
      {[name, number].filter(Boolean).join(' · ')}
      {checked ? (
        <span className={failed ? styles.bad : styles.good}>
          {' '}
          <span aria-hidden="true">{failed ? '✗ ' : '✓ '}</span>
          {failed ? t('checks.fail', { count: failed }) : t('checks.allHold')}
        </span>
      ) : null}
    </>
  );
}
