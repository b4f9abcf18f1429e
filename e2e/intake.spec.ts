import fs from 'node:fs';
import path from 'node:path';
import type { JSHandle, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { FIXTURE_DIR } from './support/generateFixtures.ts';

/** A DataTransfer in the page holding one fixture file, as a drop or a paste delivers it. */
async function transferOf(page: Page, file: string, type: string): Promise<JSHandle<DataTransfer>> {
  const base64 = fs.readFileSync(path.join(FIXTURE_DIR, file)).toString('base64');
  return page.evaluateHandle(
    ({ base64, name, type }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type }));
      return transfer;
    },
    { base64, name: file, type },
  );
}

test('a document dropped on the drop zone is read', async ({ reader, fixtures }) => {
  const fixture = fixtures['clean-TD1']!;
  const dataTransfer = await transferOf(reader.page, fixture.file, 'image/png');
  await reader.page.getByTestId('capture.dropzone').dispatchEvent('drop', { dataTransfer });
  await expect(reader.state).toHaveAttribute('data-ocr-state', 'done', { timeout: 60_000 });
  await expect(reader.field('documentNumber')).toHaveValue(fixture.truth.documentNumber);
});

test('a pasted image is read; pasted text outside a field is politely refused', async ({
  reader,
  fixtures,
}) => {
  const fixture = fixtures['clean-TD2']!;
  const clipboardData = await transferOf(reader.page, fixture.file, 'image/png');
  await reader.page.evaluate(
    (data) => window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data })),
    clipboardData,
  );
  await expect(reader.state).toHaveAttribute('data-ocr-state', 'done', { timeout: 60_000 });
  await expect(reader.field('documentNumber')).toHaveValue(fixture.truth.documentNumber);

  await reader.page.evaluate(() => {
    const text = new DataTransfer();
    text.setData('text/plain', 'hello');
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: text, bubbles: true }));
  });
  await expect(reader.alert).toContainText('not an image');
  await expect(reader.field('documentNumber')).toHaveValue(fixture.truth.documentNumber);
});
