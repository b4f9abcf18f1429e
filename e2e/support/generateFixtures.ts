/**
 * Fixtures for the e2e suite, generated fresh (deterministically) before every run into
 * e2e/.fixtures: synthetic documents with ground truth, the same document in every accepted
 * format, and the broken inputs the app must refuse politely. No real person's document anywhere.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas, GlobalFonts, type Canvas } from '@napi-rs/canvas';
import { encodeBmp, encodeGif, encodeJpegWithExifRotation } from '../../scripts/fixtures/encoders.ts';
import { registerDocumentFonts } from '../../scripts/fixtures/fonts.ts';
import { truthOf, type MrzTruth } from '../../scripts/fixtures/generateMrzSet.ts';
import { photograph, type PhotoOptions } from '../../scripts/fixtures/photograph.ts';
import { renderDocument } from '../../scripts/fixtures/renderDocument.ts';
import { createRng } from '../../scripts/fixtures/rng.ts';
import { y4mFromImage } from '../../scripts/fixtures/y4m.ts';
import {
  checkDigit,
  createSpecimen,
  type MrzFormat,
  type Specimen,
} from '../../scripts/fixtures/specimen.ts';

export const FIXTURE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '.fixtures');

export interface E2eFixture {
  file: string;
  truth: MrzTruth;
  /** What the visual zone prints, where the MRZ cannot say it (spelling) or has no room for it. */
  printed?: { placeOfBirth: string; issueDate: string; expiryDate: string };
}

export type FixtureIndex = Record<string, E2eFixture>;

const PHOTO: Omit<PhotoOptions, 'rotation' | 'skew'> = {
  width: 1600,
  height: 1200,
  coverage: 0.7,
  perspective: 0.03,
  blur: 0.6,
  noise: 4,
  unevenLight: 0.25,
  jpegQuality: 85,
  background: 'wood',
};

