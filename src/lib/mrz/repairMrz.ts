import { coerceToClasses } from './coerce.ts';
import { repairCountryCodes } from './countryCodes.ts';
import { countValid, evaluateChecks } from './evaluateChecks.ts';
import { fitLength, type LineVariant } from './fitLength.ts';
import { FORMATS, type FormatSpec, type MrzFormat } from './formats.ts';
import { normaliseLine } from './normalise.ts';
import { datesAreReal, searchCheckDigits } from './searchCheckDigits.ts';
import type { OcrLine, RepairedMrz } from './types.ts';

const MIN_LINE = 20;
const MAX_COMBINATIONS = 48;

interface Scored extends RepairedMrz {
  /** The document code is one this layout is used for (tells TD3 from a visa, TD2 from a French ID). */
  codeFits: boolean;
  valid: number;
  meanConfidence: number;
}

export interface RepairOptions {
  /**
   * The layout, when another reading of the same lines already told it (the engine's line vote):
   * no other is tried, and lines up to 30 % over its length are cut down to it.
   */
  format?: MrzFormat;
}

/**
 * Turns raw OCR lines into the most plausible MRZ: picks the format and the lines that fit it, fixes
 * line lengths, moves characters into their field's class and lets the check digits choose between
 * confusable readings. Returns null when nothing looks like an MRZ. Never invents a value: a field
 * whose check digit still fails is returned as read, with that check marked invalid.
 */
export function repairMrz(ocrLines: readonly OcrLine[], options: RepairOptions = {}): RepairedMrz | null {
  const lines = ocrLines.map(normaliseLine).filter((l) => l.text.length >= MIN_LINE);
  const specs = options.format ? [FORMATS[options.format]] : Object.values(FORMATS);
  let best: Scored | null = null;
  for (const spec of specs) {
    // Told the layout, a line may run longer: a wide cut reads background past both ends.
    const longest = spec.lineLength + Math.max(4, spec.lineLength * (options.format ? 0.3 : 0.15));
    const shortest = spec.lineLength - Math.max(4, spec.lineLength * 0.15);
    for (let start = 0; start + spec.lineCount <= lines.length; start++) {
      const window = lines.slice(start, start + spec.lineCount);
      if (!window.every((l) => l.text.length >= shortest && l.text.length <= longest)) continue;
      const candidate = repairWindow(spec, window);
      if (candidate && (!best || better(candidate, best))) best = candidate;
    }
  }
  if (!best) return null;
  const { format, confidences, corrections, checks } = best;
  // Country codes are outside every check digit: changing one leaves the checks as they are.
  const countries = repairCountryCodes(FORMATS[format], best.lines);
  return {
    format,
    lines: countries.lines,
    confidences,
    corrections: [...corrections, ...countries.corrections],
    checks,
  };
}

function better(a: Scored, b: Scored): boolean {
  if (a.codeFits !== b.codeFits) return a.codeFits;
  if (a.valid !== b.valid) return a.valid > b.valid;
  // Fewer changes, then the engine's own certainty, break ties between equally valid readings.
  if (a.corrections.length !== b.corrections.length) return a.corrections.length < b.corrections.length;
  // Equal means summed in another order differ in the last bits: that is no reason to leave the
  // likelier variant (fitLength lists the longest filler run first).
  return a.meanConfidence > b.meanConfidence + 1e-9;
}

function repairWindow(
  spec: FormatSpec,
  window: Array<{ text: string; confidences: number[] }>,
): Scored | null {
  const perLine = window.map((l, line) => fitLength(l.text, l.confidences, spec.lineLength, line));
  let best: Scored | null = null;
  for (const combination of combinations(perLine).slice(0, MAX_COMBINATIONS)) {
    const coerced = coerceToClasses(
      spec,
      combination.map((v) => v.text),
    );
    const confidences = combination.map((v) => v.confidences);
    const searched = searchCheckDigits(spec, coerced.lines, confidences);
    const checks = evaluateChecks(spec, searched.lines);
    const flat = confidences.flat();
    const candidate: Scored = {
      format: spec.format,
      lines: searched.lines,
      confidences,
      corrections: [
        ...combination.flatMap((v) => v.corrections),
        ...coerced.corrections,
        ...searched.corrections,
      ],
      checks,
      codeFits: spec.codes.test(searched.lines[0] ?? ''),
      // An impossible date counts as one more failed check.
      valid: countValid(checks) - (datesAreReal(spec, searched.lines) ? 0 : 1),
      meanConfidence: flat.reduce((a, b) => a + b, 0) / Math.max(1, flat.length),
    };
    if (!best || better(candidate, best)) best = candidate;
    if (best.valid === spec.checks.length && best.corrections.length === 0) break;
  }
  return best;
}

/**
 * Every choice of one variant per line, the likeliest first: by the sum of each line's variant rank,
 * so that the combinations tried (at most MAX_COMBINATIONS) reach every line's first few variants,
 * not only the last line's.
 */
function combinations(perLine: LineVariant[][]): LineVariant[][] {
  const ranked = perLine.reduce<Array<{ rank: number; pick: LineVariant[] }>>(
    (acc, variants) =>
      acc.flatMap((prefix) => variants.map((v, i) => ({ rank: prefix.rank + i, pick: [...prefix.pick, v] }))),
    [{ rank: 0, pick: [] }],
  );
  return ranked.sort((a, b) => a.rank - b.rank).map((c) => c.pick);
}
