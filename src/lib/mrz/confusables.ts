/**
 * What an OCR engine mistakes for what on OCR-B, by the class a position must hold. Used to move a
 * character into its field's class and to list the alternatives a failing check digit may try.
 */

/** A letter read where only a digit can be. */
export const LETTER_TO_DIGIT: Readonly<Record<string, string>> = {
  O: '0',
  Q: '0',
  D: '0',
  U: '0',
  C: '0',
  I: '1',
  L: '1',
  J: '1',
  T: '7',
  Z: '2',
  S: '5',
  B: '8',
  G: '6',
  A: '4',
  E: '8',
  Y: '4',
};

/** A digit read where only a letter (or filler) can be. */
export const DIGIT_TO_LETTER: Readonly<Record<string, string>> = {
  '0': 'O',
  '1': 'I',
  '2': 'Z',
  '4': 'A',
  '5': 'S',
  '6': 'G',
  '7': 'T',
  '8': 'B',
};

/** The likeliest misreadings of each character, likeliest first (the reverse pairs are added below). */
const LISTED: Readonly<Record<string, readonly string[]>> = {
  '0': ['O', 'D', 'Q', 'C', '8'],
  O: ['0', 'D', 'Q'],
  D: ['0', 'O'],
  Q: ['0', 'O'],
  U: ['0', 'V'],
  V: ['U', 'Y', 'W'],
  '1': ['I', 'L', '7'],
  I: ['1', 'L', 'T'],
  L: ['1', 'I'],
  T: ['7', 'I'],
  '7': ['1', 'T'],
  '2': ['Z'],
  Z: ['2'],
  '5': ['S', '6'],
  S: ['5', '8'],
  '8': ['B', '3', '6', '0', 'S'],
  B: ['8', '3'],
  '3': ['8', 'B'],
  '6': ['G', '5', '8'],
  G: ['6', 'C'],
  C: ['G', '0'],
  '4': ['A'],
  A: ['4'],
  M: ['N', 'H'],
  N: ['M', 'H'],
  H: ['M', 'N', 'K'],
  E: ['F'],
  F: ['E', 'P'],
  P: ['F'],
  K: ['X'],
  X: ['K'],
  W: ['V', 'M'],
  '9': ['0'],
};

/**
 * Alternatives to try, per character, when a check digit fails. Confusion goes both ways: every
 * listed pair is also added in reverse, after the listed ones.
 */
export const ALTERNATIVES: Readonly<Record<string, readonly string[]>> = (() => {
  const out: Record<string, string[]> = {};
  for (const [from, list] of Object.entries(LISTED)) out[from] = [...list];
  for (const [from, list] of Object.entries(LISTED)) {
    for (const to of list) {
      const reverse = (out[to] ??= []);
      if (!reverse.includes(from)) reverse.push(from);
    }
  }
  return out;
})();

/**
 * Look-alikes whose MRZ values differ by a multiple of 10 (8 and S, 6 and G, 1 and L…): the check
 * digit weights 7, 3 and 1 are coprime to 10, so no check digit can tell such a pair apart.
 */
export function invisibleToCheckDigit(char: string): string[] {
  const value = (c: string): number =>
    c === '<' ? 0 : c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55;
  return (ALTERNATIVES[char] ?? []).filter((other) => (value(other) - value(char)) % 10 === 0);
}

/** Characters an engine without an MRZ model returns for the '<' filler. */
export const FILLER_LOOKALIKES = new Set(['K', 'L', '«', '‹', '(', '[', '{', 'C', '£', 'E']);
