/** Step timings as performance measures (scan:decode, scan:ocr…) for the benchmark and DevTools. */
export function publishTimings(timings: Record<string, number>): void {
  const now = performance.now();
  for (const [step, ms] of Object.entries(timings))
    performance.measure(`scan:${step}`, { start: now - ms, duration: ms });
}
