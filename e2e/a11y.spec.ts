import { expectNoSeriousA11yIssues } from './support/axe.ts';
import { readKindIndex } from './support/generateKindFixtures.ts';
import { expect, test } from './fixtures.ts';

test('no serious accessibility issue on any screen', async ({ reader, fixtures }) => {
  test.setTimeout(180_000);
  const kinds = readKindIndex();
  const page = reader.page;
  await expectNoSeriousA11yIssues(page, 'the empty page');

  await reader.read(fixtures['clean-TD3']!.file);
  await expectNoSeriousA11yIssues(page, 'a passport in the form');
  await page.getByTestId('review.insight').getByText('What the OCR saw').click();
  await expectNoSeriousA11yIssues(page, '"What the OCR saw"');

  await reader.read(fixtures['bad-corrupt']!.file, 'error');
  await expectNoSeriousA11yIssues(page, 'an error message');

  for (const name of ['licence-back', 'licence-front-worded', 'ektp']) {
    await reader.read(kinds[name]!.file);
    await expectNoSeriousA11yIssues(page, name);
  }

  await page.getByLabel('Read as').selectOption('text');
  await reader.read(kinds['ektp']!.file);
  await expectNoSeriousA11yIssues(page, 'any text');
  await page.getByLabel('Read as').selectOption('auto');

  await reader.uploadFixture(fixtures['clean-TD1']!.file, fixtures['clean-TD2']!.file);
  await expectNoSeriousA11yIssues(page, 'a batch being read');
  await expect(page.locator('[data-testid="batch.row"][data-status="done"]')).toHaveCount(7, {
    timeout: 60_000,
  });
  await expectNoSeriousA11yIssues(page, 'the session list');

  for (const locale of ['fr', 'id']) {
    await page.locator('select[name="locale"]').selectOption(locale);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expectNoSeriousA11yIssues(page, `the page in ${locale}`);
  }
});
