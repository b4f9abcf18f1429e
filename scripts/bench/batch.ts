/**
 * The batch benchmark: N photos dropped at once (one upload of many files), read through the app's
 * pool of workers. Reports the total time, per-file time on a lane (p50/p90, queueing excluded),
 * documents read exactly (from the session's CSV), and memory sampled as each file finishes: the
 * page's JS heap, and the resident memory of Chromium's processes (the workers' wasm heaps, OpenCV
 * and tesseract, live there). Memory must not grow by more than 10 % between the first and the
 * last ten files.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { parseCsv } from '../../src/lib/export/csv.ts';
import type { FixtureCase } from '../fixtures/generateMrzSet.ts';
import { childrenRss } from './memory.ts';
import { percentile } from './report.ts';

export interface BatchSummary {
  files: number;
  pool: number;
  totalMs: number;
  perFileMs: { p50: number; p90: number };
  exact: number;
  failed: number;
  /** Means over the samples taken as files 1-10 and files N-9..N finished. */
  heapFirst: number;
  heapLast: number;
  rssFirst: number;
  rssLast: number;
  peakHeap: number;
  peakRss: number;
}

const MB = 1024 * 1024;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

export async function runBatchBench(
  browser: Browser,
  url: string,
  dir: string,
  cases: FixtureCase[],
  fields: readonly string[],
): Promise<BatchSummary> {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const heap = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  };
  await page.goto(url);
  // Warm: lane 0 started after first paint, like a user who opened the page a moment ago.
  await page.waitForTimeout(3000);
  const samples: Array<{ heap: number; rss: number }> = [];
  const started = performance.now();
  await page.locator('input[type=file]').setInputFiles(cases.map((c) => path.join(dir, c.file)));
  let settled = 0;
  while (settled < cases.length) {
    const now = await page
      .locator('[data-testid="batch.row"]:is([data-status="done"],[data-status="error"])')
      .count();
    for (; settled < now; settled++) samples.push({ heap: await heap(), rss: childrenRss() });
    if (performance.now() - started > cases.length * 60_000) throw new Error('batch timed out');
    await page.waitForTimeout(100);
  }
  const totalMs = performance.now() - started;
  const lanes = await page.evaluate(() =>
    performance
      .getEntriesByName('scan:lane', 'measure')
      .map((m) => ({ ms: m.duration, lane: (m as PerformanceMeasure).detail.lane as number })),
  );
  const perFile = lanes.map((l) => l.ms);
  const pool = new Set(lanes.map((l) => l.lane)).size;
  const failed = await page.locator('[data-testid="batch.row"][data-status="error"]').count();

  // Exactness from the session's CSV log: every MRZ field of every document.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const [header, ...rows] = parseCsv(fs.readFileSync((await download.path())!, 'utf8').slice(1));
  const byFile = new Map(rows.map((r) => [r[header!.indexOf('file')]!, r]));
  const exact = cases.filter((c) => {
    const row = byFile.get(path.basename(c.file));
    return row && fields.every((f) => row[header!.indexOf(f)] === String(c.truth[f as keyof typeof c.truth]));
  }).length;
  await page.close();

  const first = samples.slice(0, 10);
  const last = samples.slice(-10);
  return {
    files: cases.length,
    pool,
    totalMs,
    perFileMs: { p50: percentile(perFile, 50), p90: percentile(perFile, 90) },
    exact,
    failed,
    heapFirst: mean(first.map((s) => s.heap)),
    heapLast: mean(last.map((s) => s.heap)),
    rssFirst: mean(first.map((s) => s.rss)),
    rssLast: mean(last.map((s) => s.rss)),
    peakHeap: Math.max(...samples.map((s) => s.heap)),
    peakRss: Math.max(...samples.map((s) => s.rss)),
  };
}

export function formatBatch(b: BatchSummary): string {
  const growth = (a: number, z: number) => `${(((z - a) / a) * 100).toFixed(1)} %`;
  return [
    '',
    `Batch: ${b.files} photos in one upload, pool of ${b.pool} lane(s)`,
    `  total ${(b.totalMs / 1000).toFixed(1)} s (${(b.totalMs / b.files).toFixed(0)} ms per file); per file on a lane p50 ${b.perFileMs.p50.toFixed(0)} ms, p90 ${b.perFileMs.p90.toFixed(0)} ms`,
    `  every MRZ field exact: ${b.exact}/${b.files}; failed: ${b.failed}`,
    `  page JS heap: first 10 files ${(b.heapFirst / MB).toFixed(1)} MB, last 10 ${(b.heapLast / MB).toFixed(1)} MB (${growth(b.heapFirst, b.heapLast)}), peak ${(b.peakHeap / MB).toFixed(1)} MB`,
    `  Chromium RSS (incl. workers' wasm): first 10 ${(b.rssFirst / MB).toFixed(0)} MB, last 10 ${(b.rssLast / MB).toFixed(0)} MB (${growth(b.rssFirst, b.rssLast)}), peak ${(b.peakRss / MB).toFixed(0)} MB`,
    `  memory growth within 10 %: ${b.heapLast <= b.heapFirst * 1.1 && b.rssLast <= b.rssFirst * 1.1 ? 'yes ✓' : 'NO ✗'}`,
    '',
  ].join('\n');
}
