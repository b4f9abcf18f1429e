/**
 * The printed-text path: a document with no MRZ and no barcode (a US licence front, an e-KTP), or
 * any-text mode. The page is read by tesseract's page engine, laid level if the card was on its
 * side, read again half-turned or as the whole frame when no kind is found, and parsed by kind.
 */
import { ektpLabelCount, parseEktp } from '../lib/ektp/parseEktp.ts';
import { licenceFrontScore, parseLicenceFront } from '../lib/licence/parseLicenceFront.ts';
import { qualityHints } from '../lib/quality/qualityHints.ts';
import {
  levelledPage,
  smallSpans,
  withWordTexts,
  type PageText,
  type PageWord,
} from '../lib/text/pageText.ts';
import type { AnalyseResult, PageImage, Rotation } from '../workers/preprocess.api.ts';
import type { LanguageId } from './assets.generated.ts';
import { ReaderError } from './errors.ts';
import { recognisePage, recogniseSpans } from './ocr.ts';
import { laneOf } from './pool.ts';
import type { PageInfo, PrintedScan, ReadOptions, TextScan } from './readDocument.ts';
import { publishTimings } from './timings.ts';

/** How sure a page's text must be before it is taken as the right way up without trying it turned. */
const UPRIGHT_CONFIDENCE = 0.75;

/**
 * No MRZ, no barcode: read the page's printed text and tell the kind by its labels — an e-KTP, a US
 * licence front — or, in any-text mode, return the text. A card photographed upside down reads as
 * noise, so when no kind is found (or the text is unsure) the page is read again turned half a turn.
 */
export async function readPage(
  analysis: AnalyseResult,
  found: PageImage,
  timings: Record<string, number>,
  started: number,
  options: ReadOptions,
): Promise<PrintedScan | TextScan> {
  const language = options.textLanguage ?? 'eng';
  const { worker, lane } = laneOf(options);
  let page = found;
  options.onStage?.('reading');
  let t = performance.now();
  // A card upside down is turned by the worker (not by tesseract: its boxes must be in the image shown).
  // A card on its side (no outline to straighten it by) reads fine but with its boxes standing up:
  // they are laid level and the image turned to match.
  const read = async (upsideDown: boolean, from: PageImage = page) => {
    const image = upsideDown ? await worker.turnPage(from.image, 2, options.signal) : from.image;
    const raw = await recognisePage(image, language, { signal: options.signal, lane });
    const { text, turns } = levelledPage(raw, from.width, from.height);
    const shown = turns ? await worker.turnPage(image, turns, options.signal) : image;
    const size = turns
      ? { width: from.height, height: from.width }
      : { width: from.width, height: from.height };
    return { text, upsideDown, image: shown, size, kind: kindOf(text) };
  };
  let best = await read(false);
  timings.ocr = Math.round(performance.now() - t);
  if (!best.kind && page.straightened) {
    // The outline may have been a false one (the portrait, a panel): read the whole frame.
    const frame = await worker.pageOf('frame', options.signal);
    if (frame) {
      t = performance.now();
      const whole = await read(false, frame);
      timings['ocr-frame'] = Math.round(performance.now() - t);
      // In any-text mode the reading with more confident words wins.
      if (whole.kind || (options.mode === 'text' && textWeight(whole.text) > textWeight(best.text))) {
        page = frame;
        best = whole;
      }
    }
  }
  if (!best.kind || best.text.confidence < UPRIGHT_CONFIDENCE) {
    t = performance.now();
    const turned = await read(true);
    timings['ocr-flipped'] = Math.round(performance.now() - t);
    if (
      (turned.kind && !best.kind) ||
      (!!turned.kind === !!best.kind && turned.text.confidence > best.text.confidence)
    )
      best = turned;
  }
  if (options.mode === 'text') {
    t = performance.now();
    best = {
      ...best,
      text: await rereadSmallText(best.text, best.image, best.size, language, options.signal, lane),
    };
    timings['ocr-labels'] = Math.round(performance.now() - t);
  }
  options.onStage?.('checking');
  void worker.release().catch(() => undefined);
  const pageInfo: PageInfo = {
    image: best.image,
    width: best.size.width,
    height: best.size.height,
    straightened: page.straightened,
    upsideDown: best.upsideDown,
  };
  const base = {
    quality: analysis.quality,
    document: analysis.document,
    rotation: (best.upsideDown ? 180 : 0) as Rotation,
    imageSize: { width: analysis.width, height: analysis.height },
    timings,
  };
  timings.total = Math.round(performance.now() - started);
  publishTimings(timings);
  if (options.mode === 'text') return { ...base, kind: 'text', page: pageInfo, text: best.text, language };
  if (!best.kind) throw new ReaderError('no-mrz', qualityHints(analysis.quality, analysis.scale));
  const printed =
    best.kind === 'ektp'
      ? parseEktp(best.text, page.straightened ? best.size.width : null)
      : parseLicenceFront(best.text);
  return { ...base, kind: best.kind, printed, page: pageInfo, text: best.text };
}

/** At most this many small runs are read again (a card has a dozen labels). */
const MAX_SPANS = 40;

/**
 * Any-text mode: small labels beside large values are read again on their own (tesseract reads
 * them as lower-case look-alikes when they share a line with big text: DOB as "pos").
 */
async function rereadSmallText(
  text: PageText,
  image: Blob,
  size: { width: number; height: number },
  language: LanguageId,
  signal: AbortSignal | undefined,
  lane: number,
): Promise<PageText> {
  // A lone colon or digit is too narrow for tesseract to read on its own: it stays as read.
  const spans = smallSpans(text)
    .filter((s) => s.box.height >= 8 && s.box.width >= s.box.height)
    .slice(0, MAX_SPANS);
  if (!spans.length) return text;
  const rectangles = spans.map(({ box }) => {
    const pad = Math.round(box.height * 0.35);
    const left = Math.max(0, Math.round(box.x - pad));
    const top = Math.max(0, Math.round(box.y - pad));
    return {
      left,
      top,
      width: Math.min(size.width - left, Math.round(box.width + pad * 2)),
      height: Math.min(size.height - top, Math.round(box.height + pad * 2)),
    };
  });
  const read = await recogniseSpans(image, language, rectangles, signal, lane);
  const texts = new Map<PageWord, string>();
  spans.forEach((span, i) => {
    const parts = (read[i] ?? '').split(' ').filter(Boolean);
    if (!parts.length) return;
    if (parts.length === span.words.length) span.words.forEach((w, j) => texts.set(w, parts[j]!));
    else span.words.forEach((w, j) => texts.set(w, j === 0 ? parts.join(' ') : ''));
  });
  return withWordTexts(text, texts);
}

const textWeight = (text: PageText): number =>
  text.blocks.flatMap((b) => b.lines.flatMap((l) => l.words)).reduce((sum, w) => sum + w.confidence, 0);

/** Which printed document the text is, by its labels and header. */
function kindOf(text: PageText): 'ektp' | 'licence-front' | null {
  if (ektpLabelCount(text) >= 3) return 'ektp';
  if (licenceFrontScore(text) >= 3) return 'licence-front';
  return null;
}
