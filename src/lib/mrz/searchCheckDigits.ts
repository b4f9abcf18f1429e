import { ALTERNATIVES } from './confusables.ts';
import { fitsClass, positionClasses } from './coerce.ts';
import { countValid, evaluateChecks } from './evaluateChecks.ts';
import { isRealDate } from '../dates/isoDate.ts';
import { longDocumentNumber, readSpan, type FormatSpec, type Span } from './formats.ts';
import type { Correction } from './types.ts';

interface Substitution {
  line: number;
  index: number;
  from: string;
  to: string;
  /** Engine confidence of the character being replaced. */
  confidence: number;
  /** Lower is likelier: the confidence plus the replacement's rank in the confusion list. */
  cost: number;
}

/** A tie is broken by cost only when the chosen change is this much cheaper than the next one. */
const COST_MARGIN = 0.35;
/**
 * Only characters the engine was unsure of are ever changed. Without this, a misread the confusion
 * table does not know leaves a failing check that some other, correctly read character can be
 * "fixed" to satisfy: a confident wrong answer.
 */
export const MAX_CHANGE_CONFIDENCE = 0.9;
/**
 * The exception: OCR-B's O and 0 differ only in width, and the engine reports high confidence on
 * either when wrong (measured on the benchmark). Where a check digit demands it, they are swapped
 * even when "sure" (in alphanumeric fields: elsewhere the field's class decides), and the field is
 * then flagged for a look (readMrz's doubts), never presented as certain.
 */
export const SURE_BUT_SWAPPABLE: Readonly<Record<string, readonly string[]>> = { O: ['0'], '0': ['O'] };

/** Two characters are changed at once only where the engine was quite unsure of both. */
const PAIR_MAX_CONFIDENCE = 0.7;

/**
 * When check digits fail, tries replacing characters by what they are commonly mistaken for (one,
 * then two at a time, only inside the failing checks' spans) and keeps a change only if it makes
 * every check digit hold with real dates, and no other change is about as likely. Likelihood is
 * the engine's confidence in the replaced character plus how far down the confusion list the
 * replacement is. Note the composite gives no extra evidence about a document number (it covers
 * it at the same weights), so there the engine's confidence is what decides. Anything else is
 * left as read and stays flagged: a wrong value that passes its check digit is worse than a flag.
 */
export function searchCheckDigits(
  spec: FormatSpec,
  lines: string[],
  confidences: number[][],
): { lines: string[]; corrections: Correction[] } {
  const initial = evaluateChecks(spec, lines);
  const total = spec.checks.length;
  if (countValid(initial) === total && datesAreReal(spec, lines)) return { lines, corrections: [] };

  const classes = positionClasses(spec);
  const candidates = candidatePositions(spec, lines, initial).flatMap(({ line, index }) => {
    const from = lines[line]?.[index] ?? '';
    const confidence = confidences[line]?.[index] ?? 1;
    const sure = confidence >= MAX_CHANGE_CONFIDENCE;
    const options = sure ? (SURE_BUT_SWAPPABLE[from] ?? []) : (ALTERNATIVES[from] ?? []);
    return options
      .filter((to) => fitsClass(to, classes[line]?.[index] ?? 'alnum'))
      .map((to, rank) => ({
        line,
        index,
        from,
        to,
        confidence,
        cost: confidence + rank * 0.25 + (sure ? 0.5 : 0),
      }));
  });

  const apply = (subs: Substitution[]): string[] => {
    const out = lines.map((l) => [...l]);
    for (const s of subs) out[s.line]![s.index] = s.to;
    return out.map((l) => l.join(''));
  };
  const allHold = (subs: Substitution[]): boolean => {
    const next = apply(subs);
    return countValid(evaluateChecks(spec, next)) === total && datesAreReal(spec, next);
  };

  let winners: Substitution[][] = candidates.filter((c) => allHold([c])).map((c) => [c]);
  if (winners.length === 0) {
    const unsure = candidates.filter((c) => c.confidence < PAIR_MAX_CONFIDENCE);
    for (let a = 0; a < unsure.length; a++) {
      for (let b = a + 1; b < unsure.length; b++) {
        const first = unsure[a]!;
        const second = unsure[b]!;
        if (first.line === second.line && first.index === second.index) continue;
        if (allHold([first, second])) winners.push([first, second]);
      }
    }
  }
  if (winners.length === 0) return { lines, corrections: [] };
  const cost = (subs: Substitution[]): number => subs.reduce((sum, s) => sum + s.cost, 0);
  winners = [...winners].sort((x, y) => cost(x) - cost(y));
  if (winners.length > 1 && cost(winners[1]!) - cost(winners[0]!) < COST_MARGIN)
    return { lines, corrections: [] };
  const chosen = winners[0]!;
  return {
    lines: apply(chosen),
    corrections: chosen.map(({ line, index, from, to }) => ({ line, index, from, to, reason: 'checkDigit' })),
  };
}

/** Both dates exist in the calendar (a misread can satisfy a check digit and still say day 62). */
export function datesAreReal(spec: FormatSpec, lines: readonly string[]): boolean {
  return spec.fields
    .filter((f) => f.name === 'dateOfBirth' || f.name === 'expiryDate')
    .every((f) => {
      const text = readSpan(lines, f);
      const month = Number(text.slice(2, 4));
      const day = Number(text.slice(4, 6));
      // The year's century is unknown here; 2000 is a leap year, so 29 February passes as it should.
      return /^\d{6}$/.test(text) && isRealDate(2000 + Number(text.slice(0, 2)), month, day);
    });
}

/** Positions covered by failing checks (the composite's only when nothing else fails), digits included. */
function candidatePositions(
  spec: FormatSpec,
  lines: readonly string[],
  status: ReturnType<typeof evaluateChecks>,
): Array<{ line: number; index: number }> {
  const failing = spec.checks.filter((c) => status[c.name] === 'invalid');
  const own = failing.filter((c) => c.name !== 'composite');
  const chosen = own.length > 0 ? own : failing;
  const long = longDocumentNumber(spec, lines);
  const seen = new Set<string>();
  const out: Array<{ line: number; index: number }> = [];
  const push = (line: number, index: number): void => {
    const key = `${line}:${index}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ line, index });
    }
  };
  for (const check of chosen) {
    const spans: Span[] = [...check.covers];
    if (check.name === 'documentNumber' && long) {
      spans.push(long.rest);
      push(long.digit.line, long.digit.index);
    } else {
      push(check.digit.line, check.digit.index);
    }
    for (const s of spans) for (let i = s.start; i < s.end; i++) push(s.line, i);
  }
  return out;
}