export async function generateE2eFixtures(dir = FIXTURE_DIR): Promise<FixtureIndex> {
  registerDocumentFonts(GlobalFonts);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const rng = createRng(2026);
  const index: FixtureIndex = {};
  const write = (file: string, data: Buffer | Uint8Array | string): string => {
    fs.writeFileSync(path.join(dir, file), data);
    return file;
  };

  const docs = new Map<string, ReturnType<typeof createSpecimen>>();
  for (const format of ['TD1', 'TD2', 'TD3'] as MrzFormat[]) {
    const specimen = createSpecimen(rng, { format, longDocumentNumber: false });
    docs.set(format, specimen);
    const canvas = renderDocument(specimen, rng);
    index[`clean-${format}`] = {
      file: write(`clean-${format.toLowerCase()}.png`, await canvas.encode('png')),
      truth: truthOf(specimen),
    };
  }

  const td3 = docs.get('TD3')!;
  const td3Canvas = renderDocument(td3, createRng(1));
  for (const [name, rotation, skew] of [
    ['photo-rotated-90', 90, 4],
    ['photo-rotated-180', 180, -3],
  ] as const) {
    const specimen = createSpecimen(rng, { format: name.endsWith('90') ? 'TD1' : 'TD3' });
    const canvas = renderDocument(specimen, rng, { dpi: 260 });
    const { jpeg } = await photograph(canvas, rng, { ...PHOTO, rotation, skew });
    index[name] = { file: write(`${name}.jpg`, jpeg), truth: truthOf(specimen) };
  }

  // A passport whose MRZ prints 31 February as the birth date, with check digits that hold.
  const impossible = withBirthDate(createSpecimen(rng, { format: 'TD3' }), '740231');
  index['impossible-date'] = {
    file: write('impossible-date.png', await renderDocument(impossible, rng).encode('png')),
    truth: truthOf(impossible),
  };

  // A passport whose MRZ prints a digit where its surname has the look-alike letter (5 for S):
  // the repair puts the letter back, says so, and the user can undo it.
  const named = createSpecimen(createRng(77), { format: 'TD3' });
  const DIGIT_FOR: Record<string, string> = { S: '5', B: '8', Z: '2', G: '6', I: '1' };
  const at = [...named.mrz[0]!].findIndex((c, i) => i >= 5 && c in DIGIT_FOR);
  const line0 = named.mrz[0]!;
  const misprinted = {
    ...named,
    mrz: [line0.slice(0, at) + DIGIT_FOR[line0[at]!]! + line0.slice(at + 1), named.mrz[1]!],
  };
  index['digit-in-name'] = {
    file: write('digit-in-name.png', await renderDocument(misprinted, createRng(78)).encode('png')),
    truth: truthOf(named),
  };

  // A passport whose printed page gives an expiry date its MRZ does not (a misprint, or worse):
  // the reader shows both and the user decides. Its place of birth and date of issue are printed only.
  const twoDates = createSpecimen(createRng(300), { format: 'TD3' });
  const printedExpiry = `${Number(twoDates.expiryDate.slice(0, 4)) + 1}${twoDates.expiryDate.slice(4)}`;
  index['printed-page'] = {
    file: write(
      'printed-page.png',
      await renderDocument({ ...twoDates, expiryDate: printedExpiry }, createRng(301)).encode('png'),
    ),
    truth: truthOf(twoDates),
    printed: {
      placeOfBirth: twoDates.placeOfBirth,
      issueDate: twoDates.issueDate,
      expiryDate: printedExpiry,
    },
  };

  // The TD3 document in every format the app accepts.
  const truth = truthOf(td3);
  index['format-webp'] = { file: write('td3.webp', await td3Canvas.encode('webp', 90)), truth };
  index['format-bmp'] = { file: write('td3.bmp', encodeBmp(td3Canvas)), truth };
  index['format-gif'] = { file: write('td3-animated.gif', encodeGif(td3Canvas, 1)), truth };
  index['format-jpeg-exif'] = {
    file: write('td3-exif-rotated.jpg', await encodeJpegWithExifRotation(td3Canvas)),
    truth,
  };

  // Inputs the app must refuse with a clear message.
  const jpeg = await td3Canvas.encode('jpeg', 90);
  const bad = {
    'bad-empty': write('empty.jpg', Buffer.alloc(0)),
    'bad-text': write('notes.jpg', 'These are meeting notes, not a photo.\n'),
    'bad-corrupt': write('damaged.jpg', Buffer.concat([jpeg.subarray(0, 600), Buffer.alloc(4000, 0x5a)])),
    'bad-heic': write(
      'IMG_0001.HEIC',
      Buffer.concat([
        Buffer.from([0, 0, 0, 24]),
        Buffer.from('ftypheic\0\0\0\0mif1heic', 'binary'),
        Buffer.alloc(2000, 7),
      ]),
    ),
    'bad-pdf': write(
      'scan.pdf',
      '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    ),
    // A real image without any MRZ: the front of a document, drawn without one.
    'no-mrz': write('no-mrz.png', await renderNoMrz()),
    // A passport so out of focus (Gaussian σ 5 px on 27 px text) that its MRZ cannot be read.
    blurry: write('blurry.jpg', await blurred(td3Canvas, 5)),
  };
  for (const [name, file] of Object.entries(bad)) index[name] = { file, truth };

  // Visas (ICAO 9303-7) and the pre-2021 French ID card, from a generator of their own so the
  // documents above stay the same; the French card also photographed (36 characters on an ID-1 card).
  const more = createRng(2027);
  for (const format of ['MRVA', 'MRVB', 'FRENCH_ID'] as MrzFormat[]) {
    const specimen = createSpecimen(more, { format });
    index[`clean-${format}`] = {
      file: write(`clean-${format.toLowerCase()}.png`, await renderDocument(specimen, more).encode('png')),
      truth: truthOf(specimen),
    };
  }
  const french = createSpecimen(more, { format: 'FRENCH_ID' });
  const frenchPhoto = await photograph(renderDocument(french, more, { dpi: 320 }), more, {
    ...PHOTO,
    rotation: 0,
    skew: 7,
  });
  index['photo-FRENCH_ID'] = { file: write('photo-french-id.jpg', frenchPhoto.jpeg), truth: truthOf(french) };

  // A passport photographed at 45° (between the right angles) with a little perspective.
  const tilted = createSpecimen(more, { format: 'TD3' });
  const tiltedPhoto = await photograph(renderDocument(tilted, more, { dpi: 260 }), more, {
    ...PHOTO,
    coverage: 0.75,
    rotation: 0,
    skew: 45,
    perspective: 0.05,
  });
  index['photo-rotated-45'] = {
    file: write('photo-rotated-45.jpg', tiltedPhoto.jpeg),
    truth: truthOf(tilted),
  };
  // Camera feeds (Chromium's fake camera plays a .y4m): an ID card held in front of a 1280×720
  // camera, sharp; the same out of focus; the same with a glare spot on the card.
  const card = createSpecimen(createRng(7), { format: 'TD1' });
  const cardImage = renderDocument(card, createRng(7), { dpi: 240 });
  for (const [name, extra] of [
    ['camera-good', {}],
    ['camera-blurred', { blur: 3 }],
    ['camera-glare', { glare: 1 }],
  ] as const) {
    const { jpeg } = await photograph(cardImage, createRng(11), { ...CAMERA_SCENE, ...extra });
    index[name] = { file: write(`${name}.y4m`, await y4mFromImage(jpeg)), truth: truthOf(card) };
  }
  fs.writeFileSync(path.join(dir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
  return index;
}

/** A card held up to a 1280×720 camera, filling about three quarters of the on-screen guide. */
const CAMERA_SCENE: PhotoOptions = {
  width: 1280,
  height: 720,
  coverage: 1.1,
  rotation: 0,
  skew: 2,
  perspective: 0.015,
  blur: 0.5,
  noise: 3,
  unevenLight: 0.15,
  jpegQuality: 95,
  background: 'wood',
};

/** Chromium flags that replace the camera with a .y4m from the fixtures and accept the prompt. */
export function fakeCameraArgs(feed: string, acceptPrompt = true): string[] {
  return [
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${path.join(FIXTURE_DIR, `${feed}.y4m`)}`,
    ...(acceptPrompt ? ['--use-fake-ui-for-media-stream'] : []),
  ];
}

/** The same TD3 document with another YYMMDD birth date in its MRZ, check digits recomputed. */
function withBirthDate(s: Specimen, yymmdd: string): Specimen {
  const line = s.mrz[1]!;
  const body = `${line.slice(0, 13)}${yymmdd}${checkDigit(yymmdd)}${line.slice(20, 43)}`;
  const composite = checkDigit(body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 43));
  return { ...s, dateOfBirth: '', mrz: [s.mrz[0]!, body + composite] };
}

async function blurred(source: Canvas, sigma: number): Promise<Buffer> {
  const canvas = createCanvas(source.width, source.height);
  const g = canvas.getContext('2d');
  g.filter = `blur(${sigma}px)`;
  g.drawImage(source, 0, 0);
  return canvas.encode('jpeg', 90);
}

async function renderNoMrz(): Promise<Buffer> {
  const rng = createRng(99);
  const specimen = createSpecimen(rng, { format: 'TD3' });
  const canvas = renderDocument({ ...specimen, mrz: [] }, rng);
  return canvas.encode('png');
}

export function readFixtureIndex(dir = FIXTURE_DIR): FixtureIndex {
  return JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8')) as FixtureIndex;
}
