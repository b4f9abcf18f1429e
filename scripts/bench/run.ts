/**
 * npm run bench: builds the app, generates seeded document sets (cached in build/bench), reads every
 * image through the built app in Chromium exactly as a user would (file input → form), and prints
 * accuracy per field and per document, latency percentiles (cold first document, warm) and memory.
 *
 *   npm run bench [-- --clean 120 --photo 60 --formats 30 --nomrz 20 --native 30 --seed 1 --model ocrb|eng
 *                     --hard 60 --lowres 30 --twodocs 30
 *                     --licence 20 --ektp 20 --text-language eng|ind
 *                     --sets clean,photo-12mp,formats,no-mrz,hard,low-res,two-docs,camera,licence,ektp,text,batch
 *                     --batch 50 --pool N (lanes; default: the app's choice for this machine)
 *                     --no-build --generate-only --out file.json]
 *
 * Sets: clean scans and 12-megapixel photo-like images of TD1/TD2/TD3 documents; "formats" (visas
 * MRV-A and MRV-B and the French ID card, as many clean as photo-like); "no-mrz" (card fronts and
 * passport data pages drawn without an MRZ: the app must refuse them, never fill the form); "hard"
 * (12 MP photos: document 30-90 % of the frame at any angle, tilted, glare, clutter); "low-res"
 * (scans at 89-134 dpi: an ID-1 card 300-450 px wide, MRZ characters 8-12 px high); "two-docs"
 * (12 MP photos of two documents side by side, one cut off so that its MRZ is incomplete: the
 * complete one must be read); "camera" (the live camera path on Chromium's fake camera: frame
 * analysis time, hints per second, tap to form);
 * "licence" (US licence backs and fronts, clean and 12 MP photos), "ektp" (Indonesian e-KTP cards,
 * a quarter of the clean ones with a NIK that disagrees with the card), "text" (any-text mode on
 * their clean cards: character accuracy) — scripts/bench/kinds.ts; "batch" (the first --batch 12 MP
 * photos dropped at once: total time, per-file p50/p90, memory growth — scripts/bench/batch.ts).
 * Kind detection is scored on all.
 * Also prints what a first visit downloads to read one document, compressed as a CDN would serve it,
 * and the in-browser OCR time per document as a ratio to Debian's native tesseract reading the same
 * line crops with the same model (scripts/bench/native.ts; the first --native documents of a set).
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium.ts';
import { generateMrzSet, MRZ_FIELDS, type FixtureCase } from '../fixtures/generateMrzSet.ts';
import { serveDist } from '../serve-dist.ts';
import { formatBatch, runBatchBench, type BatchSummary } from './batch.ts';
import { cachedSet } from './cache.ts';
import { runCameraBench, type CameraSummary } from './camera.ts';
import { readInApp } from './readInApp.ts';
import { formatKinds, runKindsBench, type KindsSummary } from './kinds.ts';
import { childrenRss } from './memory.ts';
import { distSize, firstVisitDownload } from './sizes.ts';
import { formatReport, summarise, type CaseResult, type Summary } from './report.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const flag = (name: string): boolean => process.argv.includes(`--${name}`);

const FIELDS = MRZ_FIELDS;
const CHECKED_FIELDS = ['documentNumber', 'dateOfBirth', 'expiryDate', 'personalNumber'] as const;

interface BenchSet {
  name: string;
  dir: string;
  cases: FixtureCase[];
}

async function prepareSet(name: string, options: Parameters<typeof generateMrzSet>[0]): Promise<BenchSet> {
  // One directory per set and size, so a quick run never replaces the full cached set.
  const dir = path.join(root, 'build', 'bench', `${name}-${options.clean + options.photo}-s${options.seed}`);
  const label = `${name} (${options.clean + options.photo} images)`;
  const cases = await cachedSet(dir, options, label, (outDir) => generateMrzSet({ ...options, outDir }));
  return { name, dir, cases };
}

async function readCase(page: Page, set: BenchSet, c: FixtureCase): Promise<CaseResult> {
  const { state, kind, ms: wall } = await readInApp(page, path.join(set.dir, c.file));
  const values = await page.evaluate(
    (names) =>
      Object.fromEntries(
        names.map((n) => [
          n,
          (document.querySelector(`form [name="${n}"]`) as HTMLInputElement | null)?.value ?? '',
        ]),
      ),
    FIELDS,
  );
  const measured = await page.evaluate(
    () => performance.getEntriesByName('scan', 'measure').at(-1)?.duration ?? null,
  );
  const steps = await page.evaluate(() =>
    Object.fromEntries(
      performance
        .getEntriesByType('measure')
        .filter((m) => m.name.startsWith('scan:'))
        .map((m) => [m.name.slice(5), Math.round(m.duration)]),
    ),
  );
  await page.evaluate(() => performance.clearMeasures());
  const heap = await page.evaluate(
    () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0,
  );
  if (c.noMrz) {
    // Right only when refused with the no-MRZ message; a filled form is a hallucination.
    const alert = (await page.locator('[role=alert]').first().textContent()) ?? '';
    const refused = state === 'error' && /No machine-readable zone/i.test(alert);
    return {
      kindRight: refused,
      set: set.name,
      name: c.name,
      format: c.format,
      state,
      ms: wall,
      fields: Object.fromEntries(FIELDS.map((f) => [f, refused])),
      heap,
      steps,
      noMrz: true,
      hallucinated: state === 'done',
    };
  }
  const fields = Object.fromEntries(FIELDS.map((f) => [f, state === 'done' && values[f] === c.truth[f]]));
  // Wrong values the form presents as certain: its check digit holds and no doubt is raised.
  const notes = await page.evaluate(
    (names) =>
      Object.fromEntries(
        names.map((n) => [n, document.getElementById(`field-${n}-notes`)?.textContent ?? '']),
      ),
    CHECKED_FIELDS,
  );
  const wrongButCertain = CHECKED_FIELDS.filter(
    (f) =>
      state === 'done' &&
      values[f] !== c.truth[f] &&
      notes[f]!.includes('Check digit holds') &&
      !/compare with the document|composite check fails/i.test(notes[f]!),
  );
  // No "Clear all" between documents: it ends the engines (a real wipe), which would make every
  // read cold. A read that fails scores every field wrong, so the previous values cannot count.
  // What was read where it differs from the truth (synthetic documents: safe to keep), for diagnosis.
  const wrong = Object.fromEntries(
    FIELDS.filter((f) => !fields[f]).map((f) => [f, { read: values[f] ?? '', truth: c.truth[f] }]),
  );
  // Told apart as an MRZ document: read as one, or its MRZ found but not readable.
  const kindRight =
    (state === 'done' && kind === 'mrz') ||
    (state === 'error' &&
      /machine-readable zone was found/i.test(
        (await page.locator('[role=alert]').first().textContent()) ?? '',
      ));
  return {
    kindRight,
    set: set.name,
    name: c.name,
    format: c.format,
    state,
    ms: state === 'done' && measured !== null ? measured : wall,
    fields,
    ...(Object.keys(wrong).length ? { wrong } : {}),
    heap,
    steps,
    wrongButCertain,
  };
}

async function runSet(
  browser: Browser,
  url: string,
  set: BenchSet,
  firstVisit?: Set<string>,
): Promise<CaseResult[]> {
  const context = await browser.newContext();
  // Everything fetched from opening the app to the first document's result: a first visit's download.
  const fetched = new Set<string>();
  const record = (request: { url: () => string }) => fetched.add(request.url());
  context.on('requestfinished', record);
  const page = await context.newPage();
  await page.goto(url);
  const results: CaseResult[] = [];
  for (const [i, c] of set.cases.entries()) {
    const result = await readCase(page, set, c);
    result.cold = i === 0;
    if (i === 0) {
      context.off('requestfinished', record);
      for (const u of fetched) firstVisit?.add(u);
    }
    results.push(result);
    process.stdout.write(
      `  ${set.name} ${i + 1}/${set.cases.length} ${c.name} ${result.state} ${Math.round(result.ms)} ms\r`,
    );
  }
  process.stdout.write('\n');
  await context.close();
  return results;
}

type MrzSetOptions = Parameters<typeof generateMrzSet>[0];

/**
 * The MRZ sets, in the order they run, with their generator options: each set's seed is offset so
 * that no two draw the same documents. (The options are the cache key: keep their key order.)
 */
