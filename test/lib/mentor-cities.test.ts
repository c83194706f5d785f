import { describe, expect, it } from 'vitest';
import { MENTORS_PER_AREA, mentorAreas } from '../../src/lib/mentor-cities.ts';
import { city, result, cities, latest, statistics } from '../fixtures/mentor-network.ts';

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
