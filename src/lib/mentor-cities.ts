/**
 * Mentor cities for a city profile: for each policy area where the city has room to grow (below
 * the baseline's mean: strengthsAndRoomToGrow), the member cities strong in that area (top
 * quarter of the sample: strongCities) that say they are open to mentoring, preferring those
 * that share a language with the city's coordination, then a national network, then an Index
 * peer group (size or share born abroad), each with what they share.
 *
 * Never a ranking: mentors are ordered by what they have in common with the city, then by id,
 * never by score, and at most MENTORS_PER_AREA are named per area.
 */
import {
  diversityBand,
  sizeBand,
  strengthsAndRoomToGrow,
  strongCities,
  type CityEntry,
  type DiversityBand,
  type ResultEntry,
  type SampleStatistics,
  type SizeBand,
} from './index-stats.ts';

/** How many mentors an area names at most (fewer than a list that could read as a table). */
export const MENTORS_PER_AREA = 3;

/** A city open to mentoring in one area, with what it shares with the city asking. */
export interface Mentor {
  cityId: string;
  /** Its latest score in the area (at or above the sample's third quartile). */
  score: number;
  /** Languages both coordinations answer in, in the mentor's order. */
  sharedLanguages: string[];
  /** National networks both belong to, sorted. */
  sharedNetworks: string[];
  /** The Index peer groups both are in. */
  sameSize: SizeBand | undefined;
  sameDiversity: DiversityBand | undefined;
}

/** One area where the city has room to grow, with its mentors (possibly none). */
export interface MentorArea {
  theme: string;
  score: number;
  mean: number;
  /** The sample's third quartile in the area: the line above which a city counts as strong. */
  strongFrom: number;
  mentors: Mentor[];
}

/** How much a mentor has in common with the city: language first, then network, then peer group. */
function affinity(mentor: Mentor): number[] {
  return [
    mentor.sharedLanguages.length > 0 ? 1 : 0,
    mentor.sharedNetworks.length > 0 ? 1 : 0,
    (mentor.sameSize ? 1 : 0) + (mentor.sameDiversity ? 1 : 0),
  ];
}

function byAffinity(a: Mentor, b: Mentor): number {
  const [x, y] = [affinity(a), affinity(b)];
  for (let index = 0; index < x.length; index++) if (x[index] !== y[index]) return y[index]! - x[index]!;
  return a.cityId < b.cityId ? -1 : a.cityId > b.cityId ? 1 : 0;
}

/**
 * The mentor cities of `cityId` in each of its `areaCount` areas furthest below the mean of
 * `statistics` (pass the comparison baseline's results and statistics, as the profile does).
 */
export function mentorAreas(
  cityId: string,
  cities: readonly CityEntry[],
  latest: ReadonlyMap<string, ResultEntry>,
  statistics: SampleStatistics,
  areaCount = 3,
): MentorArea[] {
  const own = cities.find((entry) => entry.id === cityId);
  if (!own) {
    throw new Error(`city "${cityId}" is not among the ${cities.length} cities given — known cities are listed in src/content/cities/`);
  }
  const result = latest.get(cityId);
  if (!result) return [];
  const byId = new Map(cities.map((entry) => [entry.id, entry.data]));
  const ownLanguages = own.data.coordinator?.languages ?? [];
  const ownSize = sizeBand(own.data);
  const ownDiversity = diversityBand(own.data);
  const { roomToGrow } = strengthsAndRoomToGrow(result, statistics, areaCount);
  return roomToGrow.map(({ theme, score, mean }) => {
    const mentors = strongCities(theme, latest, statistics)
      .filter((strong) => strong.cityId !== cityId && byId.get(strong.cityId)?.openToMentoring === true)
      .map((strong): Mentor => {
        const city = byId.get(strong.cityId)!;
        return {
          cityId: strong.cityId,
          score: strong.score,
          sharedLanguages: (city.coordinator?.languages ?? []).filter((code) => ownLanguages.includes(code)),
          sharedNetworks: city.networks.filter((network) => own.data.networks.includes(network)).sort(),
          sameSize: sizeBand(city) === ownSize ? ownSize : undefined,
          sameDiversity: ownDiversity !== undefined && diversityBand(city) === ownDiversity ? ownDiversity : undefined,
        };
      })
      .sort(byAffinity)
      .slice(0, MENTORS_PER_AREA);
    return { theme, score, mean, strongFrom: statistics.themes[theme]!.q3, mentors };
  });
}
