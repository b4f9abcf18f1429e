import type { ReactNode } from 'react';
import { useFocusedField } from '../../state/scanStore.ts';
import styles from './ReviewForm.module.css';

export interface FieldRowProps {
  id: string;
  label: string;
  children: ReactNode;
  /** Notes under the control: status, provenance, corrections. */
  notes?: ReactNode;
  error?: string | undefined;
  wide?: boolean;
}

/** One labelled control with its notes and error; the control must carry id and aria-describedby={`${id}-notes`}. */
export function FieldRow({ id, label, children, notes, error, wide }: FieldRowProps) {
  // Pointing at or focusing a field highlights where it was read on the document.
  const name = id.replace(/^field-/, '');
  const show = (): void => useFocusedField.setState({ field: name });
  const hide = (event: { currentTarget: HTMLElement }): void => {
    // The pointer leaving a field that still has the keyboard focus keeps its highlight.
    if (event.currentTarget.contains(document.activeElement)) return;
    if (useFocusedField.getState().field === name) useFocusedField.setState({ field: null });
  };
  const blur = (): void => {
    if (useFocusedField.getState().field === name) useFocusedField.setState({ field: null });
  };
  return (
    <div
      className={wide ? `${styles.field} ${styles.wide}` : styles.field}
      onFocus={show}
      onBlur={blur}
      onMouseEnter={show}
      onMouseLeave={hide}
    >
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      {children}
      <div id={`${id}-notes`} className={styles.notes}>
        {error ? (
          <p className={styles.error}>
            <span aria-hidden="true">⚠ </span>
            {error}
          </p>
        ) : null}
        {notes}
      </div>
    </div>
  );
}
