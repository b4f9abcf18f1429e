import fs from 'node:fs';
import { mrzFieldsOf } from './pages/ReaderPage.ts';
import { readKindIndex } from './support/generateKindFixtures.ts';
import { expect, test } from './fixtures.ts';

test.describe('reviewing and exporting', () => {
  test('edits re-validate against the printed check digits as the user types', async ({
    reader,
    fixtures,
  }) => {
    const truth = fixtures['clean-TD3']!.truth;
    await reader.read(fixtures['clean-TD3']!.file);
    const notes = reader.page.locator('#field-documentNumber-notes');
    await expect(notes).toContainText('Check digit holds');
    const wrong = truth.documentNumber.slice(0, -1) + (truth.documentNumber.endsWith('1') ? '2' : '1');
    await reader.field('documentNumber').fill(wrong);
    await expect(notes).toContainText('Check digit does not match');
    await expect(reader.form.getByText('Composite: check digit does not match')).toBeVisible();
    await expect(notes).toContainText(`Edited (the MRZ read “${truth.documentNumber}”)`);
    await reader.field('documentNumber').fill(truth.documentNumber.toLowerCase());
    await expect(reader.field('documentNumber')).toHaveValue(truth.documentNumber);
    await expect(notes).toContainText('Check digit holds');
    await expect(notes).toContainText('From the MRZ');
  });

  test('an MRZ date that does not exist is flagged, not filled in', async ({ reader, fixtures }) => {
    const fixture = fixtures['impossible-date']!;
    await reader.read(fixture.file);
    await expect(reader.field('dateOfBirth')).toHaveValue('');
    const notes = reader.page.locator('#field-dateOfBirth-notes');
    await expect(notes).toContainText('The MRZ says 740231, which is not a real date.');
    await expect(notes).not.toContainText('Check digit holds');
    // Everything else on the document is read as usual.
    await expect(reader.field('documentNumber')).toHaveValue(fixture.truth.documentNumber);
  });

  test('an expired document and inconsistent dates are flagged', async ({ reader, fixtures }) => {
    await reader.read(fixtures['clean-TD1']!.file);
    await reader.field('expiryDate').fill('2001-01-01');
    await expect(reader.page.locator('#field-expiryDate-notes')).toContainText('expired');
    await reader.field('issueDate').fill('2005-01-01');
    await expect(reader.page.locator('#field-expiryDate-notes')).toContainText(
      'Expires before it was issued',
    );
    await reader.field('surname').fill('');
    await expect(reader.page.locator('#field-surname-notes')).toContainText('Required');
    await expect(reader.field('surname')).toHaveAttribute('aria-invalid', 'true');
  });

  test('Copy JSON, Download JSON and Clear all', async ({ reader, fixtures, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const fixture = fixtures['clean-TD2']!;
    await reader.read(fixture.file);

    await reader.page.getByRole('button', { name: 'Copy JSON' }).click();
    await expect(reader.page.getByText('Copied to the clipboard.')).toBeVisible();
    const copied = JSON.parse(await reader.page.evaluate(() => navigator.clipboard.readText())) as Record<
      string,
      unknown
    >;
    expect(copied).toMatchObject({ ...fixture.truth, format: 'TD2' });
    expect(copied.checks).toMatchObject({ documentNumber: 'valid', composite: 'valid' });

    const download = reader.page.waitForEvent('download');
    await reader.page.getByRole('button', { name: 'Download JSON' }).click();
    const file = await (await download).path();
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject(fixture.truth);

    await reader.page.getByRole('button', { name: 'Clear all' }).click();
    await expect(reader.state).toHaveAttribute('data-ocr-state', 'idle');
    await expect(reader.field('documentNumber')).toHaveValue('');
    await expect(reader.field('mrz')).toHaveValue('');
    await expect(reader.page.locator('figure img')).toHaveCount(0);
    await expect(reader.page.getByRole('button', { name: 'Copy JSON' })).toBeDisabled();
  });

  test('usable at 360 px wide: nothing scrolls sideways', async ({ page, fixtures }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('./');
    await page.getByLabel(/Upload/).setInputFiles(`e2e/.fixtures/${fixtures['clean-TD3']!.file}`);
    await expect(page.locator('[data-ocr-state]')).toHaveAttribute('data-ocr-state', 'done', {
      timeout: 60_000,
    });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test.describe('corrections and other readings, decided by the user', () => {
  test('an automatic correction says what it changed and is undone in one click', async ({
    reader,
    fixtures,
  }) => {
    const fixture = fixtures['digit-in-name']!;
    await reader.read(fixture.file);
    expect(await reader.mrzValues()).toEqual(mrzFieldsOf(fixture.truth));
    const notes = reader.page.locator('#field-surname-notes');
    const correction = notes.getByText(/^Read “\d”, changed to “[A-Z]”: only letters belong here\./);
    await expect(correction).toBeVisible();
    const [, digit, letter] = /Read “(\d)”, changed to “([A-Z])”/.exec((await correction.textContent())!)!;
    await notes.getByRole('button', { name: /^Undo the correction to Surname/ }).click();
    // What the OCR read goes back, in the MRZ and in the surname.
    const surname = fixture.truth.surname;
    const asRead = surname.replace(letter!, digit!);
    await expect(reader.field('surname')).toHaveValue(asRead);
    expect(await reader.field('mrz').inputValue()).toContain(asRead.replace(/ /g, '<'));
    await notes.getByRole('button', { name: `Restore Surname to what was read: “${surname}”` }).click();
    await expect(reader.field('surname')).toHaveValue(surname);
    // Restore makes the correction again in the MRZ too, so it can be undone again.
    await expect(reader.field('mrz')).toHaveValue(fixture.truth.mrz);
    await expect(notes.getByRole('button', { name: /^Undo the correction to Surname/ })).toBeVisible();
    await expect(reader.field('surname')).toBeFocused();
  });

  test('where the two sides of a licence disagree, the user takes either value', async ({ reader }) => {
    const kinds = readKindIndex();
    await reader.read(kinds['licence-front-other-expiry']!.file);
    await reader.read(kinds['licence-back']!.file);
    const front = kinds['licence-front-other-expiry']!.fields;
    const notes = reader.page.locator('#field-expiryDate-notes');
    await expect(notes).toContainText(`The front says “${front.expiryDate}”`);
    await notes.getByRole('button', { name: `Use “${front.expiryDate}” for Date of expiry` }).click();
    await expect(reader.field('expiryDate')).toHaveValue(front.expiryDate!);
    await expect(notes).toContainText('Matches the front.');
  });
});

test('the printed page is read on request: the fields the MRZ lacks, and a date it disagrees on', async ({
  reader,
  fixtures,
}) => {
  const fixture = fixtures['printed-page']!;
  const printed = fixture.printed!;
  await reader.read(fixture.file);
  expect(await reader.mrzValues()).toEqual(mrzFieldsOf(fixture.truth));
  await expect(reader.field('placeOfBirth')).toHaveValue('');
  await reader.page.getByRole('button', { name: 'Read the printed page too' }).click();
  await expect(reader.form.getByText(/fields? read from the printed page/)).toBeVisible({ timeout: 30_000 });
  // What the MRZ has no room for is filled in, and says where it came from.
  await expect(reader.field('placeOfBirth')).toHaveValue(printed.placeOfBirth);
  await expect(reader.field('issueDate')).toHaveValue(printed.issueDate);
  await expect(reader.page.locator('#field-issueDate-notes')).toContainText('From the printed page');
  await expect(reader.page.locator('#field-dateOfBirth-notes')).toContainText('Matches the printed page.');
  // Where the two disagree the MRZ's value stays, the printed one is shown, and the user decides.
  await expect(reader.field('expiryDate')).toHaveValue(fixture.truth.expiryDate);
  const notes = reader.page.locator('#field-expiryDate-notes');
  await expect(notes).toContainText(`The printed page says “${printed.expiryDate}”`);
  await notes.getByRole('button', { name: `Use “${printed.expiryDate}” for Date of expiry` }).click();
  await expect(reader.field('expiryDate')).toHaveValue(printed.expiryDate);
  await expect(notes).toContainText('Check digit does not match');
});
