import { expect, test } from './fixtures.ts';
import { expectNoSeriousA11yIssues } from './support/axe.ts';
import { cameraLaunch, closeAndCountLiveTracks, recordStreams } from './support/camera.ts';
import { ReaderPage } from './pages/ReaderPage.ts';

// The same card out of focus (Gaussian σ 3 px): it must never be captured.
test.use({ launchOptions: cameraLaunch('camera-blurred'), permissions: ['camera'] });

test('a blurred feed says "Hold still", does not capture, and closing stops the camera at once', async ({
  page,
}) => {
  await recordStreams(page);
  const reader = new ReaderPage(page);
  await reader.goto();
  const view = await reader.openCamera();
  await expect(view.getByTestId('camera.hint')).toHaveText('Hold still');
  // Many analysed frames later, still nothing captured.
  await expect.poll(() => reader.analysedFrames()).toBeGreaterThan(20);
  await expect(view.getByTestId('camera.hint')).toHaveText('Hold still');
  await expect(reader.state).toHaveAttribute('data-ocr-state', 'idle');
  // Every track has ended by the time the click handler returns (well within 100 ms).
  expect(await closeAndCountLiveTracks(page)).toEqual({ opened: 1, live: 0 });
  await expect(view).toBeHidden();
  await expect(page.getByRole('button', { name: 'Use camera' })).toBeFocused();
});

test('the camera view has no serious accessibility issue', async ({ reader }) => {
  const view = await reader.openCamera();
  await expect(view.getByTestId('camera.hint')).toHaveText('Hold still');
  await expectNoSeriousA11yIssues(reader.page, 'the camera view');
});
