import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv, toCsv } from './csv.ts';

describe('csv', () => {
  it('quotes only what needs quoting, doubling quotes', () => {
    expect(csvCell('ERIKSSON')).toBe('ERIKSSON');
    expect(csvCell('ANNA, MARIA')).toBe('"ANNA, MARIA"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('P<UTO\nL898')).toBe('"P<UTO\nL898"');
  });

  it('neutralises formulas', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('keeps non-ASCII names intact and ends rows with CRLF', () => {
    expect(toCsv(['surname'], [['MÜLLER']])).toBe('surname\r\nMÜLLER\r\n');
  });

  it('reads back what it writes', () => {
    const rows = [['a', 'B, "c"', 'P<UTO\r\nL898', '', 'ÉLODIE']];
    expect(parseCsv(toCsv(['h1', 'h2', 'h3', 'h4', 'h5'], rows))).toEqual([
      ['h1', 'h2', 'h3', 'h4', 'h5'],
      ...rows,
    ]);
  });
});
