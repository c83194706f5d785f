/**
 * Cache keys for Astro's incremental build (experimental.incrementalBuild): a page returned by
 * getStaticPaths() with a `cacheKey` is copied from the previous build, not rendered again, when
 * the key and the page's code are unchanged. Astro tracks the code; the key must change whenever
 * any data the page shows changes, so it is a digest of every content entry the page reads.
 * When a page starts showing something new, add it to its key here, or the page will go stale
 * on incremental builds (test/lib/page-key.test.ts and test/integrations/incremental-build.test.ts).
 *
 * Keys of the other pages, from the narrowest to the widest:
 * - pages that show no practice (calendars): the digest of all content but the practices,
 *   practiceFreeKey (sharedDataKey without the practices);
 * - a page of a list of practices: that key, the cards the page shows and the list's length
 *   (practiceListPageKey);
 * - pages that show some practices and what the practices' structure decides (counts, orders,
 *   learn-from matches: city profiles, dossiers, Index results, the catalogue, hubs, activities,
 *   methods; the resources' pages, which name none, with no practice shown): that key, the
 *   practices' structure (practiceStructureKey: every field but the text a card shows and the
 *   page-only ones) and the practices the page shows (keyShowingPractices);
 * - feeds: that key and the feed's own items (inputsKey);
 * - the others (organisations, "cities like mine", the content pages) share sharedDataKey(): the
 *   digest of all content but the parts of a practice only its own page shows (its long texts,
 *   contact and links).
 * So renaming a practice or rewriting its purpose renders again its own page, the lists, profiles
 * and feeds that show it and the pages with the shared key; editing its long texts renders its
 * page and the few that link to it.
 */
import { createHash } from 'node:crypto';
import type { PresentingActivity } from './activities.ts';
import type { Catalogue, LocalizedPractice } from './catalogue.ts';
import type { Lang } from './schemas/fields.ts';
import type { SimilarPractice } from './similar-practices.ts';

const digests = new WeakMap<object, string>();

const hash = (text: string) => createHash('sha1').update(text).digest('base64url');

/** The digest of one content entry's data (computed once per object). */
function digestOf(data: object): string {
  let digest = digests.get(data);
  if (digest === undefined) {
    digest = hash(JSON.stringify(data));
    digests.set(data, digest);
  }
  return digest;
}

/** A page's cache key: the digest of everything it is rendered from. */
function pageKey(inputs: unknown): string {
  return hash(JSON.stringify(inputs));
}

/** A page's key from a wider key and what else the page is rendered from. */
export function inputsKey(base: string, inputs: unknown): string {
  return pageKey([base, inputs]);
}

/** Practices as shown in lists and cards: their text and their cities (names, countries). */
function practicesShown(catalogue: Catalogue, practices: readonly LocalizedPractice[]) {
  const cityIds = [...new Set(practices.flatMap((practice) => practice.data.cities))].sort();
  return {
    practices: practices.map((practice) => [practice.slug, practice.lang, practice.languages, digestOf(practice.data)]),
    cities: cityIds.map((id) => [id, digestOf(catalogue.cityById.get(id) ?? {})]),
  };
}

export interface PracticePageInput {
  practice: LocalizedPractice;
  adaptedFrom: readonly LocalizedPractice[];
  adaptedBy: readonly LocalizedPractice[];
  related: readonly LocalizedPractice[];
  /** The methods the practice applies, shown by name and linked. */
  methods?: readonly { id: string; lang: Lang; data: { name: string } }[];
  /** When the page last changed (content dates and the file's last commit), and its history link. */
  lastChange?: { date: string; historyUrl?: string };
  /** The activities that presented or visited it, with their dates for this build (demonstration dates move) and whether each is still to come. */
  activities?: readonly PresentingActivity[];
  /** Practices whose texts resemble this one's, with the reasons shown (src/lib/similar-practices.ts). */
  similar?: readonly SimilarPractice[];
}

/**
 * What a practice page is rendered from: the practice, the practices it links to, their cities,
 * the theme labels, the names of its methods, when it last changed, and whether pages carry social cards.
 */
export function practicePageKey(catalogue: Catalogue, lang: Lang, page: PracticePageInput, settings: { cards: boolean }): string {
  return pageKey({
    lang,
    settings,
    themes: catalogue.themes.map((theme) => [theme.id, digestOf(theme.data)]),
    main: practicesShown(catalogue, [page.practice]),
    adaptedFrom: practicesShown(catalogue, page.adaptedFrom),
    adaptedBy: practicesShown(catalogue, page.adaptedBy),
    related: practicesShown(catalogue, page.related),
    methods: (page.methods ?? []).map((method) => [method.id, method.lang, method.data.name]),
    lastChange: page.lastChange ?? null,
    // Partner organisations are shown by name (the city's coordinator is in `main`'s city digests).
    organisations: (page.practice.data.partners ?? []).map((id) => [id, digestOf(catalogue.organisationById.get(id) ?? {})]),
    activities: (page.activities ?? []).map((activity) => [
      activity.id,
      activity.upcoming,
      digestOf(activity.data),
      (activity.data.hosts ?? []).map((id) => digestOf(catalogue.cityById.get(id) ?? {})),
    ]),
    // Each similar practice's title and cities are shown, with the reasons (scores change when any text does).
    similar: (page.similar ?? []).map((entry) => [entry.slug, entry.similarApproach, entry.sharedGroups]),
    similarShown: practicesShown(catalogue, (page.similar ?? []).map((entry) => catalogue.practice(lang, entry.slug)!).filter(Boolean)),
  });
}

