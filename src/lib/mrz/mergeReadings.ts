import { FORMATS } from './formats.ts';
import { interpretMrz, type MrzReading } from './readMrz.ts';
import type { Correction } from './types.ts';

/**
 * Votes per field by check digits across several readings of one MRZ (the same image read other
 * ways: binarised, recut): starting from the best reading, every field whose check digit fails
 * there is taken, with its check digit, from another reading of the same layout where it holds.
 * A merge that makes the composite check fail is refused (the composite covers every checked field
 * together, so it catches fields taken from readings that disagree elsewhere). Null when no field
 * could be taken or the merge is refused.
 */
export function mergeReadings(
  best: MrzReading,
  others: readonly MrzReading[],
  today?: string,
): MrzReading | null {
  const spec = FORMATS[best.format];
  const sameShape = others.filter(
    (r) =>
      r !== best &&
      r.format === best.format &&
      r.lines.length === best.lines.length &&
      r.lines.every((l, i) => l.length === best.lines[i]!.length),
  );
  const lines = best.lines.map((l) => [...l]);
  const confidences = best.lines.map((l, i) => [
    ...(best.charConfidences[i] ?? Array<number>(l.length).fill(1)),
  ]);
  let corrections: Correction[] = [...best.corrections];
  let taken = 0;
  for (const check of spec.checks) {
    if (check.name === 'composite' || best.checks[check.name] !== 'invalid') continue;
    const donor = sameShape.find((r) => r.checks[check.name] === 'valid');
    if (!donor) continue;
    const positions = [
      ...check.covers.flatMap((s) =>
        Array.from({ length: s.end - s.start }, (_, k) => [s.line, s.start + k] as const),
      ),
      [check.digit.line, check.digit.index] as const,
    ];
    const inRange = (c: Correction): boolean => positions.some(([l, i]) => c.line === l && c.index === i);
    for (const [line, index] of positions) {
      lines[line]![index] = donor.lines[line]![index]!;
      confidences[line]![index] = donor.charConfidences[line]?.[index] ?? 1;
    }
    corrections = [...corrections.filter((c) => !inRange(c)), ...donor.corrections.filter(inRange)];
    taken++;
  }
  if (!taken) return null;
  const merged = interpretMrz(
    lines.map((l) => l.join('')),
    { today, corrections, confidences },
  );
  if (!merged || merged.checks.composite === 'invalid') return null;
  return merged;
}
