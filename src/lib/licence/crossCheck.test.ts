import { describe, expect, it } from 'vitest';
import { crossCheck, sameLicence } from './crossCheck.ts';

const back = {
  documentNumber: 'D1234567',
  surname: 'SAMPLE',
  dateOfBirth: '1986-06-06',
  expiryDate: '2030-06-06',
  height: `5'-08"`,
};

describe('crossCheck', () => {
  it('reports agreement and disagreement per field both sides have', () => {
    const front = { ...back, expiryDate: '2030-08-06', eyes: 'BRO' };
    expect(crossCheck(front, back)).toEqual({
      documentNumber: { other: 'D1234567', agrees: true },
      surname: { other: 'SAMPLE', agrees: true },
      dateOfBirth: { other: '1986-06-06', agrees: true },
      expiryDate: { other: '2030-06-06', agrees: false },
      height: { other: `5'-08"`, agrees: true },
    });
  });

  it('knows the same licence by surname and birth date when a number was misread', () => {
    expect(sameLicence({ ...back, documentNumber: 'D1234S67' }, back)).toBe(true);
    expect(crossCheck({ ...back, documentNumber: 'D1234S67' }, back).documentNumber).toEqual({
      other: 'D1234567',
      agrees: false,
    });
  });

  it('compares nothing across different licences', () => {
    expect(crossCheck({ documentNumber: 'X9', surname: 'OTHER', dateOfBirth: '1990-01-01' }, back)).toEqual(
      {},
    );
  });
});
