import type { ReactNode } from 'react';
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
  return (
    <div className={wide ? `${styles.field} ${styles.wide}` : styles.field}>
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
