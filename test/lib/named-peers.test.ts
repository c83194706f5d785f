import { describe, expect, it } from 'vitest';
import type { CityEntry, ResultEntry } from '../../src/lib/index-stats.ts';
import { namedPeers, profileDistance } from '../../src/lib/named-peers.ts';

function result(city: string, scores: Record<string, number>): ResultEntry {
  return {
    id: `${city}-2022`,
    data: { city, edition: 2022, date: '2022-06-01', version: '2019', sampleSize: 100, overall: 50, scores, summary: { en: 'x' }, recommendations: [] },
  };
}
function city(id: string, population: number, foreignBornShare?: number): CityEntry {
  return {
    id,
    data: {
      name: id, country: 'ES', lat: 0, lon: 0, population,
      ...(foreignBornShare === undefined ? {} : { foreignBornShare }),
      joined: 2010, international: true, networks: [], profile: { en: 'A city.', fr: 'Une ville.' },
    },
  };
}

const scores = (value: number) => ({ commitment: value, education: value, 'intercultural-lens': 0 });
const cities = [
  city('bilbao', 346_000, 12.8),
  city('megacity', 9_210_000, 1),
  city('bergen', 291_900, 14.5),
  city('sabadell', 217_000, 17),
  city('far-share', 330_000, 33),
  city('unknown-share', 332_000),
  city('no-result', 340_000, 12),
];
const latest = new Map(
  [result('bilbao', scores(60)), result('megacity', scores(60)), result('bergen', scores(66)), result('sabadell', scores(58)),
    result('far-share', scores(60)), result('unknown-share', scores(60))].map((entry) => [entry.data.city, entry]),
);

describe('namedPeers', () => {
  it('never names a city of 9.2 million as the peer of one of 346,000, even with an identical profile', () => {
    expect(namedPeers('bilbao', cities, latest, 10).map((peer) => peer.cityId)).not.toContain('megacity');
  });

  it('never names a city more than 15 points apart in foreign-born share', () => {
    expect(namedPeers('bilbao', cities, latest, 10).map((peer) => peer.cityId)).not.toContain('far-share');
  });

  it('orders peers by combined closeness of population, foreign-born share and profile, with the figures behind it', () => {
    const peers = namedPeers('bilbao', cities, latest, 10);
    expect(peers.map((peer) => peer.cityId)).toEqual(['bergen', 'unknown-share', 'sabadell']);
    const bergen = peers.find((peer) => peer.cityId === 'bergen')!;
    expect(bergen.population).toBe(291_900);
    expect(bergen.foreignBornShare).toBe(14.5);
    expect(bergen.profileDistance).toBe(6);
    expect(bergen.commonThemes).toEqual(['commitment', 'education']);
    expect(bergen.closeness).toBeCloseTo(Math.hypot(Math.log2(346_000 / 291_900), 1.7 / 5, 0.6));
  });

  it('charges an unknown foreign-born share as five points apart rather than ignoring it', () => {
    const unknown = namedPeers('bilbao', cities, latest, 10).find((peer) => peer.cityId === 'unknown-share')!;
    expect(unknown.foreignBornShare).toBeUndefined();
    expect(unknown.closeness).toBeCloseTo(Math.hypot(Math.log2(346_000 / 332_000), 1, 0));
  });

  it('keeps to the limit and names nobody for a city without a result', () => {
    expect(namedPeers('bilbao', cities, latest, 1)).toHaveLength(1);
    expect(namedPeers('no-result', cities, latest)).toEqual([]);
  });

  it('names nobody when no city is close enough in size', () => {
    expect(namedPeers('megacity', cities, latest)).toEqual([]);
  });

  it('refuses an unknown city with the folder where cities are listed', () => {
    expect(() => namedPeers('bilbaoo', cities, latest)).toThrow(
      'city "bilbaoo" is not among the 7 cities given — known cities are listed in src/content/cities/',
    );
  });
});

describe('profileDistance', () => {
  it('is the root mean square difference over common areas, composites left out', () => {
    expect(profileDistance(result('a', { commitment: 50, education: 70, 'intercultural-lens': 0 }), result('b', { commitment: 53, education: 66, 'intercultural-lens': 100, language: 10 }))).toEqual({
      distance: Math.sqrt((9 + 16) / 2),
      commonThemes: ['commitment', 'education'],
    });
  });
});
