import { useTranslation } from 'react-i18next';
import { i18next } from '../../app/i18n.ts';
import type { ScanResult } from '../../engine/readDocument.ts';
import { svgPoints } from '../../lib/geometry/quad.ts';
import { useFocusedField, useScanStore } from '../../state/scanStore.ts';
import { formatLabel, KIND_KEYS } from './fieldSpecs.ts';
import type { FieldName } from './formSchema.ts';
import { provenanceOf } from './provenance.ts';
import styles from './ReviewForm.module.css';

/** What was read, in the interface language at the time of the call. */
function caption(result: ScanResult): string {
  if (result.kind === 'mrz')
    return i18next.t('review:preview.mrz', { format: formatLabel(result.reading.format) });
  if (result.kind === 'licence-back') {
    const { jurisdiction, version } = result.licence;
    // A jurisdiction's name is a place name, shown as the lookup table spells it.
    return jurisdiction
      ? i18next.t('review:preview.barcode', { place: jurisdiction.name, version })
      : i18next.t('review:preview.licenceBarcode', { version });
  }
  return i18next.t(`review:preview.kinds.${KIND_KEYS[result.kind]}`);
}

/**
 * The image being reviewed. For an MRZ or a barcode: the photo with the document outline drawn
 * over it. For printed text: the straightened document it was read from, with the region of the
 * field being pointed at or edited highlighted.
 */
export function DocumentPreview() {
  const { t } = useTranslation('review');
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
        <img src={page ? pageUrl! : imageUrl} alt={page ? t('preview.altPage') : t('preview.altImage')} />
        {quad || box || outline ? (
          <svg viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="xMidYMid meet" aria-hidden="true">
            {quad ? <polygon points={svgPoints(quad)} /> : null}
            {outline ? <polygon className={styles.highlight} points={svgPoints(outline)} /> : null}
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
        {result.rotation ? ` · ${t('preview.turned', { degrees: result.rotation })}` : ''}
        {result.document ? ` · ${t('preview.outlineFound')}` : ''}
      </figcaption>
    </figure>
  );
}
