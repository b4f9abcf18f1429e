import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.ts';

/**
 * e2e runs against the built app (dist/) served by a plain static server under a nested sub-path,
 * in real Chromium: Debian's /usr/bin/chromium where it exists (scripts/ensure-browser.sh installs
 * it), otherwise Playwright's own build.
 */
const PORT = 4173;
const BASE_PATH = '/nested/sub/path/';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  globalSetup: './e2e/global-setup.ts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}${BASE_PATH}`,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined } },
    // The camera flows again on a phone-sized touch screen.
    { name: 'mobile', testMatch: 'camera*.spec.ts', use: { ...devices['Pixel 7'], channel: undefined } },
  ],
  webServer: {
    command: `npx tsx scripts/serve-dist.ts --port ${PORT} --base ${BASE_PATH}`,
    url: `http://127.0.0.1:${PORT}${BASE_PATH}`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
