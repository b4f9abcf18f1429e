/**
 * The Indonesian NIK (Nomor Induk Kependudukan): 16 digits — province (2), regency (2), district (2),
 * birth date DDMMYY with 40 added to the day for women, and a 4-digit serial. Checked against the
 * date of birth and sex printed on the same card: a disagreement is reported, never resolved.
 */
import { isRealDate } from '../dates/isoDate.ts';

/** Province codes in use (Dukcapil), incl. the 2022 Papua provinces. */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65, 71, 72, 73,
  74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96, 97,
]);

export type NikProblem =
  /** Not 16 digits. */
  | 'length'
  /** The first two digits are no province's code. */
  | 'province'
  /** Digits 7-12 are no date (with or without the 40 added for women). */
  | 'birth-date'
  /** The encoded birth date differs from the printed one. */
  | 'date-mismatch'
  /** The day's +40 says one sex, the card prints the other. */
  | 'sex-mismatch';

export interface NikFacts {
  province: string;
  /** DD-MM-YY as encoded, the day without the 40. */
  day: number;
  month: number;
  year2: number;
  sex: 'M' | 'F';
}

/** What the NIK encodes, or null when digits 7-12 are no date. */
export function nikFacts(nik: string): NikFacts | null {
  if (!/^\d{16}$/.test(nik)) return null;
  const rawDay = Number(nik.slice(6, 8));
  const sex = rawDay > 40 ? 'F' : 'M';
  const day = sex === 'F' ? rawDay - 40 : rawDay;
  const month = Number(nik.slice(8, 10));
  const year2 = Number(nik.slice(10, 12));
  // Any century will do for the calendar test except for 29 February: 2000 is a leap year.
  if (!isRealDate(2000 + year2, month, day)) return null;
  return { province: nik.slice(0, 2), day, month, year2, sex };
}

/** Everything wrong with a NIK, on its own and against the printed date of birth (ISO) and sex. */
export function checkNik(nik: string, printed: { dateOfBirth: string; sex: string }): NikProblem[] {
  if (!/^\d{16}$/.test(nik)) return ['length'];
  const problems: NikProblem[] = [];
  if (!PROVINCES.has(Number(nik.slice(0, 2)))) problems.push('province');
  const facts = nikFacts(nik);
  if (!facts) return [...problems, 'birth-date'];
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(printed.dateOfBirth);
  if (match) {
    const [, y, m, d] = match;
    if (Number(d) !== facts.day || Number(m) !== facts.month || Number(y) % 100 !== facts.year2)
      problems.push('date-mismatch');
  }
  if ((printed.sex === 'M' || printed.sex === 'F') && printed.sex !== facts.sex)
    problems.push('sex-mismatch');
  return problems;
}
