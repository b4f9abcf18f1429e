import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { parseCsv } from '../src/lib/export/csv.ts';
import { FIXTURE_DIR } from './support/generateFixtures.ts';
import { expect, test } from './fixtures.ts';

/** Presses Tab until `target` has focus (it must be reachable in the page's tab order). */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${String(target)} is not reachable with Tab`);
}

test('a batch read, reviewed, corrected and exported with the keyboard alone', async ({
  reader,
  fixtures,
}) => {
  const page = reader.page;
  const files = ['clean-TD1', 'clean-TD2'].map((n) => fixtures[n]!);
  await tabTo(page, reader.upload);
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Space');
  await (await chooser).setFiles(files.map((f) => path.join(FIXTURE_DIR, f.file)));
  await expect(page.locator('[data-testid="batch.row"][data-status="done"]')).toHaveCount(2, {
    timeout: 60_000,
  });
  // The first one read opened by itself; the other is opened from the list.
  const other = page.locator('button[aria-label^="Open "]');
  await expect(other).toHaveCount(1);
  const name = (await other.getAttribute('aria-label'))!.slice('Open '.length);
  const target = files.find((f) => f.file === name)!;
  await tabTo(page, other);
  await page.keyboard.press('Enter');
  await expect(reader.field('documentNumber')).toHaveValue(target.truth.documentNumber);
  await tabTo(page, reader.field('givenNames'));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('ÉLODIE');
  await expect(reader.field('givenNames')).toHaveValue('ÉLODIE');

  await tabTo(page, page.getByRole('button', { name: 'Download CSV' }));
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/^id-reader-.*\.csv$/);
  // The correction typed is in the log, on the document it was made to.
  const [header, ...rows] = parseCsv(fs.readFileSync((await saved.path())!, 'utf8').slice(1));
  const row = rows.find((r) => r[header!.indexOf('file')] === name)!;
  expect(row[header!.indexOf('givenNames')]).toBe('ÉLODIE');
  await expect(page.getByRole('status').filter({ hasText: 'CSV downloaded: 2 documents.' })).toBeVisible();
});
