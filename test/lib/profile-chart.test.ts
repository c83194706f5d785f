import { describe, expect, it } from 'vitest';
import type { CityEntry, ResultEntry } from '../../src/lib/index-stats.ts';
import { profileChart, profileChartSvg, signedChange } from '../../src/lib/profile-chart.ts';

const result = (city: string, edition: number, overall: number, scores: Record<string, number>, sampleSize = 100): ResultEntry => ({
  id: `${city}-${edition}`,
  data: { city, edition, date: `${edition}-06-01`, version: edition < 2019 ? 'pre-2019' : '2019', sampleSize, overall, scores, summary: { en: 'x' }, recommendations: [] },
});
const city = (id: string, population: number, foreignBornShare?: number): CityEntry => ({
  id,
  data: {
    name: id, country: 'ES', lat: 0, lon: 0, population, ...(foreignBornShare === undefined ? {} : { foreignBornShare }),
    joined: 2010, international: true, networks: [], profile: { en: 'A city.', fr: 'Une ville.' },
  },
});
const themes = [
  { id: 'commitment', label: { en: 'Commitment', fr: 'Engagement' } },
  { id: 'anti-discrimination', label: { en: 'Anti-discrimination', fr: 'Lutte contre les discriminations' } },
];
const results = [
  result('bilbao', 2014, 56, { commitment: 70 }),
  result('bilbao', 2022, 65, { commitment: 80, 'anti-discrimination': 75 }, 136),
  result('getxo', 2019, 61, { commitment: 60, 'anti-discrimination': 55 }),
  result('oslo', 2025, 70, { commitment: 90, 'anti-discrimination': 65 }),
  result('berlin', 2012, 40, { commitment: 30 }),
];
const cities = [city('bilbao', 346_000, 12.8), city('getxo', 78_000, 10.5), city('oslo', 717_700, 27.5), city('berlin', 330_000, 30)];
const model = (lang: 'en' | 'fr' = 'en', which = results[1]!) =>
  profileChart({ lang, result: which, allResults: results, cities, themes, cityName: 'Bilbao' });

describe('profileChart', () => {
  it('names the one baseline and explains the report’s N and the other version in notes', () => {
    const chart = model();
    expect(chart.comparedWith).toBe('Compared with the 3 cities whose latest result is from the 2019 Index or later.');
    expect(chart.series[1]!.label).toBe('Average of the 3 cities whose latest result is from the 2019 Index or later');
    expect(chart.notes).toContain('Other counts you may meet: the analytical report of 2022 compared Bilbao with the 136 cities assessed by the programme at the time; this site holds results for 4 cities.');
    expect(chart.notes).toContain('The 1 cities whose results are all from the other Index version are left out of the averages, because its questions differ.');
  });

  it('gives each area its change since the previous edition, "new" where that edition did not score it, and notes the version change', () => {
    const chart = model();
    expect(chart.rows.map((row) => [row.id, row.change])).toEqual([['overall', 9], ['commitment', 10], ['anti-discrimination', null]]);
    expect(chart.tableHeadings.at(-1)).toBe('Change since 2014');
    expect(chart.cells(chart.rows[2]!).at(-1)).toBe('new');
    expect(chart.notes).toContain('The Index was revised in 2019, between the two editions: areas kept their names but some questions changed, so read these changes as indicative.');
  });

  it('has no change column for a city’s first edition', () => {
    const chart = profileChart({ lang: 'en', result: results[2]!, allResults: results, cities, themes, cityName: 'Getxo' });
    expect(chart.change).toBeUndefined();
    expect(chart.tableHeadings).toEqual(['Getxo', 'Comparison cities (N = 3)', 'Similar foreign-born share (N = 2)']);
    expect(chart.notes).toContain('Getxo is the only city in this group with results (N = 1), so no group average is shown: cities under 200,000 inhabitants.');
  });

  it('draws the model as a dot plot with the city’s score and change at the end of each row', () => {
    const svg = profileChartSvg('fr', model('fr'), { id: 'x' });
    expect(svg).toContain('data-shape="dot"');
    expect(svg).toContain('+10</tspan>');
    expect(svg).toContain('nouveau</tspan>');
  });
});

describe('signedChange', () => {
  it.each([
    ['en', 9, '+9'], ['en', -3, '−3'], ['en', 0, '±0'], ['en', null, 'new'], ['fr', null, 'nouveau'], ['fr', 1500, '+1\u202F500'],
  ] as const)('writes %s %s as %s', (lang, change, expected) => {
    expect(signedChange(lang, change)).toBe(expected);
  });
});
