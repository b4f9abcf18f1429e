/** What the preprocessing measured about an image, as plain numbers. */
export interface QualityMeasures {
  /** Variance of the Laplacian over the MRZ line crops at a fixed text height. */
  sharpness: number;
  /** Variance of the Laplacian over the whole document at a 1000 px long side. */
  frameSharpness: number;
  /** Mean grey level (0-255) of the document. */
  brightness: number;
  /** Share of the document's pixels that are blown out. */
  glare: number;
  /** Share of the worst MRZ line's pixels that are blown out (0 when no MRZ was found). */
  mrzGlare: number;
  /** MRZ text height in working-image pixels (0 when no MRZ was found). */
  textHeight: number;
}

/** Why a read may have failed, when the image itself shows it. */
export type QualityHint = 'blurry' | 'dark' | 'glare' | 'mrz-glare' | 'small-text';

/**
 * Sharpness is the variance of the Laplacian over line crops at a 32 px text height. Measured by
 * blurring 12 clean benchmark scans (text ~27 px): reading held up to a Gaussian σ of 2.5 px
 * (sharpness ~60, sharp scans ~2,700) and collapsed from σ 3 px (sharpness 30-40): below 45 the
 * image is called blurry.
 */
const BLURRY_BELOW = 45;
/**
 * When no MRZ was found, the whole document at 1000 px: sharp scans and photos measured 500-1,440;
 * σ 3 px blur 3-16 and σ 5 px 1-4 as PNG, 15 for σ 5 px saved as JPEG (block edges add detail).
 */
const FRAME_BLURRY_BELOW = 40;
/** Mean grey of the document: below this the photo was taken in poor light. */
const DARK_BELOW = 55;
/** Share of the document blown out to white: glare. Only reported when a read fails. */
const GLARE_ABOVE = 0.08;
/**
 * Share of an MRZ line blown out: a glare spot over a few characters of a line (the hard benchmark's
 * spots cover 3-10 % of a line) washes them out while the document as a whole stays under 8 %.
 */
const MRZ_GLARE_ABOVE = 0.02;
/** MRZ text height in the original photo's pixels; ~12 px is the least the reader is built for. */
const SMALL_TEXT_BELOW = 11;

/** Why an image may have failed, from what the preprocessing measured. */
export function qualityHints(q: QualityMeasures, scale: number): QualityHint[] {
  const hints: QualityHint[] = [];
  if (q.textHeight ? q.sharpness < BLURRY_BELOW : q.frameSharpness < FRAME_BLURRY_BELOW) hints.push('blurry');
  if (q.brightness < DARK_BELOW) hints.push('dark');
  if (q.mrzGlare > MRZ_GLARE_ABOVE) hints.push('mrz-glare');
  else if (q.glare > GLARE_ABOVE) hints.push('glare');
  if (q.textHeight && q.textHeight / scale < SMALL_TEXT_BELOW) hints.push('small-text');
  return hints;
}
