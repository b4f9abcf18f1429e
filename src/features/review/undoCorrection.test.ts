import { describe, expect, it } from 'vitest';
import type { Correction } from '../../lib/mrz/types.ts';
import { redoCorrections, undoCorrections } from './undoCorrection.ts';

const TD3 = [
  'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
  'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
].join('\n');

describe('undoCorrections', () => {
  it('puts the read character back and re-reads the field from the MRZ', () => {
    // The OCR read a G where the check-digit search put the C of L898902C3.
    const c: Correction = { line: 1, index: 7, from: 'G', to: 'C', reason: 'checkDigit' };
    const undone = undoCorrections(TD3, [c])!;
    expect(undone.mrz.split('\n')[1]).toBe('L898902G36UTO7408122F1204159ZE184226B<<<<<10');
    expect(undone.fields.documentNumber).toBe('L898902G3');
    expect(undone.fields.surname).toBe('ERIKSSON');
  });

  it('undoes a date coercion: the date no longer parses', () => {
    const c: Correction = { line: 1, index: 15, from: 'O', to: '0', reason: 'charClass' };
    const undone = undoCorrections(TD3, [c])!;
    expect(undone.mrz.split('\n')[1]!.slice(13, 19)).toBe('74O812');
    expect(undone.fields.dateOfBirth).toBe('');
  });

  it('leaves a character the user has changed since, and length repairs', () => {
    expect(
      undoCorrections(TD3, [{ line: 1, index: 7, from: 'G', to: 'X', reason: 'checkDigit' }]),
    ).toBeNull();
    expect(undoCorrections(TD3, [{ line: 0, index: 43, from: '', to: '<', reason: 'length' }])).toBeNull();
  });

  it('restores a character outside the MRZ alphabet in the text only', () => {
    const undone = undoCorrections(TD3, [{ line: 0, index: 30, from: '«', to: '<', reason: 'filler' }])!;
    expect(undone.mrz.split('\n')[0]![30]).toBe('«');
  });
});

describe('redoCorrections', () => {
  it('makes the corrections again after an undo, and nothing when they hold', () => {
    const c: Correction = { line: 1, index: 7, from: 'G', to: 'C', reason: 'checkDigit' };
    const undone = undoCorrections(TD3, [c])!;
    expect(redoCorrections(undone.mrz, [c])).toBe(TD3);
    expect(redoCorrections(TD3, [c])).toBeNull();
  });
});
