import { describe, expect, it } from 'vitest';
import { combineLines } from './combineLines.ts';

const line = (text: string) => ({ text, confidences: [...text].map(() => 0.95) });
const TODAY = '2026-11-22';

describe('combineLines', () => {
  it('takes each line from the reading that read it', () => {
    // ICAO 9303's TD1 specimen, read twice under glare: each reading spoils a different line.
    const readings = [
      ['I<UTOD23I458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'],
      [
        'I<UTOD231458907<<<<<<<<<<<<<<<<',
        'B<7408122F1204169UTO<<<<<<<<<<<6',
        'ERIKSSON<<ANNA<MAR1A<<<<<<<<<',
      ],
    ].map((r) => r.map(line));
    const reading = combineLines(readings, 'TD1', TODAY)!;
    expect(reading.valid).toBe(true);
    expect(reading.lines).toEqual([
      'I<UTOD231458907<<<<<<<<<<<<<<<',
      '7408122F1204159UTO<<<<<<<<<<<6',
      'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
    ]);
  });

  it('takes nothing that fails a check, and needs two readings', () => {
    const one = [
      ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'],
    ];
    expect(
      combineLines(
        one.map((r) => r.map(line)),
        'TD1',
        TODAY,
      ),
    ).toBeNull();
    const broken = [
      ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408123F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'],
      ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408123F1204158UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'],
    ];
    expect(
      combineLines(
        broken.map((r) => r.map(line)),
        'TD1',
        TODAY,
      ),
    ).toBeNull();
  });
});
