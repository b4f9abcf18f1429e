import { describe, expect, it } from 'vitest';
import { qualityHints } from './qualityHints.ts';

const good = {
  sharpness: 2600,
  frameSharpness: 900,
  brightness: 180,
  glare: 0.01,
  mrzGlare: 0,
  textHeight: 30,
};

describe('qualityHints', () => {
  it('says nothing about a good image', () => {
    expect(qualityHints(good, 1)).toEqual([]);
  });

  it('names each measured problem', () => {
    expect(qualityHints({ ...good, sharpness: 30 }, 1)).toEqual(['blurry']);
    expect(qualityHints({ ...good, brightness: 40 }, 1)).toEqual(['dark']);
    expect(qualityHints({ ...good, glare: 0.2 }, 1)).toEqual(['glare']);
    // A spot over the MRZ is named as such, even when the document as a whole is mostly fine.
    expect(qualityHints({ ...good, mrzGlare: 0.06 }, 1)).toEqual(['mrz-glare']);
    expect(qualityHints({ ...good, glare: 0.2, mrzGlare: 0.06 }, 1)).toEqual(['mrz-glare']);
  });

  it('judges text size in the original photo, not the scaled-down working image', () => {
    // 10 px in a working image scaled to half: 20 px in the photo, big enough.
    expect(qualityHints({ ...good, textHeight: 10 }, 0.5)).toEqual([]);
    expect(qualityHints({ ...good, textHeight: 10 }, 1)).toEqual(['small-text']);
  });

  it('judges blur over the whole document when no MRZ text was found', () => {
    expect(qualityHints({ ...good, sharpness: 0, textHeight: 0 }, 1)).toEqual([]);
    expect(qualityHints({ ...good, sharpness: 0, frameSharpness: 3, textHeight: 0 }, 1)).toEqual(['blurry']);
  });
});
