import { useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { CSV_BOM, toCsv } from '../../lib/export/csv.ts';
import type { CheckName } from '../../lib/mrz/formats.ts';
import type { CheckStatus } from '../../lib/mrz/types.ts';
import { useScanStore } from '../../state/scanStore.ts';
import { ClearAllButton } from './ClearAllButton.tsx';
import { documentJson, downloadText, exportFileName, type ExportedDocument } from './exportDocument.ts';
import { layoutValues, LAYOUT_FIELDS, type DocumentFormValues, type FormLayout } from './formSchema.ts';
import styles from './ReviewForm.module.css';

interface Props {
  form: UseFormReturn<DocumentFormValues>;
  checks: Partial<Record<CheckName, CheckStatus>> | null;
  format: string | null;
  layout: FormLayout;
}

const CHECK_COLUMNS: CheckName[] = [
  'documentNumber',
  'dateOfBirth',
  'expiryDate',
  'personalNumber',
  'composite',
];

/** Copy / download the document as it stands in the form, and wipe everything. */
export function ExportBar({ form, checks, format, layout }: Props) {
  const hasResult = useScanStore((s) => s.result !== null);
  const [notice, setNotice] = useState('');
  const current = (): ExportedDocument => ({
    ...layoutValues(form.getValues(), layout),
    format,
    checks: checks ?? {},
  });

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(documentJson(current()));
      setNotice('Copied to the clipboard.');
    } catch {
      setNotice('The browser did not allow copying: use Download JSON instead.');
    }
  };
  const downloadJson = () => {
    downloadText(documentJson(current()), exportFileName('json'), 'application/json');
    setNotice('JSON downloaded.');
  };
  const downloadCsv = () => {
    const doc = current();
    const fields: Array<keyof DocumentFormValues> = LAYOUT_FIELDS[layout];
    const header = ['readAt', 'kind', 'format', ...fields, ...CHECK_COLUMNS.map((c) => `check_${c}`)];
    const row = [
      new Date().toISOString(),
      layout,
      doc.format ?? '',
      ...fields.map((f) => String(doc[f] ?? '')),
      ...CHECK_COLUMNS.map((c) => doc.checks[c] ?? ''),
    ];
    downloadText(CSV_BOM + toCsv(header, [row]), exportFileName('csv'), 'text/csv;charset=utf-8');
    setNotice('CSV downloaded.');
  };

  return (
    <div className={styles.actions}>
      <button type="button" onClick={copy} disabled={!hasResult}>
        Copy JSON
      </button>
      <button type="button" onClick={downloadJson} disabled={!hasResult}>
        Download JSON
      </button>
      <button type="button" onClick={downloadCsv} disabled={!hasResult}>
        Download CSV
      </button>
      <ClearAllButton onNotice={setNotice} />
      <p role="status" className={styles.notice}>
        {notice}
      </p>
    </div>
  );
}
