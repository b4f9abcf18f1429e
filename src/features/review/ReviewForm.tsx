import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, type ChangeEvent } from 'react';
import { useForm, useWatch, type UseFormReturn } from 'react-hook-form';
import { DOCUMENT_TYPES } from '../../lib/document/fields.ts';
import type { MrzReading } from '../../lib/mrz/readMrz.ts';
import { formatOfLines } from '../../lib/mrz/formats.ts';
import { mrzLines, verifyFields } from '../../lib/mrz/verifyFields.ts';
import { useScanStore } from '../../state/scanStore.ts';
import { ExportBar } from './ExportBar.tsx';
import { FieldRow } from './FieldRow.tsx';
import {
  CHECK_OF,
  CHECK_TEXT,
  correctionsByField,
  describeCorrections,
  describeDoubt,
  warningsFor,
  type FieldName,
} from './fieldStatus.ts';
import {
  documentFormSchema,
  emptyFormValues,
  formValuesFrom,
  type DocumentFormValues,
} from './formSchema.ts';
import { MrzField } from './MrzField.tsx';
import styles from './ReviewForm.module.css';

interface FieldSpec {
  name: Exclude<FieldName, 'mrz' | 'documentType' | 'sex'>;
  label: string;
  type?: 'date';
  upper?: boolean;
  /** Fields whose cross-field rules read this one: re-validated when it changes. */
  deps?: FieldName[];
}

const DOCUMENT_FIELDS: FieldSpec[] = [
  { name: 'documentCode', label: 'Document code', upper: true },
  { name: 'issuingCountry', label: 'Issuing country', upper: true },
  { name: 'documentNumber', label: 'Document number', upper: true },
  { name: 'issueDate', label: 'Date of issue', type: 'date', deps: ['expiryDate'] },
  { name: 'expiryDate', label: 'Date of expiry', type: 'date', deps: ['issueDate'] },
];
const HOLDER_FIELDS: FieldSpec[] = [
  { name: 'surname', label: 'Surname' },
  { name: 'givenNames', label: 'Given names' },
  { name: 'nationality', label: 'Nationality', upper: true },
  { name: 'dateOfBirth', label: 'Date of birth', type: 'date', deps: ['issueDate'] },
  { name: 'placeOfBirth', label: 'Place of birth' },
  { name: 'personalNumber', label: 'Personal number / optional data', upper: true },
];

const TYPE_LABELS: Record<(typeof DOCUMENT_TYPES)[number], string> = {
  passport: 'Passport',
  id_card: 'Identity card',
  visa: 'Visa',
  driver_license: "Driver's licence",
  residence_permit: 'Residence permit',
  other: 'Other',
};

