import { checkDigitHolds } from './checkDigit.ts';
import { longDocumentNumber, readSpan, type CheckName, type FormatSpec } from './formats.ts';
import type { CheckStatus } from './types.ts';

/** Whether each check digit of the format holds on these lines. */
export function evaluateChecks(spec: FormatSpec, lines: readonly string[]): Record<CheckName, CheckStatus> {
  const result: Partial<Record<CheckName, CheckStatus>> = {};
  const long = longDocumentNumber(spec, lines);
  for (const check of spec.checks) {
    let covered = check.covers.map((s) => readSpan(lines, s)).join('');
    let digit = lines[check.digit.line]?.[check.digit.index] ?? '';
    if (check.name === 'documentNumber' && long) {
      covered += readSpan(lines, long.rest);
      digit = lines[long.digit.line]?.[long.digit.index] ?? '';
    }
    if (check.name === 'personalNumber' && /^<*$/.test(covered) && (digit === '<' || digit === '0')) {
      result[check.name] = 'absent';
      continue;
    }
    result[check.name] = checkDigitHolds(covered, digit) ? 'valid' : 'invalid';
  }
  return result as Record<CheckName, CheckStatus>;
}

export function countValid(checks: Partial<Record<CheckName, CheckStatus>>): number {
  return Object.values(checks).filter((s) => s !== 'invalid').length;
}
