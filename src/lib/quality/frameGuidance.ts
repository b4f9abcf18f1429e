/**
 * Live camera guidance: what one analysed frame says to the user, and when a run of good frames
 * is steady enough to capture by itself. Pure: the numbers come from the preprocessing worker.
 */

/** What the worker measured on one downscaled camera frame. */
export interface FrameMeasures {
  /** The document's outline was found. */
  found: boolean;
  /** The outline's area over the guide's area (0 when not found). */
  fill: number;
  /** Every corner of the outline lies inside the frame, clear of its edges. */
  inView: boolean;
  /** Variance of the Laplacian over the document (or the guide when none was found), at 640 px. */
  sharpness: number;
  /** Share of the document's pixels blown out to white. */
  glare: number;
  /** Mean grey level (0-255) of the document, or of the frame when none was found. */
  brightness: number;
  /** Mean absolute grey difference from the previous frame, on a 32 px thumbnail (0-255). */
  motion: number;
}

export type FrameHint =
  'no-document' | 'not-in-view' | 'move-closer' | 'too-dark' | 'glare' | 'hold-still' | 'ready';

/** Below this the document is too small in the guide for its MRZ to be read from the still. */
export const MIN_FILL = 0.55;
/** Mean grey of the document below which the frame is too dark. */
export const DARK_BELOW = 60;
/**
 * Share of the card blown out to white (≥ 250). A specular spot a sixth of the card wide that
 * washes out the characters under it measures ~1.4 % on the e2e feed; an evenly lit card, 0.
 */
export const GLARE_ABOVE = 0.01;
/**
 * Laplacian variance over the card in a 640 px frame: the sharp e2e feed (a 1280×720 camera, text
 * 22 px high) measures ~2,000, the same blurred by a Gaussian σ of 3 px (unreadable) ~50.
 */
export const BLURRY_BELOW = 150;
/** Thumbnail difference above which the card (or the phone) is still moving. */
export const MOVING_ABOVE = 6;

/** The one thing to tell the user about a frame, most fundamental first. */
export function frameHint(m: FrameMeasures): FrameHint {
  if (!m.found) return m.brightness < DARK_BELOW ? 'too-dark' : 'no-document';
  if (!m.inView) return 'not-in-view';
  if (m.fill < MIN_FILL) return 'move-closer';
  if (m.brightness < DARK_BELOW) return 'too-dark';
  if (m.glare > GLARE_ABOVE) return 'glare';
  if (m.motion > MOVING_ABOVE || m.sharpness < BLURRY_BELOW) return 'hold-still';
  return 'ready';
}

/**
 * Auto-capture gate: fires once every frame over a short window has been 'ready'. Any other hint
 * restarts the window; after firing it stays shut until `reset` (a capture is being read).
 */
export class SteadyGate {
  private since: number | null = null;
  private fired = false;

  constructor(private readonly windowMs: number) {}

  /** Feeds one frame's hint at time `now` (ms); true exactly when the capture should happen. */
  push(hint: FrameHint, now: number): boolean {
    if (hint !== 'ready') {
      this.since = null;
      return false;
    }
    this.since ??= now;
    if (this.fired || now - this.since < this.windowMs) return false;
    this.fired = true;
    return true;
  }

  /** Opens the gate again, e.g. after a capture that could not be read: a new window must pass. */
  reset(): void {
    this.since = null;
    this.fired = false;
  }
}

/** ID-1 cards (most ID cards and licences) are 85.6 × 54 mm. */
const CARD_ASPECT = 85.6 / 54;

/**
 * The document-shaped guide over a frame, as shares of it: an ID-1 rectangle, centred, as large
 * as leaves a margin on every side (a passport page, a little squarer, fits it as well).
 */
export function guideFor(
  width: number,
  height: number,
): { x: number; y: number; width: number; height: number } {
  const w = Math.min(width * 0.86, height * 0.8 * CARD_ASPECT);
  const h = w / CARD_ASPECT;
  return { x: (width - w) / 2 / width, y: (height - h) / 2 / height, width: w / width, height: h / height };
}
