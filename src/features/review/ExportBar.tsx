import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UseFormReturn } from 'react-hook-form';
import type { CheckName } from '../../lib/mrz/formats.ts';
import type { CheckStatus } from '../../lib/mrz/types.ts';
import { useScanStore } from '../../state/scanStore.ts';
import { useSessionStore } from '../../state/sessionStore.ts';
import { sessionCsv } from '../batch/documentRecord.ts';
import { saveDraft } from '../batch/sessionActions.ts';
import { ClearAllButton } from './ClearAllButton.tsx';
import { documentJson, downloadText, exportFileName, type ExportedDocument } from './exportDocument.ts';
import { layoutValues, type DocumentFormValues, type FormLayout } from './formSchema.ts';
import styles from './ReviewForm.module.css';

interface Props {
  form: UseFormReturn<DocumentFormValues>;
  checks: Partial<Record<CheckName, CheckStatus>> | null;
  format: string | null;
  layout: FormLayout;
}

/** Copy / download the open document as it stands in the form, the session as CSV, and wipe everything. */
export function ExportBar({ form, checks, format, layout }: Props) {
  const hasResult = useScanStore((s) => s.kind !== null);
  const hasDocuments = useSessionStore((s) => s.documents.some((d) => d.status === 'done'));
  const { t } = useTranslation('batch');
  const [notice, setNotice] = useState('');
  const current = (): ExportedDocument => ({
    ...layoutValues(form.getValues(), layout),
    format,
    checks: checks ?? {},
  });

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(documentJson(current()));
      setNotice(t('export.copied'));
    } catch {
      setNotice(t('export.copyRefused'));
    }
  };
  const downloadJson = () => {
    downloadText(documentJson(current()), exportFileName('json'), 'application/json');
    setNotice(t('export.jsonDownloaded'));
  };
  const downloadCsv = () => {
    // The open document as it stands in the form, then every read document of the session.
    saveDraft(form.getValues());
    const docs = useSessionStore.getState().documents;
    downloadText(sessionCsv(docs), exportFileName('csv'), 'text/csv;charset=utf-8');
    setNotice(t('export.csvDownloaded', { count: docs.filter((d) => d.status === 'done').length }));
  };

  return (
    <div className={styles.actions}>
      <button type="button" onClick={copy} disabled={!hasResult}>
        {t('export.copyJson')}
      </button>
      <button type="button" onClick={downloadJson} disabled={!hasResult}>
        {t('export.downloadJson')}
      </button>
      <button type="button" onClick={downloadCsv} disabled={!hasDocuments}>
        {t('export.downloadCsv')}
      </button>
      <ClearAllButton onNotice={setNotice} />
      <p role="status" className={styles.notice}>
        {notice}
      </p>
    </div>
  );
}
