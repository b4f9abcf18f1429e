/** ISO YYYY-MM-DD helpers. All dates are calendar dates: no time zone is involved. */

export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for a well-formed ISO date that exists in the calendar (no 2023-02-30). */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return !!match && isRealDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function todayIso(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * An MRZ YYMMDD as an ISO date. Birth dates are never in the future, so a year after this one
 * belongs to the last century; expiry dates lie at most a few decades ahead. Returns '' for a date
 * that does not exist or is not six digits.
 */
export function mrzDateToIso(yymmdd: string, kind: 'birth' | 'expiry', today: string = todayIso()): string {
  if (!/^\d{6}$/.test(yymmdd)) return '';
  const yy = Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  const thisYear = Number(today.slice(0, 4));
  const century = Math.floor(thisYear / 100) * 100;
  let year = century + yy;
  if (kind === 'birth' && year > thisYear) year -= 100;
  if (kind === 'expiry' && year > thisYear + 50) year -= 100;
  if (!isRealDate(year, month, day)) return '';
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The YYMMDD an ISO date is written as in an MRZ. */
export function isoToMrzDate(iso: string): string {
  return isIsoDate(iso) ? iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10) : '';
}
