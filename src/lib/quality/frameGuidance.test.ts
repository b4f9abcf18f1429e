import { describe, expect, it } from 'vitest';
import { frameHint, guideFor, SteadyGate, type FrameMeasures } from './frameGuidance.ts';

const good: FrameMeasures = {
  found: true,
  fill: 0.8,
  inView: true,
  sharpness: 400,
  glare: 0,
  brightness: 150,
  motion: 1,
};

describe('frameHint', () => {
  it('is ready when the card is found, big, whole, lit, glare-free, sharp and still', () => {
    expect(frameHint(good)).toBe('ready');
  });

  it('names the most fundamental problem first', () => {
    expect(frameHint({ ...good, found: false })).toBe('no-document');
    expect(frameHint({ ...good, found: false, brightness: 20 })).toBe('too-dark');
    expect(frameHint({ ...good, inView: false, fill: 0.2 })).toBe('not-in-view');
    expect(frameHint({ ...good, fill: 0.3, glare: 0.2 })).toBe('move-closer');
    expect(frameHint({ ...good, brightness: 30, glare: 0.2 })).toBe('too-dark');
    expect(frameHint({ ...good, glare: 0.1, sharpness: 5 })).toBe('glare');
    expect(frameHint({ ...good, sharpness: 10 })).toBe('hold-still');
    expect(frameHint({ ...good, motion: 20 })).toBe('hold-still');
  });
});

describe('SteadyGate', () => {
  it('fires once after a full window of ready frames', () => {
    const gate = new SteadyGate(400);
    expect(gate.push('ready', 0)).toBe(false);
    expect(gate.push('ready', 200)).toBe(false);
    expect(gate.push('ready', 400)).toBe(true);
    expect(gate.push('ready', 600)).toBe(false);
  });

  it('restarts the window on any other hint', () => {
    const gate = new SteadyGate(400);
    gate.push('ready', 0);
    gate.push('hold-still', 300);
    expect(gate.push('ready', 400)).toBe(false);
    expect(gate.push('ready', 700)).toBe(false);
    expect(gate.push('ready', 800)).toBe(true);
  });

  it('opens again after reset, with a new window', () => {
    const gate = new SteadyGate(400);
    gate.push('ready', 0);
    expect(gate.push('ready', 500)).toBe(true);
    gate.reset();
    expect(gate.push('ready', 600)).toBe(false);
    expect(gate.push('ready', 1000)).toBe(true);
  });
});

describe('guideFor', () => {
  it('centres an ID-1 shaped guide that fits a landscape or a portrait frame', () => {
    for (const [w, h] of [
      [1280, 720],
      [720, 1280],
      [640, 480],
    ] as const) {
      const g = guideFor(w, h);
      expect((g.width * w) / (g.height * h)).toBeCloseTo(85.6 / 54, 5);
      expect(g.x).toBeGreaterThan(0);
      expect(g.y).toBeGreaterThan(0);
      expect(g.x * 2 + g.width).toBeCloseTo(1, 5);
      expect(g.y * 2 + g.height).toBeCloseTo(1, 5);
    }
  });
});
