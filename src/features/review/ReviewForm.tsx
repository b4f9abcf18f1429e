import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_TYPES } from '../../lib/document/fields.ts';
import { crossCheck } from '../../lib/licence/crossCheck.ts';
import { formatOfLines } from '../../lib/mrz/formats.ts';
import type { Correction } from '../../lib/mrz/types.ts';
import { mrzLines, verifyFields } from '../../lib/mrz/verifyFields.ts';
import { useScanStore } from '../../state/scanStore.ts';
import { saveDraft } from '../batch/sessionActions.ts';
import { ExportBar } from './ExportBar.tsx';
import { FieldNotes, type ReviewContext } from './FieldNotes.tsx';
import { FieldRow } from './FieldRow.tsx';
import { FIELD_SPECS, fieldLabel, layoutOf, licenceSide, readFields, typeLabel } from './fieldSpecs.ts';
import { correctionsByField, warningsFor, type FieldName } from './fieldStatus.ts';
import {
  documentFormSchema,
  emptyFormValues,
  formValuesFrom,
  LAYOUT_GROUPS,
  type DocumentFormValues,
} from './formSchema.ts';
import { MrzField } from './MrzField.tsx';
import { PrintedPage } from './PrintedPage.tsx';
import type { PrintedReading } from '../../lib/text/printedReading.ts';
import type { VizField } from '../../lib/viz/parseViz.ts';
import { TextField } from './TextField.tsx';
import { redoCorrections, undoCorrections } from './undoCorrection.ts';
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
  const printed = useScanStore((s) => s.printed);
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

  // The button pressed goes away with the note it was in: focus moves to the field it changed.
  const setField = (name: FieldName, value: string) => {
    form.setValue(name, value as never, { shouldDirty: true, shouldValidate: true });
    if (name !== 'mrz') requestAnimationFrame(() => form.setFocus(name));
  };
  // Puts back what the OCR read before the repair changed it, in the MRZ and in the field.
  const undo = (name: FieldName, list: Correction[]) => {
    const undone = undoCorrections(values.mrz ?? '', list);
    if (!undone) return;
    setField('mrz', undone.mrz);
    setField(name, String(undone.fields[name] ?? ''));
  };
  const restore = (name: FieldName, read: string) => {
    const redone = redoCorrections(values.mrz ?? '', corrections[name as keyof typeof corrections] ?? []);
    if (redone) setField('mrz', redone);
    setField(name, read);
  };

  const review: ReviewContext = {
    result,
    reading,
    values,
    checks,
    corrections,
    warnings,
    sides,
    otherIsBack,
    urls: { imageUrl, pageUrl, lineUrls },
    setField,
    undo,
    restore,
    printed,
  };
  // The printed page's values go into the fields still empty (the MRZ has no place of birth).
  const fillFromPrinted = (found: PrintedReading<VizField>) => {
    for (const [name, value] of Object.entries(found.fields) as Array<[VizField, string]>)
      if (!form.getValues(name)) form.setValue(name, value, { shouldDirty: true, shouldValidate: true });
  };
  const notesFor = (name: FieldName) => <FieldNotes name={name} review={review} />;

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
      {layout === 'mrz' ? <PrintedPage onRead={fillFromPrinted} /> : null}
      {layout === 'mrz' ? (
        <MrzField form={form} checks={checks} format={format} corrections={corrections.mrz ?? []} />
      ) : null}
      <ExportBar form={form} checks={checks} format={format} layout={layout} />
    </form>
  );
}
