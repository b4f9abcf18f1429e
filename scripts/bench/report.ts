import type { CameraSummary } from './camera.ts';
/** Turns per-image results into the benchmark table printed by `npm run bench` (and pasted in the README). */
export interface CaseResult {
  set: string;
  name: string;
  format: string;
  state: string;
  ms: number;
  fields: Record<string, boolean>;
  heap: number;
  /** Checked fields shown as certain (check digit holds, no doubt) whose value is wrong. */
  wrongButCertain?: string[];
  /** Milliseconds per pipeline step, from the app's performance measures. */
  steps?: Record<string, number>;
  cold?: boolean;
  /** Fields read wrong: what was read and the truth. */
  wrong?: Record<string, { read: string; truth: string }>;
  /** A document drawn without an MRZ: right when refused. */
  noMrz?: boolean;
  /** A no-MRZ document for which the app filled the form anyway. */
  hallucinated?: boolean;
  /** The document kind was told right (MRZ found, or refused when there is none). */
  kindRight?: boolean;
}

export interface SetSummary {
  set: string;
  documents: number;
  exact: number;
  failed: number;
  /** Wrong values presented as certain: must be 0. */
  wrongButCertain: number;
  fieldAccuracy: Record<string, number>;
  byFormat: Record<string, { documents: number; exact: number }>;
  coldMs: number | null;
  warmP50: number;
  warmP90: number;
  warmMax: number;
  /** Median milliseconds per pipeline step over warm reads. */
  stepsP50: Record<string, number>;
  /** No-MRZ sets: documents refused with the no-MRZ message, and forms filled anyway. */
  noMrz?: { refused: number; hallucinated: number };
}

