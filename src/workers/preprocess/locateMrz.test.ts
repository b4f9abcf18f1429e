/**
 * The OpenCV steps on rendered specimen documents, in Node (OpenCV.js runs there too): the MRZ is
 * found whatever the right-angle rotation and a little skew, upside-down documents are recognised
 * as such, and a document without an MRZ yields nothing.
 */
import { createRequire } from 'node:module';
import type { CV, Mat } from '@techstark/opencv-js';
import { createCanvas, GlobalFonts, type Canvas } from '@napi-rs/canvas';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerDocumentFonts } from '../../../scripts/fixtures/fonts.ts';
import { renderDocument } from '../../../scripts/fixtures/renderDocument.ts';
import { createRng } from '../../../scripts/fixtures/rng.ts';
import { createSpecimen, type MrzFormat } from '../../../scripts/fixtures/specimen.ts';
import { findBrightCard, findDocument, warpDocument } from './findDocument.ts';
import { locateMrz, type LineQuad } from './findMrzLines.ts';
import { binarisedCopy, cropLines, estimateShear, LINE_TEXT_HEIGHT, type LineCrop } from './lineImages.ts';
import { locateNear, sameZone } from './nearZone.ts';
import { blankedCopy, zoneMask } from './otherZone.ts';
import { measureBand, textBand } from './textBand.ts';

let cv: CV;
beforeAll(async () => {
  // CommonJS load: OpenCV.js 5 exports a promise of the ready module (ESM interop would wrap it).
  cv = await (createRequire(import.meta.url)('@techstark/opencv-js') as Promise<CV>);
  registerDocumentFonts(GlobalFonts);
}, 60_000);

function document(format: MrzFormat, withMrz = true): Canvas {
  const rng = createRng(format.length * 7 + (withMrz ? 1 : 0));
  const specimen = createSpecimen(rng, { format });
  return renderDocument(withMrz ? specimen : { ...specimen, mrz: [] }, rng, { dpi: 220 });
}

/** The document turned clockwise by `degrees` on a white margin. */
function turned(doc: Canvas, degrees: number): Canvas {
  const radians = (degrees * Math.PI) / 180;
  const w = Math.abs(doc.width * Math.cos(radians)) + Math.abs(doc.height * Math.sin(radians)) + 80;
  const h = Math.abs(doc.width * Math.sin(radians)) + Math.abs(doc.height * Math.cos(radians)) + 80;
  const canvas = createCanvas(Math.round(w), Math.round(h));
  const g = canvas.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.translate(canvas.width / 2, canvas.height / 2);
  g.rotate(radians);
  g.drawImage(doc, -doc.width / 2, -doc.height / 2);
  return canvas;
}

function grey(canvas: Canvas): Mat {
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  const rgba = cv.matFromImageData({ data: data.data, width: data.width, height: data.height } as ImageData);
  const out = new cv.Mat();
  cv.cvtColor(rgba, out, cv.COLOR_RGBA2GRAY);
  rgba.delete();
  return out;
}

/** Text height in a line crop's first third over its middle third's: 1 when cut evenly. */
function evenness(crop: LineCrop): number {
  const mat = cv.matFromArray(crop.height, crop.width, cv.CV_8UC1, crop.pixels);
  const third = Math.floor(crop.width / 3);
  const heightAt = (x: number): number => {
    const part = mat.roi(new cv.Rect(x, 0, third, crop.height));
    try {
      return measureBand(cv, part)!.height;
    } finally {
      part.delete();
    }
  };
  try {
    return heightAt(0) / heightAt(third);
  } finally {
    mat.delete();
  }
}

/** Columns from a line crop's first dark ink to its last: how much of the line it holds. */
function inkSpan(crop: LineCrop): number {
  const inked = (x: number): boolean => {
    for (let y = 0; y < crop.height; y++) if (crop.pixels[y * crop.width + x]! < 100) return true;
    return false;
  };
  let first = 0;
  while (first < crop.width && !inked(first)) first++;
  let last = crop.width - 1;
  while (last > first && !inked(last)) last--;
  return last - first + 1;
}

const FRAME = { minWidthShare: 0.12, detectEdge: 1200 };

