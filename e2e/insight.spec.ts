import { readKindIndex } from './support/generateKindFixtures.ts';
import { expect, test } from './fixtures.ts';

test('"What the OCR saw" shows the outline, the MRZ band and each line as the OCR read it', async ({
  reader,
  fixtures,
}) => {
  const fixture = fixtures['clean-TD3']!;
  await reader.read(fixture.file);
  // TD3: number, birth, expiry and composite; the personal number's only when it has one.
  const checks = fixture.truth.personalNumber ? 5 : 4;
  const insight = reader.page.getByTestId('review.insight');
  await insight.getByText('What the OCR saw').click();
  await expect(insight.getByText('Dashed lines: the 2 MRZ lines that were read')).toBeVisible();
  const first = insight.getByRole('region', { name: 'First reading' });
  await expect(first).toContainText(`${checks} of ${checks} check digits hold`);
  await expect(first).toContainText('shown in the form');
  // Each line image as given to the OCR, loaded, with the engine's text: here exactly the MRZ.
  const images = first.getByRole('img');
  await expect(images).toHaveCount(2);
  for (const img of await images.all())
    await expect
      .poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0))
      .toBe(true);
  const mrz = (await reader.field('mrz').inputValue()).split('\n');
  await expect(first.locator('code')).toHaveText(mrz);
  // The same lines binarised on request, as the binarised second chance gives them: black and white.
  await insight.getByRole('button', { name: 'Show these lines binarised' }).click();
  const binarised = insight.getByRole('region', { name: /binarised/ }).getByRole('img');
  await expect(binarised).toHaveCount(2);
  for (const img of await binarised.all()) {
    await expect
      .poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0))
      .toBe(true);
    const greys = await img.evaluate((i: HTMLImageElement) => {
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [i.naturalWidth, i.naturalHeight];
      const g = canvas.getContext('2d')!;
      g.drawImage(i, 0, 0);
      const data = g.getImageData(0, 0, canvas.width, canvas.height).data;
      const seen = new Set<number>();
      for (let p = 0; p < data.length; p += 4) seen.add(data[p]!);
      return [...seen].sort((a, b) => a - b);
    });
    expect(greys).toEqual([0, 255]);
  }
});

test('"What the OCR saw" outlines a decoded barcode and boxes the words of a printed card', async ({
  reader,
}) => {
  const kinds = readKindIndex();
  await reader.read(kinds['licence-back']!.file);
  const insight = reader.page.getByTestId('review.insight');
  await insight.getByText('What the OCR saw').click();
  await expect(insight.getByText('Dotted line: the barcode that was decoded')).toBeVisible();
  await reader.read(kinds['ektp']!.file);
  await insight.getByText('What the OCR saw').click();
  await expect(insight.getByText('Thin boxes: words the OCR read')).toBeVisible();
  expect(await insight.locator('svg rect').count()).toBeGreaterThan(20);
});
