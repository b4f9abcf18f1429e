import { describe, expect, it } from 'vitest';
import { missingTd1Line, td1Role } from './missingLine.ts';

// ICAO 9303 part 5's TD1 specimen.
const TD1 = [
  'I<UTOD231458907<<<<<<<<<<<<<<<',
  '7408122F1204159UTO<<<<<<<<<<<6',
  'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
];

describe('missingTd1Line', () => {
  it('tells the three TD1 lines apart', () => {
    expect(TD1.map(td1Role)).toEqual([1, 2, 3]);
  });

  it('places the line the search missed: below, between or above the two found', () => {
    expect(missingTd1Line([TD1[0]!, TD1[1]!])).toBe(2);
    expect(missingTd1Line([TD1[0]!, TD1[2]!])).toBe(1);
    expect(missingTd1Line([TD1[1]!, TD1[2]!])).toBe(0);
  });

  it('allows the misreads of a washed-out line (as read from hard photos)', () => {
    expect(missingTd1Line(['IDAUSTL91371739642781<<<<<<<<<', '9501142<1285AUS<<<<<<<<<<<0'])).toBe(2);
    expect(missingTd1Line(['IDKOR81U5TU6PF<249<<<<<<<<<<<<<U', 'FERNANDES<<JOHN<MARIEIIIIL<<T'])).toBe(1);
  });

  it('finds nothing missing in other layouts, lines out of order or noise', () => {
    // TD2 (2 × 36): its first line is a name, its second numbers.
    expect(
      missingTd1Line(['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6']),
    ).toBeNull();
    expect(missingTd1Line([TD1[1]!, TD1[0]!])).toBeNull();
    expect(missingTd1Line([TD1[2]!, TD1[2]!])).toBeNull();
    expect(missingTd1Line(TD1)).toBeNull();
    expect(missingTd1Line(['<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<', '<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<'])).toBeNull();
    expect(missingTd1Line(['0332323323337SHV5B211329LL0S6', '223323323L842V996<IL4CL611SHQOI'])).toBeNull();
  });
});
