import { FORMAT_LABELS } from '../../lib/mrz/formats.ts';
import { useScanStore } from '../../state/scanStore.ts';
import styles from './ReviewForm.module.css';

/** The image being reviewed, with the document outline the reader found drawn over it. */
export function DocumentPreview() {
  const imageUrl = useScanStore((s) => s.imageUrl);
  const result = useScanStore((s) => s.result);
  const fileName = useScanStore((s) => s.fileName);
  if (!imageUrl || !result) return null;
  const { width, height } = result.imageSize;
  const quad = result.document;
  return (
    <figure className={styles.preview}>
      <div className={styles.previewFrame}>
        <img src={imageUrl} alt="The document image being reviewed" />
        {quad ? (
          <svg viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="xMidYMid meet" aria-hidden="true">
            <polygon points={quad.map((p) => `${p.x},${p.y}`).join(' ')} />
          </svg>
        ) : null}
      </div>
      <figcaption>
        {fileName} · {FORMAT_LABELS[result.reading.format]} MRZ
        {result.rotation ? ` · turned ${result.rotation}°` : ''}
        {quad ? ' · outline found' : ''}
      </figcaption>
    </figure>
  );
}