/** The editable result: every field with where it came from, how sure we are and whether its check digit holds. */
export function ReviewForm() {
  const result = useScanStore((s) => s.result);
  const resultId = useScanStore((s) => s.resultId);
  const reading = result?.reading ?? null;
  const form = useForm<DocumentFormValues>({
    resolver: zodResolver(documentFormSchema),
    defaultValues: emptyFormValues,
    mode: 'onChange',
  });
  const { reset, trigger } = form;
  useEffect(() => {
    reset(reading ? formValuesFrom(reading.fields) : emptyFormValues);
    if (reading) void trigger();
  }, [resultId]); // eslint-disable-line react-hooks/exhaustive-deps -- reset on a new result only, never while the user edits

  const values = useWatch({ control: form.control }) as DocumentFormValues;
  const { documentNumber, dateOfBirth, expiryDate, personalNumber, mrz } = values;
  const checks = useMemo(
    () => verifyFields({ documentNumber, dateOfBirth, expiryDate, personalNumber }, mrz ?? ''),
    [documentNumber, dateOfBirth, expiryDate, personalNumber, mrz],
  );
  const corrections = useMemo(() => correctionsByField(reading), [reading]);
  const warnings = warningsFor(values);
  const format = formatOfLines(mrzLines(values.mrz ?? ''))?.format ?? null;

  const notesFor = (name: FieldName) => {
    const check = CHECK_OF[name];
    const status = check ? checks?.[check] : undefined;
    const confidence = reading?.confidence[name as keyof MrzReading['confidence']];
    const problem = reading?.problems.find((p) => p.field === name);
    // Notes about what the engine read only apply while the value is still what it read.
    const read = reading?.fields[name as keyof MrzReading['fields']];
    const fromReader = reading !== null && read !== undefined;
    const unchanged = fromReader && read === values[name];
    return (
      <>
        {status ? (
          <p className={status === 'invalid' ? styles.bad : styles.good}>
            <span aria-hidden="true">{status === 'invalid' ? '✗ ' : '✓ '}</span>
            {CHECK_TEXT[status]}
          </p>
        ) : null}
        {status === 'valid' && checks?.composite === 'invalid' ? (
          <p className={styles.warn}>
            <span aria-hidden="true">! </span>
            The composite check fails, so one of the checked fields may still be wrong.
          </p>
        ) : null}
        {unchanged
          ? reading.doubts
              .filter((d) => d.field === name)
              .map((d) => (
                <p key={`${d.line}:${d.index}`} className={styles.warn}>
                  <span aria-hidden="true">! </span>
                  {describeDoubt(d)}
                </p>
              ))
          : null}
        {problem && unchanged ? (
          <p className={styles.bad}>The MRZ says {problem.detail}, which is not a real date.</p>
        ) : null}
        {warnings
          .filter((w) => w.field === name)
          .map((w) => (
            <p key={w.text} className={styles.warn}>
              <span aria-hidden="true">! </span>
              {w.text}
            </p>
          ))}
        {unchanged
          ? describeCorrections(corrections[name as keyof typeof corrections] ?? []).map((text) => (
              <p key={text} className={styles.correction}>
                {text}
              </p>
            ))
          : null}
        {unchanged && confidence !== undefined ? (
          <p className={styles.source}>From the MRZ · {Math.round(confidence * 100)}% sure</p>
        ) : null}
        {fromReader && !unchanged ? (
          <p className={styles.source}>{read ? `Edited (the MRZ read “${read}”)` : 'Entered by you'}</p>
        ) : null}
      </>
    );
  };

  return (
    <form
      className={styles.form}
      aria-label="Document details"
      noValidate
      onSubmit={(e) => e.preventDefault()}
    >
      <fieldset className={styles.group}>
        <legend>Document</legend>
        <FieldRow id="field-documentType" label="Document type" notes={notesFor('documentType')}>
          <select
            id="field-documentType"
            aria-describedby="field-documentType-notes"
            {...form.register('documentType')}
          >
            {DOCUMENT_TYPES.map((t) => (
              <option key={t} value={t}>
                {TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </FieldRow>
        {DOCUMENT_FIELDS.map((f) => (
          <TextField key={f.name} spec={f} form={form} notes={notesFor(f.name)} />
        ))}
      </fieldset>
      <fieldset className={styles.group}>
        <legend>Holder</legend>
        {HOLDER_FIELDS.slice(0, 4).map((f) => (
          <TextField key={f.name} spec={f} form={form} notes={notesFor(f.name)} />
        ))}
        <FieldRow id="field-sex" label="Sex" notes={notesFor('sex')}>
          <select id="field-sex" aria-describedby="field-sex-notes" {...form.register('sex')}>
            <option value="">Not given</option>
            <option value="F">F</option>
            <option value="M">M</option>
            <option value="X">X (unspecified)</option>
          </select>
        </FieldRow>
        {HOLDER_FIELDS.slice(4).map((f) => (
          <TextField key={f.name} spec={f} form={form} notes={notesFor(f.name)} />
        ))}
      </fieldset>
      <MrzField form={form} checks={checks} format={format} corrections={corrections.mrz ?? []} />
      <ExportBar form={form} checks={checks} format={format} />
    </form>
  );
}

function TextField({
  spec,
  form,
  notes,
}: {
  spec: FieldSpec;
  form: UseFormReturn<DocumentFormValues>;
  notes: React.ReactNode;
}) {
  const id = `field-${spec.name}`;
  const error = form.formState.errors[spec.name]?.message;
  const registered = form.register(spec.name, spec.deps ? { deps: spec.deps } : undefined);
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    if (spec.upper) upperCaseKeepingCaret(event.target);
    return registered.onChange(event);
  };
  return (
    <FieldRow id={id} label={spec.label} notes={notes} error={error}>
      <input
        id={id}
        type={spec.type ?? 'text'}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-notes`}
        {...registered}
        onChange={onChange}
      />
    </FieldRow>
  );
}

function upperCaseKeepingCaret(input: HTMLInputElement): void {
  const upper = input.value.toUpperCase();
  if (upper === input.value) return;
  const { selectionStart, selectionEnd } = input;
  input.value = upper;
  input.setSelectionRange(selectionStart, selectionEnd);
}
