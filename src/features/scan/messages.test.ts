import { afterEach, describe, expect, it } from 'vitest';
import { i18next } from '../../app/i18n.ts';
import frScan from '../../locales/fr/scan.json';
import { ERROR_MESSAGES, errorMessage, HINT_MESSAGES, STAGE_LABELS, STAGES } from './messages.ts';

i18next.addResourceBundle('fr', 'scan', frScan);

describe('scan messages', () => {
  afterEach(async () => {
    await i18next.changeLanguage('en');
  });

  it('keeps the records ScanStatus reads, worded in the language chosen when read', async () => {
    expect(ERROR_MESSAGES['not-an-image'].title).toBe('That file is not an image.');
    expect(HINT_MESSAGES['mrz-glare']).toMatch(
      /^Glare is washing out the machine-readable zone \(the lines of <<< text\)/,
    );
    expect(STAGES.map((s) => STAGE_LABELS[s])).toEqual([
      'Starting the reader',
      'Finding the document, its MRZ or barcode',
      'Reading the text',
      'Checking the values',
    ]);
    expect(errorMessage('heic').advice).toContain('to "Most Compatible", or share');
    expect(Object.keys(ERROR_MESSAGES)).toHaveLength(17);

    await i18next.changeLanguage('fr');
    expect(ERROR_MESSAGES['not-an-image'].title).toBe('Ce fichier n’est pas une image.');
    expect(STAGE_LABELS.reading).toBe('Lecture du texte');
  });
});
