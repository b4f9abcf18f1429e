import { states } from 'mrz';
import { ALTERNATIVES } from './confusables.ts';
import type { FormatSpec } from './formats.ts';
import type { Correction } from './types.ts';

/**
 * Letters our OCR-B model was measured to confuse (benchmark misreads) that the check-digit search
 * does not try: there, U and K (values 30 and 20) would satisfy the same check, so adding them would
 * let a check digit pick the wrong one. A country code is checked against a list instead.
 */
const MODEL_CONFUSIONS: Readonly<Record<string, readonly string[]>> = {
  H: ['U', 'D'],
  U: ['H'],
  D: ['H'],
  V: ['W'],
  W: ['V'],
};

/** Whether a code (fillers stripped) is an ICAO country code, per the `mrz` package's table. */
export function isKnownCountry(code: string): boolean {
  return code in states;
}

/**
 * No check digit covers a country code, but the list of codes does (ICAO 9303-3 and the `mrz`
 * package's table). A code that is on no list, where exactly one look-alike letter makes it a
 * listed code ("HHN" for "HUN": OCR-B's U and H are a common misread), is changed to that code and
 * the change recorded for the form to show. A code with no, or several, listed look-alikes stays as
 * read (the form flags unknown codes).
 */
export function repairCountryCodes(
  spec: FormatSpec,
  lines: string[],
): { lines: string[]; corrections: Correction[] } {
  const out = [...lines];
  const corrections: Correction[] = [];
  for (const f of spec.fields.filter((x) => x.name === 'issuingCountry' || x.name === 'nationality')) {
    const text = (out[f.line] ?? '').slice(f.start, f.end);
    const code = text.replace(/<+$/, '');
    if (!/^[A-Z]{1,3}$/.test(code) || isKnownCountry(code)) continue;
    const found: Array<{ index: number; from: string; to: string }> = [];
    for (let i = 0; i < code.length; i++) {
      for (const to of [...(ALTERNATIVES[code[i]!] ?? []), ...(MODEL_CONFUSIONS[code[i]!] ?? [])]) {
        if (!/[A-Z]/.test(to)) continue;
        const candidate = code.slice(0, i) + to + code.slice(i + 1);
        if (isKnownCountry(candidate)) found.push({ index: f.start + i, from: code[i]!, to });
      }
    }
    if (found.length !== 1) continue;
    const { index, from, to } = found[0]!;
    const line = out[f.line]!;
    out[f.line] = line.slice(0, index) + to + line.slice(index + 1);
    corrections.push({ line: f.line, index, from, to, reason: 'countryCode' });
  }
  return { lines: out, corrections };
}
