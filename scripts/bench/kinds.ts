/**
 * Documents read without an MRZ, through the built app as a user would: US licence backs (AAMVA
 * PDF417) and fronts, Indonesian e-KTP cards (some with a NIK that disagrees with the card), clean
 * and photo-like. Per set: documents with every field exact, field accuracy, kind detection,
 * latency; the e-KTP NIK cross-check; and any-text mode's character accuracy on the clean cards
 * against the lines the generator printed.
 */
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { generateEktpSet, type EktpCase } from '../fixtures/generateEktpSet.ts';
import { generateLicenceSet, type LicenceCase } from '../fixtures/generateLicenceSet.ts';
import { cachedSet } from './cache.ts';
import { readInApp } from './readInApp.ts';
import { percentile } from './report.ts';

type Case = (LicenceCase | EktpCase) & { printedLines?: string[] };

export interface KindSetSummary {
  set: string;
  documents: number;
  exact: number;
  /** Share of fields exact over all documents (a failed read counts every field wrong). */
  fieldAccuracy: number;
  perField: Record<string, number>;
  kindRight: number;
  coldMs: number;
  warmP50: number;
  warmP90: number;
  /** e-KTP: cards whose NIK cross-check said the right thing (flagged iff the NIK disagrees). */
  nikCheckRight?: number;
  nikCheckCards?: number;
  wrong: Array<{ name: string; field: string; read: string; truth: string }>;
}

export interface TextSummary {
  cards: number;
  /** 1 - edits / characters, each printed line against its closest OCR line. */
  characterAccuracy: number;
  warmP50: number;
}

export interface KindsSummary {
  sets: KindSetSummary[];
  text?: TextSummary;
}

async function prepare<T>(root: string, name: string, key: object, make: (dir: string) => Promise<T[]>) {
  const dir = path.join(root, 'build', 'bench', name);
  return { dir, cases: await cachedSet(dir, key, name, make) };
}

const expectedKind = (c: Case): string =>
  'side' in c ? (c.side === 'back' ? 'licence-back' : 'licence-front') : 'ektp';

async function runSet(
  browser: Browser,
  url: string,
  set: string,
  dir: string,
  cases: Case[],
  textLanguage: string,
): Promise<KindSetSummary> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('select[name="textLanguage"]').selectOption(textLanguage);
  const wrong: KindSetSummary['wrong'] = [];
  const perField: Record<string, [number, number]> = {};
  let exact = 0;
  let kindRight = 0;
  let nikRight = 0;
  let nikCards = 0;
  const times: number[] = [];
  for (const [i, c] of cases.entries()) {
    const { state, kind, ms } = await readInApp(page, path.join(dir, c.file));
    times.push(ms);
    if (kind === expectedKind(c) && state === 'done') kindRight++;
    const names = Object.keys(c.truth);
    const values =
      state === 'done'
        ? await page.evaluate(
            (n) =>
              Object.fromEntries(
                n.map((name) => [
                  name,
                  (document.querySelector(`form [name="${name}"]`) as HTMLInputElement | null)?.value ?? '',
                ]),
              ),
            names,
          )
        : {};
    let all = true;
    for (const [field, truth] of Object.entries(c.truth) as Array<[string, string]>) {
      const entry = (perField[field] ??= [0, 0]);
      entry[1]++;
      if (values[field] === truth) entry[0]++;
      else {
        all = false;
        wrong.push({ name: c.name, field, read: values[field] ?? `(${state})`, truth });
      }
    }
    if (all) exact++;
    if (!('side' in c) && c.kind === 'clean') {
      nikCards++;
      const notes = state === 'done' ? ((await page.locator('#field-nik-notes').textContent()) ?? '') : '';
      const flagged = /disagree/.test(notes);
      if (state === 'done' && flagged === !!c.nikMismatch) nikRight++;
    }
    process.stdout.write(`  ${set} ${i + 1}/${cases.length} ${c.name} ${state} ${Math.round(ms)} ms\r`);
  }
  process.stdout.write('\n');
  await context.close();
  const fields = Object.values(perField);
  return {
    set,
    documents: cases.length,
    exact,
    fieldAccuracy:
      fields.reduce((s, [ok]) => s + ok, 0) /
      Math.max(
        1,
        fields.reduce((s, [, n]) => s + n, 0),
      ),
    perField: Object.fromEntries(Object.entries(perField).map(([f, [ok, n]]) => [f, ok / n])),
    kindRight,
    coldMs: times[0] ?? 0,
    warmP50: percentile(times.slice(1), 50),
    warmP90: percentile(times.slice(1), 90),
    ...(nikCards ? { nikCheckRight: nikRight, nikCheckCards: nikCards } : {}),
    wrong,
  };
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return prev[b.length]!;
}

