/// <reference lib="webworker" />
import { WorkerError } from '../rpc.api.ts';

export interface Decoded {
  image: ImageData;
  width: number;
  height: number;
  /** Working-image pixels per decoded pixel. */
  scale: number;
}

/**
 * Decodes with the browser's own decoder (createImageBitmap honours EXIF orientation and takes the
 * first frame of a GIF) and scales down to the working size at once, so only one full-size bitmap
 * ever exists and it is closed before any processing starts.
 */
export async function decodeImage(blob: Blob, maxWorkingEdge: number): Promise<Decoded> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
  } catch {
    throw new WorkerError('decode-failed', 'The image could not be decoded');
  }
  try {
    const { width, height } = bitmap;
    if (width < 16 || height < 16) throw new WorkerError('image-too-small', 'The image is too small');
    const scale = Math.min(1, maxWorkingEdge / Math.max(width, height));
    const w = Math.max(1, Math.round(width * scale));
    const h = Math.max(1, Math.round(height * scale));
    const canvas = new OffscreenCanvas(w, h);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new WorkerError('decode-failed', 'No 2D canvas in this worker');
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, w, h);
    return { image: context.getImageData(0, 0, w, h), width, height, scale };
  } finally {
    bitmap.close();
  }
}

/** Encodes 8-bit grey pixels as a PNG blob (what tesseract.js reads fastest). */
export async function greyToPng(pixels: Uint8Array, width: number, height: number): Promise<Blob> {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const v = pixels[i]!;
    rgba[i * 4] = v;
    rgba[i * 4 + 1] = v;
    rgba[i * 4 + 2] = v;
    rgba[i * 4 + 3] = 255;
  }
  const canvas = new OffscreenCanvas(width, height);
  canvas.getContext('2d')!.putImageData(new ImageData(rgba, width, height), 0, 0);
  return canvas.convertToBlob({ type: 'image/png' });
}
