import { i18next } from '../../app/i18n.ts';
import type { QualityHint, ReaderErrorCode } from '../../engine/errors.ts';
import type { Stage } from '../../engine/readDocument.ts';
import { codesOf, liveRecord } from '../../locales/liveRecord.ts';

/**
 * What went wrong and what to do, in plain words (namespace `scan`). Worded at call time, in the
 * language chosen then. The *_MESSAGES / STAGE_LABELS records read the same way through getters.
 */

/** Error codes → their keys under `scan:errors` (keys are camelCase, codes are kebab-case). */
const ERROR_KEYS = {
  'empty-file': 'emptyFile',
  'not-an-image': 'notAnImage',
  pdf: 'pdf',
  heic: 'heic',
  svg: 'svg',
  'unsupported-image': 'unsupportedImage',
  'file-too-large': 'fileTooLarge',
  'image-too-large': 'imageTooLarge',
  'image-too-small': 'imageTooSmall',
  'corrupt-image': 'corruptImage',
  'no-mrz': 'noMrz',
  'unreadable-mrz': 'unreadableMrz',
  'unreadable-barcode': 'unreadableBarcode',
  'engine-timeout': 'engineTimeout',
  'asset-load-failed': 'assetLoadFailed',
  aborted: 'aborted',
  internal: 'internal',
} as const satisfies Record<ReaderErrorCode, string>;

const HINT_KEYS = {
  blurry: 'blurry',
  dark: 'dark',
  glare: 'glare',
  'mrz-glare': 'mrzGlare',
  'small-text': 'smallText',
} as const satisfies Record<QualityHint, string>;

export const STAGES: Stage[] = ['starting', 'locating', 'reading', 'checking'];

export function errorMessage(code: ReaderErrorCode): { title: string; advice: string } {
  const key = ERROR_KEYS[code];
  return { title: i18next.t(`scan:errors.${key}.title`), advice: i18next.t(`scan:errors.${key}.advice`) };
}

export const hintMessage = (hint: QualityHint): string => i18next.t(`scan:hints.${HINT_KEYS[hint]}`);

export const stageLabel = (stage: Stage): string => i18next.t(`scan:stages.${stage}`);

export const ERROR_MESSAGES = liveRecord(codesOf(ERROR_KEYS), errorMessage);
export const HINT_MESSAGES = liveRecord(codesOf(HINT_KEYS), hintMessage);
export const STAGE_LABELS = liveRecord(STAGES, stageLabel);
