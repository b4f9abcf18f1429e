import type { Crop } from './provenance.ts';
import styles from './ReviewForm.module.css';

/** Height of a crop on screen, in CSS pixels. */
const CROP_HEIGHT = 30;
const PAD = 0.25;

/**
 * The part of the document a value was read from (the straightened page, an MRZ line image, the
 * photo around a barcode), cut out with CSS: no canvas, no copy of the pixels.
 */
export function FieldCrop({ url, box, size }: Crop) {
  // A little room around the text; less sideways, where the neighbouring characters are.
  const pad = box.height * PAD;
  const side = pad / 2;
  const x = box.x - side;
  const y = box.y - pad;
  const w = box.width + side * 2;
  const h = box.height + pad * 2;
  const scale = CROP_HEIGHT / h;
  return (
    <div
      className={styles.crop}
      // Visual only: the notes already say where the value came from, in words.
      aria-hidden="true"
      data-testid="review.crop"
      style={{
        width: `min(${Math.round(w * scale)}px, 100%)`,
        height: `${CROP_HEIGHT}px`,
        backgroundImage: `url("${url}")`,
        backgroundSize: `${Math.round(size.width * scale)}px ${Math.round(size.height * scale)}px`,
        backgroundPosition: `${Math.round(-x * scale)}px ${Math.round(-y * scale)}px`,
      }}
    />
  );
}
