import type { CV, Mat } from '@techstark/opencv-js';
import { withScope } from './matScope.ts';

/** Where the text runs on a cut: its centre line y = centre + slope·x and its height, in cut pixels. */
export interface TextBand {
  centre: number;
  slope: number;
  height: number;
}

const BAND_SEGMENTS = 8;
/**
 * The band's measured height over the detector's text height on clean scans (median; the model was
 * checked on crops cut that way): a refined crop keeps the text at the same share of its height.
 */
export const BAND_RATIO = 0.97;

/**
 * The text band of a line cut where it clearly misses the expected one, for cutting again. Null
 * when the cut already holds the text about where it was expected (height within 15 %, centre
 * within a quarter of a text height), or when too little of it can be measured to be sure.
 */
export function textBand(cv: CV, cut: Mat, expectedHeight: number): TextBand | null {
  const band = measureBand(cv, cut);
  if (!band) return null;
  const { centre, slope, height } = band;
  const drift = Math.abs(slope) * cut.cols;
  const offset = Math.abs(centre + (slope * cut.cols) / 2 - cut.rows / 2);
  // Only a clear miss is recut: small differences are measurement noise, and the model reads the
  // crops it was checked on best.
  if (
    Math.abs(height / (expectedHeight * BAND_RATIO) - 1) < 0.15 &&
    drift < expectedHeight * 0.25 &&
    offset < expectedHeight * 0.25
  ) {
    return null;
  }
  return band;
}

/**
 * Measures the text band of a line cut: the ink's row profile in eight column segments, each
 * segment's run of inked rows around the middle, a straight centre line through them and the
 * height of the fuller segments ('<' fillers are shorter than letters and digits). Null when too
 * little of it can be measured.
 */
export function measureBand(cv: CV, cut: Mat): TextBand | null {
  return withScope((scope) => {
    const ink = scope.track(new cv.Mat());
    cv.threshold(cut, ink, 0, 1, cv.THRESH_BINARY_INV | cv.THRESH_OTSU);
    const rows = cut.rows;
    const cols = cut.cols;
    const data = ink.data;
    const xs: number[] = [];
    const centres: number[] = [];
    const heights: number[] = [];
    const weights: number[] = [];
    const profile = new Float64Array(rows);
    for (let s = 0; s < BAND_SEGMENTS; s++) {
      const x0 = Math.floor((s * cols) / BAND_SEGMENTS);
      const x1 = Math.floor(((s + 1) * cols) / BAND_SEGMENTS);
      profile.fill(0);
      for (let y = 0; y < rows; y++) {
        let sum = 0;
        for (let x = x0; x < x1; x++) sum += data[y * cols + x]!;
        profile[y] = sum;
      }
      // The strongest row in the middle half (the text), then out while rows keep some ink.
      let peak = Math.floor(rows / 4);
      for (let y = peak; y < Math.ceil((rows * 3) / 4); y++) if (profile[y]! > profile[peak]!) peak = y;
      const floor = profile[peak]! * 0.15;
      if (profile[peak]! < (x1 - x0) * 0.08) continue;
      let top = peak;
      while (top > 0 && profile[top - 1]! > floor) top--;
      let bottom = peak;
      while (bottom < rows - 1 && profile[bottom + 1]! > floor) bottom++;
      // A run that reaches an edge may have merged with the next line: unmeasurable here.
      if (top === 0 || bottom === rows - 1) continue;
      xs.push((x0 + x1) / 2);
      centres.push((top + bottom + 1) / 2);
      heights.push(bottom - top + 1);
      weights.push(profile.reduce((a, b) => a + b, 0));
    }
    if (xs.length < BAND_SEGMENTS / 2) return null;
    // Weighted least squares for the centre line.
    const total = weights.reduce((a, b) => a + b, 0);
    const mx = xs.reduce((a, x, i) => a + x * weights[i]!, 0) / total;
    const my = centres.reduce((a, y, i) => a + y * weights[i]!, 0) / total;
    let sxx = 0;
    let sxy = 0;
    xs.forEach((x, i) => {
      sxx += weights[i]! * (x - mx) ** 2;
      sxy += weights[i]! * (x - mx) * (centres[i]! - my);
    });
    const slope = sxx > 0 ? sxy / sxx : 0;
    const sorted = [...heights].sort((a, b) => a - b);
    const height = sorted[Math.floor(sorted.length * 0.75)]!;
    return { centre: my - slope * mx, slope, height };
  });
}
