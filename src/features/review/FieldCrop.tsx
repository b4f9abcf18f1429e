import type { PageInfo } from '../../engine/readDocument.ts';
import type { Box } from '../../lib/text/pageText.ts';
import styles from './ReviewForm.module.css';

/** Height of a crop on screen, in CSS pixels. */
const CROP_HEIGHT = 30;
const PAD = 0.25;

/**
 * The part of the document a value was read from, cut out of the straightened page with CSS (no
 * canvas, no copy of the pixels).
 */
export function FieldCrop({ url, box, page }: { url: string; box: Box; page: PageInfo }) {
  const pad = box.height * PAD;
  const x = box.x - pad;
  const y = box.y - pad;
  const w = box.width + pad * 2;
  const h = box.height + pad * 2;
  const scale = CROP_HEIGHT / h;
  return (
    <div
      className={styles.crop}
      role="img"
      aria-label="Where this value was read on the document"
      style={{
        width: `${Math.round(w * scale)}px`,
        height: `${CROP_HEIGHT}px`,
        backgroundImage: `url("${url}")`,
        backgroundSize: `${Math.round(page.width * scale)}px ${Math.round(page.height * scale)}px`,
        backgroundPosition: `${Math.round(-x * scale)}px ${Math.round(-y * scale)}px`,
      }}
    />
  );
}
