import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { woffToSfnt } from '../../../src/lib/charts/woff-to-sfnt.ts';

const woff = readFileSync('node_modules/@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff');

describe('woffToSfnt', () => {
  it('rebuilds the TrueType font a WOFF wraps: same flavour, same tables, 4-byte aligned', () => {
    const sfnt = woffToSfnt(woff);
    expect(sfnt.readUInt32BE(0)).toBe(woff.readUInt32BE(4));
    expect(sfnt.readUInt16BE(4)).toBe(woff.readUInt16BE(12));
    // WOFF's header records the size of the font it wraps.
    expect(sfnt.length).toBe(woff.readUInt32BE(16));
  });

  it('refuses a file that is not WOFF 1.0, saying WOFF2 is not supported', () => {
    expect(() => woffToSfnt(readFileSync('node_modules/@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2'))).toThrow(
      'woffToSfnt: not a WOFF 1.0 font (the file does not start with "wOFF"); WOFF2 is not supported',
    );
  });
});
