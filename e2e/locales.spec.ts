import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURE_DIR } from './support/generateFixtures.ts';
import { expect, test } from './fixtures.ts';

const LOCALES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'locales');

/** A translation as the app's language files hold it (never a copy of the words in the test). */
function words(locale: string, namespace: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(LOCALES, locale, `${namespace}.json`), 'utf8')) as Record<
    string,
    unknown
  >;
}
const at = (tree: Record<string, unknown>, key: string): string =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree) as string;

for (const locale of ['fr', 'id']) {
  test(`the interface in ${locale}: labels, messages and dates in the language, values still ISO`, async ({
    reader,
    fixtures,
  }) => {
    const fixture = fixtures['clean-TD3']!;
    await reader.read(fixture.file);
    await reader.page.locator('select[name="locale"]').selectOption(locale);
    await expect(reader.page.locator('html')).toHaveAttribute('lang', locale);
    const page = reader.page;
    // The form's own name is translated too: its fields are found by their contract names alone.
    const field = (name: string) => page.locator(`[name="${name}"]`);
    await expect(page.getByText(at(words(locale, 'capture'), 'upload.choose'))).toBeVisible();
    await expect(
      page.getByRole('button', { name: at(words(locale, 'batch'), 'export.downloadCsv') }),
    ).toBeVisible();
    // The form keeps ISO dates; beside each, the date written out in the language.
    const iso = fixture.truth.dateOfBirth;
    expect(await field('dateOfBirth').inputValue()).toBe(iso);
    const written = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(iso),
    );
    await expect(page.locator('#field-dateOfBirth-notes').getByTestId('review.localDate')).toHaveText(
      written,
    );
    // A failure is explained in the language too, and the form stays as it was.
    await page
      .locator('input[type=file]')
      .setInputFiles(path.join(FIXTURE_DIR, fixtures['bad-corrupt']!.file));
    await expect(reader.state).toHaveAttribute('data-ocr-state', 'error', { timeout: 30_000 });
    await expect(reader.alert).toContainText(at(words(locale, 'scan'), 'errors.corruptImage.title'));
    expect(await field('dateOfBirth').inputValue()).toBe(iso);
    // Back to English, and nothing about the choice was stored.
    await page.locator('select[name="locale"]').selectOption('en');
    await expect(reader.alert).toContainText('That image is damaged and could not be opened.');
    expect(
      await page.evaluate(() => localStorage.length + sessionStorage.length + document.cookie.length),
    ).toBe(0);
  });
}

test.describe('the browser’s language is detected', () => {
  test.use({ locale: 'id-ID' });
  test('an Indonesian browser gets the interface in Indonesian', async ({ page }) => {
    await page.goto('./');
    await expect(page.locator('html')).toHaveAttribute('lang', 'id');
    await expect(page.locator('select[name="locale"]')).toHaveValue('id');
    await expect(page.getByText(at(words('id', 'capture'), 'upload.choose'))).toBeVisible();
  });
});
