import { describe, expect, it } from 'vitest';
import { sniffImage } from './sniffImage.ts';

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const u32be = (n: number): number[] => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];

describe('sniffImage', () => {
  it('reads a PNG header and its size', () => {
    const png = bytes([0x89], 'PNG\r\n', [0x1a, 0x0a], u32be(13), 'IHDR', u32be(4000), u32be(3000));
    expect(sniffImage(png)).toEqual({ kind: 'png', width: 4000, height: 3000 });
  });

  it('reads a JPEG frame size past other segments', () => {
    const app0 = [0xff, 0xe0, 0x00, 0x04, 0x00, 0x00];
    const sof0 = [0xff, 0xc0, 0x00, 0x11, 0x08, 0x0b, 0xb8, 0x0f, 0xa0, 0x03];
    expect(sniffImage(new Uint8Array([0xff, 0xd8, ...app0, ...sof0, 0, 0, 0, 0]))).toEqual({
      kind: 'jpeg',
      width: 4000,
      height: 3000,
    });
  });

  it('knows the formats we refuse, whatever the file is called', () => {
    expect(sniffImage(bytes('%PDF-1.7\n')).kind).toBe('pdf');
    expect(sniffImage(bytes([0, 0, 0, 24], 'ftypheic', [0, 0, 0, 0])).kind).toBe('heic');
    expect(sniffImage(bytes('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">')).kind).toBe(
      'svg',
    );
    expect(sniffImage(bytes('hello, this is text')).kind).toBe('unknown');
    expect(sniffImage(new Uint8Array()).kind).toBe('unknown');
  });

  it('reads GIF and BMP sizes', () => {
    expect(sniffImage(bytes('GIF89a', [0x40, 0x01, 0xf0, 0x00]))).toEqual({
      kind: 'gif',
      width: 320,
      height: 240,
    });
    const bmp = bytes('BM', new Array(16).fill(0), [0x40, 0x01, 0, 0], [0xf0, 0, 0, 0]);
    expect(sniffImage(bmp)).toEqual({ kind: 'bmp', width: 320, height: 240 });
  });
});
