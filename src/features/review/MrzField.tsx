import type { UseFormReturn } from 'react-hook-form';
import { FORMAT_LABELS, type CheckName, type MrzFormat } from '../../lib/mrz/formats.ts';
import { interpretMrz } from '../../lib/mrz/readMrz.ts';
import type { CheckStatus, Correction } from '../../lib/mrz/types.ts';
import { mrzLines } from '../../lib/mrz/verifyFields.ts';
import { FieldRow } from './FieldRow.tsx';
import { CHECK_TEXT, describeCorrections } from './fieldStatus.ts';
import type { DocumentFormValues } from './formSchema.ts';
import styles from './ReviewForm.module.css';

interface Props {
  form: UseFormReturn<DocumentFormValues>;
  checks: Partial<Record<CheckName, CheckStatus>> | null;
  format: MrzFormat | null;
  corrections: Correction[];
}

/** The raw MRZ, editable, with its composite check and a way to refill the fields from it. */
export function MrzField({ form, checks, format, corrections }: Props) {
  const text = form.watch('mrz');
  const lines = mrzLines(text ?? '');
  const refill = () => {
    const reading = interpretMrz(lines);
    if (!reading) return;
    form.reset({ ...form.getValues(), ...reading.fields });
    void form.trigger();
  };
  return (
    <fieldset className={styles.group}>
      <legend>Machine-readable zone</legend>
      <FieldRow
        id="field-mrz"
        label="MRZ lines"
        wide
        notes={
          <>
            {!text ? null : format ? (
              <p className={styles.source}>
                {FORMAT_LABELS[format]}: {lines.length} lines of {lines[0]?.length} characters
                {format === 'MRVA' || format === 'MRVB' ? ' (a visa MRZ has no composite check)' : ''}
              </p>
            ) : (
              <p className={styles.bad}>
                Not a complete MRZ: expected 3 lines of 30, or 2 of 36 or 44 characters.
              </p>
            )}
            {checks?.composite ? (
              <p className={checks.composite === 'valid' ? styles.good : styles.bad}>
                <span aria-hidden="true">{checks.composite === 'valid' ? '✓ ' : '✗ '}</span>
                Composite: {CHECK_TEXT[checks.composite].toLowerCase()}
              </p>
            ) : null}
            {describeCorrections(corrections).map((text) => (
              <p key={text} className={styles.correction}>
                {text}
              </p>
            ))}
          </>
        }
      >
        <textarea
          id="field-mrz"
          className={styles.mrz}
          rows={3}
          spellCheck={false}
          autoComplete="off"
          aria-describedby="field-mrz-notes"
          {...form.register('mrz')}
        />
      </FieldRow>
      <button type="button" className={styles.secondary} onClick={refill} disabled={!format}>
        Update fields from the MRZ
      </button>
    </fieldset>
  );
}