describe('locateMrz', () => {
  for (const format of ['TD1', 'TD2', 'TD3'] as const) {
    for (const degrees of [0, 90, 180, 270, 4, -5]) {
      it(`${format} turned ${degrees}°: finds every line`, () => {
        const image = grey(turned(document(format), degrees));
        try {
          const found = locateMrz(cv, image, FRAME);
          expect(found).not.toBeNull();
          expect(found!.lines).toHaveLength(format === 'TD1' ? 3 : 2);
          // The clockwise turn that rights the document undoes the one applied (small skew aside).
          const applied = (Math.round(degrees / 90) * 90 + 360) % 360;
          const correction = (found!.rotation + (found!.upsideDown ? 180 : 0)) % 360;
          expect(correction).toBe((360 - applied) % 360);
          const crops = cropLines(cv, image, found!.lines, { flip: found!.upsideDown, binarise: false });
          for (const crop of crops) {
            // A fixed text height with a margin, and an MRZ line's length: 30-44 characters.
            expect(crop.height).toBeGreaterThan(LINE_TEXT_HEIGHT);
            expect(crop.height).toBeLessThan(LINE_TEXT_HEIGHT * 2);
            expect(crop.width / crop.height).toBeGreaterThan(15);
          }
        } finally {
          image.delete();
        }
      });
    }
  }

  // Any in-plane angle: the lines come back in reading order, so the first line's top edge points
  // along the document's text direction (or against it, with upsideDown set for the crop to flip).
  for (const format of ['TD1', 'TD3'] as const) {
    for (const degrees of [30, 45, 60, 135, -120, 200]) {
      it(`${format} turned ${degrees}°: finds every line, text direction right`, () => {
        const image = grey(turned(document(format), degrees));
        try {
          const found = locateMrz(cv, image, FRAME);
          expect(found).not.toBeNull();
          expect(found!.lines).toHaveLength(format === 'TD1' ? 3 : 2);
          const [tl, tr] = found!.lines[0]!.corners;
          const direction = (Math.atan2(tr.y - tl.y, tr.x - tl.x) * 180) / Math.PI;
          const error = ((((direction + (found!.upsideDown ? 180 : 0) - degrees) % 360) + 540) % 360) - 180;
          expect(Math.abs(error)).toBeLessThan(3);
        } finally {
          image.delete();
        }
      });
    }
  }

  it('measures the slant of sheared characters (a photo at an angle) and none on upright ones', () => {
    const line = (shear: number): Mat => {
      const canvas = createCanvas(1400, 52);
      const g = canvas.getContext('2d');
      g.fillStyle = '#fff';
      g.fillRect(0, 0, canvas.width, canvas.height);
      g.fillStyle = '#111';
      g.font = '40px OCRB';
      // x' = x + shear·(y - 26): the text leans right for a positive shear.
      g.setTransform(1, 0, shear, 1, -shear * 26, 0);
      const text = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<';
      for (let i = 0; i < text.length; i++) g.fillText(text[i]!, 40 + i * 30, 40);
      return grey(canvas);
    };
    for (const [applied, expected] of [
      [0, 0],
      [0.25, -0.25],
      [-0.3, 0.3],
    ] as const) {
      const image = line(applied);
      try {
        expect(estimateShear(cv, image)).toBeCloseTo(expected, 1);
      } finally {
        image.delete();
      }
    }
  });

  it('measures where the text of a cut really runs, and leaves a well-cut line alone', () => {
    // An MRZ line drawn with its capitals `cap` px high, centred at `centre`, rising `rise` px over its length.
    const line = (cap: number, centre: number, rise = 0): Mat => {
      const canvas = createCanvas(1100, 52);
      const g = canvas.getContext('2d');
      g.fillStyle = '#fff';
      g.fillRect(0, 0, canvas.width, canvas.height);
      g.fillStyle = '#111';
      g.font = `${cap / 0.7}px OCRB`;
      const text = 'I<UTOD231458907<<<<<<<<<<<<<<<';
      for (let i = 0; i < text.length; i++) {
        const x = 60 + i * cap * 1.05;
        g.fillText(text[i]!, x, centre + cap / 2 - (rise * x) / canvas.width);
      }
      return grey(canvas);
    };
    // Expected: the text's centre half way along, its height, its slope.
    const cases: Array<[Mat, { middle: number; height: number; slope: number } | null]> = [
      [line(31, 26), null],
      [line(22, 20), { middle: 20, height: 22, slope: 0 }],
      [line(30, 26, 12), { middle: 20, height: 30, slope: -12 / 1100 }],
    ];
    for (const [image, expected] of cases) {
      try {
        const band = textBand(cv, image, LINE_TEXT_HEIGHT);
        if (!expected) {
          expect(band).toBeNull();
          continue;
        }
        expect(band).not.toBeNull();
        expect(Math.abs(band!.centre + band!.slope * 550 - expected.middle)).toBeLessThan(2);
        // Anti-aliased edges add a pixel or two to the inked rows.
        expect(band!.height / expected.height).toBeGreaterThan(0.95);
        expect(band!.height / expected.height).toBeLessThan(1.12);
        expect(band!.slope).toBeCloseTo(expected.slope, 2);
      } finally {
        image.delete();
      }
    }
  });

  it('binarises a grey cut exactly as cutting the line binarised does', () => {
    const image = grey(turned(document('TD1'), -5));
    try {
      const found = locateMrz(cv, image, FRAME)!;
      const options = { flip: found.upsideDown };
      const greyCuts = cropLines(cv, image, found.lines, { ...options, binarise: false });
      const binarised = cropLines(cv, image, found.lines, { ...options, binarise: true });
      expect(greyCuts.map((crop) => binarisedCopy(cv, crop))).toEqual(binarised);
    } finally {
      image.delete();
    }
  });

  // A card photographed at an angle, its outline not found: its far end is smaller. The zone's
  // first and last lines show it, and every line is cut with the perspective undone.
  for (const [format, far] of [
    ['TD3', 0.65],
    ['TD1', 0.6],
  ] as const) {
    it(`${format} seen at an angle (far end ${far}× the near one): cut at an even text height`, () => {
      const doc = grey(turned(document(format), 0));
      const image = new cv.Mat();
      const { cols: w, rows: h } = doc;
      // The right edge scaled by `far` about the middle: a trapezoid, as a tilt about the vertical.
      const shrink = (h * (1 - far)) / 2;
      const from = cv.matFromArray(4, 1, cv.CV_32FC2, [0, 0, w, 0, w, h, 0, h]);
      const to = cv.matFromArray(4, 1, cv.CV_32FC2, [0, 0, w, shrink, w, h - shrink, 0, h]);
      const m = cv.getPerspectiveTransform(from, to);
      cv.warpPerspective(doc, image, m, new cv.Size(w, h), cv.INTER_LINEAR, cv.BORDER_REPLICATE);
      [doc, from, to, m].forEach((mat) => mat.delete());
      try {
        const found = locateMrz(cv, image, FRAME);
        expect(found).not.toBeNull();
        const crops = cropLines(cv, image, found!.lines, { flip: found!.upsideDown, binarise: false });
        // The last line's first and middle thirds are letters and digits (its end can be fillers).
        expect(evenness(crops[crops.length - 1]!)).toBeGreaterThan(0.93);
        expect(evenness(crops[crops.length - 1]!)).toBeLessThan(1.07);
      } finally {
        image.delete();
      }
    });
  }

  it("cuts the other lines alike when glare washes out the first line's last fillers", () => {
    const doc = document('TD1');
    const clean = grey(doc);
    const full = locateMrz(cv, clean, FRAME)!;
    const [tl, tr, , bl] = full.lines[0]!.corners;
    // The first line's last fillers pale, as under a glare spot: seen by the detector at its coarse
    // scale, lost to the ink scan. Taken for perspective, they would tilt the zone's side and cut
    // every line slanted and stretched.
    const g = doc.getContext('2d');
    g.fillStyle = 'rgba(255, 255, 255, 0.7)';
    const from = tl.x + (tr.x - tl.x) * (27.6 / 30);
    g.fillRect(from, tl.y - 4, tr.x - from + 10, bl.y - tl.y + 8);
    const faded = grey(doc);
    try {
      // Both cut where the detector saw the lines at their full length, as it does under glare.
      const options = { flip: false, binarise: false };
      const before = cropLines(cv, clean, full.lines, options);
      const after = cropLines(cv, faded, full.lines, options);
      for (const k of [1, 2]) {
        const [x, y] = [before[k]!, after[k]!];
        expect([y.width, y.height]).toEqual([x.width, x.height]);
        // Mean grey difference over the left four fifths (clear of the fade's corner).
        let sum = 0;
        let count = 0;
        for (let row = 0; row < x.height; row++) {
          for (let col = 0; col < x.width * 0.8; col++, count++) {
            sum += Math.abs(x.pixels[row * x.width + col]! - y.pixels[row * y.width + col]!);
          }
        }
        expect(sum / count).toBeLessThan(2);
      }
    } finally {
      clean.delete();
      faded.delete();
    }
  });

  it('the wide cut brings back line starts that glare washed out past the detector', () => {
    const doc = document('TD3');
    const clean = grey(doc);
    const full = locateMrz(cv, clean, FRAME)!;
    const options = { flip: false, binarise: false };
    const reference = cropLines(cv, clean, full.lines, options).map(inkSpan);
    // The first five characters of both lines nearly white, as under a glare spot.
    const g = doc.getContext('2d');
    g.fillStyle = 'rgba(255, 255, 255, 0.85)';
    for (const line of full.lines) {
      const [tl, tr, , bl] = line.corners;
      g.fillRect(tl.x - 20, tl.y - 4, (tr.x - tl.x) * (5 / 44) + 20, bl.y - tl.y + 8);
    }
    const faded = grey(doc);
    try {
      const found = locateMrz(cv, faded, FRAME)!;
      const usual = cropLines(cv, faded, found.lines, options).map(inkSpan);
      const wide = cropLines(cv, faded, found.lines, { ...options, wide: true }).map(inkSpan);
      for (const [k, span] of reference.entries()) {
        // The usual cut ends where the detector saw ink; the wide one holds the whole line.
        expect(usual[k]! / span).toBeLessThan(0.93);
        expect(wide[k]! / span).toBeGreaterThan(0.97);
        expect(wide[k]! / span).toBeLessThan(1.03);
      }
    } finally {
      clean.delete();
      faded.delete();
    }
  });

  it('finds a zone whose first line glare has washed out in the middle, at its full length', () => {
    const doc = document('TD3');
    const g = doc.getContext('2d');
    const full = locateMrz(cv, grey(doc), FRAME)!;
    const [tl, tr, , bl] = full.lines[0]!.corners;
    // A blown-out stretch over a seventh of the first line only.
    g.fillStyle = '#fff';
    g.fillRect(tl.x + (tr.x - tl.x) * 0.45, tl.y - 4, (tr.x - tl.x) / 7, bl.y - tl.y + 8);
    const image = grey(doc);
    try {
      const found = locateMrz(cv, image, FRAME);
      expect(found).not.toBeNull();
      expect(found!.lines).toHaveLength(2);
      const length = (l: LineQuad): number => l.corners[1].x - l.corners[0].x;
      expect(length(found!.lines[0]!) / length(full.lines[0]!)).toBeGreaterThan(0.95);
    } finally {
      image.delete();
    }
  });

  it('finds nothing on a document without an MRZ', () => {
    const image = grey(turned(document('TD3', false), 0));
    try {
      expect(locateMrz(cv, image, FRAME)).toBeNull();
    } finally {
      image.delete();
    }
  });

  it('takes no wood grain for an MRZ: a line hundreds of times longer than high is none', () => {
    // Streaks across the whole frame (the benchmark's wood background) once passed for a zone, and
    // a "line" cut from one was 36,811 px wide, which the OCR engine refused.
    const rng = createRng(23);
    const canvas = createCanvas(2400, 1800);
    const g = canvas.getContext('2d');
    g.fillStyle = 'hsl(30, 25%, 45%)';
    g.fillRect(0, 0, canvas.width, canvas.height);
    for (let y = 0; y < canvas.height; y += rng.range(2, 9)) {
      g.fillStyle = `hsla(30, 45%, ${rng.int(20, 45)}%, 0.35)`;
      g.fillRect(0, y, canvas.width, rng.range(1, 5));
    }
    const image = grey(canvas);
    try {
      expect(locateMrz(cv, image, FRAME)).toBeNull();
    } finally {
      image.delete();
    }
  });

  it('finds a small card on a checkerboard by its light, and its MRZ once straightened', () => {
    const doc = document('TD3');
    const board = createCanvas(2400, 1800);
    const g = board.getContext('2d');
    for (let y = 0; y < board.height; y += 60) {
      for (let x = 0; x < board.width; x += 60) {
        g.fillStyle = (x + y) % 120 === 0 ? '#3a2f45' : '#5a4a48';
        g.fillRect(x, y, 60, 60);
      }
    }
    // A quarter of the width, turned 200° (upside down and askew).
    const scale = 0.55;
    g.translate(1650, 700);
    g.rotate((200 * Math.PI) / 180);
    g.drawImage(
      doc,
      (-doc.width * scale) / 2,
      (-doc.height * scale) / 2,
      doc.width * scale,
      doc.height * scale,
    );
    const image = grey(board);
    try {
      // The outline search sees the card and the board as one contour.
      expect(findDocument(cv, image)).toBeNull();
      const card = findBrightCard(cv, image);
      expect(card).not.toBeNull();
      const straightened = warpDocument(cv, image, card!);
      try {
        const [long, short] = [straightened.cols, straightened.rows].sort((a, b) => b - a);
        expect(long! / (doc.width * scale)).toBeCloseTo(1, 1);
        expect(short! / (doc.height * scale)).toBeCloseTo(1, 1);
        const found = locateMrz(cv, straightened, { minWidthShare: 0.55, detectEdge: 900 });
        expect(found?.lines).toHaveLength(2);
      } finally {
        straightened.delete();
      }
    } finally {
      image.delete();
    }
  });

  it('blanks a copy and leaves the image as it was (a later search reads it again)', () => {
    const image = new cv.Mat(40, 40, cv.CV_8UC1, new cv.Scalar(200));
    image.data.fill(10, 0, 800);
    const square = [
      { x: 0, y: 0 },
      { x: 20, y: 0 },
      { x: 20, y: 20 },
      { x: 0, y: 20 },
    ];
    const blanked = blankedCopy(cv, image, square);
    try {
      expect(cv.mean(image)[0]).toBe(105);
      expect(cv.mean(blanked)[0]).not.toBe(105);
    } finally {
      [image, blanked].forEach((m) => m.delete());
    }
  });

  it("finds the second document's MRZ once the first one's zone is blanked", () => {
    const [passport, card] = [document('TD3'), document('TD1')];
    const desk = createCanvas(passport.width + card.width + 300, passport.height + 200);
    const g = desk.getContext('2d');
    g.fillStyle = '#3b3026';
    g.fillRect(0, 0, desk.width, desk.height);
    g.drawImage(passport, 100, 100);
    g.drawImage(card, passport.width + 200, 150);
    const image = grey(desk);
    try {
      const first = locateMrz(cv, image, FRAME)!;
      const blanked = blankedCopy(cv, image, zoneMask(first.lines));
      try {
        const second = locateMrz(cv, blanked, { ...FRAME, diagonal: false });
        // One of them first (the larger zone), the other once it is blanked.
        expect([first.lines.length, second?.lines.length].sort()).toEqual([2, 3]);
        const left = (lines: LineQuad[]): number => lines[0]!.corners[0].x;
        expect(Math.abs(left(first.lines) - left(second!.lines))).toBeGreaterThan(passport.width / 2);
      } finally {
        blanked.delete();
      }
    } finally {
      image.delete();
    }
  });

  it('finds a tilted MRZ round a zone found across it at the wrong angle, and not the same zone twice', () => {
    const doc = turned(document('TD3'), -22);
    const desk = createCanvas(doc.width * 3, doc.height * 2);
    const g = desk.getContext('2d');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, desk.width, desk.height);
    g.drawImage(doc, doc.width, doc.height / 2);
    const image = grey(desk);
    try {
      const truth = locateMrz(cv, image, FRAME)!;
      expect(truth.lines).toHaveLength(2);
      // Two level "lines" through the middle of the zone, as clutter's angle would cut them.
      const xs = truth.lines.flatMap((l) => l.corners.map((p) => p.x));
      const ys = truth.lines.flatMap((l) => l.corners.map((p) => p.y));
      const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
      const h = truth.lines[0]!.height;
      const across = [0, 1].map((i) => {
        const [x0, x1, y0] = [Math.min(...xs), Math.max(...xs), cy + i * 1.3 * h];
        return {
          height: h,
          corners: [
            { x: x0, y: y0 },
            { x: x1, y: y0 },
            { x: x1, y: y0 + h },
            { x: x0, y: y0 + h },
          ] as LineQuad['corners'],
        };
      });
      const near = locateNear(cv, image, across)!;
      expect(near.lines).toHaveLength(2);
      expect(sameZone(near.lines, truth.lines)).toBe(true);
      expect(locateNear(cv, image, truth.lines)).toBeNull();
    } finally {
      image.delete();
    }
  });

  it('finds the outline of a document on a dark desk', () => {
    const doc = document('TD1');
    const desk = createCanvas(doc.width + 400, doc.height + 300);
    const g = desk.getContext('2d');
    g.fillStyle = '#3b3026';
    g.fillRect(0, 0, desk.width, desk.height);
    g.drawImage(doc, 200, 150);
    const image = grey(desk);
    try {
      const quad = findDocument(cv, image);
      expect(quad).not.toBeNull();
      expect(quad![0].x).toBeCloseTo(200, -1);
      expect(quad![0].y).toBeCloseTo(150, -1);
      expect(quad![2].x).toBeCloseTo(200 + doc.width, -1);
    } finally {
      image.delete();
    }
  });
});
