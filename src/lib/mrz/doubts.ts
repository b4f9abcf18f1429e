import type { MrzFieldKey } from '../document/fields.ts';
import { fitsClass, positionClasses } from './coerce.ts';
import { invisibleToCheckDigit } from './confusables.ts';
import { longDocumentNumber, type FormatSpec, type Span } from './formats.ts';
import { MAX_CHANGE_CONFIDENCE } from './searchCheckDigits.ts';
import type { Correction } from './types.ts';

/** Why a field may be wrong although its check digit holds (see findAllDoubts). */
export interface MrzDoubt {
  field: MrzFieldKey;
  line: number;
  index: number;
  read: string;
  /** Look-alikes the check digit cannot tell from `read` (reason 'lookalike'). */
  couldBe: string[];
  reason: 'lookalike' | 'severalUnsure' | 'swappedSure' | 'lettersAmongDigits';
}

/**
 * Where a holding check digit still cannot vouch for a field. A check digit catches any single
 * misread except between look-alikes whose values differ by a multiple of 10 (8/S, 6/G, 1/L: the
 * weights 7, 3, 1 are coprime to 10), and two misreads can cancel out (even in the composite). So a
 * field is in doubt when an unsure character has such a look-alike, or when two or more characters
 * under its check (its check digit included) were unsure.
 */
function findDoubts(spec: FormatSpec, lines: string[], confidences: number[][] | undefined): MrzDoubt[] {
  if (!confidences) return [];
  const classes = positionClasses(spec);
  const long = longDocumentNumber(spec, lines);
  const unsure = (p: { line: number; index: number }): boolean =>
    (confidences[p.line]?.[p.index] ?? 1) < MAX_CHANGE_CONFIDENCE;
  const groups: Array<{ field: MrzFieldKey; positions: Array<{ line: number; index: number }> }> = [];
  const expand = (spans: Span[]) =>
    spans.flatMap((s) =>
      Array.from({ length: s.end - s.start }, (_, k) => ({ line: s.line, index: s.start + k })),
    );
  for (const check of spec.checks) {
    if (check.name === 'composite') continue;
    const spans = [...check.covers];
    let digit = check.digit;
    if (check.name === 'documentNumber' && long) {
      spans.push(long.rest);
      digit = long.digit;
    }
    groups.push({ field: check.name, positions: [...expand(spans), digit] });
  }
  // TD1/TD2 optional data is covered by the composite only (a visa's by nothing).
  if (spec.format === 'TD1' || spec.format === 'TD2') {
    const optional = spec.fields.filter((f) => f.name === 'optional1' || f.name === 'optional2');
    groups.push({ field: 'personalNumber', positions: expand(optional) });
  }
  const doubts: MrzDoubt[] = [];
  for (const { field, positions } of groups) {
    const uncertain = positions.filter(unsure);
    for (const p of uncertain) {
      const read = lines[p.line]?.[p.index] ?? '';
      const couldBe = invisibleToCheckDigit(read).filter((c) =>
        fitsClass(c, classes[p.line]?.[p.index] ?? 'alnum'),
      );
      if (couldBe.length) doubts.push({ field, ...p, read, couldBe, reason: 'lookalike' });
    }
    if (uncertain.length >= 2 && !doubts.some((d) => d.field === field)) {
      const first = uncertain[0]!;
      doubts.push({
        field,
        ...first,
        read: lines[first.line]?.[first.index] ?? '',
        couldBe: [],
        reason: 'severalUnsure',
      });
    }
  }
  return doubts;
}

/**
 * A visa's optional data has no check digit at all, and OCR-B's O and 0 have the same width: however
 * sure the engine was, an O or a 0 there is worth a look.
 */
