import type { ScanResult } from '../../engine/readDocument.ts';
import { FORMAT_LABELS } from '../../lib/mrz/formats.ts';
import { useFocusedField, useScanStore } from '../../state/scanStore.ts';
import type { FieldName } from './formSchema.ts';
import { provenanceOf } from './provenance.ts';
import styles from './ReviewForm.module.css';

const KIND_LABELS: Record<ScanResult['kind'], string> = {
  mrz: 'MRZ',
  'licence-back': 'licence barcode',
  'licence-front': 'US licence front',
  ektp: 'Indonesian e-KTP',
  text: 'text',
};

function caption(result: ScanResult): string {
  if (result.kind === 'mrz') return `${FORMAT_LABELS[result.reading.format]} MRZ`;
  if (result.kind === 'licence-back')
    return `${result.licence.jurisdiction?.name ?? 'Licence'} barcode (AAMVA v${result.licence.version})`;
  return KIND_LABELS[result.kind];
}

/**
 * The image being reviewed. For an MRZ or a barcode: the photo with the document outline drawn
 * over it. For printed text: the straightened document it was read from, with the region of the
 * field being pointed at or edited highlighted.
 */
export function DocumentPreview() {
  const imageUrl = useScanStore((s) => s.imageUrl);
  const pageUrl = useScanStore((s) => s.pageUrl);
  const result = useScanStore((s) => s.result);
  const fileName = useScanStore((s) => s.fileName);
  const lineUrls = useScanStore((s) => s.lineUrls);
  const focused = useFocusedField((s) => s.field);
  if (!imageUrl || !result) return null;
  const page = 'page' in result && pageUrl ? result.page : null;
  const { width, height } = page ?? result.imageSize;
  const quad = page ? null : result.document;
  const where = focused ? provenanceOf(result, focused as FieldName, { imageUrl, pageUrl, lineUrls }) : null;
  const box = page ? where?.pageBox : null;
  const outline = page ? null : where?.outline;
  return (
    <figure className={styles.preview}>
      <div className={styles.previewFrame}>
        <img
          src={page ? pageUrl! : imageUrl}
          alt={page ? 'The document as straightened for reading' : 'The document image being reviewed'}
        />
        {quad || box || outline ? (
          <svg viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="xMidYMid meet" aria-hidden="true">
            {quad ? <polygon points={quad.map((p) => `${p.x},${p.y}`).join(' ')} /> : null}
            {outline ? (
              <polygon className={styles.highlight} points={outline.map((p) => `${p.x},${p.y}`).join(' ')} />
            ) : null}
            {box ? (
              <rect
                className={styles.highlight}
                x={box.x - 4}
                y={box.y - 4}
                width={box.width + 8}
                height={box.height + 8}
                rx={4}
              />
            ) : null}
          </svg>
        ) : null}
      </div>
      <figcaption>
        {fileName} · {caption(result)}
        {result.rotation ? ` · turned ${result.rotation}°` : ''}
        {result.document ? ' · outline found' : ''}
      </figcaption>
    </figure>
  );
}
