import type { VizField } from '../../lib/viz/parseViz.ts';

export type Comparison =
  | { kind: 'same' }
  /** The same name, printed with letters the MRZ can only transliterate (MÜLLER as MUELLER). */
  | { kind: 'spelling'; printed: string }
  | { kind: 'differs'; printed: string };

/** ICAO 9303-3 §6: letters the MRZ writes as two (Ü as UE); every other mark is dropped. */
const TWO_LETTERS: Record<string, string> = {
  Ä: 'AE',
  Ö: 'OE',
  Ü: 'UE',
  ß: 'SS',
  Å: 'AA',
  Æ: 'AE',
  Ø: 'OE',
  Œ: 'OE',
};

const plain = (s: string) =>
  s
    .toUpperCase()
    .replace(/[-'’<]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const stripped = (s: string) => plain(s).normalize('NFD').replace(/\p{M}/gu, '');
/** The OCR drops marks it has no letter for (SØRENSEN read as SORENSEN, beside the MRZ's SOERENSEN). */
const oneLetter = (s: string) => plain(s).replace(/([AOU])E/g, '$1');
const twoLetter = (s: string) => stripped(plain(s).replace(/[ÄÖÜßÅÆØŒ]/g, (c) => TWO_LETTERS[c] ?? c));

/**
 * A value in the form against the same field printed on the document. Names match when the
 * printed spelling transliterates to the form's (either ICAO way), or when the MRZ cut the name
 * short; anything else must be equal.
 */
export function comparePrinted(field: VizField, value: string, printed: string): Comparison | null {
  if (!printed || !value) return null;
  if (plain(value) === plain(printed)) return { kind: 'same' };
  if (field === 'surname' || field === 'givenNames') {
    const form = plain(value);
    for (const spelled of [stripped(printed), twoLetter(printed)])
      if (spelled === form || (form.length >= 8 && spelled.startsWith(form)))
        return { kind: 'spelling', printed };
    if (oneLetter(value) === stripped(printed)) return { kind: 'spelling', printed };
  }
  return { kind: 'differs', printed };
}
