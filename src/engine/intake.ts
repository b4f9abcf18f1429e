import { sniffImage, type Sniffed } from '../lib/image/sniffImage.ts';
import { ReaderError } from './errors.ts';

/** Files above this are refused before reading them (a phone photo is 2-12 MB). */
export const MAX_FILE_BYTES = 40 * 1024 * 1024;
/** Images above this many pixels are refused before decoding (a 108 MP phone is the largest sold). */
export const MAX_PIXELS = 120_000_000;

/**
 * Checks a file before any decoding: emptiness, size, and what its bytes say it is. Formats the
 * browser may still decode (HEIC on Safari, TIFF) get one try; the caller maps a decode failure of
 * those to their own message.
 */
export async function inspectFile(file: Blob): Promise<Sniffed> {
  if (file.size === 0) throw new ReaderError('empty-file');
  if (file.size > MAX_FILE_BYTES) throw new ReaderError('file-too-large');
  const head = new Uint8Array(await file.slice(0, 64 * 1024).arrayBuffer());
  const sniffed = sniffImage(head);
  switch (sniffed.kind) {
    case 'pdf':
      throw new ReaderError('pdf');
    case 'svg':
      throw new ReaderError('svg');
    case 'unknown':
      throw new ReaderError('not-an-image');
    default:
      break;
  }
  if (sniffed.width && sniffed.height) {
    if (sniffed.width * sniffed.height > MAX_PIXELS) throw new ReaderError('image-too-large');
    if (Math.min(sniffed.width, sniffed.height) < 16) throw new ReaderError('image-too-small');
  }
  return sniffed;
}

/** The message for a decode failure depends on what the file was. */
export function decodeFailure(sniffed: Sniffed): ReaderError {
  if (sniffed.kind === 'heic') return new ReaderError('heic');
  if (sniffed.kind === 'tiff' || sniffed.kind === 'avif') return new ReaderError('unsupported-image');
  return new ReaderError('corrupt-image');
}
