/**
 * Aggregates over Intercultural Cities Index results: sample and peer-group statistics, a
 * city's strengths and room to grow, progress across editions, and the matching of a city's
 * learning needs with practices from cities strong in those areas.
 *
 * The Index is not a ranking. Nothing here orders cities by score: lists of cities are sorted
 * by id or by how similar they are to a given city, and every comparison is a city against the
 * sample or its peers. Nothing is rounded either: rounding is for display.
 */
import type { City } from './schemas/city.ts';
import type { IndexResult } from './schemas/index-result.ts';
import { INDEX_VERSIONS, type IndexVersion } from './schemas/theme.ts';

/** One Index result as read from the `index-results` collection. */
export interface ResultEntry {
  id: string;
  data: IndexResult;
}

/** One city as read from the `cities` collection. */
export interface CityEntry {
  id: string;
  data: City;
}

/** Summary statistics of a list of scores; quartiles use linear interpolation (R type 7). */
export interface Stats {
  /** Number of values. */
  n: number;
  mean: number;
  median: number;
  /** First quartile (25th percentile). */
  q1: number;
  /** Third quartile (75th percentile). */
  q3: number;
  min: number;
  max: number;
}

/** Statistics of a sample of results, with the editions and versions it covers. */
export interface SampleStatistics {
  /** Number of distinct cities in the sample: the N of "a comparison between N cities". */
  cityCount: number;
  /** Distinct edition years of the results in the sample, ascending. */
  editions: number[];
  /** Index versions of the results in the sample, in version order. */
  versions: IndexVersion[];
  /** Statistics of the overall Index; undefined for an empty sample. */
  overall: Stats | undefined;
  /** Statistics per theme id, counting only the results that score the theme. */
  themes: Record<string, Stats>;
}

/** Size band of a city: 200,000 inhabitants or more is large. */
export type SizeBand = 'large' | 'small';

/** Diversity band of a city: 15% or more residents born abroad is high. */
export type DiversityBand = 'high' | 'low';

/** A peer group: the cities of one band that have a result, and their statistics. */
export interface PeerGroup<Band extends string> {
  band: Band;
  /** Ids of the cities in the group, the city itself included, sorted by id. */
  cityIds: string[];
  statistics: SampleStatistics;
}

/** The two peer groups the Index reports use: by size and by share of foreign-born residents. */
export interface PeerGroups {
  size: PeerGroup<SizeBand>;
  /** Undefined when the city's foreign-born share is unknown. */
  diversity: PeerGroup<DiversityBand> | undefined;
}

/** A city's score in one theme set against the mean of a sample. */
export interface ThemeComparison {
  theme: string;
  score: number;
  mean: number;
  /** Score minus mean: positive above the sample, negative below. */
  difference: number;
}

/** The themes where a city is furthest above and furthest below a sample's mean. */
export interface StrengthsAndRoomToGrow {
  /** Themes above the mean, largest difference first. */
  strengths: ThemeComparison[];
  /** Themes below the mean, most negative difference first. */
  roomToGrow: ThemeComparison[];
}

/** A city whose score in a theme is in the top quarter of the sample. */
export interface StrongCity {
  cityId: string;
  score: number;
}

/** A city strong in a theme, with some of its practices on that theme. */
export interface LearningSource {
  cityId: string;
  score: number;
  practiceSlugs: string[];
}

/** One theme where a city has room to grow, with practices from cities strong in it. */
export interface LearningMatch {
  theme: string;
  score: number;
  mean: number;
  /** Cities strong in the theme that contribute practices, sorted by id; empty when none. */
  sources: LearningSource[];
}

/** Scores of one city in one series (overall or a theme), aligned with the editions. */
export interface ProgressSeries {
  /** Theme id, or 'overall'. */
  theme: string;
  /** Score per edition; null where the edition's Index version has no such theme. */
  values: (number | null)[];
  /** Last minus first known value; undefined with fewer than two known values. */
  change: number | undefined;
}

/** A city's results across editions, ready for a progress chart. */
export interface Progress {
  /** Edition years, ascending. */
  editions: number[];
  /** Index version of each edition, aligned with `editions`. */
  versions: IndexVersion[];
  overall: ProgressSeries;
  /** One series per theme scored in at least one edition, in theme order. */
  themes: ProgressSeries[];
}

/** A city similar to another in its latest Index profile. */
export interface NearestPeer {
  cityId: string;
  /** Root mean square score difference over the common themes, in points (0 = identical). */
  distance: number;
  /** Themes both cities' latest results score, sorted by id. */
  commonThemes: string[];
}

/** Composite themes left out of comparisons: their parts are compared one by one already. */
export const COMPOSITE_THEME_IDS: readonly string[] = ['intercultural-lens'];