export interface Summary {
  sets: SetSummary[];
  peakHeapBytes: number;
  peakRssBytes: number;
  model: string;
  seed: number;
  distBytes: number;
  firstVisit: { files: number; raw: number; gzip: number; brotli: number };
  /** Native tesseract's OCR time per document on the same crops (median). */
  native: Array<{ set: string; documents: number; msPerDocumentP50: number }>;
  camera?: CameraSummary;
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function summarise(
  results: CaseResult[],
  fields: readonly string[],
  extra: Pick<Summary, 'model' | 'seed' | 'distBytes' | 'firstVisit' | 'native' | 'camera'> & {
    peakRss: number;
  },
): Summary {
  const sets = [...new Set(results.map((r) => r.set))].map((set): SetSummary => {
    const rows = results.filter((r) => r.set === set);
    const exact = (r: CaseResult): boolean => r.state === 'done' && fields.every((f) => r.fields[f]);
    const warm = rows.filter((r) => !r.cold).map((r) => r.ms);
    const byFormat: SetSummary['byFormat'] = {};
    for (const r of rows) {
      const entry = (byFormat[r.format] ??= { documents: 0, exact: 0 });
      entry.documents++;
      if (exact(r)) entry.exact++;
    }
    return {
      set,
      documents: rows.length,
      exact: rows.filter(exact).length,
      failed: rows.filter((r) => r.state !== 'done').length,
      wrongButCertain: rows.reduce((n, r) => n + (r.wrongButCertain?.length ?? 0), 0),
      fieldAccuracy: Object.fromEntries(
        fields.map((f) => [f, rows.filter((r) => r.fields[f]).length / Math.max(1, rows.length)]),
      ),
      byFormat,
      coldMs: rows.find((r) => r.cold)?.ms ?? null,
      warmP50: percentile(warm, 50),
      warmP90: percentile(warm, 90),
      warmMax: Math.max(0, ...warm),
      stepsP50: stepMedians(rows.filter((r) => !r.cold)),
      ...(rows.some((r) => r.noMrz)
        ? {
            noMrz: {
              refused: rows.filter((r) => r.noMrz && r.fields[fields[0]!]).length,
              hallucinated: rows.filter((r) => r.hallucinated).length,
            },
          }
        : {}),
    };
  });
  return {
    sets,
    peakHeapBytes: Math.max(0, ...results.map((r) => r.heap)),
    peakRssBytes: extra.peakRss,
    ...extra,
  };
}

function stepMedians(rows: CaseResult[]): Record<string, number> {
  const names = [...new Set(rows.flatMap((r) => Object.keys(r.steps ?? {})))];
  return Object.fromEntries(
    names.map((n) => [
      n,
      percentile(
        rows.flatMap((r) => (r.steps?.[n] === undefined ? [] : [r.steps[n]!])),
        50,
      ),
    ]),
  );
}

const pct = (n: number): string => `${(n * 100).toFixed(1)} %`;
const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MB`;
const mb1 = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;

export function formatReport(s: Summary): string {
  const lines: string[] = [];
  lines.push('', `Benchmark (seed ${s.seed}, MRZ model ${s.model})`, '');
  lines.push(
    '| set | documents | all fields exact | no result | wrong but certain | cold first | warm p50 | warm p90 |',
  );
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|');
  const reading = s.sets.filter((x) => !x.noMrz);
  const refusing = s.sets.filter((x) => x.noMrz);
  for (const set of reading) {
    lines.push(
      `| ${set.set} | ${set.documents} | ${pct(set.exact / set.documents)} | ${set.failed} | ${set.wrongButCertain} | ${set.coldMs === null ? '–' : `${Math.round(set.coldMs)} ms`} | ${Math.round(set.warmP50)} ms | ${Math.round(set.warmP90)} ms |`,
    );
  }
  if (refusing.length) {
    lines.push(
      '',
      '| set (no MRZ drawn) | documents | refused: no MRZ found | form filled anyway | p50 to the message |',
      '|---|---:|---:|---:|---:|',
    );
    for (const set of refusing)
      lines.push(
        `| ${set.set} | ${set.documents} | ${pct(set.noMrz!.refused / set.documents)} | ${set.noMrz!.hallucinated} | ${Math.round(set.warmP50)} ms |`,
      );
  }
  lines.push('', '| set | format | documents | all fields exact |', '|---|---|---:|---:|');
  for (const set of reading) {
    for (const [format, f] of Object.entries(set.byFormat)) {
      lines.push(`| ${set.set} | ${format} | ${f.documents} | ${pct(f.exact / f.documents)} |`);
    }
  }
  for (const set of reading) {
    const steps = Object.entries(set.stepsP50).map(([k, v]) => `${k} ${v} ms`);
    if (steps.length) lines.push('', `${set.set}, median per step (warm): ${steps.join(' · ')}`);
  }
  const fields = Object.keys(reading[0]?.fieldAccuracy ?? {});
  if (fields.length)
    lines.push(
      '',
      `| field | ${reading.map((x) => x.set).join(' | ')} |`,
      `|---|${reading.map(() => '---:').join('|')}|`,
    );
  for (const f of fields)
    lines.push(`| ${f} | ${reading.map((x) => pct(x.fieldAccuracy[f] ?? 0)).join(' | ')} |`);
  for (const n of s.native) {
    const app = s.sets.find((x) => x.set === n.set)?.stepsP50.ocr;
    if (app === undefined) continue;
    lines.push(
      '',
      `${n.set}, MRZ OCR per document (median): in the browser ${app} ms, native tesseract on the same crops ${Math.round(n.msPerDocumentP50)} ms (${n.documents} documents): ${(app / n.msPerDocumentP50).toFixed(2)}× native`,
    );
  }
  if (s.camera) {
    const c = s.camera;
    lines.push(
      '',
      `Camera (fake 1280×960 feed, ${c.opens} opens): tap to filled form cold ${c.coldMs} ms, warm p50 ${Math.round(c.warmP50Ms)} ms, every field exact ${c.exact}/${c.opens} · frame analysis (640×480) p50 ${c.frameP50Ms.toFixed(1)} ms, p90 ${c.frameP90Ms.toFixed(1)} ms over ${c.frames} frames · frame to hint p50 ${c.roundTripP50Ms.toFixed(1)} ms, ${c.hintsPerSecond.toFixed(1)} hints/s`,
    );
  }
  const v = s.firstVisit;
  lines.push(
    '',
    `First visit, to read one document: ${v.files} files, ${mb1(v.raw)} raw, ${mb1(v.gzip)} gzip, ${mb1(v.brotli)} brotli`,
    `Peak JS heap (page): ${mb(s.peakHeapBytes)} · peak browser memory (all processes, RSS): ${mb(s.peakRssBytes)} · dist/: ${mb(s.distBytes)}`,
    '',
  );
  return lines.join('\n');
}
