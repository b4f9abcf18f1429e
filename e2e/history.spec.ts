import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { ReaderPage } from './pages/ReaderPage.ts';
import { expect, test } from './fixtures.ts';

/**
 * The opt-in history: off and storage-free by default; once turned on, documents' fields are kept
 * encrypted under a passphrase, expire, and can be wiped. The panel is a region named by its heading.
 */
const PASSPHRASE = 'correct horse battery staple';
const DB = 'id-reader-history';
const DAY_MS = 86_400_000;

const panel = (page: Page): Locator => page.getByRole('region', { name: 'History on this device' });

function databases(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
}

/** Records in the database, counted without the key (only once it exists: opening creates it). */
function storedRecords(page: Page): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const count = db.transaction('records').objectStore('records').count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
        };
      }),
    DB,
  );
}

async function turnOn(page: Page, keep = '7 days'): Promise<void> {
  const history = panel(page);
  await history.getByRole('button', { name: 'Turn on history…', exact: true }).click();
  await history.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await history.getByLabel('Confirm the passphrase').fill(PASSPHRASE);
  await history.getByLabel('Keep records for').selectOption({ label: keep });
  await history.getByRole('button', { name: 'Turn on history', exact: true }).click();
  await expect(history.getByRole('button', { name: 'Save to history' })).toBeVisible();
}

async function unlock(page: Page, passphrase: string): Promise<void> {
  const field = panel(page).getByLabel('Passphrase', { exact: true });
  await field.fill(passphrase);
  await field.press('Enter'); // The unlock form submits from the keyboard.
}

/** Reads a passport and saves the form as it stands; returns its values. */
async function readAndSave(reader: ReaderPage, file: string): Promise<Record<string, string>> {
  await reader.read(file);
  const values = await reader.mrzValues();
  await panel(reader.page).getByRole('button', { name: 'Save to history' }).click();
  await expect(panel(reader.page).getByRole('status')).toContainText('Saved to history');
  return values;
}

async function reload(reader: ReaderPage): Promise<void> {
  await reader.page.reload();
  await expect(reader.upload).toBeAttached();
}