function mrzSets(seed: number, scene: { width: number; height: number }): Array<[string, MrzSetOptions]> {
  const count = (name: string, fallback: string): number => Number(arg(name, fallback));
  const formats = count('formats', '30');
  const noMrz = count('nomrz', '20');
  return [
    ['clean', { seed, clean: count('clean', '120'), photo: 0, outDir: '' }],
    ['photo-12mp', { seed: seed + 1000, clean: 0, photo: count('photo', '60'), scene, outDir: '' }],
    [
      'formats',
      {
        seed: seed + 2000,
        clean: formats,
        photo: formats,
        scene,
        formats: ['MRVA', 'MRVB', 'FRENCH_ID'],
        outDir: '',
      },
    ],
    ['hard', { seed: seed + 4000, clean: 0, photo: count('hard', '60'), scene, hard: true, outDir: '' }],
    [
      'two-docs',
      { seed: seed + 8000, clean: 0, photo: count('twodocs', '30'), scene, twoDocuments: true, outDir: '' },
    ],
    ['low-res', { seed: seed + 5000, clean: count('lowres', '30'), photo: 0, lowRes: true, outDir: '' }],
    ['no-mrz', { seed: seed + 3000, clean: noMrz, photo: noMrz, scene, noMrz: true, outDir: '' }],
  ];
}

