/**
 * The test fixture every e2e spec uses. It records every request made by the page, its workers and
 * any service worker (the whole browser context) and fails the test on any request to another
 * origin. blob: and data: URLs never leave the browser and count as local.
 */
import { test as base, expect } from '@playwright/test';
import { readFixtureIndex, type FixtureIndex } from './support/generateFixtures.ts';
import { ReaderPage } from './pages/ReaderPage.ts';

export function isOffOrigin(url: string, origin: string): boolean {
  if (url.startsWith('data:')) return false;
  try {
    return new URL(url).origin !== origin;
  } catch {
    return true;
  }
}

interface Fixtures {
  reader: ReaderPage;
  fixtures: FixtureIndex;
  requests: string[];
}

export const test = base.extend<Fixtures>({
  requests: [
    async ({ context, baseURL }, use) => {
      const origin = new URL(baseURL!).origin;
      const all: string[] = [];
      context.on('request', (request) => all.push(request.url()));
      await use(all);
      const offOrigin = all.filter((url) => isOffOrigin(url, origin));
      expect(offOrigin, 'requests to another origin').toEqual([]);
    },
    { auto: true },
  ],
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
  fixtures: async ({}, use) => {
    await use(readFixtureIndex());
  },
  reader: async ({ page }, use) => {
    const reader = new ReaderPage(page);
    await reader.goto();
    await use(reader);
  },
});

export { expect };
