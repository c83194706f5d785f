/**
 * The one baseline a city's Index result is compared with, and the reason it is that one.
 *
 * A result is compared with the cities whose most recent result was scored with the same Index
 * version: the 2019 revision changed the questions, so averaging a 2022 score with 2012 scores
 * would compare different things. The same rule serves the city profile, its Index summary, its
 * printable dossier and its embeddable chart, so a result is always set against the same N.
 * The analytical report's own N (cities assessed by the programme at the time) and the number
 * of cities with any result on this site are other counts: `BaselineCounts` carries them so a
 * page can explain them once, in a note, without presenting them as the comparison.
 */
import {
  latestResultByCity,
  sampleStatistics,
  type ResultEntry,
  type SampleStatistics,
} from './index-stats.ts';
import type { IndexVersion } from './schemas/theme.ts';

/** The comparison a result is drawn against. */
export interface Baseline {
  /** Index version of the compared result, shared by every result in the baseline. */
  version: IndexVersion;
  /** Each city's most recent result of that version, the compared city included. */
  latest: Map<string, ResultEntry>;
  /** Statistics of those results: `cityCount` is the N named on the chart. */
  statistics: SampleStatistics;
}

/** The other numbers of cities a reader meets, each with what it counts. */
export interface BaselineCounts {
  /** Cities in the baseline (the N on the chart). */
  baseline: number;
  /** Cities with any result on this site. */
  onSite: number;
  /** Cities with results on this site but none scored with the baseline's version. */
  otherVersionOnly: number;
  /** Cities the analytical report compared the city with (stored in the result file). */
  report: number;
}

/**
 * The baseline of `result`: every city's most recent result scored with the same Index version
 * as `result`. Versions only move forward in time, so for the 2019 version this is "the cities
 * whose latest result is from the 2019 Index or later".
 */
export function comparisonBaseline(
  result: ResultEntry,
  allResults: readonly ResultEntry[],
): Baseline {
  const sameVersion = allResults.filter((entry) => entry.data.version === result.data.version);
  const latest = latestResultByCity(sameVersion);
  if (!latest.has(result.data.city)) {
    throw new Error(
      `result "${result.id}" is not among the results given: pass every result the site holds`,
    );
  }
  return { version: result.data.version, latest, statistics: sampleStatistics([...latest.values()]) };
}

/** The counts a note explains beside the baseline. */
export function baselineCounts(
  result: ResultEntry,
  baseline: Baseline,
  allResults: readonly ResultEntry[],
): BaselineCounts {
  const onSite = new Set(allResults.map((entry) => entry.data.city)).size;
  return {
    baseline: baseline.statistics.cityCount,
    onSite,
    otherVersionOnly: onSite - baseline.statistics.cityCount,
    report: result.data.sampleSize,
  };
}
