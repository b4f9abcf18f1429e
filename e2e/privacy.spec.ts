import { expect, test } from './fixtures.ts';

test('a scan writes nothing to storage, cookies or caches', async ({ reader, fixtures, context }) => {
  await reader.read(fixtures['clean-TD2']!.file);
  await reader.page.getByRole('button', { name: 'Copy JSON' }).isEnabled();
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
