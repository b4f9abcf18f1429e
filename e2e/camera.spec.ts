import { expect, test } from './fixtures.ts';
import { mrzFieldsOf } from './pages/ReaderPage.ts';
import { cameraLaunch } from './support/camera.ts';

// Chromium's fake camera plays a steady, sharp ID card (e2e/support/generateFixtures.ts).
test.use({ launchOptions: cameraLaunch('camera-good'), permissions: ['camera'] });

test('the camera captures a steady card by itself and fills the form exactly', async ({
  reader,
  fixtures,
}) => {
  const view = await reader.openCamera();
  await expect(view).toBeVisible();
  await expect(view.getByRole('button', { name: 'Take photo' })).toBeVisible();
  // Captured without a tap: the view closes on its own and the document is read.
  await expect(view).toBeHidden({ timeout: 30_000 });
  await expect(reader.state).toHaveAttribute('data-ocr-state', 'done');
  expect(await reader.mrzValues()).toEqual(mrzFieldsOf(fixtures['camera-good']!.truth));
  await expect(reader.form.getByText('Composite: check digit holds')).toBeVisible();
});
