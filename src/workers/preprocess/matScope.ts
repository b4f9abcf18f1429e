import type { CV, Mat } from '@techstark/opencv-js';

/**
 * OpenCV.js Mats live in wasm memory and are never garbage-collected: every Mat a step creates is
 * registered here and deleted in `finally`, whatever happens.
 */
interface Deletable {
  delete(): void;
}

export class MatScope {
  private readonly owned: Deletable[] = [];

  track<T extends Deletable>(mat: T): T {
    this.owned.push(mat);
    return mat;
  }

  /** Stops tracking a Mat that is handed to the caller (who must delete it). */
  release<T extends Deletable>(mat: T): T {
    const index = this.owned.indexOf(mat);
    if (index >= 0) this.owned.splice(index, 1);
    return mat;
  }

  dispose(): void {
    while (this.owned.length) this.owned.pop()!.delete();
  }
}

export function withScope<T>(fn: (scope: MatScope) => T): T {
  const scope = new MatScope();
  try {
    return fn(scope);
  } finally {
    scope.dispose();
  }
}

/** A copy whose long side is at most `maxEdge` (never enlarged), tracked by `scope`, and its scale. */
export function downscaled(
  cv: CV,
  image: Mat,
  maxEdge: number,
  scope: MatScope,
): { mat: Mat; scale: number } {
  const scale = Math.min(1, maxEdge / Math.max(image.cols, image.rows));
  const mat = scope.track(new cv.Mat());
  cv.resize(
    image,
    mat,
    new cv.Size(Math.round(image.cols * scale), Math.round(image.rows * scale)),
    0,
    0,
    cv.INTER_AREA,
  );
  return { mat, scale };
}

/**
 * An independent copy of a Mat. Not `mat.clone()`: in OpenCV.js that is embind's handle clone, a
 * second handle on the same pixels (what is drawn on the "copy" is drawn on the original).
 */
export function copyOf(cv: CV, mat: Mat): Mat {
  const copy = new cv.Mat();
  mat.copyTo(copy);
  return copy;
}
