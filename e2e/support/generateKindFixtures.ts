/**
 * e2e fixtures for the documents read without an MRZ: US licence backs (AAMVA PDF417) and fronts,
 * Indonesian e-KTP cards, and a barcode that is not a licence's. Written next to the MRZ fixtures
 * (kinds.json); the truth is every form field the reader must fill exactly.
 */
import fs from 'node:fs';
import path from 'node:path';
import bwipjs from 'bwip-js/node';
import { createCanvas, GlobalFonts, loadImage } from '@napi-rs/canvas';
import { createEktp, withWrongNik } from '../../scripts/fixtures/ektp.ts';
import { registerDocumentFonts } from '../../scripts/fixtures/fonts.ts';
import { renderEktp } from '../../scripts/fixtures/generateEktpSet.ts';
import { renderLicenceBack, renderLicenceFront } from '../../scripts/fixtures/renderLicence.ts';
import { createLicence } from '../../scripts/fixtures/licence.ts';
import { photograph, type PhotoOptions } from '../../scripts/fixtures/photograph.ts';
import { createRng } from '../../scripts/fixtures/rng.ts';
import { FIXTURE_DIR } from './generateFixtures.ts';

export interface KindFixture {
  file: string;
  /** Form fields by name, exactly as the reader must fill them. */
  fields: Record<string, string>;
}

export type KindIndex = Record<string, KindFixture>;

const PHOTO: PhotoOptions = {
  width: 1600,
  height: 1200,
  coverage: 0.75,
  rotation: 0,
  skew: 3,
  perspective: 0.02,
  blur: 0.4,
  noise: 3,
  unevenLight: 0.15,
  jpegQuality: 90,
  background: 'wood',
};

export async function generateKindFixtures(dir = FIXTURE_DIR): Promise<KindIndex> {
  registerDocumentFonts(GlobalFonts);
  const rng = createRng(505);
  const index: KindIndex = {};
  const write = (file: string, data: Buffer): string => {
    fs.writeFileSync(path.join(dir, file), data);
    return file;
  };

  const licence = createLicence(rng);
  const back = renderLicenceBack(licence.truth, licence.payload, rng);
  index['licence-back'] = {
    file: write('licence-back.png', await back.encode('png')),
    fields: licence.truth,
  };
  const backPhoto = await photograph(
    renderLicenceBack(licence.truth, licence.payload, rng, { dpi: 330 }),
    rng,
    {
      ...PHOTO,
      rotation: 90,
    },
  );
  index['licence-back-photo'] = {
    file: write('licence-back-photo.jpg', backPhoto.jpeg),
    fields: licence.truth,
  };
  // The front photographed on its side (a generator of its own, so the fixtures below stay the same).
  const sideways = createRng(606);
  const frontPhoto = await photograph(
    renderLicenceFront(licence.truth, sideways, { dpi: 330, labels: 'worded' }),
    sideways,
    { ...PHOTO, rotation: 270 },
  );
  index['licence-front-photo'] = {
    file: write('licence-front-photo.jpg', frontPhoto.jpeg),
    fields: licence.truth,
  };
  for (const labels of ['worded', 'numbered'] as const) {
    const front = renderLicenceFront(licence.truth, rng, { labels });
    index[`licence-front-${labels}`] = {
      file: write(`licence-front-${labels}.png`, await front.encode('png')),
      fields: licence.truth,
    };
  }

  // The same licence's front printed with another expiry date: the two sides must disagree there.
  const later = `${Number(licence.truth.expiryDate.slice(0, 4)) + 1}${licence.truth.expiryDate.slice(4)}`;
  const altered = { ...licence.truth, expiryDate: later };
  index['licence-front-other-expiry'] = {
    file: write(
      'licence-front-other-expiry.png',
      await renderLicenceFront(altered, rng, { labels: 'worded' }).encode('png'),
    ),
    fields: altered,
  };

  const ektp = createEktp(rng);
  index.ektp = { file: write('ektp.png', await renderEktp(ektp, rng).encode('png')), fields: ektp };
  const ektpPhoto = await photograph(renderEktp(ektp, rng, { dpi: 360 }), rng, PHOTO);
  index['ektp-photo'] = { file: write('ektp-photo.jpg', ektpPhoto.jpeg), fields: ektp };
  const mismatch = withWrongNik(createEktp(rng), rng);
  index['ektp-nik-mismatch'] = {
    file: write('ektp-nik-mismatch.png', await renderEktp(mismatch, rng).encode('png')),
    fields: mismatch,
  };

  // A PDF417 holding a web address, not a licence: decoded, then refused with a clear message.
  const symbol = await loadImage(
    await bwipjs.toBuffer({ bcid: 'pdf417', text: 'https://example.org/ticket/12345', scale: 4 }),
  );
  const ticket = createCanvas(symbol.width + 200, symbol.height + 200);
  const g = ticket.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, ticket.width, ticket.height);
  g.drawImage(symbol, 100, 100);
  index['barcode-not-licence'] = {
    file: write('barcode-not-licence.png', await ticket.encode('png')),
    fields: {},
  };

  fs.writeFileSync(path.join(dir, 'kinds.json'), `${JSON.stringify(index, null, 2)}\n`);
  return index;
}

export function readKindIndex(dir = FIXTURE_DIR): KindIndex {
  return JSON.parse(fs.readFileSync(path.join(dir, 'kinds.json'), 'utf8')) as KindIndex;
}
