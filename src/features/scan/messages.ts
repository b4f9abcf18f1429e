import type { QualityHint, ReaderErrorCode } from '../../engine/errors.ts';
import type { Stage } from '../../engine/readDocument.ts';

/** What went wrong and what to do, in plain words. */
export const ERROR_MESSAGES: Record<ReaderErrorCode, { title: string; advice: string }> = {
  'empty-file': {
    title: 'That file is empty.',
    advice: 'Choose the photo again; it may not have finished saving or downloading.',
  },
  'not-an-image': {
    title: 'That file is not an image.',
    advice: 'Choose a photo or scan of the document (JPEG, PNG, WebP, BMP or GIF).',
  },
  pdf: {
    title: 'PDF files cannot be read yet.',
    advice: 'Open the PDF, take a screenshot of the page with the document, and upload that image.',
  },
  heic: {
    title: 'This browser cannot open HEIC/HEIF photos.',
    advice:
      'On an iPhone, set Settings › Camera › Formats to "Most Compatible", or share the photo as JPEG. You can also use the camera button here.',
  },
  svg: { title: 'Drawings (SVG) cannot be read.', advice: 'Upload a photo or scan of the document instead.' },
  'unsupported-image': {
    title: 'This browser cannot open that image format.',
    advice: 'Save the image as JPEG or PNG and upload it again.',
  },
  'file-too-large': {
    title: 'That file is too large (over 40 MB).',
    advice: 'Upload a smaller photo or a screenshot of the document.',
  },
  'image-too-large': {
    title: 'That image has too many pixels to read safely on this device.',
    advice: 'Upload a smaller version (12 megapixels is plenty).',
  },
  'image-too-small': {
    title: 'That image is too small to read.',
    advice: 'Take the photo closer, or scan at 300 dpi.',
  },
  'corrupt-image': {
    title: 'That image is damaged and could not be opened.',
    advice: 'Take the photo again, or export it again from where it came from.',
  },
  'no-mrz': {
    title: 'No machine-readable zone found, and no licence barcode or card this reader knows.',
    advice:
      'The MRZ is the two or three lines of <<< text at the bottom of a passport page or on the back of an ID card. Flip the card, get closer, and keep the whole document in the picture. For any other document, choose “Read as: Any text”.',
  },
  'unreadable-mrz': {
    title: 'The machine-readable zone was found but could not be read.',
    advice: 'Take the photo again, straight on and in even light, with the MRZ filling more of the picture.',
  },
  'unreadable-barcode': {
    title: 'A barcode was found, but it is not a licence barcode or it is damaged.',
    advice:
      'Photograph the large barcode on the back of the licence flat and in focus, with the whole barcode in the picture.',
  },
  'engine-timeout': {
    title: 'The reader took too long to start.',
    advice: 'Reload the page and try again. On an older phone, close other tabs first.',
  },
  'asset-load-failed': {
    title: 'Part of the reader could not be loaded.',
    advice: 'Check your connection and reload the page. Once loaded, the reader also works offline.',
  },
  aborted: { title: 'Reading was cancelled.', advice: 'Choose a file to read again.' },
  internal: {
    title: 'Something went wrong while reading.',
    advice: 'Try again; if it keeps happening, try another photo.',
  },
};

export const HINT_MESSAGES: Record<QualityHint, string> = {
  blurry: 'The image looks blurry: hold still, or let the camera focus before taking it.',
  dark: 'The image is too dark: add light or move to a brighter place.',
  glare: 'There is glare on the document: tilt it away from the light.',
  'mrz-glare':
    'Glare is washing out the machine-readable zone (the lines of <<< text): tilt the document or move away from the light.',
  'small-text': 'The text is very small: move closer so the document fills the picture.',
};

export const STAGE_LABELS: Record<Stage, string> = {
  starting: 'Starting the reader',
  locating: 'Finding the document, its MRZ or barcode',
  reading: 'Reading the text',
  checking: 'Checking the values',
};

export const STAGES: Stage[] = ['starting', 'locating', 'reading', 'checking'];
