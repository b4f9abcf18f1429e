/**
 * npm run bench: builds the app, generates seeded document sets (cached in build/bench), reads every
 * image through the built app in Chromium exactly as a user would (file input → form), and prints
 * accuracy per field and per document, latency percentiles (cold first document, warm) and memory.
 *
 *   npm run bench [-- --clean 120 --photo 60 --seed 1 --model ocrb|eng --no-build --generate-only --out file.json]
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium.ts';
import { generateMrzSet, MRZ_FIELDS, type FixtureCase } from '../fixtures/generateMrzSet.ts';
import { serveDist } from '../serve-dist.ts';
import { childrenRss } from './memory.ts';
import { formatReport, summarise, type CaseResult } from './report.ts';

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
  const key = JSON.stringify(options);
  // One directory per set and size, so a quick run never replaces the full cached set.
  const dir = path.join(root, 'build', 'bench', `${name}-${options.clean + options.photo}-s${options.seed}`);
  const stamp = path.join(dir, 'options.json');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === key) {
    return {
      name,
      dir,
      cases: JSON.parse(fs.readFileSync(path.join(dir, 'cases.json'), 'utf8')) as FixtureCase[],
    };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`Generating ${name} (${options.clean + options.photo} images)…\n`);
  const cases = await generateMrzSet({ ...options, outDir: dir });
  fs.writeFileSync(stamp, key);
  return { name, dir, cases };
}

async function readCase(page: Page, set: BenchSet, c: FixtureCase): Promise<CaseResult> {
  // Each scan sets a 'scan:start' mark synchronously: wait for a new one, then for its outcome, so the
  // previous document's "done" can never be taken for this one's.
  const marks = await page.evaluate(() => performance.getEntriesByName('scan:start', 'mark').length);
  const started = performance.now();
  await page.locator('input[type=file]').setInputFiles(path.join(set.dir, c.file));
  await page.waitForFunction(
    (before) =>
      performance.getEntriesByName('scan:start', 'mark').length > before &&
      ['done', 'error'].includes(
        document.querySelector('[data-ocr-state]')?.getAttribute('data-ocr-state') ?? '',
      ),
    marks,
    { timeout: 120_000, polling: 20 },
  );
  const wall = performance.now() - started;
  const state = await page.getAttribute('[data-ocr-state]', 'data-ocr-state');
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
      !/Compare with the document|composite check fails/.test(notes[f]!),
  );
  // No "Clear all" between documents: it ends the engines (a real wipe), which would make every
  // read cold. A read that fails scores every field wrong, so the previous values cannot count.
  return {
    set: set.name,
    name: c.name,
    format: c.format,
    state: state ?? 'missing',
    ms: state === 'done' && measured !== null ? measured : wall,
    fields,
    heap,
    steps,
    wrongButCertain,
  };
}

async function runSet(browser: Browser, url: string, set: BenchSet): Promise<CaseResult[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  const results: CaseResult[] = [];
  for (const [i, c] of set.cases.entries()) {
    const result = await readCase(page, set, c);
    result.cold = i === 0;
    results.push(result);
    process.stdout.write(
      `  ${set.name} ${i + 1}/${set.cases.length} ${c.name} ${result.state} ${Math.round(result.ms)} ms\r`,
    );
  }
  process.stdout.write('\n');
  await context.close();
  return results;
}

async function main(): Promise<void> {
  const seed = Number(arg('seed', '1'));
  const model = arg('model', 'ocrb');
  if (!flag('no-build'))
    execSync('npx tsx scripts/copy-assets.ts && npx vite build', { cwd: root, stdio: 'ignore' });
  const sets = [
    await prepareSet('clean', { seed, clean: Number(arg('clean', '120')), photo: 0, outDir: '' }),
    await prepareSet('photo-12mp', {
      seed: seed + 1000,
      clean: 0,
      photo: Number(arg('photo', '60')),
      scene: { width: 4000, height: 3000 },
      outDir: '',
    }),
  ];
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
  const url = `${server.url}${model === 'eng' ? '?mrzModel=eng' : ''}`;
  const results: CaseResult[] = [];
  try {
    for (const set of sets) results.push(...(await runSet(browser, url, set)));
  } finally {
    clearInterval(sampler);
    await browser.close();
    await server.close();
  }
  const summary = summarise(results, FIELDS, {
    peakRss,
    model,
    seed,
    distBytes: distSize(path.join(root, 'dist')),
  });
  process.stdout.write(formatReport(summary));
  const out = arg('out', path.join(root, 'build', 'bench', 'results.json'));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify({ summary, results }, null, 2)}\n`);
}

function distSize(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

await main();
