import { MRZ_FIELDS as FIELDS } from '../scripts/fixtures/generateMrzSet.ts';
import { expect, test } from './fixtures.ts';
import { cameraLaunch } from './support/camera.ts';

// Chromium's fake camera plays a steady, sharp ID card (e2e/support/generateFixtures.ts).
test.use({ launchOptions: cameraLaunch('camera-good'), permissions: ['camera'] });

test('the camera captures a steady card by itself and fills the form exactly', async ({
  reader,
  fixtures,
  page,
}) => {
  await page.getByRole('button', { name: /camera/i }).click();
  const view = page.getByRole('dialog', { name: 'Camera' });
  await expect(view).toBeVisible();
  await expect(view.getByRole('button', { name: 'Take photo' })).toBeVisible();
  // Captured without a tap: the view closes on its own and the document is read.
  await expect(view).toBeHidden({ timeout: 30_000 });
  await expect(reader.state).toHaveAttribute('data-ocr-state', 'done');
  const truth = fixtures['camera-good']!.truth;
  expect(await reader.values([...FIELDS])).toEqual(Object.fromEntries(FIELDS.map((f) => [f, truth[f]])));
  await expect(reader.form.getByText('Composite: check digit holds')).toBeVisible();
});
