import { implausibleCodes, type MrzReading } from './readMrz.ts';

/**
 * How the engine chooses between readings of the same MRZ (its first reading and its second
 * chances) and decides whether any is worth showing.
 */

/** The MRZ's check digits that exist, and how many of them hold. */
export function checkCounts(reading: MrzReading | null): { valid: number; total: number } {
  const checks = Object.values(reading?.checks ?? {}).filter((s) => s !== 'absent');
  return { valid: checks.filter((s) => s === 'valid').length, total: checks.length };
}

/** Share of the MRZ's check digits that hold. */
export const validShare = (reading: MrzReading): number => {
  const { valid, total } = checkCounts(reading);
  return valid / Math.max(1, total);
};

const coercions = (reading: MrzReading): number =>
  reading.corrections.filter((c) => c.reason === 'charClass').length;

/**
 * More valid check digits first; every character that had to be forced into its field's class
 * counts against a reading (an upside-down read of "OOOOOO" becomes "000000", whose check digit holds).
 */
export function score(reading: MrzReading | null): number {
  if (!reading) return -Infinity;
  const valid = Object.values(reading.checks).filter((s) => s !== 'invalid').length;
  return valid * 2 - reading.problems.length - coercions(reading) * 0.5 - implausibleCodes(reading);
}

/** Share of MRZ characters that may be forced into their class before a reading counts as noise. */
const MAX_COERCED_SHARE = 0.1;
/**
 * Share of an MRZ's characters that are letters or digits, at least: a real one has about half
 * (a name and fillers) to four fifths (numbers); lines of nothing but fillers (a barcode's rows,
 * read as "<<<") have no check digit to fail and would otherwise pass.
 */
const MIN_INKED_SHARE = 0.25;

/** A reading worth showing: mostly read as it stands, not assembled from coerced noise or fillers. */
export function plausible(reading: MrzReading): boolean {
  const text = reading.lines.join('');
  const inked = text.replace(/</g, '').length;
  return coercions(reading) <= text.length * MAX_COERCED_SHARE && inked >= text.length * MIN_INKED_SHARE;
}

/**
 * No character added and no check digit searched for: every character is one the model read (a
 * reading that may hold background, as a wide cut's does, is taken only so: see readDocument).
 */
export const standsAsRead = (reading: MrzReading): boolean =>
  !reading.corrections.some((c) => c.reason === 'checkDigit' || (c.reason === 'length' && c.to.length > 0));
