import { expect, test } from './fixtures.ts';
import { expectNoSeriousA11yIssues } from './support/axe.ts';
import { cameraLaunch } from './support/camera.ts';

// A camera exists but the permission prompt is not accepted (headless Chromium dismisses it).
test.use({ launchOptions: cameraLaunch('camera-good', false) });

test('camera permission denied: a clear message and one tap back to upload', async ({ reader, page }) => {
  const view = await reader.openCamera();
  await expect(view.getByRole('alert')).toContainText('Camera access was denied.');
  const chooser = page.waitForEvent('filechooser');
  await view.getByRole('button', { name: 'Upload a photo instead' }).click();
  await chooser;
  await expect(view).toBeHidden();
  await expect(reader.state).toHaveAttribute('data-ocr-state', 'idle');
});

test('the camera-denied message has no serious accessibility issue', async ({ reader }) => {
  const view = await reader.openCamera();
  await expect(view.getByRole('alert')).toContainText('Camera access was denied.');
  await expectNoSeriousA11yIssues(reader.page, 'camera denied');
});
