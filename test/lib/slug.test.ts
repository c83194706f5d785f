import { describe, expect, it } from 'vitest';
import { isWindowsReservedName, MAX_ID_LENGTH, SLUG_PATTERN, slugify } from '../../src/lib/slug.ts';

describe('slugify', () => {
  it.each([
    ["Médiation à l'école", 'mediation-a-l-ecole'],
    ['Łódź Welcome Centre', 'lodz-welcome-centre'],
    ['  Anti-rumour  strategy!! ', 'anti-rumour-strategy'],
    ['Straße & Café', 'strasse-cafe'],
    ['Reykjavík 2024', 'reykjavik-2024'],
  ])('folds %s into a URL-safe slug', (text, slug) => {
    expect(slugify(text)).toBe(slug);
    expect(SLUG_PATTERN.test(slug)).toBe(true);
  });
});

describe('file names that work on every system', () => {
  it.each(['con', 'PRN', 'aux', 'nul', 'com1', 'COM9', 'lpt1', 'lpt9', 'nul.md', 'con.tar.gz', 'aux .yaml'])('knows %s is a Windows device name', (name) => {
    expect(isWindowsReservedName(name)).toBe(true);
  });

  it.each(['console', 'con-festival', 'nullify', 'com10', 'lpt', 'auxiliary.md', 'a-con'])('lets %s be a file name', (name) => {
    expect(isWindowsReservedName(name)).toBe(false);
  });

  it('keeps ids short enough for Windows paths', () => {
    expect(MAX_ID_LENGTH).toBe(80);
  });
});
