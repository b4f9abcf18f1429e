import { useTranslation } from 'react-i18next';
import type { PrintedReading } from '../../lib/text/printedReading.ts';
import type { VizField } from '../../lib/viz/parseViz.ts';
import { useScanStore } from '../../state/scanStore.ts';
import { readPrinted } from '../scan/scanActions.ts';
import type { FieldName } from './fieldStatus.ts';
import { comparePrinted } from './printedCompare.ts';
import styles from './ReviewForm.module.css';

/**
 * "Read the printed page too", for an MRZ document: the visual zone's captions and values, each
 * compared with the form beside its field, and the fields the MRZ has no room for filled in.
 */
export function PrintedPage({ onRead }: { onRead: (printed: PrintedReading<VizField>) => void }) {
  const { t } = useTranslation('review');
  const state = useScanStore((s) => s.printedState);
  const printed = useScanStore((s) => s.printed);
  const canRead = useScanStore((s) => s.imageUrl !== null);
  if (!canRead) return null;
  const count = printed ? Object.keys(printed.fields).length : 0;
  return (
    <div className={styles.printedPage}>
      <button
        type="button"
        disabled={state === 'working'}
        onClick={async () => {
          const found = await readPrinted();
          if (found) onRead(found);
        }}
      >
        {t('printed.read')}
      </button>
      <p role="status" className={styles.source}>
        {state === 'working'
          ? t('printed.reading')
          : state === 'error'
            ? t('printed.none')
            : printed
              ? t('printed.done', { count })
              : t('printed.hint')}
      </p>
    </div>
  );
}

/** One field against the printed page: the same, the printed spelling, or another value to take. */
export function PrintedNote({
  name,
  label,
  value,
  printed,
  fromMrz,
  use,
}: {
  name: FieldName;
  label: string;
  value: string;
  printed: PrintedReading<VizField>;
  fromMrz: boolean;
  use: (value: string) => void;
}) {
  const { t } = useTranslation('review');
  const field = name as VizField;
  const text = printed.fields[field] ?? '';
  const comparison = comparePrinted(field, value, text);
  if (!comparison) return null;
  const confidence = Math.round((printed.confidence[field] ?? 0) * 100);
  if (comparison.kind === 'same')
    return fromMrz ? (
      <p className={styles.good}>
        <span aria-hidden="true">✓ </span>
        {t('printed.matches')}
      </p>
    ) : (
      <p className={styles.source}>{t('printed.from', { percent: confidence })}</p>
    );
  return (
    <p className={comparison.kind === 'spelling' ? styles.source : styles.bad}>
      {comparison.kind === 'differs' ? <span aria-hidden="true">✗ </span> : null}
      {t(comparison.kind === 'spelling' ? 'printed.spelledAs' : 'printed.says', { printed: text })}{' '}
      <button
        type="button"
        className={styles.inline}
        aria-label={t('actions.useOtherLabel', { field: label, value: text })}
        onClick={() => use(text)}
      >
        {t(comparison.kind === 'spelling' ? 'printed.useSpelling' : 'printed.use')}
      </button>
    </p>
  );
}
