import type { ChangeEvent, ReactNode } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { FieldSpec, TextFieldName } from './fieldSpecs.ts';
import { FieldRow } from './FieldRow.tsx';
import type { DocumentFormValues } from './formSchema.ts';

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
  const id = `field-${name}`;
  const error = form.formState.errors[name]?.message;
  const registered = form.register(name, spec.deps ? { deps: spec.deps } : undefined);
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
