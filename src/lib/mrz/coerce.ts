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
  for (const names of spec.fields.filter((f) => ['names', 'surname', 'givenNames'].includes(f.name)))
    repairNameFillers(out, names.line, names.start, names.end, corrections);
  return { lines: out, corrections };
}

/**
 * Engines without an OCR-B model read runs of '<' as K, L or C. Names are separated by '<' or '<<'
 * only, so a look-alike after three or more fillers cannot be a letter; nor can a run of three or
 * more look-alikes that reaches the end of the field. Anything else (a truncated "…AYSE<C", a
 * "…MARK<<<") is kept as read.
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
  const chars = [...text];
  const toFiller = (i: number): void => {
    if (chars[i] === '<') return;
    corrections.push({ line, index: i, from: chars[i] ?? '', to: '<', reason: 'filler' });
    chars[i] = '<';
  };
  for (let i = start + 3; i < end; i++) {
    if (FILLER_LOOKALIKES.has(chars[i] ?? '') && chars.slice(i - 3, i).every((c) => c === '<')) toFiller(i);
  }
  let run = end;
  while (run > start && FILLER_LOOKALIKES.has(chars[run - 1] ?? '')) run--;
  if (end - run >= 3) for (let i = run; i < end; i++) toFiller(i);
  lines[line] = chars.join('');
}
