import { DIGIT_TO_LETTER, FILLER_LOOKALIKES, LETTER_TO_DIGIT } from './confusables.ts';
import { checkDigitPositions, type CharClass, type FormatSpec } from './formats.ts';
import type { Correction } from './types.ts';

const SEX_FIXES: Readonly<Record<string, string>> = {
  H: 'M',
  N: 'M',
  W: 'M',
  P: 'F',
  E: 'F',
  R: 'F',
  K: '<',
  L: '<',
  X: '<',
  C: '<',
};

/** The class each position of a format must hold (check digits are digits). */
export function positionClasses(spec: FormatSpec): CharClass[][] {
  const classes: CharClass[][] = Array.from({ length: spec.lineCount }, () =>
    Array<CharClass>(spec.lineLength).fill('alnum'),
  );
  for (const f of spec.fields) {
    for (let i = f.start; i < f.end; i++) classes[f.line]![i] = f.charClass;
  }
  for (const key of checkDigitPositions(spec)) {
    const [line, index] = key.split(':').map(Number) as [number, number];
    classes[line]![index] = 'digit';
  }
  return classes;
}

export function fitsClass(char: string, charClass: CharClass): boolean {
  switch (charClass) {
    case 'alpha':
      return /[A-Z<]/.test(char);
    case 'digit':
      return /[0-9<]/.test(char);
    case 'sex':
      return char === 'M' || char === 'F' || char === '<';
    default:
      return /[A-Z0-9<]/.test(char);
  }
}

/**
 * Moves every character into the class its position allows (a letter in a date becomes the digit it
 * looks like, a digit in a name the letter) and turns filler look-alikes at the end of the name field
 * back into fillers. Every change is recorded.
 */
export function coerceToClasses(
  spec: FormatSpec,
  lines: string[],
): { lines: string[]; corrections: Correction[] } {
  const classes = positionClasses(spec);
  const corrections: Correction[] = [];
  const out = lines.map((text, line) => {
    const chars = [...text];
    chars.forEach((char, index) => {
      const charClass = classes[line]?.[index] ?? 'alnum';
      if (fitsClass(char, charClass)) return;
      const to =
        charClass === 'digit'
          ? LETTER_TO_DIGIT[char]
          : charClass === 'sex'
            ? SEX_FIXES[char]
            : DIGIT_TO_LETTER[char];
      if (!to) return;
      chars[index] = to;
      corrections.push({ line, index, from: char, to, reason: 'charClass' });
    });
    return chars.join('');
  });
  const names = spec.fields.find((f) => f.name === 'names');
  if (names) repairNameFillers(out, names.line, names.start, names.end, corrections);
  return { lines: out, corrections };
}

/**
 * Engines without an OCR-B model read runs of '<' as K, L or C. At the end of the name field a run of
 * such characters that holds a '<', or three or more of the same look-alike, is filler.
 */
function repairNameFillers(
  lines: string[],
  line: number,
  start: number,
  end: number,
  corrections: Correction[],
): void {
  const text = lines[line];
  if (!text) return;
  const field = text.slice(start, end);
  let cut = field.length;
  while (cut > 0 && (field[cut - 1] === '<' || FILLER_LOOKALIKES.has(field[cut - 1] ?? ''))) cut--;
  const tail = field.slice(cut);
  const firstFiller = tail.indexOf('<');
  // A look-alike directly before real fillers is a name letter ("…MARK<<<"): only what follows the
  // first real '<' is filler. With no real '<' at all, only a run of three or more look-alikes is.
  const from = firstFiller >= 0 ? cut + firstFiller : /^(K|L|C){3,}$/.test(tail) ? cut : field.length;
  const chars = [...text];
  for (let i = start + from; i < end; i++) {
    if (chars[i] !== '<') {
      corrections.push({ line, index: i, from: chars[i] ?? '', to: '<', reason: 'filler' });
      chars[i] = '<';
    }
  }
  lines[line] = chars.join('');
}
