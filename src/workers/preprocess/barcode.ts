/// <reference lib="webworker" />
/**
 * PDF417 (US/Canadian licence backs) with zxing-wasm. The wasm (~0.9 MB) is self-hosted and
 * fetched on the first call only: an MRZ document never loads it. Its CDN default is overridden.
 */
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import type { Quad } from '../preprocess.api.ts';
import { WorkerError } from '../rpc.api.ts';

let configured = false;

/** Points zxing at our copy of its wasm; nothing is fetched until a barcode is looked for. */
export function configureBarcodeReader(wasmUrl: string): void {
  prepareZXingModule({
    overrides: {
      locateFile: (file: string, prefix: string) => (file.endsWith('.wasm') ? wasmUrl : prefix + file),
    },
    fireImmediately: false,
  });
  configured = true;
}

export interface FoundBarcode {
  /** The decoded text, control characters as they are (the AAMVA separators). */
  text: string;
  /** Corners in the given image's pixels: TL, TR, BR, BL. */
  corners: Quad;
}

/** The first PDF417 symbol in the image, or null. Rotated and slanted symbols are found too. */
export async function findPdf417(image: ImageData): Promise<FoundBarcode | null> {
  if (!configured) throw new WorkerError('not-initialised', 'The barcode reader is not configured');
  let results;
  try {
    results = await readBarcodes(image, {
      formats: ['PDF417'],
      textMode: 'Plain',
      tryHarder: true,
      tryRotate: true,
      tryInvert: false,
      maxNumberOfSymbols: 1,
    });
  } catch {
    throw new WorkerError('asset-load-failed', 'The barcode reader could not be loaded');
  }
  const found = results.find((r) => r.isValid);
  if (!found) return null;
  const p = found.position;
  return { text: found.text, corners: [p.topLeft, p.topRight, p.bottomRight, p.bottomLeft] };
}
