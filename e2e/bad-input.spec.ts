import { expect, test } from './fixtures.ts';

const CASES: Array<[string, RegExp]> = [
  ['bad-empty', /file is empty/i],
  ['bad-text', /not an image/i],
  ['bad-corrupt', /damaged/i],
  ['bad-heic', /cannot open HEIC/i],
  ['bad-pdf', /PDF/],
  ['no-mrz', /No machine-readable zone found/i],
  ['blurry', /looks blurry/i],
];

test.describe('bad input gets a clear message and loses nothing', () => {
  for (const [name, message] of CASES) {
    test(`${name}: message, usable app, form intact`, async ({ reader, fixtures }) => {
      const good = fixtures['clean-TD3']!;
      await reader.read(good.file);
      // The user corrects something before the bad file arrives.
      await reader.field('placeOfBirth').fill('STOCKHOLM');

      await reader.read(fixtures[name]!.file, 'error');
      await expect(reader.alert).toContainText(message);
      await expect(reader.field('placeOfBirth')).toHaveValue('STOCKHOLM');
      await expect(reader.field('documentNumber')).toHaveValue(good.truth.documentNumber);

      // Still usable: the next good file is read.
      const next = fixtures['clean-TD1']!;
      await reader.read(next.file);
      await expect(reader.field('documentNumber')).toHaveValue(next.truth.documentNumber);
      await expect(reader.alert).toHaveText('');
    });
  }
});
