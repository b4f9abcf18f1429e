import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_TYPES } from '../../lib/document/fields.ts';
import { crossCheck } from '../../lib/licence/crossCheck.ts';
import type { MrzReading } from '../../lib/mrz/readMrz.ts';
import { formatOfLines } from '../../lib/mrz/formats.ts';
import { mrzLines, verifyFields } from '../../lib/mrz/verifyFields.ts';
import { useScanStore } from '../../state/scanStore.ts';
import { saveDraft } from '../scan/scanActions.ts';
import { ExportBar } from './ExportBar.tsx';
import { FieldRow } from './FieldRow.tsx';
import {
  CHECK_OF,
  checkText,
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
  editedNote,
  FIELD_SPECS,
  fieldLabel,
  layoutOf,
  licenceSide,
  LOW_CONFIDENCE,
  PRINTED_NOTES,
  PRINTED_PROBLEMS,
  readFields,
  SOURCE_LABELS,
  typeLabel,
} from './fieldSpecs.ts';
import { MrzField } from './MrzField.tsx';
import { TextField } from './TextField.tsx';
import { provenanceOf } from './provenance.ts';
import styles from './ReviewForm.module.css';

/** The editable result: every field with where it came from, how sure we are and whether its check digit holds. */
export function ReviewForm() {
  const { t } = useTranslation('review');
  const result = useScanStore((s) => s.result);
  const resultId = useScanStore((s) => s.resultId);
  const pageUrl = useScanStore((s) => s.pageUrl);
  const imageUrl = useScanStore((s) => s.imageUrl);
  const lineUrls = useScanStore((s) => s.lineUrls);
  const previous = useScanStore((s) => s.previous);
  const reading = result?.kind === 'mrz' ? result.reading : null;
  const kind = useScanStore((s) => s.kind);
  const layout = layoutOf(kind);
  const resolver = useMemo(() => zodResolver(documentFormSchema(layout)), [layout]);
  const form = useForm<DocumentFormValues>({
    resolver,
    defaultValues: emptyFormValues,
    mode: 'onChange',
  });
  const { reset, trigger } = form;
  const saved = useScanStore((s) => s.values);
  useEffect(() => {
    reset(saved ?? (result ? formValuesFrom(readFields(result)) : emptyFormValues));
    if (result || saved) void trigger();
  }, [resultId]); // eslint-disable-line react-hooks/exhaustive-deps -- reset on a new result only, never while the user edits
  // The session keeps each document as the user leaves it (reopened later, exported as CSV).
  useEffect(
    () => form.subscribe({ formState: { values: true }, callback: ({ values }) => saveDraft(values) }),
    [form],
  );

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
  const otherIsBack = otherSide?.kind === 'licence-back';
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
            {checkText(status)}
          </p>
        ) : null}
        {status === 'valid' && checks?.composite === 'invalid' ? (
          <p className={styles.warn}>
            <span aria-hidden="true">! </span>
            {t('notes.compositeFails')}
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
          <p className={styles.bad}>{t('notes.notARealDate', { detail: problem.detail })}</p>
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
                {PRINTED_PROBLEMS[p.code] ?? t('notes.disagrees')}
              </p>
            ))
          : null}
        {name in sides ? (
          sides[name as keyof typeof sides]!.agrees ? (
            <p className={styles.good}>
              <span aria-hidden="true">✓ </span>
              {otherIsBack ? t('notes.matchesBack') : t('notes.matchesFront')}
            </p>
          ) : (
            <p className={styles.bad}>
              <span aria-hidden="true">✗ </span>
              {t(otherIsBack ? 'notes.backSays' : 'notes.frontSays', {
                other: sides[name as keyof typeof sides]!.other,
              })}
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
            {t('notes.hardToRead')}
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
            {t('notes.sure', { source, percent: Math.round(confidence * 100) })}
          </p>
        ) : null}
        {unchanged && confidence === undefined && read ? (
          <p className={styles.source}>
            {result?.kind === 'licence-back'
              ? t('notes.errorCorrected', { source })
              : result?.kind === 'mrz'
                ? t('notes.fromDocumentCode', { source })
                : t('notes.inferred')}
          </p>
        ) : null}
        {fromReader && !unchanged ? (
          <p className={styles.source}>{read ? editedNote(result.kind, read) : t('notes.enteredByYou')}</p>
        ) : null}
      </>
    );
  };

  const renderField = (name: FieldName) => {
    if (name === 'documentType')
      return (
        <FieldRow
          key={name}
          id="field-documentType"
          label={fieldLabel('documentType')}
          notes={notesFor('documentType')}
        >
          <select
            id="field-documentType"
            aria-describedby="field-documentType-notes"
            {...form.register('documentType')}
          >
            {DOCUMENT_TYPES.map((type) => (
              <option key={type} value={type}>
                {typeLabel(type)}
              </option>
            ))}
          </select>
        </FieldRow>
      );
    if (name === 'sex')
      return (
        <FieldRow key={name} id="field-sex" label={fieldLabel('sex')} notes={notesFor('sex')}>
          <select id="field-sex" aria-describedby="field-sex-notes" {...form.register('sex')}>
            <option value="">{t('sexOptions.none')}</option>
            <option value="F">{t('sexOptions.female')}</option>
            <option value="M">{t('sexOptions.male')}</option>
            <option value="X">{t('sexOptions.unspecified')}</option>
          </select>
        </FieldRow>
      );
    if (name === 'mrz') return null;
    return <TextField key={name} name={name} spec={FIELD_SPECS[name]} form={form} notes={notesFor(name)} />;
  };

  return (
    <form
      className={styles.form}
      aria-label={t('form.label')}
      noValidate
      onSubmit={(e) => e.preventDefault()}
    >
      <fieldset className={styles.group}>
        <legend>{t('form.document')}</legend>
        {groups.document.map(renderField)}
      </fieldset>
      <fieldset className={styles.group}>
        <legend>{t('form.holder')}</legend>
        {groups.holder.map(renderField)}
      </fieldset>
      {layout === 'mrz' ? (
        <MrzField form={form} checks={checks} format={format} corrections={corrections.mrz ?? []} />
      ) : null}
      <ExportBar form={form} checks={checks} format={format} layout={layout} />
    </form>
  );
}
