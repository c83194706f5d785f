import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../src/lib/catalogue.ts';
import { catalogueInput, practice } from '../fixtures/catalogue.ts';
import { TARGET_GROUPS } from '../../src/lib/target-groups.ts';

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

  it('ranks related practices as the rule says, over a catalogue of hundreds', () => {
    // A deterministic pseudo-random catalogue: 400 practices, 1 to 3 of 6 themes, 1 to 4 target groups, 1 or 2 of 30 cities.
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const pick = <T,>(from: readonly T[], count: number) => [...new Set(Array.from({ length: count }, () => from[next(from.length)]!))];
    const themes = ['mediation', 'education', 'language', 'housing', 'health', 'culture'];
    const cities = Array.from({ length: 30 }, (_, index) => `city-${index}`);
    const input = {
      ...catalogueInput,
      themes: themes.map((id, order) => ({ ...catalogueInput.themes[0]!, id, data: { ...catalogueInput.themes[0]!.data, order } })),
      cities: cities.map((id) => ({ ...catalogueInput.cities[0]!, id })),
      practices: Array.from({ length: 400 }, (_, index) => ({
        id: `practice-${index}`,
        lang: 'en' as const,
        data: practice({
          title: `Practice ${index}`,
          cities: pick(cities, 1 + next(2)),
          themes: pick(themes, 1 + next(3)),
          targetGroups: pick(TARGET_GROUPS, 1 + next(4)),
          published: `20${10 + next(15)}-0${1 + next(9)}-1${next(9)}`,
        }),
      })),
    };
    const built = buildCatalogue(input);
    const newest = built.practices('en');
    const rank = new Map(newest.map((entry, position) => [entry.slug, position]));
    for (const entry of newest) {
      const { themes: own, targetGroups: groups, cities: places } = entry.data;
      const expected = newest
        .filter((other) => other.slug !== entry.slug && !other.data.cities.some((city) => places.includes(city)))
        .map((other) => ({
          slug: other.slug,
          score: 10 * other.data.themes.filter((theme) => own.includes(theme)).length + other.data.targetGroups.filter((group) => groups.includes(group)).length,
        }))
        .filter((other) => other.score >= 10)
        .sort((a, b) => b.score - a.score || rank.get(a.slug)! - rank.get(b.slug)!)
        .slice(0, 6)
        .map((other) => other.slug);
      expect(slugs(built.related('en', entry.slug))).toEqual(expected);
    }
  });

  it('caps related practices', () => {
    expect(catalogue.related('en', 'anti-rumour', 1)).toHaveLength(1);
  });
});
