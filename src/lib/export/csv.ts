/**
 * RFC 4180 CSV: CRLF line ends, every field quoted when it holds a comma, quote or line break, quotes
 * doubled. A value starting with = + - @ (or tab / carriage return) is prefixed with an apostrophe so
 * spreadsheets show it instead of running it as a formula (OWASP "CSV injection").
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: string[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** UTF-8 with a byte-order mark, so spreadsheet programs keep names like MÜLLER intact. */
export const CSV_BOM = '\ufeff';
