import type { CV, Mat } from '@techstark/opencv-js';
import type { LineCrop } from './lineImages.ts';
import { downscaled, withScope, type MatScope } from './matScope.ts';

/** Mean grey level and blown-out share over an image. */
export function exposure(cv: CV, grey: Mat): { brightness: number; glare: number } {
  return withScope((scope) => {
    const mean = cv.mean(grey)[0] ?? 0;
    const bright = scope.track(new cv.Mat());
    cv.threshold(grey, bright, 249, 255, cv.THRESH_BINARY);
    return { brightness: mean, glare: cv.countNonZero(bright) / Math.max(1, grey.rows * grey.cols) };
  });
}

/**
 * Variance of the Laplacian over the whole document at a 1000 px long side: what says "blurred"
 * when not even the MRZ could be found.
 */
export function frameSharpness(cv: CV, grey: Mat): number {
  return withScope((scope) => laplacianVariance(cv, downscaled(cv, grey, 1000, scope).mat, scope));
}

/**
 * Variance of the Laplacian over the line crops. The crops share one text height, so the number
 * compares across images of any resolution.
 */
export function sharpness(cv: CV, crops: LineCrop[]): number {
  if (!crops.length) return 0;
  const values = crops.map((crop) =>
    withScope((scope) => {
      const mat = scope.track(cv.matFromArray(crop.height, crop.width, cv.CV_8UC1, Array.from(crop.pixels)));
      return laplacianVariance(cv, mat, scope);
    }),
  );
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Variance of the Laplacian: how much fine detail (edges) an image holds. */
export function laplacianVariance(cv: CV, mat: Mat, scope: MatScope): number {
  const laplacian = scope.track(new cv.Mat());
  cv.Laplacian(mat, laplacian, cv.CV_64F);
  const mean = scope.track(new cv.Mat());
  const deviation = scope.track(new cv.Mat());
  cv.meanStdDev(laplacian, mean, deviation);
  return (deviation.data64F[0] ?? 0) ** 2;
}
