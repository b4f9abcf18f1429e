import { preprocessWorker } from '../../engine/preprocess.ts';
import { guideFor } from '../../lib/quality/frameGuidance.ts';
import type { FrameAnalysis } from '../../workers/preprocess.api.ts';

/**
 * The browser's camera, wrapped: open the rear camera at the best resolution it offers, stop every
 * track, take a full-resolution still, drive the torch, and turn getUserMedia's failures into a
 * few codes the view can word.
 */

export type CameraErrorCode = 'insecure' | 'unsupported' | 'denied' | 'no-camera' | 'busy' | 'failed';

/** Before asking: a camera needs a secure page and a browser that offers getUserMedia. */
export function cameraUnavailable(): CameraErrorCode | null {
  if (!window.isSecureContext) return 'insecure';
  if (!navigator.mediaDevices?.getUserMedia) return 'unsupported';
  return null;
}

export function cameraErrorOf(error: unknown): CameraErrorCode {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'no-camera';
  if (name === 'NotReadableError' || name === 'AbortError') return 'busy';
  return 'failed';
}

/**
 * The rear camera (or the one chosen), asking for up to 4K: browsers give the largest size the
 * camera supports up to that, and more pixels mean a sharper MRZ in the still.
 */
export function openStream(deviceId?: string): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({
    audio: false,
    video: {
      ...(deviceId ? { deviceId: { exact: deviceId } } : { facingMode: { ideal: 'environment' } }),
      width: { ideal: 3840 },
      height: { ideal: 2160 },
    },
  });
}

/** Ends every track: the camera light goes off and the torch with it. */
export function stopStream(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

export async function videoInputs(): Promise<MediaDeviceInfo[]> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices.filter((d) => d.kind === 'videoinput');
}

/** Torch control is not in TypeScript's DOM types yet. */
type TorchCapabilities = MediaTrackCapabilities & { torch?: boolean };

export function torchSupported(track: MediaStreamTrack): boolean {
  return Boolean((track.getCapabilities?.() as TorchCapabilities | undefined)?.torch);
}

export function setTorch(track: MediaStreamTrack, on: boolean): Promise<void> {
  return track.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] });
}

/** Frames are analysed at this width: enough to find the card and judge it, a few ms each. */
const ANALYSIS_WIDTH = 640;

/**
 * The video's current frame, scaled to the analysis width and measured in the preprocessing
 * worker (the bitmap is transferred, not copied). Records `camera:frame` (worker time) and
 * `camera:roundtrip` (grab to result) for the benchmark.
 */
export async function analyseVideoFrame(video: HTMLVideoElement): Promise<FrameAnalysis> {
  const scale = Math.min(1, ANALYSIS_WIDTH / video.videoWidth);
  const width = Math.round(video.videoWidth * scale);
  const height = Math.round(video.videoHeight * scale);
  const grabbed = performance.now();
  const frame = await createImageBitmap(video, {
    resizeWidth: width,
    resizeHeight: height,
    resizeQuality: 'medium',
  });
  const started = performance.now();
  const result = await preprocessWorker.analyseFrame(frame, guideFor(width, height));
  performance.measure('camera:frame', { start: started, duration: result.ms });
  performance.measure('camera:roundtrip', { start: grabbed, end: performance.now() });
  return result;
}

interface ImageCaptureLike {
  takePhoto(): Promise<Blob>;
}
type ImageCaptureConstructor = new (track: MediaStreamTrack) => ImageCaptureLike;

const STILL_TIMEOUT_MS = 3000;

/**
 * A full-resolution still: ImageCapture's photo where the browser has it (often larger than the
 * video), otherwise the current video frame at the stream's own size.
 */
export async function grabStill(video: HTMLVideoElement, track: MediaStreamTrack): Promise<Blob> {
  const ImageCaptureClass = (window as unknown as { ImageCapture?: ImageCaptureConstructor }).ImageCapture;
  if (ImageCaptureClass) {
    try {
      const photo = await Promise.race([
        new ImageCaptureClass(track).takePhoto(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), STILL_TIMEOUT_MS)),
      ]);
      if (photo.size > 0) return photo;
    } catch {
      // Some cameras refuse takePhoto while streaming: the video frame will do.
    }
  }
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d')?.drawImage(video, 0, 0);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  canvas.width = 0;
  if (!blob) throw new Error('The video frame could not be captured');
  return blob;
}