async function runText(
  browser: Browser,
  url: string,
  cards: Array<{ file: string; lines: string[] }>,
): Promise<TextSummary> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('select[name="readMode"]').selectOption('text');
  let edits = 0;
  let characters = 0;
  const times: number[] = [];
  for (const [i, card] of cards.entries()) {
    const { state, ms } = await readInApp(page, card.file);
    times.push(ms);
    const text = state === 'done' ? await page.locator('textarea[name="text"]').inputValue() : '';
    const ocr = text
      .split('\n')
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    for (const line of card.lines) {
      const want = line.replace(/\s+/g, ' ').trim();
      characters += want.length;
      edits += Math.min(want.length, ...ocr.map((o) => levenshtein(want, o)));
    }
    process.stdout.write(`  any text ${i + 1}/${cards.length} ${Math.round(ms)} ms\r`);
  }
  process.stdout.write('\n');
  await context.close();
  return {
    cards: cards.length,
    characterAccuracy: 1 - edits / Math.max(1, characters),
    warmP50: percentile(times.slice(1), 50),
  };
}

export async function runKindsBench(
  browser: Browser,
  url: string,
  root: string,
  o: { seed: number; licence: number; ektp: number; text: boolean; textLanguage?: string },
): Promise<KindsSummary> {
  const scene = { width: 4000, height: 3000 };
  const lic = { seed: o.seed + 6000, clean: o.licence, photo: o.licence, scene, side: 'both' as const };
  const licences = await prepare<LicenceCase>(root, `licence-${o.licence}-s${lic.seed}`, lic, (dir) =>
    generateLicenceSet({ ...lic, outDir: dir }),
  );
  const ek = {
    seed: o.seed + 7000,
    clean: o.ektp,
    photo: o.ektp,
    scene,
    nikMismatch: Math.round(o.ektp / 4),
  };
  const ektps = await prepare<EktpCase>(root, `ektp-${o.ektp}-s${ek.seed}`, ek, (dir) =>
    generateEktpSet({ ...ek, outDir: dir }),
  );
  const sets: KindSetSummary[] = [];
  const split = (cases: Case[], pick: (c: Case) => boolean) => cases.filter(pick);
  const L = licences.cases as Case[];
  const E = ektps.cases as Case[];
  for (const [name, dir, cases] of [
    [
      'licence-back clean',
      licences.dir,
      split(L, (c) => 'side' in c && c.side === 'back' && c.kind === 'clean'),
    ],
    [
      'licence-back photo',
      licences.dir,
      split(L, (c) => 'side' in c && c.side === 'back' && c.kind === 'photo'),
    ],
    [
      'licence-front clean',
      licences.dir,
      split(L, (c) => 'side' in c && c.side === 'front' && c.kind === 'clean'),
    ],
    [
      'licence-front photo',
      licences.dir,
      split(L, (c) => 'side' in c && c.side === 'front' && c.kind === 'photo'),
    ],
    ['e-KTP clean', ektps.dir, split(E, (c) => c.kind === 'clean')],
    ['e-KTP photo', ektps.dir, split(E, (c) => c.kind === 'photo')],
  ] as const) {
    if (cases.length) sets.push(await runSet(browser, url, name, dir, cases, o.textLanguage ?? 'eng'));
  }
  let text: TextSummary | undefined;
  if (o.text) {
    const cards = [
      ...L.filter((c) => c.kind === 'clean' && c.printedLines).map((c) => ({
        file: path.join(licences.dir, c.file),
        lines: c.printedLines!,
      })),
      ...E.filter((c) => c.kind === 'clean' && c.printedLines).map((c) => ({
        file: path.join(ektps.dir, c.file),
        lines: c.printedLines!,
      })),
    ];
    if (cards.length) text = await runText(browser, url, cards);
  }
  return { sets, ...(text ? { text } : {}) };
}

const pct = (n: number): string => `${(n * 100).toFixed(1)} %`;

export function formatKinds(k: KindsSummary): string {
  const lines = [
    '',
    '| set | documents | all fields exact | field accuracy | kind right | cold first | warm p50 | warm p90 |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const s of k.sets)
    lines.push(
      `| ${s.set} | ${s.documents} | ${pct(s.exact / s.documents)} | ${pct(s.fieldAccuracy)} | ${s.kindRight}/${s.documents} | ${Math.round(s.coldMs)} ms | ${Math.round(s.warmP50)} ms | ${Math.round(s.warmP90)} ms |`,
    );
  for (const s of k.sets) {
    if (s.nikCheckCards)
      lines.push('', `${s.set}: NIK cross-check right on ${s.nikCheckRight}/${s.nikCheckCards} cards`);
    const weak = Object.entries(s.perField)
      .filter(([, v]) => v < 1)
      .map(([f, v]) => `${f} ${pct(v)}`);
    if (weak.length) lines.push('', `${s.set}, fields below 100 %: ${weak.join(' · ')}`);
  }
  if (k.text)
    lines.push(
      '',
      `Any text (clean licence fronts and e-KTP cards, ${k.text.cards} cards): ${pct(k.text.characterAccuracy)} character accuracy against the printed lines, warm p50 ${Math.round(k.text.warmP50)} ms`,
    );
  return `${lines.join('\n')}\n`;
}
