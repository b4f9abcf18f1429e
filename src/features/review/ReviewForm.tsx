import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { DOCUMENT_TYPES } from '../../lib/document/fields.ts';
import { crossCheck } from '../../lib/licence/crossCheck.ts';
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
  LAYOUT_GROUPS,
  type DocumentFormValues,
} from './formSchema.ts';
import { FieldCrop } from './FieldCrop.tsx';
import {
  BARCODE_PROBLEMS,
  FIELD_SPECS,
  layoutOf,
  licenceSide,
  LOW_CONFIDENCE,
  PRINTED_NOTES,
  PRINTED_PROBLEMS,
  readFields,
  SOURCE_LABELS,
  SOURCE_NOUNS,
  TYPE_LABELS,
} from './fieldSpecs.ts';
import { MrzField } from './MrzField.tsx';
import { TextField } from './TextField.tsx';
import { provenanceOf } from './provenance.ts';
import styles from './ReviewForm.module.css';

/** The editable result: every field with where it came from, how sure we are and whether its check digit holds. */
export function ReviewForm() {
  const result = useScanStore((s) => s.result);
  const resultId = useScanStore((s) => s.resultId);
  const pageUrl = useScanStore((s) => s.pageUrl);
  const imageUrl = useScanStore((s) => s.imageUrl);
  const lineUrls = useScanStore((s) => s.lineUrls);
  const previous = useScanStore((s) => s.previous);
  const reading = result?.kind === 'mrz' ? result.reading : null;
  const layout = layoutOf(result);
  const resolver = useMemo(() => zodResolver(documentFormSchema(layout)), [layout]);
  const form = useForm<DocumentFormValues>({
    resolver,
    defaultValues: emptyFormValues,
    mode: 'onChange',
  });
  const { reset, trigger } = form;
  useEffect(() => {
    reset(result ? formValuesFrom(readFields(result)) : emptyFormValues);
    if (result) void trigger();
  }, [resultId]); // eslint-disable-line react-hooks/exhaustive-deps -- reset on a new result only, never while the user edits

  const values = useWatch({ control: form.control }) as DocumentFormValues;
  const { documentNumber, dateOfBirth, expiryDate, personalNumber, mrz } = values;
  const checks = useMemo(
    () =>
      layout === 'mrz'
        ? verifyFields({ documentNumber, dateOfBirth, expiryDate, personalNumber }, mrz ?? '')
        : null,
    [layout, documentNumber, dateOfBirth, expiryDate, personalNumber, mrz],
  );
  const corrections = useMemo(() => correctionsByField(reading), [reading]);
  const warnings = warningsFor(values);
  // The other side of the same licence, read earlier in this session: compared field by field.
  const otherSide =
    result && previous && licenceSide(result) && licenceSide(previous) && result.kind !== previous.kind
      ? previous
      : null;
  const sides = otherSide ? crossCheck(values, readFields(otherSide)) : {};
  const otherName = otherSide?.kind === 'licence-back' ? 'the back’s barcode' : 'the front';
  const format = layout === 'mrz' ? (formatOfLines(mrzLines(values.mrz ?? ''))?.format ?? null) : null;
  const groups = LAYOUT_GROUPS[layout];

  const notesFor = (name: FieldName) => {
    const check = CHECK_OF[name];
    const status = check ? checks?.[check] : undefined;
    const confidence =
      reading?.confidence[name as keyof MrzReading['confidence']] ??
      (result && 'printed' in result ? result.printed.confidence[name] : undefined);
    const printedProblems =
      result && 'printed' in result ? result.printed.problems.filter((p) => p.field === name) : [];
    const printedNotes =
      result && 'printed' in result ? (result.printed.notes ?? []).filter((n) => n.field === name) : [];
    const crop = provenanceOf(result, name, { imageUrl, pageUrl, lineUrls }).crop;
    const unsure = confidence !== undefined && confidence < LOW_CONFIDENCE;
    const problem = reading?.problems.find((p) => p.field === name);
    // Notes about what the engine read only apply while the value is still what it read.
    const read = result ? readFields(result)[name] : undefined;
    const fromReader = result !== null && read !== undefined;
    const unchanged = fromReader && read === values[name];
    const source = result ? SOURCE_LABELS[result.kind] : '';
    const barcodeProblems =
      result?.kind === 'licence-back' ? result.licence.problems.filter((p) => p.field === name) : [];
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
        {unchanged && reading
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
        {unchanged
          ? barcodeProblems.map((p) => (
              <p key={p.reason} className={p.reason === 'truncated' ? styles.warn : styles.bad}>
                <span aria-hidden="true">! </span>
                {BARCODE_PROBLEMS[p.reason]}
              </p>
            ))
          : null}
        {unchanged
          ? printedProblems.map((p) => (
              <p key={p.code} className={styles.bad}>
                <span aria-hidden="true">✗ </span>
                {PRINTED_PROBLEMS[p.code] ?? 'This value disagrees with another on the card.'}
              </p>
            ))
          : null}
        {name in sides ? (
          sides[name as keyof typeof sides]!.agrees ? (
            <p className={styles.good}>
              <span aria-hidden="true">✓ </span>
              Matches {otherName}.
            </p>
          ) : (
            <p className={styles.bad}>
              <span aria-hidden="true">✗ </span>
              {otherName.charAt(0).toUpperCase() + otherName.slice(1)} says “
              {sides[name as keyof typeof sides]!.other}”: compare with the card.
            </p>
          )
        ) : null}
        {unchanged
          ? printedNotes.map((n) => (
              <p key={n.code} className={styles.source}>
                {PRINTED_NOTES[n.code]}
              </p>
            ))
          : null}
        {unchanged && unsure ? (
          <p className={styles.warn}>
            <span aria-hidden="true">! </span>
            Hard to read: compare with the document.
          </p>
        ) : null}
        {unchanged && crop ? <FieldCrop {...crop} /> : null}
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
          <p className={styles.source}>
            {source} · {Math.round(confidence * 100)}% sure
          </p>
        ) : null}
        {unchanged && confidence === undefined && read ? (
          <p className={styles.source}>
            {result?.kind === 'licence-back'
              ? `${source} · error-corrected`
              : result?.kind === 'mrz'
                ? `${source} · from the document code`
                : 'Inferred from the kind of card: compare with the document'}
          </p>
        ) : null}
        {fromReader && !unchanged ? (
          <p className={styles.source}>
            {read ? `Edited (the ${SOURCE_NOUNS[result.kind]} read “${read}”)` : 'Entered by you'}
          </p>
        ) : null}
      </>
    );
  };

  const renderField = (name: FieldName) => {
    if (name === 'documentType')
      return (
        <FieldRow key={name} id="field-documentType" label="Document type" notes={notesFor('documentType')}>
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
      );
    if (name === 'sex')
      return (
        <FieldRow key={name} id="field-sex" label="Sex" notes={notesFor('sex')}>
          <select id="field-sex" aria-describedby="field-sex-notes" {...form.register('sex')}>
            <option value="">Not given</option>
            <option value="F">F</option>
            <option value="M">M</option>
            <option value="X">X (unspecified)</option>
          </select>
        </FieldRow>
      );
    if (name === 'mrz') return null;
    return <TextField key={name} name={name} spec={FIELD_SPECS[name]} form={form} notes={notesFor(name)} />;
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
        {groups.document.map(renderField)}
      </fieldset>
      <fieldset className={styles.group}>
        <legend>Holder</legend>
        {groups.holder.map(renderField)}
      </fieldset>
      {layout === 'mrz' ? (
        <MrzField form={form} checks={checks} format={format} corrections={corrections.mrz ?? []} />
      ) : null}
      <ExportBar form={form} checks={checks} format={format} layout={layout} />
    </form>
  );
}
