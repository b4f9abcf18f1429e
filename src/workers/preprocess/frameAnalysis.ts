import type { CV, Mat } from '@techstark/opencv-js';
import type { FrameMeasures } from '../../lib/quality/frameGuidance.ts';
import { polygonArea, type Point } from '../../lib/geometry/quad.ts';
import type { GuideRect } from '../preprocess.api.ts';
import { findDocument, warpDocument } from './findDocument.ts';
import { withScope } from './matScope.ts';
import { exposure, laplacianVariance } from './quality.ts';

const THUMB_WIDTH = 32;

export interface FrameResult {
  measures: FrameMeasures;
  /** The document's corners in frame pixels, when found. */
  outline: [Point, Point, Point, Point] | null;
  /** Grey thumbnail for the next frame's motion measure. */
  thumb: Uint8Array;
}

/**
 * Measures one downscaled camera frame for live guidance: the document's outline and how much of
 * the guide it fills, whether it is whole in the frame, its sharpness, glare and brightness, and
 * how much the picture moved since the previous frame. Everything runs on the small frame (~640
 * px): a few milliseconds, so hints refresh many times a second.
 */
export function analyseFrame(cv: CV, grey: Mat, guide: GuideRect, previous: Uint8Array | null): FrameResult {
  return withScope((scope) => {
    const w = grey.cols;
    const h = grey.rows;
    const thumbMat = scope.track(new cv.Mat());
    const thumbHeight = Math.max(1, Math.round((THUMB_WIDTH * h) / w));
    cv.resize(grey, thumbMat, new cv.Size(THUMB_WIDTH, thumbHeight), 0, 0, cv.INTER_AREA);
    const thumb = new Uint8Array(thumbMat.data);
    let motion = 0;
    if (previous && previous.length === thumb.length) {
      for (let i = 0; i < thumb.length; i++) motion += Math.abs(thumb[i]! - previous[i]!);
      motion /= thumb.length;
    }

    const outline = findDocument(cv, grey);
    if (!outline) {
      // Nothing to measure on: the guide's own region says whether it is dark or blurred.
      const region = scope.track(
        grey.roi(
          new cv.Rect(
            Math.round(guide.x * w),
            Math.round(guide.y * h),
            Math.max(1, Math.round(guide.width * w)),
            Math.max(1, Math.round(guide.height * h)),
          ),
        ),
      );
      const { brightness, glare } = exposure(cv, region);
      return {
        measures: {
          found: false,
          fill: 0,
          inView: false,
          sharpness: laplacianVariance(cv, region, scope),
          glare,
          brightness,
          motion,
        },
        outline: null,
        thumb,
      };
    }
    const margin = Math.min(w, h) * 0.01;
    const inView = outline.every((p) => p.x > margin && p.y > margin && p.x < w - margin && p.y < h - margin);
    const fill = polygonArea(outline) / Math.max(1, guide.width * w * guide.height * h);
    const document = scope.track(warpDocument(cv, grey, outline));
    const { brightness, glare } = exposure(cv, document);
    return {
      measures: {
        found: true,
        fill,
        inView,
        sharpness: laplacianVariance(cv, document, scope),
        glare,
        brightness,
        motion,
      },
      outline,
      thumb,
    };
  });
}