// The peer-group thresholds live in index-bands.ts, which a browser island can import alone.
import { HIGH_DIVERSITY_SHARE, LARGE_CITY_POPULATION } from './index-bands.ts';
export { HIGH_DIVERSITY_SHARE, LARGE_CITY_POPULATION };

/**
 * The `fraction` quantile of ascending `sorted` values by linear interpolation between closest
 * ranks (numpy's default, R type 7): position (n - 1) × fraction, interpolated between the two
 * values around it.
 */
export function quantile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) throw new Error('quantile needs at least one value');
  const position = (sorted.length - 1) * fraction;
  const lowerIndex = Math.floor(position);
  const lower = sorted[lowerIndex]!;
  const upper = sorted[Math.min(lowerIndex + 1, sorted.length - 1)]!;
  return lower + (position - lowerIndex) * (upper - lower);
}

/** Count, mean, median, quartiles (R type 7), min and max of `values`; undefined when empty. */
export function summarize(values: readonly number[]): Stats | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    n: sorted.length,
    mean: sum / sorted.length,
    median: quantile(sorted, 0.5),
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  };
}

/** True when `a` is a more recent result than `b`: later edition, then later report date. */
function isMoreRecent(a: ResultEntry, b: ResultEntry): boolean {
  if (a.data.edition !== b.data.edition) return a.data.edition > b.data.edition;
  if (a.data.date !== b.data.date) return a.data.date > b.data.date;
  // Same edition and date should not happen; the id keeps the choice stable between builds.
  return a.id > b.id;
}

/** Each city's most recent result: highest edition, ties broken by the later report date. */
export function latestResultByCity(results: readonly ResultEntry[]): Map<string, ResultEntry> {
  const latest = new Map<string, ResultEntry>();
  for (const result of results) {
    const current = latest.get(result.data.city);
    if (!current || isMoreRecent(result, current)) latest.set(result.data.city, result);
  }
  return latest;
}

/** The city's size band: 'large' from 200,000 inhabitants, otherwise 'small'. */
export function sizeBand(city: Pick<City, 'population'>): SizeBand {
  return city.population >= LARGE_CITY_POPULATION ? 'large' : 'small';
}

/** The city's diversity band: 'high' from 15% foreign-born residents; undefined when unknown. */
export function diversityBand(city: Pick<City, 'foreignBornShare'>): DiversityBand | undefined {
  if (city.foreignBornShare === undefined) return undefined;
  return city.foreignBornShare >= HIGH_DIVERSITY_SHARE ? 'high' : 'low';
}

