import { describe, expect, it } from 'vitest';
import { sampleStatistics, type CityEntry, type ResultEntry } from '../../src/lib/index-stats.ts';
import { mentorAreas } from '../../src/lib/mentor-cities.ts';
import { mentorReason } from '../../src/lib/mentor-reason.ts';

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

describe('mentorReason', () => {
  it('says the score, where the top quarter starts and what the cities share, in the reader’s language', () => {
    const education = mentorAreas('home', cities, latest, statistics)[0]!;
    const [charlie, bravo, delta] = education.mentors;
    const network = (id: string) => (id === 'spain' ? 'RECI' : id);
    expect(mentorReason('en', charlie!, 94.6, network)).toBe(
      'scores 95 here (the top quarter starts at 95) and is open to mentoring; in common: a working language (Spanish)',
    );
    expect(mentorReason('en', bravo!, 95, network)).toBe('scores 95 here (the top quarter starts at 95) and is open to mentoring; in common: the national network RECI');
    expect(mentorReason('fr', delta!, 95, network)).toBe(
      'obtient 95 ici (le quart supérieur commence à 95) et est prête à accompagner\u202F; en commun\u00A0: le groupe de taille (moins de 200 000 habitants) et le groupe de diversité (moins de 15\u202F% nés à l\'étranger)',
    );
  });
});
