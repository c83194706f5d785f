/**
 * The bridge between Astro's content collections and the pure code in src/lib: loads every
 * collection once per build and builds the indexes that all pages share.
 */
import { nearestHelper } from '../lib/nearest-lists.ts';
import { SOURCE_LANGUAGE } from '../lib/languages.ts';
import { getCollection } from 'astro:content';
import { buildCatalogue, type Catalogue } from '../lib/catalogue.ts';
import { COLLECTION_NAMES, COLLECTIONS } from '../lib/content/collections.ts';
import { buildMethodLibrary, type MethodLibrary } from '../lib/method-library.ts';
import { historyOfSharedPages, practiceStructureKey, sharedDataKey, type PracticeKeys } from '../lib/page-key.ts';
import { isUpcoming, registrationOpen, scheduleActivities } from '../lib/activities.ts';
import { buildNow } from './activities.ts';
import { contentHistory } from './page-history.ts';
import { cardsEnabled } from './cards.ts';
import type { Lang } from '../lib/schemas/fields.ts';
import type { Method } from '../lib/schemas/method.ts';
import type { Practice } from '../lib/schemas/practice.ts';
import type { Activity } from '../lib/schemas/activity.ts';
import { comparisonBaseline } from '../lib/index-baseline.ts';
import { memo } from '../lib/memo.ts';
import {
  learningMatches,
  latestResultByCity,
  type LearningMatch,
  sampleStatistics,
  type ResultEntry,
  type SampleStatistics,
} from '../lib/index-stats.ts';

export interface Site {
  catalogue: Catalogue;
  /** Methods and resources, linked to the practices of the catalogue. */
  library: MethodLibrary;
  indexResults: ResultEntry[];
  /** Each city's most recent Index result: the sample the site compares against. */
  latest: Map<string, ResultEntry>;
  /** Statistics of the sample (each city's latest result). */
  sample: SampleStatistics;
  /** All results of a city, oldest edition first. */
  resultsOfCity(cityId: string): ResultEntry[];
  /** Slugs of a city's practices on a theme (for learning matches). */
  practiceSlugsByCityAndTheme(cityId: string, themeId: string): readonly string[];
  /**
   * The cacheKey of the pages that have no narrower one (src/lib/page-key.ts: organisations, "cities
   * like mine", the content pages): every collection of the registry, without the fields
   * only a practice's own page shows.
   */
  sharedKey: string;
  /**
   * What the keys of pages showing some practices are made of (src/lib/page-key.ts): the key of all
   * content but the practices, and the practices' structure.
   */
  practiceKeys: PracticeKeys;
  /**
   * The key of all content but the practices and the build's day: the key of what lists the
   * activities and news of the day (calendars; feeds with their entries), which change when a day
   * comes even if no content does.
   */
  practiceFreeDailyKey: string;
  /**
   * The learn-from matches of a city's profile and dossier (src/lib/index-stats.ts learningMatches)
   * against the baseline of its latest result; none without a result.
   */
  matchesOf(cityId: string, weakestCount?: number, practicesPerTheme?: number): readonly LearningMatch[];
}

let site: Promise<Site> | undefined;

