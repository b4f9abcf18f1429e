/**
 * A TD1 card's MRZ with one of its three lines not found: glare washed a line out (or cut its end
 * short) past the line search, which then offers the two it found. Two lines of 30 characters fit
 * no layout, but what each says tells which lines they are: the first opens with the document
 * code and the issuer, the second is dates and digits, the third a name. The line left over is
 * where the missing one belongs, and the worker cuts it there (`addLine`).
 */

/** TD1 lines are 30 characters; a read line may lose or gain a few at a washed-out end. */
const TD1_LENGTH = { min: 24, max: 34 };

type Role = 1 | 2 | 3;

const digits = (s: string): number => s.replace(/[^0-9]/g, '').length;
const letters = (s: string): number => s.replace(/[^A-Z]/g, '').length;

/** Which TD1 line `line` reads as, or null when it is none clearly. */
export function td1Role(line: string): Role | null {
  const s = line.toUpperCase();
  // Second line: birth date, check, sex, expiry, check: digits nearly throughout its first 15.
  if (digits(s.slice(0, 15)) >= 10) return 2;
  // First line: document code (A, C or I), issuer's letters, then the document number's digits.
  if (/^[ACI][A-Z<][A-Z]{3}/.test(s) && digits(s.slice(5, 15)) >= 3) return 1;
  // Third line: the name, letters and fillers only.
  if (digits(s) === 0 && letters(s) >= 5) return 3;
  return null;
}

/**
 * Where the missing line of a TD1 read as two lines belongs, as its index in the three lines read
 * top to bottom; null unless both lines have TD1's length and read as two different TD1 lines in
 * order.
 */
export function missingTd1Line(lines: readonly string[]): 0 | 1 | 2 | null {
  if (lines.length !== 2) return null;
  if (lines.some((l) => l.length < TD1_LENGTH.min || l.length > TD1_LENGTH.max)) return null;
  const [a, b] = lines.map(td1Role);
  if (!a || !b || a >= b) return null;
  const missing = ([1, 2, 3] as const).find((role) => role !== a && role !== b)!;
  return (missing - 1) as 0 | 1 | 2;
}
