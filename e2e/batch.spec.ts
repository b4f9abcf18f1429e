import fs from 'node:fs';
import path from 'node:path';
import type { Download } from '@playwright/test';
import { parseCsv } from '../src/lib/export/csv.ts';
import { mrzFieldsOf, type ReaderPage } from './pages/ReaderPage.ts';
import { FIXTURE_DIR } from './support/generateFixtures.ts';
import { readKindIndex } from './support/generateKindFixtures.ts';
import { expect, test } from './fixtures.ts';

const MRZ_FILES = [
  'clean-TD1',
  'clean-TD2',
  'clean-TD3',
  'photo-rotated-90',
  'photo-rotated-180',
  'photo-rotated-45',
  'format-webp',
  'format-bmp',
  'format-jpeg-exif',
  'clean-MRVA',
  'clean-MRVB',
  'clean-FRENCH_ID',
  'photo-FRENCH_ID',
];
const KIND_FILES = [
  'licence-back',
  'licence-back-photo',
  'licence-front-worded',
  'licence-front-numbered',
  'ektp',
  'ektp-photo',
];

/** The CSV a click on "Download CSV" saves, as rows of cells (the byte-order mark checked and dropped). */
async function downloadedCsv(reader: ReaderPage): Promise<{ header: string[]; rows: string[][] }> {
  const [download] = await Promise.all([
    reader.page.waitForEvent('download'),
    reader.page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const text = fs.readFileSync((await (download as Download).path())!, 'utf8');
  expect(text.charCodeAt(0), 'UTF-8 byte-order mark').toBe(0xfeff);
  const [header, ...rows] = parseCsv(text.slice(1));
  return { header: header!, rows };
}

test('a batch of 20 files: one corrupt is reported, the other 19 are read exactly', async ({
  reader,
  fixtures,
}) => {
  test.setTimeout(300_000);
  const kinds = readKindIndex();
  const expected = new Map<string, Record<string, string>>();
  for (const name of MRZ_FILES) expected.set(fixtures[name]!.file, mrzFieldsOf(fixtures[name]!.truth));
  for (const name of KIND_FILES) expected.set(kinds[name]!.file, kinds[name]!.fields);
  const corrupt = fixtures['bad-corrupt']!.file;
  const files = [...expected.keys()];
  files.splice(7, 0, corrupt);
  expect(files).toHaveLength(20);

  await reader.upload.setInputFiles(files.map((f) => path.join(FIXTURE_DIR, f)));
  const rows = reader.page.getByTestId('batch.row');
  await expect(rows).toHaveCount(20);
  await expect(reader.page.getByRole('progressbar', { name: 'Batch progress' })).toBeVisible();
  await expect(reader.page.locator('[data-testid="batch.row"][data-status="done"]')).toHaveCount(19, {
    timeout: 240_000,
  });
  await expect(reader.state).toHaveAttribute('data-ocr-state', 'done');

  const failed = reader.page.locator('[data-testid="batch.row"][data-status="error"]');
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText(corrupt);
  await expect(failed).toContainText('damaged and could not be opened');
  await expect(reader.alert).toContainText('1 of 20 files could not be read.');

  // Each read document, opened from the list, holds exactly its fields.
  for (const [file, fields] of expected) {
    const open = reader.page.getByRole('button', { name: `Open ${file}` });
    if (await open.count()) await open.click();
    await expect(reader.page.locator('[data-testid="batch.row"][aria-current="true"]')).toContainText(file);
    expect(await reader.values(Object.keys(fields)), file).toEqual(fields);
  }

  // The CSV log: one row per read document, in the order they were added.
  const { header, rows: csvRows } = await downloadedCsv(reader);
  expect(csvRows).toHaveLength(19);
  const column = (name: string) => header.indexOf(name);
  expect(csvRows.map((r) => r[column('file')])).toEqual(files.filter((f) => f !== corrupt));
  for (const row of csvRows) {
    const fields = expected.get(row[column('file')]!)!;
    for (const [name, value] of Object.entries(fields)) expect(row[column(name)], name).toBe(value);
    expect(row[column('readAt')]).toMatch(/^\d{4}-\d\d-\d\dT/);
  }
  expect(csvRows.filter((r) => r[column('kind')] === 'mrz')).toHaveLength(MRZ_FILES.length);

  // Retrying the corrupt file fails the same way, and the app stays usable.
  await reader.page.getByRole('button', { name: `Retry ${corrupt}` }).click();
  await expect(reader.state).toHaveAttribute('data-ocr-state', 'error', { timeout: 30_000 });
  await expect(reader.alert).toContainText('could not be opened');
});

test('the CSV holds the corrected values, names like MÜLLER intact and formulas neutralised', async ({
  reader,
  fixtures,
}) => {
  await reader.read(fixtures['clean-TD3']!.file);
  await reader.field('surname').fill('MÜLLER');
  await reader.field('givenNames').fill('=HYPERLINK("http://example.invalid","x")');
  await reader.field('placeOfBirth').fill('SAINT-ÉTIENNE, "LOIRE"');
  const { header, rows } = await downloadedCsv(reader);
  expect(rows).toHaveLength(1);
  const cell = (name: string) => rows[0]![header.indexOf(name)];
  expect(cell('surname')).toBe('MÜLLER');
  expect(cell('givenNames')).toBe(`'=HYPERLINK("http://example.invalid","x")`);
  expect(cell('placeOfBirth')).toBe('SAINT-ÉTIENNE, "LOIRE"');
  expect(cell('documentNumber')).toBe(fixtures['clean-TD3']!.truth.documentNumber);
  expect(cell('kind')).toBe('mrz');
  expect(cell('check_documentNumber')).toBe('valid');
  expect(cell('check_composite')).toBe('valid');
  expect(cell('formValid')).toBe('true');
});

test('Clear all empties the session list and the form', async ({ reader, fixtures }) => {
  await reader.uploadFixture(fixtures['clean-TD1']!.file, fixtures['clean-TD2']!.file);
  await expect(reader.page.locator('[data-testid="batch.row"][data-status="done"]')).toHaveCount(2, {
    timeout: 60_000,
  });
  await reader.page.getByRole('button', { name: 'Clear all' }).click();
  await expect(reader.page.getByTestId('batch.row')).toHaveCount(0);
  await expect(reader.state).toHaveAttribute('data-ocr-state', 'idle');
  await expect(reader.field('documentNumber')).toHaveValue('');
  await expect(reader.page.getByRole('button', { name: 'Download CSV' })).toBeDisabled();
});

test('cancelling a batch mid-read leaves the workers free: the next file is read', async ({
  reader,
  fixtures,
}) => {
  const names = [
    'clean-TD1',
    'clean-TD2',
    'clean-TD3',
    'photo-rotated-90',
    'photo-rotated-180',
    'clean-MRVA',
  ];
  await reader.uploadFixture(...names.map((n) => fixtures[n]!.file));
  // Cancel while a file is in the OCR (tesseract.js cannot cancel a job: its worker is ended) and
  // others still wait.
  await expect(
    reader.page
      .locator('[data-testid="batch.row"][data-status="working"]', { hasText: 'Reading the text' })
      .first(),
  ).toBeVisible({ timeout: 30_000 });
  await reader.page.getByRole('button', { name: 'Cancel the rest' }).click();
  await expect(
    reader.page.locator('[data-testid="batch.row"]:is([data-status="queued"],[data-status="working"])'),
  ).toHaveCount(0);
  await expect(
    reader.page.locator('[data-testid="batch.row"][data-status="cancelled"]').first(),
  ).toBeVisible();
  const fixture = fixtures['clean-FRENCH_ID']!;
  await reader.read(fixture.file);
  await expect(reader.field('documentNumber')).toHaveValue(fixture.truth.documentNumber);
  // And a cancelled file can be read again.
  const cancelled = reader.page.locator('[data-testid="batch.row"][data-status="cancelled"] th').first();
  const file = (await cancelled.textContent())!;
  await reader.page.getByRole('button', { name: `Retry ${file}` }).click();
  await expect(reader.page.getByRole('row', { name: new RegExp(file) })).toHaveAttribute(
    'data-status',
    'done',
    {
      timeout: 30_000,
    },
  );
});
