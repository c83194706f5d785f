/**
 * The practices an Index result page offers beside each of the report's recommendations: at most
 * three on the recommendation's theme from other cities, first those of cities strong in it today.
 * The page shows them and its cache key holds them (src/pages/[lang]/index/[result].astro).
 */
import type { Catalogue, LocalizedPractice } from './catalogue.ts';
import { strongCities, type ResultEntry, type SampleStatistics } from './index-stats.ts';
import type { Lang } from './schemas/fields.ts';

export const RECOMMENDED_PRACTICES = 3;

/** For each recommendation of `result`, in order, the practices shown beside it. */
export function recommendedPractices(
  catalogue: Catalogue,
  lang: Lang,
  result: ResultEntry,
  latest: ReadonlyMap<string, ResultEntry>,
  sample: SampleStatistics,
): LocalizedPractice[][] {
  return result.data.recommendations.map(({ theme }) => {
    const strong = new Set(strongCities(theme, latest, sample).map((entry) => entry.cityId));
    const onTheme = catalogue.byTheme(lang, theme).filter((practice) => !practice.data.cities.includes(result.data.city));
    const fromStrong = onTheme.filter((practice) => practice.data.cities.some((id) => strong.has(id)));
    return [...fromStrong, ...onTheme.filter((practice) => !fromStrong.includes(practice))].slice(0, RECOMMENDED_PRACTICES);
  });
}
