/**
 * The practices an Index result page offers beside each of the report's recommendations: at most
 * three on the recommendation's theme from other cities, first those of cities strong in it today.
 * The page shows them and its cache key holds them (src/pages/[lang]/index/[result].astro).
 */
import type { Catalogue, LocalizedPractice } from './catalogue.ts';
import { strongCities, type ResultEntry, type SampleStatistics } from './index-stats.ts';
import { memo } from './memo.ts';
import type { Lang } from './schemas/fields.ts';

export const RECOMMENDED_PRACTICES = 3;

/**
 * The cities strong in each theme, by the latest results and their sample: every result page of
 * every language asks for them (about 7,000 times at 200 cities), and they are the same each time.
 */
const strongByLatest = new WeakMap<ReadonlyMap<string, ResultEntry>, WeakMap<SampleStatistics, Map<string, ReadonlySet<string>>>>();

function strongIn(theme: string, latest: ReadonlyMap<string, ResultEntry>, sample: SampleStatistics): ReadonlySet<string> {
  let bySample = strongByLatest.get(latest);
  if (!bySample) strongByLatest.set(latest, (bySample = new WeakMap()));
  let byTheme = bySample.get(sample);
  if (!byTheme) bySample.set(sample, (byTheme = new Map()));
  return memo(byTheme, theme, () => new Set(strongCities(theme, latest, sample).map((entry) => entry.cityId)));
}

/** For each recommendation of `result`, in order, the practices shown beside it. */
export function recommendedPractices(
  catalogue: Catalogue,
  lang: Lang,
  result: ResultEntry,
  latest: ReadonlyMap<string, ResultEntry>,
  sample: SampleStatistics,
): LocalizedPractice[][] {
  return result.data.recommendations.map(({ theme }) => {
    const strong = strongIn(theme, latest, sample);
    // The theme's practices from other cities in the catalogue's order, those of strong cities
    // first: the walk stops once it has enough of those (a theme holds thousands at scale).
    const fromStrong: LocalizedPractice[] = [];
    const others: LocalizedPractice[] = [];
    for (const practice of catalogue.byTheme(lang, theme)) {
      if (practice.data.cities.includes(result.data.city)) continue;
      if (practice.data.cities.some((id) => strong.has(id))) {
        fromStrong.push(practice);
        if (fromStrong.length === RECOMMENDED_PRACTICES) break;
      } else if (others.length < RECOMMENDED_PRACTICES) others.push(practice);
    }
    return [...fromStrong, ...others].slice(0, RECOMMENDED_PRACTICES);
  });
}
