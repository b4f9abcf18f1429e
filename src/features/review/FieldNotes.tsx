import { useTranslation } from 'react-i18next';
import type { ScanResult } from '../../engine/readDocument.ts';
import type { crossCheck } from '../../lib/licence/crossCheck.ts';
import type { CheckName } from '../../lib/mrz/formats.ts';
import type { MrzReading } from '../../lib/mrz/readMrz.ts';
import type { CheckStatus, Correction } from '../../lib/mrz/types.ts';
import { FieldCrop } from './FieldCrop.tsx';
import {
  BARCODE_PROBLEMS,
  editedNote,
  fieldLabel,
  LOW_CONFIDENCE,
  PRINTED_NOTES,
  PRINTED_PROBLEMS,
  readFields,
  SOURCE_LABELS,
} from './fieldSpecs.ts';
import {
  CHECK_OF,
  checkText,
  describeDoubt,
  groupCorrections,
  type correctionsByField,
  type FieldName,
  type Warning,
} from './fieldStatus.ts';
import type { DocumentFormValues } from './formSchema.ts';
import { provenanceOf, type Urls } from './provenance.ts';
import { undoCorrections } from './undoCorrection.ts';
import { PrintedNote } from './PrintedPage.tsx';
import type { PrintedReading } from '../../lib/text/printedReading.ts';
import type { VizField } from '../../lib/viz/parseViz.ts';
import styles from './ReviewForm.module.css';

/** What the form knows about the document as a whole, for each field's notes. */
export interface ReviewContext {
  result: ScanResult | null;
  reading: MrzReading | null;
  values: DocumentFormValues;
  checks: Partial<Record<CheckName, CheckStatus>> | null;
  corrections: ReturnType<typeof correctionsByField>;
  warnings: Warning[];
  /** The other side of the same licence, compared field by field. */
  sides: ReturnType<typeof crossCheck>;
  otherIsBack: boolean;
  urls: Urls;
  setField: (name: FieldName, value: string) => void;
  /** The document's printed page, when read (MRZ documents). */
  printed: PrintedReading<VizField> | null;
  /** The value as read, and the MRZ's corrections for it made again. */
  restore: (name: FieldName, read: string) => void;
  undo: (name: FieldName, corrections: Correction[]) => void;
}

/**
 * A field's notes: its check digit, doubts, problems, the other side's value, its crop, where it
 * came from and how sure the reader was, and the corrections made to it (each with an undo).
 */
export function FieldNotes({ name, review }: { name: FieldName; review: ReviewContext }) {
  const { t } = useTranslation('review');
  const {
    result,
    reading,
    values,
    checks,
    corrections,
    warnings,
    sides,
    otherIsBack,
    setField,
    undo,
    restore,
    printed,
  } = review;
  const label = name === 'mrz' ? '' : fieldLabel(name);
  const check = CHECK_OF[name];
  const status = check ? checks?.[check] : undefined;
  const confidence =
    reading?.confidence[name as keyof MrzReading['confidence']] ??
    (result && 'printed' in result ? result.printed.confidence[name] : undefined);
  const printedProblems =
    result && 'printed' in result ? result.printed.problems.filter((p) => p.field === name) : [];
  const printedNotes =
    result && 'printed' in result ? (result.printed.notes ?? []).filter((n) => n.field === name) : [];
  const crop = provenanceOf(result, name, review.urls).crop;
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
      {printed && name in printed.fields ? (
        <PrintedNote
          name={name}
          label={label}
          value={values[name]}
          printed={printed}
          fromMrz={Boolean(read)}
          use={(v) => setField(name, v)}
        />
      ) : null}
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
            })}{' '}
            <button
              type="button"
              className={styles.inline}
              aria-label={t('actions.useOtherLabel', {
                field: label,
                value: sides[name as keyof typeof sides]!.other,
              })}
              onClick={() => setField(name, sides[name as keyof typeof sides]!.other)}
            >
              {t(otherIsBack ? 'actions.useBack' : 'actions.useFront')}
            </button>
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
        ? groupCorrections(corrections[name as keyof typeof corrections] ?? []).map((group) => (
            <p key={group.text} className={styles.correction}>
              {group.text}
              {/* Only while the MRZ still holds the corrected characters (not after a Restore). */}
              {undoCorrections(values.mrz, group.corrections) ? (
                <>
                  {' '}
                  <button
                    type="button"
                    className={styles.inline}
                    aria-label={t('actions.undoLabel', { field: label, change: group.text })}
                    onClick={() => undo(name, group.corrections)}
                  >
                    {t('actions.undo')}
                  </button>
                </>
              ) : null}
            </p>
          ))
        : null}
      {unchanged && confidence !== undefined ? (
        <p className={styles.source}>{t('notes.sure', { source, percent: Math.round(confidence * 100) })}</p>
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
        <p className={styles.source}>
          {read ? editedNote(result.kind, read) : t('notes.enteredByYou')}
          {read ? (
            <>
              {' '}
              <button
                type="button"
                className={styles.inline}
                aria-label={t('actions.restoreLabel', { field: label, value: read })}
                onClick={() => restore(name, read)}
              >
                {t('actions.restore')}
              </button>
            </>
          ) : null}
        </p>
      ) : null}
    </>
  );
}
