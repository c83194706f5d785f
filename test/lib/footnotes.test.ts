import { describe, expect, it } from 'vitest';
import { createFootnotes } from '../../src/lib/footnotes.ts';

describe('createFootnotes', () => {
  it('numbers addresses in order of first mention, reuses a number, and writes them out in full', () => {
    const notes = createFootnotes('https://example.org/');
    expect(notes.number('/en/practices/a/')).toBe(1);
    expect(notes.number('/en/themes/media/')).toBe(2);
    expect(notes.number('https://example.org/en/practices/a/')).toBe(1);
    expect(notes.list()).toEqual([
      { number: 1, url: 'https://example.org/en/practices/a/' },
      { number: 2, url: 'https://example.org/en/themes/media/' },
    ]);
  });
});
