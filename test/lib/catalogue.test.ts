import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../src/lib/catalogue.ts';
import { catalogueInput } from '../fixtures/catalogue.ts';

const catalogue = buildCatalogue(catalogueInput);
const slugs = (list: { slug: string }[]) => list.map((practice) => practice.slug);

describe('buildCatalogue', () => {
  it('lists practices newest first', () => {
    expect(slugs(catalogue.practices('en'))).toEqual(['getxo-mediation', 'anti-rumour', 'school-mediators', 'language-cafe', 'lisbon-mediation']);
  });

  it('shows the French text where it exists and the English text, marked by its language, elsewhere', () => {
    const french = catalogue.practices('fr');
    expect(french).toHaveLength(5);
    expect(catalogue.practice('fr', 'anti-rumour')).toMatchObject({ lang: 'fr', languages: ['en', 'fr'], data: { title: 'Anti-rumeurs' } });
    expect(catalogue.practice('fr', 'language-cafe')).toMatchObject({ lang: 'en', languages: ['en'], data: { title: 'Language café' } });
  });

  it('indexes practices by theme, city and country, derived from their cities', () => {
    expect(slugs(catalogue.byTheme('en', 'mediation'))).toEqual(['getxo-mediation', 'anti-rumour', 'school-mediators', 'lisbon-mediation']);
    expect(slugs(catalogue.byCity('en', 'bilbao'))).toEqual(['getxo-mediation', 'anti-rumour']);
    expect(slugs(catalogue.byCountry('en', 'ES'))).toEqual(['getxo-mediation', 'anti-rumour']);
    expect(catalogue.countriesOf({ cities: ['getxo', 'bilbao', 'oslo'] })).toEqual(['ES', 'NO']);
    expect(catalogue.counts.theme('language')).toBe(1);
    expect(catalogue.counts.targetGroup('youth')).toBe(4);
  });

  it('computes "adapted by" as the reverse of "adapted from"', () => {
    expect(slugs(catalogue.adaptedBy('en', 'anti-rumour'))).toEqual(['school-mediators', 'language-cafe']);
    expect(slugs(catalogue.adaptedFrom('en', 'school-mediators'))).toEqual(['anti-rumour']);
    expect(catalogue.adaptedBy('en', 'language-cafe')).toEqual([]);
  });

  it('relates practices that share themes but come from other cities, most shared themes first', () => {
    // getxo-mediation shares Bilbao, so it is never "related" to anti-rumour.
    expect(slugs(catalogue.related('en', 'anti-rumour'))).toEqual(['school-mediators', 'lisbon-mediation']);
    expect(slugs(catalogue.related('en', 'language-cafe'))).toEqual([]);
  });

  it('caps related practices', () => {
    expect(catalogue.related('en', 'anti-rumour', 1)).toHaveLength(1);
  });
});
