import type { FrameHint } from '../../lib/quality/frameGuidance.ts';
import type { CameraErrorCode } from './camera.ts';

/** Live guidance, one short instruction at a time. */
export const FRAME_HINTS: Record<FrameHint, string> = {
  'no-document': 'Place the document inside the frame',
  'not-in-view': 'Card not fully in view',
  'move-closer': 'Move closer',
  'too-dark': 'Too dark — find more light',
  glare: 'Glare on the card — tilt it',
  'hold-still': 'Hold still',
  ready: 'Hold still — capturing…',
};

export const CAPTURE_MESSAGES = {
  starting: 'Starting the camera…',
  reading: 'Captured — reading…',
  retry: 'Could not read it yet — keep the card steady in the frame',
  read: 'Got it',
};

export const CAMERA_ERRORS: Record<CameraErrorCode, { title: string; advice: string }> = {
  insecure: {
    title: 'The camera only works on a secure page.',
    advice: 'Open this app over https:// (or on localhost), or upload a photo instead.',
  },
  unsupported: {
    title: 'This browser cannot use a camera.',
    advice: 'Take a photo with your camera app and upload it instead.',
  },
  denied: {
    title: 'Camera access was denied.',
    advice:
      "Allow the camera for this site in your browser's settings and try again, or upload a photo instead.",
  },
  'no-camera': {
    title: 'No camera was found.',
    advice: 'Connect a camera, or upload a photo or scan instead.',
  },
  busy: {
    title: 'The camera is in use by another app.',
    advice: 'Close the other app using the camera and try again, or upload a photo instead.',
  },
  failed: {
    title: 'The camera could not be started.',
    advice: 'Try again, or upload a photo instead.',
  },
};
