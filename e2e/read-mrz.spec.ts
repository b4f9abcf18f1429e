import { mrzFieldsOf } from './pages/ReaderPage.ts';
import { expect, test } from './fixtures.ts';

test.describe('reading an MRZ document from an upload', () => {
  for (const name of [
    'clean-TD1',
    'clean-TD2',
    'clean-TD3',
    'photo-rotated-90',
    'photo-rotated-180',
    'photo-rotated-45',
  ]) {
    test(`${name}: every field exact`, async ({ reader, fixtures }) => {
      const fixture = fixtures[name]!;
      await reader.read(fixture.file);
      expect(await reader.mrzValues()).toEqual(mrzFieldsOf(fixture.truth));
      await expect(reader.form.getByText('Composite: check digit holds')).toBeVisible();
    });
  }

  for (const name of ['clean-MRVA', 'clean-MRVB', 'clean-FRENCH_ID', 'photo-FRENCH_ID']) {
    test(`${name}: every field exact`, async ({ reader, fixtures }) => {
      const fixture = fixtures[name]!;
      await reader.read(fixture.file);
      expect(await reader.mrzValues()).toEqual(mrzFieldsOf(fixture.truth));
      const composite = reader.form.getByText('Composite: check digit holds');
      if (name.includes('MRV')) {
        await expect(reader.form.getByText(/visa MRZ has no composite check/)).toBeVisible();
        await expect(composite).toHaveCount(0);
      } else {
        await expect(composite).toBeVisible();
      }
    });
  }

  for (const name of ['format-webp', 'format-bmp', 'format-gif', 'format-jpeg-exif']) {
    test(`${name} is read`, async ({ reader, fixtures }) => {
      const fixture = fixtures[name]!;
      await reader.read(fixture.file);
      expect(await reader.field('documentNumber').inputValue()).toBe(fixture.truth.documentNumber);
      expect(await reader.field('mrz').inputValue()).toBe(fixture.truth.mrz);
    });
  }

  test('a field shows the MRZ characters it was read from and outlines them on the photo', async ({
    reader,
    fixtures,
  }) => {
    await reader.read(fixtures['photo-rotated-90']!.file);
    const notes = reader.page.locator('#field-documentNumber-notes');
    await expect(notes.getByTestId('review.crop')).toBeVisible();
    const outlines = await reader.page.locator('figure polygon').count();
    await reader.field('documentNumber').focus();
    await expect(reader.page.locator('figure polygon')).toHaveCount(outlines + 1);
  });

  test('EXIF orientation is honoured (the image needs no turning)', async ({ reader, fixtures }) => {
    await reader.read(fixtures['format-jpeg-exif']!.file);
    const caption = reader.page.locator('figcaption');
    await expect(caption).toContainText('MRZ');
    await expect(caption).not.toContainText('turned');
  });
});
