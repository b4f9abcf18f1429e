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
 * right of the row's end at about the same height there. Comparing the ends that meet, not whole
 * rows, keeps a slightly tilted card's rows apart; a typical text height, not the tallest word's,
 * keeps one tall speck (a signature stroke) from joining two rows.
 */
export function textRows(page: PageText): PageLine[] {
  const lines = pageLines(page)
    .map((l) => [...l.words].sort((a, b) => a.box.x - b.box.x))
    .filter((words) => words.length > 0)
    .sort((a, b) => a[0]!.box.x - b[0]!.box.x);
  const heights = lines
    .flat()
    .map((w) => w.box.height)
    .sort((a, b) => a - b);
  const height = heights[Math.floor(heights.length / 2)] ?? 0;
  const rows: PageWord[][] = [];
  for (const words of lines) {
    const first = words[0]!;
    let best: { row: PageWord[]; distance: number } | null = null;
    for (const row of rows) {
      const last = row.at(-1)!;
      if (last.box.x + last.box.width > first.box.x + height) continue;
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

/**
 * Boxes of a page read turned half a turn may come back in the unturned image's coordinates (words
 * then run right to left within their lines): turns them into the read frame. A no-op otherwise.
 */
export function uprightBoxes(page: PageText, width: number, height: number): PageText {
  const lines = pageLines(page).filter((l) => l.words.length > 1);
  const backwards = lines.filter((l) => l.words[1]!.box.x < l.words[0]!.box.x).length;
  if (backwards * 2 <= lines.length) return page;
  const turn = (w: PageWord): PageWord => ({
    ...w,
    box: {
      x: width - w.box.x - w.box.width,
      y: height - w.box.y - w.box.height,
      width: w.box.width,
      height: w.box.height,
    },
  });
  return {
    ...page,
    blocks: page.blocks.map((b) => ({ lines: b.lines.map((l) => ({ ...l, words: l.words.map(turn) })) })),
  };
}
