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
}

export interface Summary {
  sets: SetSummary[];
  peakHeapBytes: number;
  peakRssBytes: number;
  model: string;
  seed: number;
  distBytes: number;
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
  extra: { peakRss: number; model: string; seed: number; distBytes: number },
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

export function formatReport(s: Summary): string {
  const lines: string[] = [];
  lines.push('', `Benchmark (seed ${s.seed}, MRZ model ${s.model})`, '');
  lines.push(
    '| set | documents | all fields exact | no result | wrong but certain | cold first | warm p50 | warm p90 |',
  );
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const set of s.sets) {
    lines.push(
      `| ${set.set} | ${set.documents} | ${pct(set.exact / set.documents)} | ${set.failed} | ${set.wrongButCertain} | ${set.coldMs === null ? '–' : `${Math.round(set.coldMs)} ms`} | ${Math.round(set.warmP50)} ms | ${Math.round(set.warmP90)} ms |`,
    );
  }
  lines.push('', '| set | format | documents | all fields exact |', '|---|---|---:|---:|');
  for (const set of s.sets) {
    for (const [format, f] of Object.entries(set.byFormat)) {
      lines.push(`| ${set.set} | ${format} | ${f.documents} | ${pct(f.exact / f.documents)} |`);
    }
  }
  for (const set of s.sets) {
    const steps = Object.entries(set.stepsP50).map(([k, v]) => `${k} ${v} ms`);
    if (steps.length) lines.push('', `${set.set}, median per step (warm): ${steps.join(' · ')}`);
  }
  const fields = Object.keys(s.sets[0]?.fieldAccuracy ?? {});
  lines.push(
    '',
    `| field | ${s.sets.map((x) => x.set).join(' | ')} |`,
    `|---|${s.sets.map(() => '---:').join('|')}|`,
  );
  for (const f of fields)
    lines.push(`| ${f} | ${s.sets.map((x) => pct(x.fieldAccuracy[f] ?? 0)).join(' | ')} |`);
  lines.push(
    '',
    `Peak JS heap (page): ${mb(s.peakHeapBytes)} · peak browser memory (all processes, RSS): ${mb(s.peakRssBytes)} · dist/: ${mb(s.distBytes)}`,
    '',
  );
  return lines.join('\n');
}
