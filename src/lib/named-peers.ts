/**
 * The cities a profile names as peers, chosen by closeness and each with the reasons it is one.
 *
 * The Index's peer groups (200,000 inhabitants, 15% born abroad) are broad bands that serve the
 * averages; as named peers they would put a city of 346,000 beside one of 9.2 million. Named
 * peers are chosen instead by how close they are on three measures, each turned into "steps":
 * population (one step = a factor of two), share of residents born abroad (one step = 5
 * percentage points) and the distance of the overall Index profile (one step = 10 points of
 * root-mean-square difference over the policy areas both cities score). The peers are the
 * cities with the fewest combined steps, and a city more than four times larger or smaller, or
 * more than 15 points apart in foreign-born share, is never called a peer.
 * Never a ranking by score: the order is by closeness to the city, not by how well anyone does.
 */
import { profileDistance, type CityEntry, type ResultEntry } from './index-stats.ts';

/** Population ratio counted as one step of distance. */
export const POPULATION_STEP_RATIO = 2;
/** Percentage points of foreign-born share counted as one step. */
export const FOREIGN_BORN_STEP = 5;
/** Points of profile distance counted as one step. */
export const PROFILE_STEP = 10;
/** A city more than this many times larger or smaller is never a named peer. */
export const MAX_POPULATION_RATIO = 4;
/** Cities more than this many points apart in foreign-born share are never named peers. */
export const MAX_FOREIGN_BORN_GAP = 15;
/** Steps charged when either city's foreign-born share is unknown: as if 5 points apart. */
const UNKNOWN_SHARE_STEPS = 1;

/** A named peer with the three figures that explain the choice. */
export interface NamedPeer {
  cityId: string;
  population: number;
  /** Undefined when the peer's share is not recorded. */
  foreignBornShare: number | undefined;
  /** How many times larger (> 1) or smaller (< 1) the peer is than the city. */
  populationRatio: number;
  /** Root mean square difference of the latest scores over the common policy areas, in points. */
  profileDistance: number;
  /** Policy areas both results score (composites left out), sorted by id. */
  commonThemes: string[];
  /** Combined steps of population, foreign-born share and profile (lower is closer). */
  closeness: number;
}

// The profile distance is the one the Index pages use (index-stats.ts), so both lists agree.
export { profileDistance };

/**
 * Up to `limit` cities closest to `cityId` by population, foreign-born share and profile, among
 * the cities of `latest` (pass the baseline's results so profiles are scored on the same Index
 * version). Closest first; ties by id.
 */
export function namedPeers(
  cityId: string,
  cities: readonly CityEntry[],
  latest: ReadonlyMap<string, ResultEntry>,
  limit = 4,
): NamedPeer[] {
  const city = cities.find((entry) => entry.id === cityId);
  if (!city) {
    throw new Error(
      `city "${cityId}" is not among the ${cities.length} cities given — known cities are listed in src/content/cities/`,
    );
  }
  const own = latest.get(cityId);
  if (!own) return [];
  const peers: NamedPeer[] = [];
  for (const candidate of cities) {
    const result = latest.get(candidate.id);
    if (candidate.id === cityId || !result) continue;
    const populationRatio = candidate.data.population / city.data.population;
    if (Math.max(populationRatio, 1 / populationRatio) > MAX_POPULATION_RATIO) continue;
    const ownShare = city.data.foreignBornShare;
    const share = candidate.data.foreignBornShare;
    const shareKnown = ownShare !== undefined && share !== undefined;
    if (shareKnown && Math.abs(share - ownShare) > MAX_FOREIGN_BORN_GAP) continue;
    const { distance, commonThemes } = profileDistance(own, result);
    if (commonThemes.length === 0) continue;
    const populationSteps = Math.abs(Math.log(populationRatio) / Math.log(POPULATION_STEP_RATIO));
    const shareSteps = shareKnown ? Math.abs(share - ownShare) / FOREIGN_BORN_STEP : UNKNOWN_SHARE_STEPS;
    const profileSteps = distance / PROFILE_STEP;
    peers.push({
      cityId: candidate.id,
      population: candidate.data.population,
      foreignBornShare: share,
      populationRatio,
      profileDistance: distance,
      commonThemes,
      closeness: Math.hypot(populationSteps, shareSteps, profileSteps),
    });
  }
  return peers
    .sort((a, b) => a.closeness - b.closeness || (a.cityId < b.cityId ? -1 : 1))
    .slice(0, limit);
}