async function load(): Promise<Site> {
  const [themes, networks, cities, practiceEntries, indexResults, methodEntries, resources, organisations] = await Promise.all([
    getCollection('themes'),
    getCollection('networks'),
    getCollection('cities'),
    getCollection('practices'),
    getCollection('index-results'),
    getCollection('methods'),
    getCollection('resources'),
    getCollection('organisations'),
  ]);
  const practices = practiceEntries
    // Translation stubs written by the CMS hold no title: skipped, the English text is shown.
    .filter((entry): entry is typeof entry & { data: Practice } => 'title' in entry.data)
    .map((entry) => {
      const [lang, slug] = entry.id.split('/') as [Lang, string];
      return { id: slug, lang, data: entry.data };
    });
  const catalogue = buildCatalogue({ themes, networks, cities, practices, organisations });
  const methods = methodEntries
    // Translation stubs hold no name: skipped, the English text is shown.
    .filter((entry): entry is typeof entry & { data: Method } => 'name' in entry.data)
    .map((entry) => {
      const [lang, id] = entry.id.split('/') as [Lang, string];
      return { id, lang, data: entry.data };
    });
  const library = buildMethodLibrary({ methods, resources: resources.map(({ id, data }) => ({ id, data })), catalogue });
  const results = indexResults
    .map(({ id, data }) => ({ id, data }))
    .sort((a, b) => a.data.edition - b.data.edition || a.data.city.localeCompare(b.data.city));
  const latest = latestResultByCity(results);
  // Every registered collection, so a collection added to the registry is in the key without a change here.
  const everything = Object.fromEntries(await Promise.all(COLLECTION_NAMES.map(async (name) => [name, await getCollection(name)] as const)));
  // What the build day and the git history change on these pages is in the key too: where the
  // activities fall (demonstration dates move with the build day, "coming" becomes "past", registration closes) and when
  // each content file last changed (the pages' "last changed" line).
  const now = buildNow();
  const schedule = scheduleActivities(everything.activities as { id: string; data: Activity }[], now).map((activity) => [activity.id, activity.startsAt.getTime(), isUpcoming(activity, now), registrationOpen(activity, now)]);
  // Of the git history, what those pages show: a practice file's last change is on its own page only.
  const history = historyOfSharedPages(contentHistory().files, `src/content/${COLLECTIONS.practices.folder}/`);
  const settings = { cards: cardsEnabled, schedule, history };
  const sharedKey = sharedDataKey(everything, settings);
  const practiceFree = Object.fromEntries(Object.entries(everything).filter(([name]) => name !== 'practices'));
  const practiceKeys = { practiceFree: sharedDataKey(practiceFree, settings), structure: practiceStructureKey(practices) };
  const day = now.toISOString().slice(0, 10);
  // Both are asked for by every language's pages of a city (its profile, its dossier, their keys)
  // and give the same answer each time: computed once per build, not once per language and page.
  const slugsByCityAndTheme = new Map<string, string[]>();
  const practiceSlugsByCityAndTheme = (cityId: string, themeId: string) =>
    memo(slugsByCityAndTheme, `${cityId} ${themeId}`, () =>
      catalogue
        .byCity(SOURCE_LANGUAGE, cityId)
        .filter((practice) => practice.data.themes.includes(themeId))
        .map((practice) => practice.slug),
    );
  const matches = new Map<string, readonly LearningMatch[]>();
  const byCity = new Map<string, ResultEntry[]>();
  for (const result of results) byCity.set(result.data.city, [...(byCity.get(result.data.city) ?? []), result]);
  return {
    catalogue,
    library,
    indexResults: results,
    latest,
    sample: sampleStatistics([...latest.values()]),
    sharedKey,
    practiceKeys,
    practiceFreeDailyKey: `${practiceKeys.practiceFree}.${day}`,
    matchesOf: (cityId, weakestCount, practicesPerTheme) =>
      memo(matches, `${cityId} ${weakestCount} ${practicesPerTheme}`, () => {
        const current = latest.get(cityId);
        if (!current) return [];
        const { latest: baselineLatest, statistics } = comparisonBaseline(current, results);
        return learningMatches(cityId, baselineLatest, statistics, practiceSlugsByCityAndTheme, weakestCount, practicesPerTheme);
      }),
    resultsOfCity: (cityId) => byCity.get(cityId) ?? [],
    practiceSlugsByCityAndTheme,
  };
}

/** Everything the pages need, computed once per build. */
export function getSite(): Promise<Site> {
  if (!site) {
    site = load();
    // A build finds the similar practices on the other cores (src/data/similarity.ts): they start
    // as soon as the first route's paths have the site, not when the practice pages ask for them.
    // A failure is reported there, where the practice pages wait for them.
    if (nearestHelper()) void site.then(() => import('./similarity.ts')).then(({ getSimilarity }) => getSimilarity()).catch(() => undefined);
  }
  return site;
}
