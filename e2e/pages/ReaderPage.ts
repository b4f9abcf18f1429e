import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { MRZ_FIELDS, type MrzTruth } from '../../scripts/fixtures/generateMrzSet.ts';
import { FIXTURE_DIR } from '../support/generateFixtures.ts';

/** The MRZ fields of a fixture's truth, as the form should hold them. */
export function mrzFieldsOf(truth: MrzTruth): Record<string, string> {
  return Object.fromEntries(MRZ_FIELDS.map((f) => [f, truth[f]]));
}

/** The app as a user (and the testing contract) sees it. */
export class ReaderPage {
  readonly upload: Locator;
  readonly state: Locator;
  readonly alert: Locator;
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.upload = page.getByLabel(/Upload/);
    this.state = page.locator('[data-ocr-state]');
    this.alert = page.getByRole('alert');
    this.form = page.getByRole('form', { name: 'Document details' });
  }

  async goto(): Promise<void> {
    await this.page.goto('./');
    await expect(this.upload).toBeAttached();
  }

  field(name: string): Locator {
    return this.form.locator(`[name="${name}"]`);
  }

  async uploadFixture(...files: string[]): Promise<void> {
    await this.upload.setInputFiles(files.map((f) => path.join(FIXTURE_DIR, f)));
  }

  /** Uploads and waits for the read to end in `done` or `error`. */
  async read(file: string, expected: 'done' | 'error' = 'done'): Promise<void> {
    await this.uploadFixture(file);
    await expect(this.state).toHaveAttribute('data-ocr-state', /^(done|error)$/, { timeout: 60_000 });
    await expect(this.state).toHaveAttribute('data-ocr-state', expected);
  }

  /** Every MRZ field of the form, by name. */
  mrzValues(): Promise<Record<string, string>> {
    return this.values([...MRZ_FIELDS]);
  }

  /** Opens the camera view (the contract's button whose name contains "camera"). */
  async openCamera(): Promise<Locator> {
    await this.page.getByRole('button', { name: /camera/i }).click();
    return this.page.getByRole('dialog', { name: 'Camera' });
  }

  /** Camera frames analysed so far. */
  analysedFrames(): Promise<number> {
    return this.page.evaluate(() => performance.getEntriesByName('camera:frame').length);
  }

  async values(names: string[]): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const name of names) out[name] = await this.field(name).inputValue();
    return out;
  }
}
