import fs from 'node:fs';
import { readKindIndex } from './support/generateKindFixtures.ts';
import { expect, test } from './fixtures.ts';

const kinds = readKindIndex();

test.describe('documents without an MRZ, told apart by themselves', () => {
  for (const name of [
    'licence-back',
    'licence-back-photo',
    'licence-front-worded',
    'licence-front-numbered',
    'licence-front-photo',
  ]) {
    test(`${name}: every field exact`, async ({ reader }) => {
      const fixture = kinds[name]!;
      await reader.read(fixture.file);
      expect(await reader.values(Object.keys(fixture.fields))).toEqual(fixture.fields);
      await expect(reader.page.locator('figcaption')).toContainText(
        name.startsWith('licence-back') ? 'barcode' : 'US licence front',
      );
      // Every field read shows where it came from: the barcode, or the printed text.
      await expect(reader.page.locator('#field-surname-notes').getByTestId('review.crop')).toBeVisible();
    });
  }

  for (const name of ['ektp', 'ektp-photo']) {
    test(`${name}: every field exact, NIK consistent`, async ({ reader }) => {
      const fixture = kinds[name]!;
      await reader.read(fixture.file);
      expect(await reader.values(Object.keys(fixture.fields))).toEqual(fixture.fields);
      await expect(reader.page.locator('figcaption')).toContainText('e-KTP');
      await expect(reader.form.getByText(/NIK.*disagree/)).toHaveCount(0);
      const lifetime = fixture.fields.expiryDate === '';
      await expect(reader.page.locator('#field-expiryDate-notes').getByText(/Valid for life/)).toHaveCount(
        lifetime ? 1 : 0,
      );
    });
  }

  test('an e-KTP whose NIK disagrees with the printed birth date or sex is flagged, not fixed', async ({
    reader,
  }) => {
    const fixture = kinds['ektp-nik-mismatch']!;
    await reader.read(fixture.file);
    expect(await reader.field('nik').inputValue()).toBe(fixture.fields.nik);
    expect(await reader.field('dateOfBirth').inputValue()).toBe(fixture.fields.dateOfBirth);
    expect(await reader.field('sex').inputValue()).toBe(fixture.fields.sex);
    await expect(reader.page.locator('#field-nik-notes')).toContainText(
      /disagree: compare with the document/,
    );
  });

  test('a printed field shows the crop it was read from and highlights it on the document', async ({
    reader,
  }) => {
    await reader.read(kinds.ektp!.file);
    await expect(reader.page.locator('#field-name-notes').getByTestId('review.crop')).toBeVisible();
    await expect(reader.page.locator('figure rect')).toHaveCount(0);
    await reader.field('name').focus();
    await expect(reader.page.locator('figure rect')).toHaveCount(1);
  });

  test('both sides of one licence are cross-checked, and a disagreement is shown, not resolved', async ({
    reader,
  }) => {
    await reader.read(kinds['licence-front-worded']!.file);
    await reader.read(kinds['licence-back']!.file);
    await expect(reader.page.locator('#field-documentNumber-notes')).toContainText('Matches the front.');
    await expect(reader.page.locator('#field-expiryDate-notes')).toContainText('Matches the front.');

    await reader.read(kinds['licence-front-other-expiry']!.file);
    const altered = kinds['licence-front-other-expiry']!.fields;
    const back = kinds['licence-back']!.fields;
    expect(await reader.field('expiryDate').inputValue()).toBe(altered.expiryDate);
    await expect(reader.page.locator('#field-expiryDate-notes')).toContainText(
      `The back’s barcode says “${back.expiryDate}”`,
    );
    await expect(reader.page.locator('#field-surname-notes')).toContainText('Matches the back’s barcode.');
  });

  test('a barcode that is not a licence gets a clear message', async ({ reader }) => {
    await reader.read(kinds['barcode-not-licence']!.file, 'error');
    await expect(reader.page.getByRole('alert')).toContainText('not a licence barcode');
  });

  test('any-text mode returns the text with its lines, copyable and downloadable', async ({ reader }) => {
    const fixture = kinds['licence-front-worded']!;
    await reader.page.locator('select[name="readMode"]').selectOption('text');
    await reader.read(fixture.file);
    const text = await reader.page.locator('textarea[name="text"]').inputValue();
    const lines = text.split('\n');
    // The small label is read on its own, not as a look-alike beside the big value.
    expect(lines).toContain(`LN ${fixture.fields.surname}`);
    expect(lines.some((l) => l.includes(fixture.fields.documentNumber!))).toBe(true);
    const download = reader.page.waitForEvent('download');
    await reader.page.getByRole('button', { name: 'Download .txt' }).click();
    const file = await (await download).path();
    expect(fs.readFileSync(file, 'utf8')).toBe(`${text}\n`);
  });
});