test.describe('history on this device', () => {
  test('off by default: a read keeps nothing, and the panel says so', async ({ reader, fixtures }) => {
    const history = panel(reader.page);
    await expect(history).toContainText('nothing is kept');
    await reader.read(fixtures['clean-TD3']!.file);
    await reload(reader);
    await expect(history.getByRole('button', { name: 'Turn on history…' })).toBeVisible();
    expect(await databases(reader.page)).toEqual([]);
  });

  test('turning on explains a short or mismatched passphrase and creates nothing', async ({ reader }) => {
    const history = panel(reader.page);
    const toggle = history.getByRole('button', { name: 'Turn on history…' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(history).toContainText('Only the fields are saved, never the images');
    const passphrase = history.getByLabel('Passphrase', { exact: true });
    await expect(passphrase).toHaveAttribute('autocomplete', 'new-password');
    await passphrase.fill('short');
    await history.getByLabel('Confirm the passphrase').fill('short');
    await history.getByRole('button', { name: 'Turn on history', exact: true }).click();
    await expect(history.getByRole('alert')).toContainText('at least 8 characters');
    await passphrase.fill(PASSPHRASE);
    await history.getByLabel('Confirm the passphrase').fill(`${PASSPHRASE}!`);
    await history.getByRole('button', { name: 'Turn on history', exact: true }).click();
    await expect(history.getByRole('alert')).toContainText('not the same');
    expect(await databases(reader.page)).toEqual([]);
  });

  test('saved, reloaded, unlocked and opened with its exact values', async ({ reader, fixtures }) => {
    const fixture = fixtures['clean-TD3']!;
    const history = panel(reader.page);
    await turnOn(reader.page);
    await expect(history.getByRole('button', { name: 'Save to history' })).toBeDisabled();
    await reader.read(fixture.file);
    // The form as it stands is saved, the user's edits included.
    await reader.field('givenNames').fill('EDITED GIVEN NAMES');
    const saved = await reader.mrzValues();
    const save = history.getByRole('button', { name: 'Save to history' });
    await save.click();
    await expect(history.getByRole('status')).toContainText('Saved to history');
    await save.click();
    await expect(history.getByRole('status')).toContainText('Updated in history');
    await expect(history.getByRole('listitem')).toHaveCount(1);

    await reload(reader);
    await expect(history.getByRole('button', { name: 'Save to history' })).toHaveCount(0);
    await expect(history.getByLabel('Passphrase', { exact: true })).toHaveAttribute(
      'autocomplete',
      'current-password',
    );
    await unlock(reader.page, PASSPHRASE);
    const entry = history.getByRole('listitem');
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText(`${fixture.truth.surname} EDITED GIVEN NAMES`);
    await expect(entry).toContainText(fixture.truth.documentNumber);
    await expect(entry).toContainText('Passport or ID card');
    expect(
      await new AxeBuilder({ page: reader.page }).include('[data-testid="history.panel"]').analyze(),
    ).toMatchObject({ violations: [] });

    await history.getByRole('button', { name: `Open ${fixture.truth.surname} EDITED GIVEN NAMES` }).click();
    await expect(reader.field('documentNumber')).toHaveValue(saved.documentNumber!);
    expect(await reader.mrzValues()).toEqual(saved);
  });

  test('a wrong passphrase is refused, deletes nothing, and the right one still works', async ({
    reader,
    fixtures,
  }) => {
    const history = panel(reader.page);
    await turnOn(reader.page);
    await readAndSave(reader, fixtures['clean-TD1']!.file);
    await reload(reader);
    await unlock(reader.page, 'not the passphrase');
    await expect(history.getByRole('alert')).toContainText(
      'That passphrase does not unlock the history. Nothing was deleted',
    );
    await expect(history.getByRole('button', { name: 'Unlock' })).toBeVisible();
    expect(await storedRecords(reader.page)).toBe(1);
    await unlock(reader.page, PASSPHRASE);
    await expect(history.getByRole('alert')).toHaveCount(0);
    await expect(history.getByRole('listitem')).toHaveCount(1);
    await expect(history.getByRole('listitem')).toContainText(fixtures['clean-TD1']!.truth.documentNumber);
    // The retention chosen is kept with the history.
    await history.getByLabel('Keep records for').selectOption({ label: '30 days' });
    await expect(history.getByRole('status')).toContainText('now kept for 30 days');
    await reload(reader);
    await unlock(reader.page, PASSPHRASE);
    await expect(history).toContainText('deleted after 30 days');
    await expect(history.getByLabel('Keep records for')).toHaveValue('30');
  });

  test('records older than the retention are deleted on the next open', async ({ page, fixtures }) => {
    const start = Date.now();
    // Installed before the first navigation, so the app's Date is the fake one from the start.
    await page.clock.install({ time: start });
    const reader = new ReaderPage(page);
    await reader.goto();
    await turnOn(page, '1 day');
    await readAndSave(reader, fixtures['clean-TD3']!.file);

    await page.clock.setFixedTime(start + DAY_MS / 2);
    await reload(reader);
    await expect(panel(page).getByRole('button', { name: 'Unlock' })).toBeVisible();
    expect(await storedRecords(page)).toBe(1);

    await page.clock.setFixedTime(start + 2 * DAY_MS);
    await reload(reader);
    // Deleted at startup, before (and without) the passphrase.
    await expect.poll(() => storedRecords(page)).toBe(0);
    await unlock(page, PASSPHRASE);
    await expect(panel(page)).toContainText('No saved documents yet.');
  });

  test('"Delete everything now" asks first, works while locked, and removes the database', async ({
    reader,
  }) => {
    const history = panel(reader.page);
    await turnOn(reader.page);
    await reload(reader);
    expect(await databases(reader.page)).toContain(DB);
    const deleteAll = history.getByRole('button', { name: 'Delete everything now' });
    await deleteAll.click();
    await history.getByRole('button', { name: 'Cancel' }).click();
    await expect(deleteAll).toBeFocused();
    expect(await databases(reader.page)).toContain(DB);
    await deleteAll.click();
    await history.getByRole('button', { name: 'Yes, delete everything' }).click();
    await expect(history.getByRole('status')).toContainText('Everything was deleted');
    await expect(history.getByRole('button', { name: 'Turn on history…' })).toBeVisible();
    expect(await databases(reader.page)).not.toContain(DB);
  });
});
