import { afterEach, describe, expect, it } from 'vitest';
import { i18next } from '../../app/i18n.ts';
import frReview from '../../locales/fr/review.json';
import idReview from '../../locales/id/review.json';
import type { MrzDoubt } from '../../lib/mrz/readMrz.ts';
import type { Correction } from '../../lib/mrz/types.ts';
import {
  CHECK_TEXT,
  compositeCheckText,
  describeCorrections,
  describeDoubt,
  warningsFor,
} from './fieldStatus.ts';
import { FIELD_SPECS, PRINTED_PROBLEMS, TYPE_LABELS } from './fieldSpecs.ts';

// The other languages load lazily in the app; here they are added by hand (no DOM for setLocale).
i18next.addResourceBundle('fr', 'review', frReview);
i18next.addResourceBundle('id', 'review', idReview);

const correction = (reason: Correction['reason'], from: string, to: string): Correction => ({
  line: 1,
  index: 3,
  from,
  to,
  reason,
});
const doubt = (reason: MrzDoubt['reason'], read: string, couldBe: string[]): MrzDoubt => ({
  field: 'documentNumber',
  line: 0,
  index: 5,
  read,
  couldBe,
  reason,
});

describe('review words', () => {
  afterEach(async () => {
    await i18next.changeLanguage('en');
  });

  it('words corrections in English exactly as before', () => {
    expect(
      describeCorrections([
        correction('checkDigit', 'O', '0'),
        correction('checkDigit', 'O', '0'),
        correction('charClass', 'O', '0'),
        correction('charClass', '0', 'O'),
        correction('countryCode', 'H', 'U'),
        correction('filler', 'K', '<'),
        correction('length', '', '<<'),
        correction('length', 'X', ''),
      ]),
    ).toEqual([
      'Read “O”, changed to “0” so the check digit holds. (2×)',
      'Read “O”, changed to “0”: only digits belong here.',
      'Read “0”, changed to “O”: only letters belong here.',
      "Read “H”, changed to “U”: the code as read is no country's, and only this look-alike makes one.",
      'Read “K” where the MRZ has a filler “<”.',
      'Added 2 filler characters to line 2.',
      'Removed “X” from line 2 to fix its length.',
    ]);
  });

  it('words doubts in English exactly as before', () => {
    expect(describeDoubt(doubt('swappedSure', '8', ['B']))).toBe(
      'Read “8” clearly, but the check digit only holds with “B”: compare with the document.',
    );
    expect(describeDoubt(doubt('lettersAmongDigits', 'OI', ['01']))).toBe(
      'The letters “O”, “I” among digits could be the digits “01”, and two misreads can still satisfy the check digit. Compare with the document.',
    );
    expect(describeDoubt(doubt('lookalike', '8', ['S', 'B', '3']))).toBe(
      '“8” was hard to read and could be “S” or “B” or “3”: the check digit cannot tell them apart. Compare with the document.',
    );
    expect(describeDoubt(doubt('severalUnsure', '', []))).toBe(
      'Several characters were hard to read, so the check digit alone cannot vouch for this value. Compare with the document.',
    );
  });

  it('reads labels and messages in the language chosen at the time', async () => {
    const spec = FIELD_SPECS.surname;
    expect([spec.label, TYPE_LABELS.driver_license, CHECK_TEXT.valid]).toEqual([
      'Surname',
      "Driver's licence",
      'Check digit holds',
    ]);
    expect(PRINTED_PROBLEMS['sex-mismatch']).toMatch(/^The NIK \(40 is added/);
    expect(PRINTED_PROBLEMS['no-such-code']).toBeUndefined();
    expect(warningsFor({ expiryDate: '2001-01-01', nationality: 'ZZZ' }, '2020-01-01')).toEqual([
      { field: 'expiryDate', text: 'This document has expired.' },
      { field: 'nationality', text: 'ZZZ is not a known ICAO country code.' },
    ]);

    await i18next.changeLanguage('fr');
    expect([spec.label, TYPE_LABELS.driver_license, compositeCheckText('invalid')]).toEqual([
      'Nom',
      'Permis de conduire',
      'Contrôle composite\u00a0: chiffre de contrôle incorrect',
    ]);
    expect(describeCorrections([correction('length', '', '<'), correction('length', '', '<<<')])).toEqual([
      '1 caractère de remplissage ajouté à la ligne 2.',
      '3 caractères de remplissage ajoutés à la ligne 2.',
    ]);
    expect(describeDoubt(doubt('lookalike', '8', ['S', 'B']))).toMatch(
      /^«\u00a08\u00a0» .* «\u00a0S\u00a0» ou «\u00a0B\u00a0»\u00a0:/,
    );

    await i18next.changeLanguage('id');
    expect([FIELD_SPECS.religion.label, FIELD_SPECS.kelDesa.label, TYPE_LABELS.passport]).toEqual([
      'Agama',
      'Kel/Desa',
      'Paspor',
    ]);
    expect(describeCorrections([correction('length', '', '<')])).toEqual([
      'Menambahkan 1 karakter pengisi pada baris 2.',
    ]);
  });
});
