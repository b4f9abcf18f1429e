/** ICAO 9303-3 §4.9: weights 7,3,1 repeating; '<' = 0, digits as is, A-Z = 10-35. */
const WEIGHTS = [7, 3, 1] as const;

/** The numeric value of an MRZ character, or -1 when the character cannot appear in an MRZ. */
export function mrzCharValue(char: string): number {
  if (char === '<') return 0;
  const code = char.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  return -1;
}

/** Check digit (0-9) of a run of MRZ characters, or -1 if it holds a character an MRZ cannot. */
export function computeCheckDigit(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) {
    const value = mrzCharValue(text[i] ?? '');
    if (value < 0) return -1;
    sum += value * WEIGHTS[i % 3]!;
  }
  return sum % 10;
}

/**
 * Whether `digit` is the check digit of `text`. A field made only of fillers may carry '<' as its
 * check digit (ICAO 9303-3 §4.9, optional data).
 */
export function checkDigitHolds(text: string, digit: string): boolean {
  if (digit === '<') return /^<*$/.test(text);
  const computed = computeCheckDigit(text);
  return computed >= 0 && String(computed) === digit;
}