function uncheckedLookalikes(spec: FormatSpec, lines: string[]): MrzDoubt[] {
  if (spec.format !== 'MRVA' && spec.format !== 'MRVB') return [];
  const doubts: MrzDoubt[] = [];
  for (const f of spec.fields.filter((x) => x.name === 'optional1')) {
    for (let index = f.start; index < f.end; index++) {
      const read = lines[f.line]?.[index] ?? '';
      if (read === 'O' || read === '0')
        doubts.push({
          field: 'personalNumber',
          line: f.line,
          index,
          read,
          couldBe: [read === 'O' ? '0' : 'O'],
          reason: 'lookalike',
        });
    }
  }
  return doubts;
}

/** Characters the engine read confidently that the check-digit search swapped (O/0): worth a look. */
function swappedSure(
  spec: FormatSpec,
  options: { corrections?: Correction[]; confidences?: number[][] },
): MrzDoubt[] {
  return (options.corrections ?? [])
    .filter(
      (c) =>
        c.reason === 'checkDigit' && (options.confidences?.[c.line]?.[c.index] ?? 1) >= MAX_CHANGE_CONFIDENCE,
    )
    .map((c) => {
      const field = spec.fields.find((f) => f.line === c.line && c.index >= f.start && c.index < f.end);
      const key: MrzFieldKey =
        field?.name === 'documentNumber' || !field ? 'documentNumber' : 'personalNumber';
      return {
        field: key,
        line: c.line,
        index: c.index,
        read: c.from,
        couldBe: [c.to],
        reason: 'swappedSure' as const,
      };
    });
}

/** Letters that OCR-B digits are misread as (and the digits they could be). */
const DIGIT_LOOKALIKES: Record<string, string> = {
  O: '0',
  D: '0',
  Q: '0',
  I: '1',
  L: '1',
  Z: '2',
  S: '5',
  G: '6',
  B: '8',
};

/**
 * A number field read as digits with two or more digit-shaped letters among them ("31S78O" for
 * "312780"): two misreads can satisfy the field's check digit and the composite together (it
 * happened on the hard benchmark), however sure the engine was. Worth a look; nothing is changed.
 */
function lettersAmongDigits(spec: FormatSpec, lines: string[]): MrzDoubt[] {
  const doubts: MrzDoubt[] = [];
  const numbers: Array<{ field: MrzFieldKey; spans: Span[] }> = [];
  for (const check of spec.checks) {
    if (check.name === 'documentNumber' || check.name === 'personalNumber')
      numbers.push({ field: check.name, spans: check.covers });
  }
  if (spec.format === 'TD1' || spec.format === 'TD2')
    numbers.push({
      field: 'personalNumber',
      spans: spec.fields.filter((f) => f.name === 'optional1' || f.name === 'optional2'),
    });
  for (const { field, spans } of numbers) {
    const characters = spans.flatMap((s) =>
      Array.from({ length: s.end - s.start }, (_, k) => ({
        line: s.line,
        index: s.start + k,
        read: lines[s.line]?.[s.start + k] ?? '<',
      })),
    );
    const letters = characters.filter((c) => /[A-Z]/.test(c.read));
    const digits = characters.filter((c) => /\d/.test(c.read));
    if (letters.length < 2 || digits.length < 2 || !letters.every((c) => DIGIT_LOOKALIKES[c.read])) continue;
    const first = letters[0]!;
    doubts.push({
      field,
      line: first.line,
      index: first.index,
      read: letters.map((c) => c.read).join(''),
      couldBe: [letters.map((c) => DIGIT_LOOKALIKES[c.read]).join('')],
      reason: 'lettersAmongDigits',
    });
  }
  return doubts;
}

/** Every reason to doubt a field of this reading although its check digit may hold. */
export function findAllDoubts(
  spec: FormatSpec,
  lines: string[],
  options: { corrections?: Correction[]; confidences?: number[][] },
): MrzDoubt[] {
  return [
    ...findDoubts(spec, lines, options.confidences),
    ...swappedSure(spec, options),
    ...uncheckedLookalikes(spec, lines),
    ...lettersAmongDigits(spec, lines),
  ];
}
