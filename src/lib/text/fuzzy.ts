/** Small helpers for matching printed labels and values that OCR read with a few mistakes. */

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Letters and digits only, upper case: how labels are compared. */
export const squash = (s: string): string => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

/**
 * The option closest to the text, if it is within `share` of the option's length in edits
 * (0.25: one edit in four characters). Compared squashed.
 */
export function closest<T extends string>(text: string, options: readonly T[], share = 0.25): T | null {
  const t = squash(text);
  let best: { option: T; distance: number } | null = null;
  for (const option of options) {
    const d = levenshtein(t, squash(option));
    if (d <= Math.floor(squash(option).length * share) && (!best || d < best.distance))
      best = { option, distance: d };
  }
  return best?.option ?? null;
}

/** Letters OCR tends to put for digits: O→0, I/l/|→1, S→5, B→8, Z→2, G→6. */
const DIGIT_LOOKALIKES: Record<string, string> = {
  O: '0',
  Q: '0',
  D: '0',
  I: '1',
  L: '1',
  '|': '1',
  '!': '1',
  S: '5',
  B: '8',
  Z: '2',
  G: '6',
};

/** The text with every digit look-alike made the digit (other characters kept). */
export const lookalikesAsDigits = (text: string): string =>
  [...text.toUpperCase()].map((c) => DIGIT_LOOKALIKES[c] ?? c).join('');

/** The digits of a number as OCR read it, look-alikes made digits, anything else dropped. */
export const digitsFrom = (text: string): string => lookalikesAsDigits(text).replace(/[^0-9]/g, '');
