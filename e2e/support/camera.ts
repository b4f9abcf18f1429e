import type { Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.ts';
import { fakeCameraArgs } from './generateFixtures.ts';

/** Launch options for a spec file whose camera plays one of the fixture feeds. */
export function cameraLaunch(feed: string, acceptPrompt = true) {
  return { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, ...fakeCameraArgs(feed, acceptPrompt)] };
}

/**
 * Keeps every stream the page opens (the real getUserMedia still runs), so a test can see whether
 * their tracks were stopped. Call before the page loads.
 */
export async function recordStreams(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const media = navigator.mediaDevices;
    const original = media.getUserMedia.bind(media);
    const streams: MediaStream[] = [];
    (window as unknown as { __streams: MediaStream[] }).__streams = streams;
    media.getUserMedia = async (constraints) => {
      const stream = await original(constraints);
      streams.push(stream);
      return stream;
    };
  });
}

/** Clicks "Close camera" and reports, right after the click handler, which tracks are still live. */
export function closeAndCountLiveTracks(page: Page): Promise<{ opened: number; live: number }> {
  return page.evaluate(() => {
    const streams = (window as unknown as { __streams: MediaStream[] }).__streams;
    const close = Array.from(document.querySelectorAll('button')).find(
      (b) => b.textContent === 'Close camera',
    );
    close?.click();
    const tracks = streams.flatMap((s) => s.getTracks());
    return { opened: tracks.length, live: tracks.filter((t) => t.readyState !== 'ended').length };
  });
}
