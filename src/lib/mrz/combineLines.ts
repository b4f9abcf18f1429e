import { FORMATS, type MrzFormat } from './formats.ts';
import { readMrz, type MrzReading } from './readMrz.ts';
import { plausible, score } from './readingScore.ts';
import type { OcrLine } from './types.ts';

/** Line combinations tried at most (five readings of three lines). */
const MAX_COMBINATIONS = 125;

/**
 * The vote per line: several readings of the same MRZ lines (cut again, binarised, cut wide, glyph
 * by glyph), none of which holds every check, may each have read a different line right: glare
 * over one end of the zone spoils a line in one reading and another line in the next. Every
 * combination of the lines read (each repaired in `format`, the layout the readings agree on) is
 * scored, and the best is taken only when every check digit holds with no check digit searched
 * for: the composite, over nearly every checked character, then vouches for lines read apart.
 * Null otherwise.
 */
export function combineLines(
  readings: readonly (readonly OcrLine[])[],
  format: MrzFormat,
  today?: string,
): MrzReading | null {
  const count = FORMATS[format].lineCount;
  const pool = readings.filter((r) => r.length === count);
  if (pool.length < 2) return null;
  const perLine = Array.from({ length: count }, (_, i) => {
    const seen = new Map<string, OcrLine>();
    for (const r of pool) if (!seen.has(r[i]!.text)) seen.set(r[i]!.text, r[i]!);
    return [...seen.values()];
  });
  let best: MrzReading | null = null;
  for (const lines of combinations(perLine).slice(0, MAX_COMBINATIONS)) {
    const reading = readMrz(lines, today, { format });
    if (reading && (!best || score(reading) > score(best))) best = reading;
    if (best?.valid && best.corrections.length === 0) break;
  }
  // Lines read apart vouch for each other only as read: a check digit searched for across this
  // many combinations could be found by chance.
  const searched = best?.corrections.some((c) => c.reason === 'checkDigit');
  return best?.valid && plausible(best) && !searched ? best : null;
}

function combinations<T>(perLine: T[][]): T[][] {
  return perLine.reduce<T[][]>(
    (acc, options) => acc.flatMap((prefix) => options.map((o) => [...prefix, o])),
    [[]],
  );
}
