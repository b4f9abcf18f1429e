import { MRZ_FIELDS as FIELDS } from '../scripts/fixtures/generateMrzSet.ts';
import { expect, test } from './fixtures.ts';
import { cameraLaunch } from './support/camera.ts';

// The card with a glare spot on it (not over the MRZ).
test.use({ launchOptions: cameraLaunch('camera-glare'), permissions: ['camera'] });

test('glare on the card gets its hint and no auto-capture; the shutter still reads it', async ({
  reader,
  fixtures,
  page,
}) => {
  await page.getByRole('button', { name: /camera/i }).click();
  const view = page.getByRole('dialog', { name: 'Camera' });
  await expect(view.getByTestId('camera.hint')).toHaveText('Glare on the card — tilt it');
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByName('camera:frame').length))
    .toBeGreaterThan(20);
  await expect(reader.state).toHaveAttribute('data-ocr-state', 'idle');
  await view.getByRole('button', { name: 'Take photo' }).click();
  await expect(view).toBeHidden({ timeout: 30_000 });
  await expect(reader.state).toHaveAttribute('data-ocr-state', 'done');
  const truth = fixtures['camera-glare']!.truth;
  expect(await reader.values([...FIELDS])).toEqual(Object.fromEntries(FIELDS.map((f) => [f, truth[f]])));
});
