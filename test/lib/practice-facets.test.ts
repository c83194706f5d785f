import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../src/lib/catalogue.ts';
import { PRACTICE_FACETS } from '../../src/lib/practice-facets.ts';
import { catalogueInput } from '../fixtures/catalogue.ts';

const catalogue = buildCatalogue(catalogueInput);

describe('PRACTICE_FACETS', () => {
  it('gives a list, in the Index order of themes, to every theme, city, country and target group that has practices, with its count', () => {
    expect(PRACTICE_FACETS.theme.values(catalogue)).toEqual([
      { value: 'education', total: 2 },
      { value: 'mediation', total: 4 },
      { value: 'language', total: 1 },
    ]);
    expect(PRACTICE_FACETS.city.values(catalogue).map((list) => list.value)).toEqual(['bilbao', 'getxo', 'lisbon', 'oslo']);
    expect(PRACTICE_FACETS.country.values(catalogue)).toContainEqual({ value: 'es', total: 2 });
    expect(PRACTICE_FACETS.for.values(catalogue)).toEqual([
      { value: 'newcomers', total: 1 },
      { value: 'youth', total: 4 },
    ]);
  });

  it('reads a country list from its lower-case URL segment and links it at that address', () => {
    const practices = PRACTICE_FACETS.country.practices(catalogue, 'en', 'es');
    expect(practices.map((practice) => practice.slug)).toEqual(['getxo-mediation', 'anti-rumour']);
    expect(PRACTICE_FACETS.country.base('fr', 'es')).toBe('/fr/practices/country/es/');
  });

  it('titles each list in the reader language and places it under its section', () => {
    expect(PRACTICE_FACETS.theme.title(catalogue, 'fr', 'mediation')).toContain('mediation (fr)');
    expect(PRACTICE_FACETS.city.trail(catalogue, 'en', 'oslo').at(-1)).toEqual({ href: '/en/cities/oslo/', label: 'oslo' });
    expect(PRACTICE_FACETS.theme.section).toBe('themes');
  });
});
