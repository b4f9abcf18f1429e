/**
 * The camera path, measured in Chromium with its fake camera playing a generated ID card (a
 * 1280×960 "phone camera", so frames are analysed at 640×480): how long the per-frame analysis
 * takes and how often hints refresh, and the time from tapping "Use camera" to a filled form.
 * The first open is cold (engines start); the rest are warm.
 */
import fs from 'node:fs';
import path from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium.ts';
import { registerDocumentFonts } from '../fixtures/fonts.ts';
import { truthOf } from '../fixtures/generateMrzSet.ts';
import { photograph } from '../fixtures/photograph.ts';
import { renderDocument } from '../fixtures/renderDocument.ts';
import { createRng } from '../fixtures/rng.ts';
import { createSpecimen } from '../fixtures/specimen.ts';
import { y4mFromImage } from '../fixtures/y4m.ts';
import { percentile } from './report.ts';

export interface CameraSummary {
  opens: number;
  /** Opens that ended with every MRZ field exact. */
  exact: number;
  coldMs: number;
  warmP50Ms: number;
  frames: number;
  /** Worker time per 640×480 frame. */
  frameP50Ms: number;
  frameP90Ms: number;
  /** Frame start to hint on screen (bitmap, transfer, analysis), and hints per second. */
  roundTripP50Ms: number;
  hintsPerSecond: number;
}

async function feed(dir: string): Promise<{ file: string; mrz: string }> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'camera-1280x960.y4m');
  registerDocumentFonts(GlobalFonts);
  const specimen = createSpecimen(createRng(31), { format: 'TD1' });
  if (!fs.existsSync(file)) {
    const card = renderDocument(specimen, createRng(31), { dpi: 280 });
    const { jpeg } = await photograph(card, createRng(32), {
      width: 1280,
      height: 960,
      coverage: 0.95,
      rotation: 0,
      skew: -3,
      perspective: 0.02,
      blur: 0.5,
      noise: 3,
      unevenLight: 0.2,
      jpegQuality: 95,
      background: 'desk',
    });
    fs.writeFileSync(file, await y4mFromImage(jpeg));
  }
  return { file, mrz: truthOf(specimen).mrz };
}

export async function runCameraBench(url: string, dir: string, opens = 6): Promise<CameraSummary> {
  const { file, mrz } = await feed(dir);
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${file}`,
    ],
  });
  const times: number[] = [];
  let exact = 0;
  try {
    const context = await browser.newContext({ permissions: ['camera'] });
    const page = await context.newPage();
    await page.goto(url);
    for (let i = 0; i < opens; i++) {
      const before = await page.evaluate(() => performance.getEntriesByName('scan:start', 'mark').length);
      const started = Date.now();
      await page.getByRole('button', { name: 'Use camera' }).click();
      await page.waitForFunction(
        (n) =>
          performance.getEntriesByName('scan:start', 'mark').length > n &&
          document.querySelector('[data-ocr-state]')?.getAttribute('data-ocr-state') === 'done' &&
          !document.querySelector('dialog[open]'),
        before,
        { timeout: 60_000, polling: 20 },
      );
      times.push(Date.now() - started);
      if ((await page.locator('form [name="mrz"]').inputValue()) === mrz) exact++;
      process.stdout.write(`  camera ${i + 1}/${opens} ${times.at(-1)} ms\r`);
    }
    process.stdout.write('\n');
    const frames = await page.evaluate(() =>
      performance.getEntriesByName('camera:frame').map((e) => e.duration),
    );
    const trips = await page.evaluate(() =>
      performance.getEntriesByName('camera:roundtrip').map((e) => [e.startTime, e.duration] as const),
    );
    const spans = trips.slice(1).map(([start], k) => start - trips[k]![0]);
    await context.close();
    return {
      opens,
      exact,
      coldMs: times[0] ?? 0,
      warmP50Ms: percentile(times.slice(1), 50),
      frames: frames.length,
      frameP50Ms: percentile(frames, 50),
      frameP90Ms: percentile(frames, 90),
      roundTripP50Ms: percentile(
        trips.map(([, d]) => d),
        50,
      ),
      // Between consecutive frames of one open (gaps over a second are between opens).
      hintsPerSecond:
        1000 /
        Math.max(
          1,
          percentile(
            spans.filter((s) => s < 1000),
            50,
          ),
        ),
    };
  } finally {
    await browser.close();
  }
}
