import type { Page } from '@playwright/test';

/**
 * Uploads one file through the app's file input and waits for its outcome. Each scan sets a
 * 'scan:start' mark synchronously: waiting for a new one, then for done/error, means the previous
 * document's "done" can never be taken for this one's.
 */
export async function readInApp(
  page: Page,
  file: string,
): Promise<{ state: string; kind: string; ms: number }> {
  const marks = await page.evaluate(() => performance.getEntriesByName('scan:start', 'mark').length);
  const started = performance.now();
  await page.locator('input[type=file]').setInputFiles(file);
  await page.waitForFunction(
    (before) =>
      performance.getEntriesByName('scan:start', 'mark').length > before &&
      ['done', 'error'].includes(
        document.querySelector('[data-ocr-state]')?.getAttribute('data-ocr-state') ?? '',
      ),
    marks,
    { timeout: 120_000, polling: 20 },
  );
  const ms = performance.now() - started;
  const state = (await page.getAttribute('[data-ocr-state]', 'data-ocr-state')) ?? 'missing';
  const kind = (await page.getAttribute('[data-ocr-state]', 'data-document-kind')) ?? '';
  return { state, kind, ms };
}
