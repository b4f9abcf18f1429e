import { expect, test } from './fixtures.ts';
import { mrzFieldsOf } from './pages/ReaderPage.ts';
import { cameraLaunch } from './support/camera.ts';

// The card with a glare spot on it (not over the MRZ).
test.use({ launchOptions: cameraLaunch('camera-glare'), permissions: ['camera'] });

test('glare on the card gets its hint and no auto-capture; the shutter still reads it', async ({
  reader,
  fixtures,
}) => {
  const view = await reader.openCamera();
  await expect(view.getByTestId('camera.hint')).toHaveText('Glare on the card — tilt it');
  await expect.poll(() => reader.analysedFrames()).toBeGreaterThan(20);
  await expect(reader.state).toHaveAttribute('data-ocr-state', 'idle');
  await view.getByRole('button', { name: 'Take photo' }).click();
  await expect(view).toBeHidden({ timeout: 30_000 });
  await expect(reader.state).toHaveAttribute('data-ocr-state', 'done');
  expect(await reader.mrzValues()).toEqual(mrzFieldsOf(fixtures['camera-glare']!.truth));
});