/**
 * Fields of a practice shown only on its own page (src/pages/[lang]/practices/[slug].astro) and
 * in the open-data files, which are not cached. A page that starts showing one of them elsewhere
 * must not use sharedDataKey(), or give it its own key.
 */
export const PRACTICE_PAGE_ONLY_FIELDS = ['stimulus', 'process', 'results', 'transferability', 'contact', 'links'] as const;

/**
 * What the pages with the shared key show of the git history: the last commit of each content
 * file but a practice's. A practice file's last change is shown on the practice's own page only,
 * whose key has it (practicePageKey `lastChange`); were it in the shared key, every commit that
 * edits a practice, which is how an editor publishes, would render every list, hub and city page
 * again. `practicesFolder` is where the practices are (src/content/practices/).
 */
export function historyOfSharedPages(files: ReadonlyMap<string, { commit: string }>, practicesFolder: string): [string, string][] {
  const folder = practicesFolder.endsWith('/') ? practicesFolder : `${practicesFolder}/`;
  return [...files]
    .filter(([file]) => !file.startsWith(folder))
    .map(([file, { commit }]): [string, string] => [file, commit])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Fields of a practice that cards and link lists show as text and that no list, count, order or
 * match reads: left out of practiceStructureKey, so that rewriting them renders again only the
 * pages that show the practice.
 */
export const PRACTICE_CARD_TEXT_FIELDS = ['title', 'purpose'] as const;

const pageOnly = new Set<string>(PRACTICE_PAGE_ONLY_FIELDS);
const notStructure = new Set<string>([...PRACTICE_PAGE_ONLY_FIELDS, ...PRACTICE_CARD_TEXT_FIELDS]);
const withoutFields = (data: object, fields: ReadonlySet<string>) => Object.fromEntries(Object.entries(data).filter(([field]) => !fields.has(field)));
const cardDigests = new WeakMap<object, string>();

/** What a card or a link shows of a practice: everything but its page-only fields, and the language of its text. */
function cardOf(practice: LocalizedPractice): [string, Lang, Lang[], string] {
  let digest = cardDigests.get(practice.data);
  if (digest === undefined) {
    digest = hash(JSON.stringify(withoutFields(practice.data, pageOnly)));
    cardDigests.set(practice.data, digest);
  }
  return [practice.slug, practice.lang, practice.languages, digest];
}

/**
 * The digest of the practices' structure: which practices exist in which language, and every
 * field of each but the text a card shows and what only its own page shows. Counts, orders
 * (newest first), facets and learn-from matches depend on nothing else of the practices.
 */
export function practiceStructureKey(practices: readonly { id: string; lang: Lang; data: object }[]): string {
  const digest = createHash('sha1');
  const sorted = [...practices].sort((a, b) => (a.lang < b.lang ? -1 : a.lang > b.lang ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const practice of sorted) digest.update(JSON.stringify([practice.lang, practice.id, withoutFields(practice.data, notStructure)])).update('\n');
  return digest.digest('base64url');
}

/** The keys a page showing practices is keyed from (src/data/site.ts computes them once a build). */
export interface PracticeKeys {
  /** The digest of all content but the practices, with the build's settings (sharedDataKey). */
  practiceFree: string;
  /** practiceStructureKey of every practice. */
  structure: string;
}

/**
 * The key of one page of a paginated list of practices: the content other than the practices,
 * the cards of the page (their text, cities, themes, period and language) and the list's length.
 * A list shows nothing else of the practices, so editing one renders again only the pages that show it.
 */
export function practiceListPageKey(keys: PracticeKeys, lang: Lang, shown: readonly LocalizedPractice[], list: { total: number; pages: number }): string {
  return pageKey({ base: keys.practiceFree, lang, total: list.total, pages: list.pages, shown: shown.map(cardOf) });
}

/**
 * The key of a page that shows the practices `shown` (as cards or links) and what the practices'
 * structure decides: counts, facets, orders, matches. `inputs` is anything else it shows.
 * `shown` must hold every practice whose title or purpose the page shows.
 */
export function keyShowingPractices(keys: PracticeKeys, lang: Lang, shown: readonly LocalizedPractice[], inputs: unknown = null): string {
  return pageKey({ base: keys.practiceFree, structure: keys.structure, lang, shown: shown.map(cardOf), inputs });
}

interface KeyedEntry {
  id: string;
  data: unknown;
  body?: string;
}

/**
 * The key of every page that may show anything of any collection except a practice's page-only
 * fields: the digest of all entries of `collections` (by collection name), the practices' page-only
 * fields left out. `settings` are the other build inputs that change pages: social cards on or off, and
 * (src/data/site.ts) where the activities fall on the build day and when each content file last changed.
 */
export function sharedDataKey(collections: Readonly<Record<string, readonly KeyedEntry[]>>, settings: { cards: boolean; [input: string]: unknown }): string {
  const shown = (name: string, data: unknown) => (name === 'practices' && typeof data === 'object' && data !== null ? withoutFields(data, pageOnly) : data);
  const hash = createHash('sha1').update(JSON.stringify(settings));
  for (const name of Object.keys(collections).sort()) {
    hash.update(`\n${name}\n`);
    const entries = [...collections[name]!].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const entry of entries) hash.update(JSON.stringify([entry.id, shown(name, entry.data), entry.body ?? null])).update('\n');
  }
  return hash.digest('base64url');
}
