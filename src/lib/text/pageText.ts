/** What OCR of a whole document gives: blocks of lines of words, each with its box and a 0-1 confidence. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PageWord {
  text: string;
  confidence: number;
  box: Box;
}

export interface PageLine {
  text: string;
  confidence: number;
  words: PageWord[];
}

export interface PageText {
  blocks: Array<{ lines: PageLine[] }>;
  /** Mean confidence of the page, 0-1. */
  confidence: number;
}

export const pageLines = (page: PageText): PageLine[] => page.blocks.flatMap((b) => b.lines);

/** The page as plain text, one visual row per line (a label and its value on one line). */
export const pagePlainText = (page: PageText): string =>
  textRows(page)
    .map((r) => r.text)
    .join('\n');

/** The box around several boxes. */
export function unionBox(boxes: readonly Box[]): Box | null {
  if (!boxes.length) return null;
  const x0 = Math.min(...boxes.map((b) => b.x));
  const y0 = Math.min(...boxes.map((b) => b.y));
  const x1 = Math.max(...boxes.map((b) => b.x + b.width));
  const y1 = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * The page's lines regrouped into rows across blocks (tesseract's layout analysis puts a card's
 * label column and value column in different blocks): a line continues a row when it starts to the
 * right of the row's end, not too far, at about the same height there. Comparing the ends that meet, not whole
 * rows, keeps a slightly tilted card's rows apart; a typical text height, not the tallest word's,
 * keeps one tall speck (a signature stroke) from joining two rows.
 */
export function textRows(page: PageText): PageLine[] {
  const heights = pageLines(page)
    .flatMap((l) => l.words.map((w) => w.box.height))
    .sort((a, b) => a - b);
  const height = heights[Math.floor(heights.length / 2)] ?? 0;
  // tesseract's own lines are split where they cross such a gap too.
  const lines = pageLines(page)
    .flatMap((l) =>
      splitAtGaps(
        [...l.words].sort((a, b) => a.box.x - b.box.x),
        height * MAX_GAP,
      ),
    )
    .sort((a, b) => a[0]!.box.x - b[0]!.box.x);
  const rows: PageWord[][] = [];
  for (const words of lines) {
    const first = words[0]!;
    let best: { row: PageWord[]; distance: number } | null = null;
    for (const row of rows) {
      const last = row.at(-1)!;
      const gap = first.box.x - (last.box.x + last.box.width);
      // Overlapping, or across a gap wider than a table's (a portrait's caption, a header's halves).
      if (gap < -height || gap > height * MAX_GAP) continue;
      const distance = Math.abs(centre(last) - centre(first));
      if (distance < height * 0.6 && (!best || distance < best.distance)) best = { row, distance };
    }
    if (best) best.row.push(...words);
    else rows.push([...words]);
  }
  return rows
    .sort((a, b) => centre(a[0]!) - centre(b[0]!))
    .map((row) => ({
      text: row.map((w) => w.text).join(' '),
      confidence: row.reduce((sum, w) => sum + w.confidence, 0) / row.length,
      words: row,
    }));
}

const centre = (w: PageWord): number => w.box.y + w.box.height / 2;

/** Words in reading order cut into runs wherever the space between two is wider than `gap`. */
function splitAtGaps(words: PageWord[], gap: number): PageWord[][] {
  const runs: PageWord[][] = [];
  for (const word of words) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && word.box.x - (last.box.x + last.box.width) <= gap) run.push(word);
    else runs.push([word]);
  }
  return runs;
}

/**
 * The widest gap, in text heights, a row continues across: an e-KTP's short labels sit ~8 heights
 * from their values; the caption under its portrait, and the halves of a licence header, 13 or more.
 */
const MAX_GAP = 11;

/**
 * A page whose lines run down or up (a card photographed on its side, with no outline to straighten
 * it by: tesseract reads the lines, but their boxes stand in the image as it is). Returns the page
 * with its boxes turned so lines run left to right, and the clockwise quarter turns (1 or 3) the
 * image needs to match them; 0 and the page itself when lines already run across.
 */
export function levelledPage(
  page: PageText,
  width: number,
  height: number,
): { text: PageText; turns: 0 | 1 | 3 } {
  let down = 0;
  let up = 0;
  let across = 0;
  for (const line of pageLines(page)) {
    if (line.words.length < 2) continue;
    const first = line.words[0]!.box;
    const last = line.words.at(-1)!.box;
    const dx = last.x - first.x;
    const dy = last.y - first.y;
    if (Math.abs(dy) <= Math.abs(dx)) across++;
    else if (dy > 0) down++;
    else up++;
  }
  if (across >= down + up) return { text: page, turns: 0 };
  // Lines running down: the content is a quarter turn clockwise; a turn back (three clockwise) levels it.
  const turns = down >= up ? 3 : 1;
  const turn = (b: Box): Box =>
    turns === 3
      ? { x: b.y, y: width - b.x - b.width, width: b.height, height: b.width }
      : { x: height - b.y - b.height, y: b.x, width: b.height, height: b.width };
  return {
    turns,
    text: {
      ...page,
      blocks: page.blocks.map((b) => ({
        lines: b.lines.map((l) => ({ ...l, words: l.words.map((w) => ({ ...w, box: turn(w.box) })) })),
      })),
    },
  };
}

/** A run of small words in a row with big ones (a label beside its value), to be read again alone. */
export interface SmallSpan {
  words: PageWord[];
  box: Box;
}

/** Rows' runs of words under 72 % of the row's tallest word's height. */
export function smallSpans(page: PageText): SmallSpan[] {
  const spans: SmallSpan[] = [];
  for (const row of textRows(page)) {
    const tallest = Math.max(...row.words.map((w) => w.box.height));
    let run: PageWord[] = [];
    const flush = (): void => {
      const box = unionBox(run.map((w) => w.box));
      if (box && run.length) spans.push({ words: run, box });
      run = [];
    };
    for (const word of row.words) {
      if (word.box.height < tallest * 0.72) run.push(word);
      else flush();
    }
    flush();
  }
  return spans;
}

/** The page with the given words' text replaced (by identity), e.g. after reading them again. */
export function withWordTexts(page: PageText, texts: Map<PageWord, string>): PageText {
  return {
    ...page,
    blocks: page.blocks.map((b) => ({
      lines: b.lines.map((l) => {
        const words = l.words
          .map((w) => (texts.has(w) ? { ...w, text: texts.get(w)! } : w))
          .filter((w) => w.text !== '');
        return { ...l, words, text: words.map((w) => w.text).join(' ') };
      }),
    })),
  };
}
