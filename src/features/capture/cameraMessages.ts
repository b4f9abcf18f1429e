import { i18next } from '../../app/i18n.ts';
import type { FrameHint } from '../../lib/quality/frameGuidance.ts';
import type { CameraErrorCode } from './camera.ts';

/** Codes → their keys in the `capture` namespace (keys are camelCase, codes kebab-case). */
const FRAME_HINT_KEYS = {
  'no-document': 'noDocument',
  'not-in-view': 'notInView',
  'move-closer': 'moveCloser',
  'too-dark': 'tooDark',
  glare: 'glare',
  'hold-still': 'holdStill',
  ready: 'ready',
} as const satisfies Record<FrameHint, string>;

const CAMERA_ERROR_KEYS = {
  insecure: 'insecure',
  unsupported: 'unsupported',
  denied: 'denied',
  'no-camera': 'noCamera',
  busy: 'busy',
  failed: 'failed',
} as const satisfies Record<CameraErrorCode, string>;

/** Live guidance, one short instruction at a time, in the language chosen now. */
export const frameHintText = (hint: FrameHint): string =>
  i18next.t(`capture:frameHints.${FRAME_HINT_KEYS[hint]}`);

export function cameraErrorText(code: CameraErrorCode): { title: string; advice: string } {
  const key = CAMERA_ERROR_KEYS[code];
  return {
    title: i18next.t(`capture:errors.${key}.title`),
    advice: i18next.t(`capture:errors.${key}.advice`),
  };
}
