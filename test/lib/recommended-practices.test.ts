import { describe, expect, it } from 'vitest';
import { buildCatalogue, type CatalogueInput } from '../../src/lib/catalogue.ts';
import { latestResultByCity, sampleStatistics, strongCities, type ResultEntry } from '../../src/lib/index-stats.ts';
import { RECOMMENDED_PRACTICES, recommendedPractices } from '../../src/lib/recommended-practices.ts';
import { catalogueInput, practice } from '../fixtures/catalogue.ts';

const THEMES = ['mediation', 'education', 'language'];

function result(city: string, scores: Record<string, number>, recommendations: string[]): ResultEntry {
  return {
    id: `${city}-2022`,
    data: {
      city,
      edition: 2022,
      date: '2022-06-01',
      version: '2019',
      sampleSize: 100,
      overall: 50,
      scores,
      summary: { en: 'Illustrative result.' },
      recommendations: recommendations.map((theme) => ({ theme, en: `Work on ${theme}.` })),
    },
  };
}

/** A deterministic sequence in [0, 1), so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/** A catalogue of `count` practices on random themes, each run by one or two of `cities`. */
function randomCatalogue(next: () => number, cities: string[], count: number): CatalogueInput {
  const pick = <T,>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const practices = Array.from({ length: count }, (_, index) => {
    const run = [...new Set([pick(cities), ...(next() < 0.3 ? [pick(cities)] : [])])];
    const themes = [...new Set([pick(THEMES), ...(next() < 0.5 ? [pick(THEMES)] : [])])];
    return { id: `practice-${index}`, lang: 'en' as const, data: practice({ title: `Practice ${index}`, cities: run, themes, published: `2024-01-${String((index % 28) + 1).padStart(2, '0')}` }) };
  });
  return {
    ...catalogueInput,
    cities: cities.map((id) => ({ ...catalogueInput.cities[0]!, id, data: { ...catalogueInput.cities[0]!.data, name: id } })),
    practices,
  };
}

describe('recommendedPractices', () => {
  it('offers, for each recommendation, practices of other cities on its theme: those of cities strong in it first, at most three', () => {
    const catalogue = buildCatalogue(structuredClone(catalogueInput));
    // Lisbon is strong in mediation; Bilbao's result recommends mediation and language.
    const results = [
      result('bilbao', { mediation: 20, language: 30 }, ['mediation', 'language']),
      result('getxo', { mediation: 40, language: 40 }, []),
      result('oslo', { mediation: 50, language: 50 }, []),
      result('lisbon', { mediation: 90, language: 90 }, []),
    ];
    const latest = latestResultByCity(results);
    const sample = sampleStatistics([...latest.values()]);
    const [mediation, language] = recommendedPractices(catalogue, 'en', results[0]!, latest, sample);
    // Never Bilbao's own (anti-rumour, getxo-mediation); Lisbon's before Oslo's.
    expect(mediation!.map((entry) => entry.slug)).toEqual(['lisbon-mediation', 'school-mediators']);
    expect(language!.map((entry) => entry.slug)).toEqual(['language-cafe']);
  });

  it('gives what the plain rule gives (strong cities first, then the others, in the catalogue order) on random catalogues', () => {
    const cities = Array.from({ length: 12 }, (_, index) => `city-${index}`);
    for (let seed = 1; seed <= 40; seed++) {
      const next = random(seed);
      const catalogue = buildCatalogue(randomCatalogue(next, cities, 5 + Math.floor(next() * 60)));
      const results = cities.map((city) =>
        result(city, Object.fromEntries(THEMES.map((theme) => [theme, Math.round(next() * 100)])), THEMES.filter(() => next() < 0.6)),
      );
      const latest = latestResultByCity(results);
      const sample = sampleStatistics([...latest.values()]);
      for (const entry of results) {
        const expected = entry.data.recommendations.map(({ theme }) => {
          const strong = new Set(strongCities(theme, latest, sample).map((city) => city.cityId));
          const onTheme = catalogue.byTheme('en', theme).filter((item) => !item.data.cities.includes(entry.data.city));
          const fromStrong = onTheme.filter((item) => item.data.cities.some((id) => strong.has(id)));
          return [...fromStrong, ...onTheme.filter((item) => !fromStrong.includes(item))].slice(0, RECOMMENDED_PRACTICES).map((item) => item.slug);
        });
        const offered = recommendedPractices(catalogue, 'en', entry, latest, sample).map((list) => list.map((item) => item.slug));
        expect(offered, `seed ${seed}, ${entry.id}`).toEqual(expected);
      }
    }
  });
});
