import type { CV, Mat } from '@techstark/opencv-js';
import { greyToPng } from './decode.ts';
import type { Box } from './findMrzLines.ts';
import { withScope } from './matScope.ts';

/** Text height handed to OCR: what our OCR-B model was trained around. */
export const LINE_TEXT_HEIGHT = 32;

export interface LineCrop {
  pixels: Uint8Array;
  width: number;
  height: number;
}

/**
 * Crops each MRZ line with a margin, scales it to a fixed text height, stretches its contrast and
 * optionally binarises it (adaptive threshold copes with light that changes along the line).
 * Upside-down lines are turned and their order reversed.
 */
export function cropLines(
  cv: CV,
  oriented: Mat,
  lines: Box[],
  options: { flip: boolean; binarise: boolean },
): LineCrop[] {
  const crops = lines.map((line) =>
    withScope((scope) => {
      const padX = line.height * 0.6;
      const padY = line.height * 0.3;
      const x = Math.max(0, Math.floor(line.x - padX));
      const y = Math.max(0, Math.floor(line.y - padY));
      const right = Math.min(oriented.cols, Math.ceil(line.x + line.width + padX));
      const bottom = Math.min(oriented.rows, Math.ceil(line.y + line.height + padY));
      const roi = scope.track(
        oriented.roi(new cv.Rect(x, y, Math.max(1, right - x), Math.max(1, bottom - y))),
      );
      const factor = LINE_TEXT_HEIGHT / Math.max(1, line.height);
      const scaled = scope.track(new cv.Mat());
      cv.resize(
        roi,
        scaled,
        new cv.Size(Math.max(1, Math.round(roi.cols * factor)), Math.max(1, Math.round(roi.rows * factor))),
        0,
        0,
        factor < 1 ? cv.INTER_AREA : cv.INTER_CUBIC,
      );
      cv.normalize(scaled, scaled, 0, 255, cv.NORM_MINMAX, cv.CV_8U);
      if (options.binarise) {
        cv.adaptiveThreshold(
          scaled,
          scaled,
          255,
          cv.ADAPTIVE_THRESH_GAUSSIAN_C,
          cv.THRESH_BINARY,
          2 * LINE_TEXT_HEIGHT + 1,
          12,
        );
      }
      if (options.flip) cv.rotate(scaled, scaled, cv.ROTATE_180);
      return { pixels: new Uint8Array(scaled.data), width: scaled.cols, height: scaled.rows };
    }),
  );
  return options.flip ? crops.reverse() : crops;
}

export function cropsToPng(crops: LineCrop[]): Promise<Blob[]> {
  return Promise.all(crops.map((c) => greyToPng(c.pixels, c.width, c.height)));
}
