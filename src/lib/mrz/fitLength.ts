import type { Correction } from './types.ts';

export interface LineVariant {
  text: string;
  confidences: number[];
  corrections: Correction[];
}

const MAX_VARIANTS = 12;

/**
 * Ways to bring an OCR line to the format's exact length. Engines most often miscount a run of
 * fillers, so characters are added to or taken from each run of '<' in turn; a stray character at
 * either end, or the least confident character, are the other candidates. The check digits later
 * pick the variant that is right.
 */
export function fitLength(text: string, confidences: number[], length: number, line: number): LineVariant[] {
  const diff = text.length - length;
  if (diff === 0) return [{ text, confidences, corrections: [] }];
  const variants = new Map<string, LineVariant>();
  const add = (chars: string[], conf: number[], corrections: Correction[]): void => {
    const next = chars.join('');
    if (next.length === length && !variants.has(next))
      variants.set(next, { text: next, confidences: conf, corrections });
  };
  const runs = fillerRuns(text);
  const chars = [...text];

  if (diff > 0) {
    for (const run of runs) {
      if (run.length < diff) continue;
      const at = run.start + run.length - diff;
      add(
        [...chars.slice(0, at), ...chars.slice(at + diff)],
        [...confidences.slice(0, at), ...confidences.slice(at + diff)],
        [{ line, index: at, from: '<'.repeat(diff), to: '', reason: 'length' }],
      );
    }
    add(chars.slice(0, length), confidences.slice(0, length), [
      { line, index: length, from: text.slice(length), to: '', reason: 'length' },
    ]);
    add(chars.slice(diff), confidences.slice(diff), [
      { line, index: 0, from: text.slice(0, diff), to: '', reason: 'length' },
    ]);
    // Background read past both ends (a wide cut): the line somewhere in between.
    for (let head = 1; head < diff; head++) {
      add(chars.slice(head, head + length), confidences.slice(head, head + length), [
        { line, index: 0, from: text.slice(0, head), to: '', reason: 'length' },
        { line, index: length, from: text.slice(head + length), to: '', reason: 'length' },
      ]);
    }
    if (diff === 1) {
      const weakest = confidences
        .map((c, i) => ({ c, i }))
        .sort((a, b) => a.c - b.c)
        .slice(0, 4);
      for (const { i } of weakest) {
        add(
          [...chars.slice(0, i), ...chars.slice(i + 1)],
          [...confidences.slice(0, i), ...confidences.slice(i + 1)],
          [{ line, index: i, from: chars[i] ?? '', to: '', reason: 'length' }],
        );
      }
    }
  } else {
    const need = -diff;
    const fill = Array<string>(need).fill('<');
    const fillConf = Array<number>(need).fill(0.3);
    for (const run of runs) {
      const at = run.start + run.length;
      add(
        [...chars.slice(0, at), ...fill, ...chars.slice(at)],
        [...confidences.slice(0, at), ...fillConf, ...confidences.slice(at)],
        [{ line, index: at, from: '', to: fill.join(''), reason: 'length' }],
      );
    }
    add(
      [...chars, ...fill],
      [...confidences, ...fillConf],
      [{ line, index: text.length, from: '', to: fill.join(''), reason: 'length' }],
    );
  }
  return [...variants.values()].slice(0, MAX_VARIANTS);
}

function fillerRuns(text: string): Array<{ start: number; length: number }> {
  const runs: Array<{ start: number; length: number }> = [];
  const pattern = /<+/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    runs.push({ start: match.index, length: match[0].length });
  }
  // Longest first: a long run is the likeliest to have been miscounted.
  return runs.sort((a, b) => b.length - a.length);
}