/** Pushes `value` onto the list stored under `key`. */
function addTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Statistics of the given results (callers pass each city's latest) for the overall Index and
 * per theme, with the editions and versions they cover.
 */
export function sampleStatistics(results: readonly ResultEntry[]): SampleStatistics {
  // A theme only collects the results that score it: a theme missing from an Index version is
  // not a zero, and counting it as one would drag the sample down.
  const scoresByTheme = new Map<string, number[]>();
  for (const result of results) {
    for (const [theme, score] of Object.entries(result.data.scores))
      addTo(scoresByTheme, theme, score);
  }
  const themes: Record<string, Stats> = {};
  for (const theme of [...scoresByTheme.keys()].sort(byId)) {
    themes[theme] = summarize(scoresByTheme.get(theme)!)!;
  }
  const versionsCovered = new Set(results.map((result) => result.data.version));
  return {
    cityCount: new Set(results.map((result) => result.data.city)).size,
    editions: [...new Set(results.map((result) => result.data.edition))].sort((a, b) => a - b),
    versions: INDEX_VERSIONS.filter((version) => versionsCovered.has(version)),
    overall: summarize(results.map((result) => result.data.overall)),
    themes,
  };
}

/** The city with id `cityId`, or an error saying where the known cities are listed. */
function findCity(cityId: string, cities: readonly CityEntry[]): CityEntry {
  const city = cities.find((entry) => entry.id === cityId);
  if (!city) {
    throw new Error(
      `city "${cityId}" is not among the ${cities.length} cities given — known cities are listed in src/content/cities/`,
    );
  }
  return city;
}

/** Builds the peer group of the cities with a latest result whose band is `band`. */
function peerGroup<Band extends string>(
  band: Band,
  bandOf: (city: City) => Band | undefined,
  cities: readonly CityEntry[],
  latest: ReadonlyMap<string, ResultEntry>,
): PeerGroup<Band> {
  const cityIds = cities
    .filter((city) => latest.has(city.id) && bandOf(city.data) === band)
    .map((city) => city.id)
    .sort(byId);
  return {
    band,
    cityIds,
    statistics: sampleStatistics(cityIds.map((id) => latest.get(id)!)),
  };
}

/**
 * The city's peer groups by size and by foreign-born share: the cities with a latest result in
 * the same band, the city itself included (so a group of one means the city is alone in it).
 */
export function peerGroups(
  cityId: string,
  cities: readonly CityEntry[],
  latest: ReadonlyMap<string, ResultEntry>,
): PeerGroups {
  const city = findCity(cityId, cities);
  const ownDiversityBand = diversityBand(city.data);
  return {
    size: peerGroup(sizeBand(city.data), sizeBand, cities, latest),
    // Cities whose share is unknown belong to no diversity group, and neither does this city.
    diversity:
      ownDiversityBand === undefined
        ? undefined
        : peerGroup(ownDiversityBand, diversityBand, cities, latest),
  };
}

/** The result's themes compared with the sample mean, composites and unsampled themes left out. */
function compareWithSample(result: ResultEntry, statistics: SampleStatistics): ThemeComparison[] {
  const comparisons: ThemeComparison[] = [];
  for (const [theme, score] of Object.entries(result.data.scores)) {
    if (COMPOSITE_THEME_IDS.includes(theme)) continue;
    const stats = statistics.themes[theme];
    if (!stats) continue;
    comparisons.push({ theme, score, mean: stats.mean, difference: score - stats.mean });
  }
  return comparisons;
}

/**
 * The `count` themes furthest above the sample mean (strengths) and furthest below it (room to
 * grow); a theme exactly at the mean is neither. Ties are broken by theme id.
 */
export function strengthsAndRoomToGrow(
  result: ResultEntry,
  statistics: SampleStatistics,
  count = 3,
): StrengthsAndRoomToGrow {
  const comparisons = compareWithSample(result, statistics);
  // Splitting on the sign keeps the labels honest: a city below the mean everywhere has no
  // "strength", and a theme can never be listed on both sides.
  const strengths = comparisons
    .filter((comparison) => comparison.difference > 0)
    .sort((a, b) => b.difference - a.difference || byId(a.theme, b.theme))
    .slice(0, count);
  const roomToGrow = comparisons
    .filter((comparison) => comparison.difference < 0)
    .sort((a, b) => a.difference - b.difference || byId(a.theme, b.theme))
    .slice(0, count);
  return { strengths, roomToGrow };
}

/**
 * Cities whose latest score in `themeId` is in the top quarter of the sample (at or above its
 * third quartile), sorted by city id: a list to learn from, never a ranking.
 */
export function strongCities(
  themeId: string,
  latest: ReadonlyMap<string, ResultEntry>,
  statistics: SampleStatistics,
): StrongCity[] {
  const stats = statistics.themes[themeId];
  if (!stats) return [];
  const strong: StrongCity[] = [];
  for (const [cityId, result] of latest) {
    const score = result.data.scores[themeId];
    if (score !== undefined && score >= stats.q3) strong.push({ cityId, score });
  }
  return strong.sort((a, b) => byId(a.cityId, b.cityId));
}

/** The dossier's learn-from matches: two practices per area keep its page two to its length (the profile lists up to four). */
export const DOSSIER_MATCHES = { weakestCount: 3, practicesPerTheme: 2 } as const;

/**
 * For the city's `weakestCount` themes furthest below the sample mean, practices on that theme
 * from other cities strong in it: at most `practicesPerTheme` per theme, taken one per city in
 * turn so that several cities are heard before any city gives a second practice.
 */
export function learningMatches(
  cityId: string,
  latest: ReadonlyMap<string, ResultEntry>,
  statistics: SampleStatistics,
  practiceSlugsByCityAndTheme: (cityId: string, themeId: string) => readonly string[],
  weakestCount = 3,
  practicesPerTheme = 4,
): LearningMatch[] {
  const result = latest.get(cityId);
  if (!result) return [];
  const { roomToGrow } = strengthsAndRoomToGrow(result, statistics, weakestCount);
  return roomToGrow.map(({ theme, score, mean }) => {
    const candidates = strongCities(theme, latest, statistics)
      .filter((strong) => strong.cityId !== cityId)
      .map((strong) => ({
        ...strong,
        available: practiceSlugsByCityAndTheme(strong.cityId, theme),
      }))
      .filter((candidate) => candidate.available.length > 0);
    const picked = new Map<string, string[]>(candidates.map((candidate) => [candidate.cityId, []]));
    // A practice run by several strong cities is offered once, under the first city that reaches it.
    const taken = new Set<string>();
    const longest = Math.max(0, ...candidates.map((candidate) => candidate.available.length));
    for (let round = 0; round < longest && taken.size < practicesPerTheme; round++) {
      for (const candidate of candidates) {
        if (taken.size >= practicesPerTheme) break;
        const slug = candidate.available[round];
        if (slug === undefined || taken.has(slug)) continue;
        taken.add(slug);
        picked.get(candidate.cityId)!.push(slug);
      }
    }
    const sources = candidates
      .map(({ cityId: sourceId, score: sourceScore }) => ({
        cityId: sourceId,
        score: sourceScore,
        practiceSlugs: picked.get(sourceId)!,
      }))
      .filter((source) => source.practiceSlugs.length > 0);
    return { theme, score, mean, sources };
  });
}

/** Last minus first known value, skipping gaps; undefined with fewer than two known values. */
function changeOf(values: readonly (number | null)[]): number | undefined {
  const known = values.filter((value): value is number => value !== null);
  if (known.length < 2) return undefined;
  return known[known.length - 1]! - known[0]!;
}

/**
 * One city's results across editions: per edition (ascending) the overall score and every theme
 * scored in any edition, with null where an edition's Index version has no such theme.
 * `themeOrder` lists theme ids in display order; themes missing from it follow, by id.
 */
export function progress(
  resultsOfOneCity: readonly ResultEntry[],
  themeOrder: readonly string[],
): Progress {
  const cityIds = [...new Set(resultsOfOneCity.map((result) => result.data.city))];
  if (cityIds.length > 1) {
    throw new Error(
      `progress needs the results of one city, got results of ${cityIds.sort(byId).join(', ')}`,
    );
  }
  // One point per edition; a re-issued report for the same edition replaces the older one.
  const latestByEdition = new Map<number, ResultEntry>();
  for (const result of resultsOfOneCity) {
    const current = latestByEdition.get(result.data.edition);
    if (!current || isMoreRecent(result, current)) latestByEdition.set(result.data.edition, result);
  }
  const results = [...latestByEdition.values()].sort((a, b) => a.data.edition - b.data.edition);

  const scored = new Set(results.flatMap((result) => Object.keys(result.data.scores)));
  const position = new Map(themeOrder.map((theme, index) => [theme, index]));
  const themeIds = [...scored].sort(
    (a, b) =>
      (position.get(a) ?? Number.POSITIVE_INFINITY) -
        (position.get(b) ?? Number.POSITIVE_INFINITY) || byId(a, b),
  );
  const series = (theme: string, values: (number | null)[]): ProgressSeries => ({
    theme,
    values,
    change: changeOf(values),
  });
  return {
    editions: results.map((result) => result.data.edition),
    versions: results.map((result) => result.data.version),
    overall: series(
      'overall',
      results.map((result) => result.data.overall),
    ),
    themes: themeIds.map((theme) =>
      series(
        theme,
        results.map((result) => result.data.scores[theme] ?? null),
      ),
    ),
  };
}

/** Root mean square difference over the themes both results score (composites left out). */
export function profileDistance(
  a: ResultEntry,
  b: ResultEntry,
): { distance: number; commonThemes: string[] } {
  const commonThemes = Object.keys(a.data.scores)
    .filter((theme) => !COMPOSITE_THEME_IDS.includes(theme) && b.data.scores[theme] !== undefined)
    .sort(byId);
  let sumOfSquares = 0;
  for (const theme of commonThemes) {
    const difference = a.data.scores[theme]! - b.data.scores[theme]!;
    sumOfSquares += difference * difference;
  }
  // Dividing by the number of common themes before the root keeps distances comparable between
  // pairs compared on 14 themes and pairs compared on 8, and keeps them in score points.
  const distance =
    commonThemes.length === 0 ? Number.NaN : Math.sqrt(sumOfSquares / commonThemes.length);
  return { distance, commonThemes };
}

/**
 * Up to `limit` other cities in the same size band and the same diversity band (size band only
 * when the city's foreign-born share is unknown) whose latest results are closest to the
 * city's, nearest first, ties by id.
 */
export function nearestPeers(
  cityId: string,
  cities: readonly CityEntry[],
  latest: ReadonlyMap<string, ResultEntry>,
  limit = 5,
): NearestPeer[] {
  const city = findCity(cityId, cities);
  const ownResult = latest.get(cityId);
  if (!ownResult) return [];
  const ownSize = sizeBand(city.data);
  const ownDiversity = diversityBand(city.data);
  const peers: NearestPeer[] = [];
  for (const candidate of cities) {
    if (candidate.id === cityId || sizeBand(candidate.data) !== ownSize) continue;
    if (ownDiversity !== undefined && diversityBand(candidate.data) !== ownDiversity) continue;
    const candidateResult = latest.get(candidate.id);
    if (!candidateResult) continue;
    const { distance, commonThemes } = profileDistance(ownResult, candidateResult);
    // Without a theme in common there is nothing to compare.
    if (commonThemes.length === 0) continue;
    peers.push({ cityId: candidate.id, distance, commonThemes });
  }
  return peers.sort((a, b) => a.distance - b.distance || byId(a.cityId, b.cityId)).slice(0, limit);
}
