import type { ChangeEvent, ReactNode } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../lib/dates/isoDate.ts';
import type { FieldSpec, TextFieldName } from './fieldSpecs.ts';
import { FieldRow } from './FieldRow.tsx';
import { isValidationMessage, type DocumentFormValues } from './formSchema.ts';
import styles from './ReviewForm.module.css';

/** One text or date input of the review form, registered with react-hook-form, with its notes. */
export function TextField({
  name,
  spec,
  form,
  notes,
}: {
  name: TextFieldName;
  spec: FieldSpec;
  form: UseFormReturn<DocumentFormValues>;
  notes: ReactNode;
}) {
  const { i18n } = useTranslation('review');
  const id = `field-${name}`;
  const message = form.formState.errors[name]?.message;
  // The schema's messages are keys (formSchema.ts): worded here, in the language chosen now.
  const error = message && isValidationMessage(message) ? i18n.t(message) : message;
  const value = useWatch({ control: form.control, name });
  const registered = form.register(name, spec.deps ? { deps: spec.deps } : undefined);
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    if (spec.upper) upperCaseKeepingCaret(event.target);
    return registered.onChange(event);
  };
  const localDate = spec.type === 'date' && isIsoDate(value) ? longDate(value, i18n.language) : null;
  return (
    <FieldRow
      id={id}
      label={spec.label}
      notes={
        <>
          {localDate ? (
            <p className={styles.source} data-testid="review.localDate">
              {localDate}
            </p>
          ) : null}
          {notes}
        </>
      }
      error={error}
    >
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

/**
 * The ISO value written out in the interface language ("12 March 1985", "12 Maret 1985",
 * "12 mars 1985"). English as the app writes it (British: licence, colour), so day before month.
 * UTC on both sides: a calendar date, never shifted by the device's time zone.
 */
function longDate(iso: string, language: string): string {
  const locale = language === 'en' ? 'en-GB' : language;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

function upperCaseKeepingCaret(input: HTMLInputElement): void {
  const upper = input.value.toUpperCase();
  if (upper === input.value) return;
  const { selectionStart, selectionEnd } = input;
  input.value = upper;
  input.setSelectionRange(selectionStart, selectionEnd);
}
