import { describe, expect, it } from 'vitest';
import { sampleStatistics, type CityEntry, type ResultEntry } from '../../src/lib/index-stats.ts';
import { MENTORS_PER_AREA, mentorAreas } from '../../src/lib/mentor-cities.ts';

function result(city: string, scores: Record<string, number>): ResultEntry {
  return {
    id: `${city}-2022`,
    data: { city, edition: 2022, date: '2022-06-01', version: '2019', sampleSize: 100, overall: 50, scores, summary: { en: 'x' }, recommendations: [] },
  };
}
function city(id: string, extra: Partial<CityEntry['data']> = {}): CityEntry {
  return {
    id,
    data: { name: id, country: 'ES', lat: 0, lon: 0, population: 100_000, foreignBornShare: 10, joined: 2010, international: true, networks: [], profile: { en: 'A city.' }, ...extra },
  };
}

// "home" is weak in education (20); alpha to foxtrot are in the top quarter (95 or more), the rest are not.
const cities = [
  city('home', { networks: ['spain'], coordinator: { email: 'ic@home.example.org', languages: ['es', 'en'] } }),
  city('alpha', { openToMentoring: true, population: 900_000, foreignBornShare: 30 }),
  city('bravo', { openToMentoring: true, networks: ['spain'], population: 900_000, foreignBornShare: 30 }),
  city('charlie', { openToMentoring: true, coordinator: { email: 'ic@charlie.example.org', languages: ['es'] }, population: 900_000, foreignBornShare: 30 }),
  city('delta', { openToMentoring: true }),
  city('echo', { openToMentoring: false }),
  city('foxtrot'),
  city('golf', { openToMentoring: true }),
  city('hotel', { openToMentoring: true }),
  ...['w1', 'w2', 'w3', 'w4', 'w5', 'w6'].map((id) => city(id)),
];
const education: Record<string, number> = { home: 20, alpha: 96, bravo: 95, charlie: 95, delta: 95, echo: 95, foxtrot: 95 };
const latest = new Map(
  cities.map(({ id }) => [id, result(id, { education: education[id] ?? 40, commitment: id === 'home' ? 90 : 50 })]),
);
const statistics = sampleStatistics([...latest.values()]);

describe('mentorAreas', () => {
  const areas = mentorAreas('home', cities, latest, statistics);

  it('names one area per policy area where the city is below the mean, furthest below first', () => {
    expect(areas.map((area) => area.theme)).toEqual(['education']);
    expect(areas[0]).toMatchObject({ score: 20, strongFrom: 95 });
    expect(areas[0]!.strongFrom).toBe(statistics.themes.education!.q3);
  });

  it('names only cities strong in the area (top quarter) that are open to mentoring', () => {
    const named = areas.flatMap((area) => area.mentors.map((mentor) => mentor.cityId));
    expect(named).not.toContain('echo'); // strong, but not open
    expect(named).not.toContain('foxtrot'); // strong, flag left out
    expect(named).not.toContain('golf'); // open, but not strong
    for (const area of areas) for (const mentor of area.mentors) expect(mentor.score).toBeGreaterThanOrEqual(area.strongFrom);
  });

  it('prefers a shared language, then a shared national network, then a peer group, then the id; never the score', () => {
    const education = areas.find((area) => area.theme === 'education')!;
    // charlie shares Spanish; bravo the Spanish network; delta the size and diversity groups; alpha (95, the highest) nothing.
    expect(education.mentors.map((mentor) => mentor.cityId)).toEqual(['charlie', 'bravo', 'delta']);
    expect(education.mentors.length).toBeLessThanOrEqual(MENTORS_PER_AREA);
    expect(education.mentors[0]).toMatchObject({ sharedLanguages: ['es'], sharedNetworks: [], sameSize: undefined });
    expect(education.mentors[2]).toMatchObject({ sameSize: 'small', sameDiversity: 'low' });
  });

  it('says so when no strong city is open to mentoring in an area', () => {
    const closed = cities.map((entry) => ({ ...entry, data: { ...entry.data, openToMentoring: false } }));
    expect(mentorAreas('home', closed, latest, statistics)[0]!.mentors).toEqual([]);
  });

  it('gives no areas to a city without a result, and refuses an unknown city by name', () => {
    expect(mentorAreas('home', cities, new Map(), statistics)).toEqual([]);
    expect(() => mentorAreas('nowhere', cities, latest, statistics)).toThrow(
      'city "nowhere" is not among the 15 cities given — known cities are listed in src/content/cities/',
    );
  });
});
