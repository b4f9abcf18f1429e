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

/** Alternatives to try, per character, when a check digit fails (both directions, plus digit↔digit). */
export const ALTERNATIVES: Readonly<Record<string, readonly string[]>> = {
  '0': ['O', 'D', 'Q', '8'],
  O: ['0', 'D', 'Q'],
  D: ['0', 'O'],
  Q: ['0', 'O'],
  U: ['0', 'V'],
  V: ['U', 'Y'],
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
  H: ['M', 'N'],
  E: ['F'],
  F: ['E', 'P'],
  P: ['F'],
  K: ['X'],
  X: ['K'],
  W: ['V'],
  '9': ['0'],
};

/** Characters an engine without an MRZ model returns for the '<' filler. */
export const FILLER_LOOKALIKES = new Set(['K', 'L', '«', '‹', '(', '[', '{', 'C', '£', 'E']);