async function main(): Promise<void> {
  const seed = Number(arg('seed', '1'));
  const model = arg('model', 'ocrb');
  if (!flag('no-build'))
    execSync('npx tsx scripts/copy-assets.ts && npx vite build', { cwd: root, stdio: 'ignore' });
  const scene = { width: 4000, height: 3000 };
  const wanted = arg(
    'sets',
    'clean,photo-12mp,formats,no-mrz,hard,low-res,two-docs,camera,licence,ektp,text,batch',
  ).split(',');
  const sets: BenchSet[] = [];
  for (const [name, options] of mrzSets(seed, scene))
    if (wanted.includes(name)) sets.push(await prepareSet(name, options));
  if (flag('generate-only')) return;
  const server = await serveDist({ base: '/bench/' });
  // Precise memory info makes performance.memory report real heap sizes.
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
  });
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, childrenRss());
  }, 250);
  const query = new URLSearchParams({
    ...(model === 'eng' ? { mrzModel: 'eng' } : {}),
    ...(arg('pool', '') ? { pool: arg('pool', '') } : {}),
  }).toString();
  const url = `${server.url}${query ? `?${query}` : ''}`;
  const results: CaseResult[] = [];
  const firstVisit = new Set<string>();
  let camera: CameraSummary | undefined;
  let kinds: KindsSummary | undefined;
  let batch: BatchSummary | undefined;
  try {
    if (wanted.includes('batch')) {
      const photos = await prepareSet('photo-12mp', {
        seed: seed + 1000,
        clean: 0,
        photo: Number(arg('photo', '60')),
        scene,
        outDir: '',
      });
      batch = await runBatchBench(
        browser,
        url,
        photos.dir,
        photos.cases.slice(0, Number(arg('batch', '50'))),
        FIELDS,
      );
    }
    for (const [i, set] of sets.entries())
      results.push(...(await runSet(browser, url, set, i === 0 ? firstVisit : undefined)));
    if (wanted.includes('camera'))
      camera = await runCameraBench(url, path.join(root, 'build', 'bench', 'camera'));
    if (wanted.some((w) => ['licence', 'ektp', 'text'].includes(w)))
      kinds = await runKindsBench(browser, url, root, {
        seed,
        licence: wanted.includes('licence') ? Number(arg('licence', '20')) : 0,
        ektp: wanted.includes('ektp') ? Number(arg('ektp', '20')) : 0,
        text: wanted.includes('text'),
        textLanguage: arg('text-language', 'eng'),
      });
  } finally {
    clearInterval(sampler);
    await browser.close();
    await server.close();
  }
  // Native tesseract on the same crops (the app's preprocessing run in Node), for the speed ratio.
  const native: Summary['native'] = [];
  for (const set of sets.filter((x) => x.name === 'clean' || x.name === 'photo-12mp')) {
    try {
      const { timeNativeOcr } = await import('./native.ts');
      const t = await timeNativeOcr(set.dir, Number(arg('native', '30')));
      native.push({ set: set.name, documents: t.documents, msPerDocumentP50: t.msPerDocumentP50 });
    } catch (error) {
      process.stdout.write(`Native tesseract timing skipped for ${set.name}: ${String(error)}\n`);
    }
  }
  const summary = summarise(results, FIELDS, {
    native,
    camera,
    peakRss,
    model,
    seed,
    distBytes: distSize(path.join(root, 'dist')),
    firstVisit: firstVisitDownload(firstVisit, server.url, path.join(root, 'dist')),
  });
  process.stdout.write(formatReport(summary));
  if (batch) process.stdout.write(formatBatch(batch));
  if (kinds) {
    process.stdout.write(formatKinds(kinds));
    const told = results.filter((r) => r.kindRight).length + kinds.sets.reduce((n, s) => n + s.kindRight, 0);
    const all = results.length + kinds.sets.reduce((n, s) => n + s.documents, 0);
    process.stdout.write(
      `\nKind detection (MRZ / licence back / licence front / e-KTP / none) right on ${told}/${all} documents (${((told / Math.max(1, all)) * 100).toFixed(1)} %)\n`,
    );
  }
  const out = arg('out', path.join(root, 'build', 'bench', 'results.json'));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify({ summary, kinds, batch, results }, null, 2)}\n`);
}

await main();
