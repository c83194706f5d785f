import { describe, expect, it } from 'vitest';
import { EMBED_PADDING, EMBED_WIDTH, embedChartPng, embedChartSvg } from '../../src/lib/embed-chart.ts';
import type { CityEntry, ResultEntry } from '../../src/lib/index-stats.ts';
import { profileChart } from '../../src/lib/profile-chart.ts';

const result = (city: string, edition: number, overall: number): ResultEntry => ({
  id: `${city}-${edition}`,
  data: { city, edition, date: `${edition}-06-01`, version: edition < 2019 ? 'pre-2019' : '2019', sampleSize: 136, overall, scores: { commitment: overall }, summary: { en: 'x' }, recommendations: [] },
});
const city = (id: string, population: number): CityEntry => ({
  id,
  data: { name: id, country: 'ES', lat: 0, lon: 0, population, foreignBornShare: 12, joined: 2010, international: true, networks: [], profile: { en: 'A city.', fr: 'Une ville.' } },
});
const results = [result('bilbao', 2014, 56), result('bilbao', 2022, 65), result('getxo', 2019, 60), result('oslo', 2012, 40)];
const model = profileChart({
  lang: 'en',
  result: results[1]!,
  allResults: results,
  cities: [city('bilbao', 346_000), city('getxo', 78_000), city('oslo', 700_000)],
  themes: [{ id: 'commitment', label: { en: 'Commitment', fr: 'Engagement' } }],
  cityName: 'Bilbao',
});
const svg = embedChartSvg({ lang: 'en', model, cityId: 'bilbao', cityName: 'Bilbao', edition: 2022, sourceUrl: 'https://example.org/en/cities/bilbao/', demoNotice: 'Illustrative scores.' });

describe('embedChartSvg', () => {
  it('carries the city, edition, named baseline, not-a-ranking caption, demo notice and source on its own', () => {
    for (const part of [
      'Bilbao · Intercultural Cities Index 2022 (2019 revised Index)',
      'Compared with the 2 cities whose latest result is from the 2019 Index or later.',
      'Not a ranking: the Index shows where a city stands',
      'Illustrative scores.',
      'https://example.org/en/cities/bilbao/',
      'The Index was revised in 2019, between the two editions',
    ]) expect(svg.replaceAll('&#39;', "'")).toContain(part);
  });

  it('is a standalone file: a size, a white background and a real font family instead of the page’s', () => {
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" id="embed-bilbao" viewBox="-24 -24 948 \d+" width="948" height="\d+"/);
    expect(svg).toContain('font-family="Noto Sans, Arial, sans-serif"');
    expect(svg).not.toContain('font-family="inherit"');
    expect(svg).toContain('fill="#ffffff"/>');
  });
});

describe('embedChartPng', () => {
  it('draws the chart at the SVG’s own size with the bundled fonts', () => {
    const png = embedChartPng(svg);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(EMBED_WIDTH + 2 * EMBED_PADDING);
  });
});
