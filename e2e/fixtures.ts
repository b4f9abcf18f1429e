/**
 * The test fixture every e2e spec uses. It records every request made by the page, its workers and
 * any service worker (the whole browser context) and fails the test on any request to another
 * origin (blob: and data: URLs never leave the browser and count as local), or on any
 * Content-Security-Policy violation the page reports.
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
    async ({ context, page, baseURL }, use) => {
      const origin = new URL(baseURL!).origin;
      const all: string[] = [];
      const violations: string[] = [];
      context.on('request', (request) => all.push(request.url()));
      // The CSP must hold for the whole app: a blocked resource or script is a bug, not noise.
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await use(all);
      const offOrigin = all.filter((url) => isOffOrigin(url, origin));
      expect(offOrigin, 'requests to another origin').toEqual([]);
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
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
