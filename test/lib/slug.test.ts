import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN, slugify } from '../../src/lib/slug.ts';

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
