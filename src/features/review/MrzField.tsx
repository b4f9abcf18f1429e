import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CheckName, MrzFormat } from '../../lib/mrz/formats.ts';
import { interpretMrz } from '../../lib/mrz/readMrz.ts';
import type { CheckStatus, Correction } from '../../lib/mrz/types.ts';
import { mrzLines } from '../../lib/mrz/verifyFields.ts';
import { FieldRow } from './FieldRow.tsx';
import { formatLabel } from './fieldSpecs.ts';
import { compositeCheckText, describeCorrections } from './fieldStatus.ts';
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
  const { t } = useTranslation('review');
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
      <legend>{t('mrz.legend')}</legend>
      <FieldRow
        id="field-mrz"
        label={t('mrz.label')}
        wide
        notes={
          <>
            {!text ? null : format ? (
              <p className={styles.source}>
                {t(format === 'MRVA' || format === 'MRVB' ? 'mrz.shapeVisa' : 'mrz.shape', {
                  format: formatLabel(format),
                  lines: lines.length,
                  length: lines[0]?.length ?? 0,
                })}
              </p>
            ) : (
              <p className={styles.bad}>{t('mrz.incomplete')}</p>
            )}
            {checks?.composite ? (
              <p className={checks.composite === 'valid' ? styles.good : styles.bad}>
                <span aria-hidden="true">{checks.composite === 'valid' ? '✓ ' : '✗ '}</span>
                {compositeCheckText(checks.composite)}
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
        {t('mrz.refill')}
      </button>
    </fieldset>
  );
}
