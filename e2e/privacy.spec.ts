import { expect, test } from './fixtures.ts';

test('a scan writes nothing to storage, cookies or caches', async ({ reader, fixtures, context }) => {
  await reader.read(fixtures['clean-TD2']!.file);
  await expect(reader.page.getByRole('button', { name: 'Copy JSON' })).toBeEnabled();
  const storage = await reader.page.evaluate(async () => ({
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
    cookie: document.cookie,
    caches: 'caches' in self ? await caches.keys() : [],
  }));
  expect(storage).toEqual({ localStorage: 0, sessionStorage: 0, indexedDB: [], cookie: '', caches: [] });
  expect(await context.cookies()).toEqual([]);
});

test('the built page carries a strict Content-Security-Policy', async ({ reader }) => {
  const csp = await reader.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("connect-src 'self'");
  expect(csp).toContain("default-src 'self'");
  expect(csp).not.toMatch(/https?:/);
});

test('Clear all wipes every image, object URL and result, and the page keeps nothing', async ({
  reader,
  fixtures,
}) => {
  const page = reader.page;
  await reader.uploadFixture(fixtures['clean-TD1']!.file, fixtures['clean-TD3']!.file);
  await expect(page.locator('[data-testid="batch.row"][data-status="done"]')).toHaveCount(2, {
    timeout: 60_000,
  });
  await page.getByTestId('review.insight').getByText('What the OCR saw').click();
  // Every image on the page comes from an object URL over the user's data.
  const urls = await page.locator('img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src));
  expect(urls.length).toBeGreaterThan(2);
  expect(urls.every((u) => u.startsWith('blob:'))).toBe(true);

  await page.getByRole('button', { name: 'Clear all' }).click();
  await expect(page.getByTestId('batch.row')).toHaveCount(0);
  await expect(page.locator('img, canvas')).toHaveCount(0);
  await expect(reader.state).toHaveAttribute('data-ocr-state', 'idle');
  // The object URLs were revoked: the images can no longer be loaded (fetch is not allowed blob:
  // by the CSP; an image is).
  const loadable = await page.evaluate(
    async (list) =>
      (
        await Promise.all(
          list.map((u) => {
            const img = new Image();
            img.src = u;
            return img.decode().then(
              () => true,
              () => false,
            );
          }),
        )
      ).filter(Boolean).length,
    urls,
  );
  expect(loadable).toBe(0);
  const storage = await page.evaluate(async () => ({
    local: localStorage.length + sessionStorage.length,
    databases: (await indexedDB.databases()).length,
    caches: 'caches' in self ? (await caches.keys()).length : 0,
  }));
  expect(storage).toEqual({ local: 0, databases: 0, caches: 0 });
});
