/**
 * Where a field's value was read: a crop to show beside it (an image URL, a box in it, the image's
 * size) and the region to outline on the document image (a polygon in the decoded image's
 * pixels, or a box on the straightened page for printed text).
 */
import type { ScanResult } from '../../engine/readDocument.ts';
import type { Point } from '../../lib/geometry/quad.ts';
import type { Box } from '../../lib/text/pageText.ts';
import { fieldOfPosition } from './fieldStatus.ts';
import type { FieldName } from './formSchema.ts';

export interface Crop {
  url: string;
  box: Box;
  size: { width: number; height: number };
}

export interface Provenance {
  crop: Crop | null;
  /** The region on the original image (MRZ characters, the barcode). */
  outline: Point[] | null;
  /** The region on the straightened page (printed text). */
  pageBox: Box | null;
}

export interface Urls {
  imageUrl: string | null;
  pageUrl: string | null;
  lineUrls: string[];
}

const NONE: Provenance = { crop: null, outline: null, pageBox: null };

export function provenanceOf(result: ScanResult | null, field: FieldName, urls: Urls): Provenance {
  if (!result) return NONE;
  if (result.kind === 'licence-front' || result.kind === 'ektp') {
    const box = result.printed.boxes[field];
    if (!box) return NONE;
    const crop = urls.pageUrl ? { url: urls.pageUrl, box, size: result.page } : null;
    return { crop, outline: null, pageBox: box };
  }
  if (result.kind === 'licence-back') {
    if (!result.licence.fields[field as keyof typeof result.licence.fields]) return NONE;
    const xs = result.barcode.map((p) => p.x);
    const ys = result.barcode.map((p) => p.y);
    const box = {
      x: Math.min(...xs),
      y: Math.min(...ys),
      width: Math.max(...xs) - Math.min(...xs),
      height: Math.max(...ys) - Math.min(...ys),
    };
    const crop = urls.imageUrl ? { url: urls.imageUrl, box, size: result.imageSize } : null;
    return { crop, outline: result.barcode, pageBox: null };
  }
  if (result.kind === 'mrz' && result.lines) {
    const span = mrzSpan(result.reading, field);
    if (!span) return NONE;
    const { line, start, end } = span;
    const length = result.reading.lines[line]?.length ?? 0;
    const size = result.lines.sizes[line];
    const quad = result.lines.quads[line];
    const url = urls.lineUrls[line];
    if (!length || !size || !quad) return NONE;
    // OCR-B is fixed pitch: characters share the inked run evenly.
    const pitch = (size.right - size.left) / length;
    const crop = url
      ? {
          url,
          box: {
            x: size.left + pitch * start,
            y: 0,
            width: pitch * (end - start),
            height: size.height,
          },
          size: { width: size.width, height: size.height },
        }
      : null;
    const [tl, tr, br, bl] = quad;
    const along = (a: Point, b: Point, t: number): Point => ({
      x: a.x + (b.x - a.x) * t,
      y: a.y + (b.y - a.y) * t,
    });
    const outline = [
      along(tl, tr, start / length),
      along(tl, tr, end / length),
      along(bl, br, end / length),
      along(bl, br, start / length),
    ];
    return { crop, outline, pageBox: null };
  }
  return NONE;
}

/** The characters of one MRZ line a field was read from (its check digit included). */
function mrzSpan(
  reading: Extract<ScanResult, { kind: 'mrz' }>['reading'],
  field: FieldName,
): { line: number; start: number; end: number } | null {
  for (const [line, text] of reading.lines.entries()) {
    let start = -1;
    let end = -1;
    for (let index = 0; index < text.length; index++) {
      if (fieldOfPosition(reading, line, index) !== field) continue;
      if (start < 0) start = index;
      end = index + 1;
    }
    if (start >= 0) return { line, start, end };
  }
  return null;
}
