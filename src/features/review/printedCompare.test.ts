import { describe, expect, it } from 'vitest';
import { comparePrinted } from './printedCompare.ts';

describe('comparePrinted', () => {
  it('tells a transliterated name from a different one', () => {
    expect(comparePrinted('surname', 'MUELLER', 'MÜLLER')).toEqual({ kind: 'spelling', printed: 'MÜLLER' });
    expect(comparePrinted('surname', 'MULLER', 'MÜLLER')).toEqual({ kind: 'spelling', printed: 'MÜLLER' });
    expect(comparePrinted('surname', 'GARCIA LOPEZ', 'GARCÍA LÓPEZ')).toMatchObject({ kind: 'spelling' });
    expect(comparePrinted('givenNames', 'JEAN PIERRE', 'JEAN-PIERRE')).toEqual({ kind: 'same' });
    expect(comparePrinted('surname', 'MILLER', 'MÜLLER')).toMatchObject({ kind: 'differs' });
    // The OCR lost the stroke of Ø: still the same name.
    expect(comparePrinted('surname', 'SOERENSEN', 'SORENSEN')).toMatchObject({ kind: 'spelling' });
  });

  it('accepts a name the MRZ cut short, and compares other fields exactly', () => {
    expect(comparePrinted('givenNames', 'ALEXANDRA MARI', 'ALEXANDRA MARIA LUISA')).toMatchObject({
      kind: 'spelling',
    });
    expect(comparePrinted('dateOfBirth', '1974-08-12', '1974-08-12')).toEqual({ kind: 'same' });
    expect(comparePrinted('dateOfBirth', '1974-08-12', '1974-08-21')).toMatchObject({ kind: 'differs' });
    expect(comparePrinted('placeOfBirth', '', 'PARIS')).toBeNull();
  });
});
