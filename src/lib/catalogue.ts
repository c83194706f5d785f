/**
 * The catalogue of practices, indexed once per build: by theme, city, country and target
 * group, with reverse "adapted by" links and related practices. Pages ask it for lists and
 * never scan every practice themselves, so the site stays fast at 10,000 practices.
 */
import type { City } from './schemas/city.ts';
import { SOURCE_LANGUAGE, fallbackChain, type Lang } from './languages.ts';
import type { Network } from './schemas/network.ts';
import type { Organisation } from './schemas/organisation.ts';
import type { Practice } from './schemas/practice.ts';
import type { Theme } from './schemas/theme.ts';

export interface Identified<T> {
  id: string;
  data: T;
}

/** A practice as read in one language. */
export interface LocalizedPractice {
  slug: string;
  /** The language the text is written in (English when no translation exists). */
  lang: Lang;
  /** Languages in which the practice exists. */
  languages: Lang[];
  data: Practice;
}

export interface CatalogueInput {
  themes: Identified<Theme>[];
  networks: Identified<Network>[];
  cities: Identified<City>[];
  /** Complete practices only (translation stubs removed), `lang` from the folder. */
  practices: (Identified<Practice> & { lang: Lang })[];
  /** Partner organisations that practices name in `partners`. */
  organisations?: Identified<Organisation>[];
}

/** Pushes `value` onto the list stored under `key`. */
function addTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Newest first, then by slug, so lists are stable between builds. */
function newestFirst(a: LocalizedPractice, b: LocalizedPractice): number {
  return b.data.published.localeCompare(a.data.published) || a.slug.localeCompare(b.slug);
}

/** How many related practices are computed (and cached) per practice. */
const RELATED_MAX = 6;

/** The number of bits set in a 32-bit integer. */
function bitCount(bits: number): number {
  let count = 0;
  for (let rest = bits >>> 0; rest !== 0; rest &= rest - 1) count++;
  return count;
}

export type Catalogue = ReturnType<typeof buildCatalogue>;

export function buildCatalogue(input: CatalogueInput) {
  const themes = [...input.themes].sort((a, b) => a.data.order - b.data.order);
  const themeById = new Map(themes.map((theme) => [theme.id, theme.data]));
  const cityById = new Map(input.cities.map((city) => [city.id, city.data]));
  const networkById = new Map(input.networks.map((network) => [network.id, network.data]));
  const organisationById = new Map((input.organisations ?? []).map((organisation) => [organisation.id, organisation.data]));

  // One entry per slug and language; a language without a translation falls back along its chain.
  const bySlug = new Map<string, Partial<Record<Lang, Practice>>>();
  for (const practice of input.practices) {
    const versions = bySlug.get(practice.id) ?? {};
    versions[practice.lang] = practice.data;
    bySlug.set(practice.id, versions);
  }
  const slugs = [...bySlug.keys()].filter((slug) => bySlug.get(slug)![SOURCE_LANGUAGE]);

  const localizedCache = new Map<Lang, LocalizedPractice[]>();
  /** Every practice for the site in `lang`, newest first. */
  function practices(lang: Lang): LocalizedPractice[] {
    let list = localizedCache.get(lang);
    if (!list) {
      list = slugs
        .map((slug) => {
          const versions = bySlug.get(slug)!;
          const textLang = fallbackChain(lang).find((code) => versions[code])!;
          return {
            slug,
            lang: textLang,
            languages: (Object.keys(versions) as Lang[]).sort(),
            data: versions[textLang]!,
          };
        })
        .sort(newestFirst);
      localizedCache.set(lang, list);
    }
    return list;
  }

  const englishBySlug = new Map(practices(SOURCE_LANGUAGE).map((practice) => [practice.slug, practice]));
  const shared = (slug: string) => englishBySlug.get(slug)!.data;

  // Indexes over the shared fields (identical in every language), holding slugs in newest-first order.
  const slugsByTheme = new Map<string, string[]>();
  const slugsByCity = new Map<string, string[]>();
  const slugsByCountry = new Map<string, string[]>();
  const slugsByTargetGroup = new Map<string, string[]>();
  const adaptedBy = new Map<string, string[]>();
  for (const { slug, data } of practices(SOURCE_LANGUAGE)) {
    for (const theme of data.themes) addTo(slugsByTheme, theme, slug);
    for (const group of data.targetGroups) addTo(slugsByTargetGroup, group, slug);
    for (const city of data.cities) addTo(slugsByCity, city, slug);
    for (const country of countriesOf(data)) addTo(slugsByCountry, country, slug);
    for (const original of data.adaptedFrom ?? []) addTo(adaptedBy, original, slug);
  }

  /** Countries of a practice, derived from its cities. */
  function countriesOf(practice: Pick<Practice, 'cities'>): string[] {
    return [...new Set(practice.cities.map((city) => cityById.get(city)?.country ?? ''))].filter(Boolean);
  }

  const localizedBySlug = new Map<Lang, Map<string, LocalizedPractice>>();
  /** The practice `slug` for the site in `lang` (falls back to English). */
  function practice(lang: Lang, slug: string): LocalizedPractice | undefined {
    let map = localizedBySlug.get(lang);
    if (!map) {
      map = new Map(practices(lang).map((entry) => [entry.slug, entry]));
      localizedBySlug.set(lang, map);
    }
    return map.get(slug);
  }

  const resolve = (lang: Lang, list: readonly string[] | undefined) =>
    (list ?? []).map((slug) => practice(lang, slug)!).filter(Boolean);

  const relatedCache = new Map<string, string[]>();
  // Related practices are ranked over integer positions in the newest-first English list: a
  // theme can hold thousands of practices, and scoring them by slug, then sorting them all, cost
  // 2.5 ms per practice (25 s per build at 10,000 practices; see BENCHMARKS.md). Position order is
  // the newest-first order, i.e. the "then the newest, then by slug" tie-break.
  const englishOrder = practices(SOURCE_LANGUAGE);
  const positionOf = new Map(englishOrder.map((practice, position) => [practice.slug, position]));
  const positionsByTheme = new Map(
    [...slugsByTheme].map(([theme, list]) => [theme, Int32Array.from(list, (slug) => positionOf.get(slug)!)]),
  );
  /** Shared-theme count per position; reset to zero after each use. */
  const sharedThemes = new Uint8Array(englishOrder.length);
  /**
   * Each position's target groups as bits (one per group of the fixed vocabulary, which has fewer
   * than 32), so that counting the groups two practices share is a popcount in the loop over
   * thousands of positions, not a walk over strings.
   */
  const groupBit = new Map<string, number>();
  const groupBits = (groups: readonly string[]) =>
    groups.reduce((bits, group) => {
      let bit = groupBit.get(group);
      if (bit === undefined) groupBit.set(group, (bit = groupBit.size));
      if (bit > 31) throw new Error(`more than 32 target groups (${[...groupBit.keys()].join(', ')}): the related practices count them in 32 bits`);
      return bits | (1 << bit);
    }, 0);
  const groupsAt = Uint32Array.from(englishOrder, (practice) => groupBits(practice.data.targetGroups));
  /**
   * Up to `limit` practices sharing themes with `slug` but run by other cities: the most
   * shared themes first, then shared target groups, then the newest.
   */
  function relatedSlugs(slug: string, limit = RELATED_MAX): string[] {
    const cached = relatedCache.get(slug);
    if (cached) return cached.slice(0, limit);
    const self = positionOf.get(slug);
    const source = shared(slug);
    const ownCities = new Set(source.cities);
    const ownGroups = groupsAt[self!]!;
    const ownGroupCount = bitCount(ownGroups);
    const touched: number[] = [];
    for (const theme of new Set(source.themes)) {
      for (const position of positionsByTheme.get(theme) ?? []) {
        if (position !== self && sharedThemes[position]!++ === 0) touched.push(position);
      }
    }
    // The best RELATED_MAX so far, best first: score = 10 per shared theme + 1 per shared group.
    const best: { position: number; score: number }[] = [];
    for (const position of touched) {
      const themeScore = sharedThemes[position]! * 10;
      sharedThemes[position] = 0;
      const worst = best.length === RELATED_MAX ? best[RELATED_MAX - 1]! : undefined;
      if (worst && themeScore + ownGroupCount < worst.score) continue;
      const score = themeScore + bitCount(groupsAt[position]! & ownGroups);
      if (worst && (score < worst.score || (score === worst.score && position > worst.position))) continue;
      if (englishOrder[position]!.data.cities.some((city) => ownCities.has(city))) continue;
      let at = best.length;
      while (at > 0 && (best[at - 1]!.score < score || (best[at - 1]!.score === score && best[at - 1]!.position > position))) at--;
      best.splice(at, 0, { position, score });
      if (best.length > RELATED_MAX) best.pop();
    }
    const result = best.map((entry) => englishOrder[entry.position]!.slug);
    relatedCache.set(slug, result);
    return result.slice(0, limit);
  }

  const networkCache = new Map<string, LocalizedPractice[]>();

  return {
    themes,
    themeById,
    cityById,
    networkById,
    organisationById,
    cities: [...input.cities].sort((a, b) => a.data.name.localeCompare(b.data.name)),
    networks: [...input.networks].sort((a, b) => a.id.localeCompare(b.id)),
    practices,
    practice,
    countriesOf,
    /** Country codes that have at least one practice, sorted. */
    countriesWithPractices: () => [...slugsByCountry.keys()].sort(),
    targetGroupsInUse: () => [...slugsByTargetGroup.keys()].sort(),
    byTheme: (lang: Lang, theme: string) => resolve(lang, slugsByTheme.get(theme)),
    byCity: (lang: Lang, city: string) => resolve(lang, slugsByCity.get(city)),
    byCountry: (lang: Lang, country: string) => resolve(lang, slugsByCountry.get(country)),
    /** Member cities of a national network. */
    citiesOfNetwork: (network: string) => input.cities.filter((city) => city.data.networks.includes(network)),
    /** Practices run by at least one member city of a national network, newest first. */
    byNetwork: (lang: Lang, network: string) => {
      // Cached: each page of a network's paginated list asks for the whole list.
      const key = `${lang}:${network}`;
      let list = networkCache.get(key);
      if (!list) {
        const members = new Set(input.cities.filter((city) => city.data.networks.includes(network)).map((city) => city.id));
        const slugs = new Set([...members].flatMap((city) => slugsByCity.get(city) ?? []));
        list = practices(lang).filter((practice) => slugs.has(practice.slug));
        networkCache.set(key, list);
      }
      return list;
    },
    byTargetGroup: (lang: Lang, group: string) => resolve(lang, slugsByTargetGroup.get(group)),
    /** Practices that name `slug` in their adaptedFrom: the reverse link, computed. */
    adaptedBy: (lang: Lang, slug: string) => resolve(lang, adaptedBy.get(slug)),
    adaptedFrom: (lang: Lang, slug: string) => resolve(lang, shared(slug).adaptedFrom),
    /** Practices that others adapted, the most adapted first (ties: newest first). */
    mostAdapted: (lang: Lang, limit: number) =>
      practices(lang)
        .filter((practice) => adaptedBy.has(practice.slug))
        .sort((a, b) => adaptedBy.get(b.slug)!.length - adaptedBy.get(a.slug)!.length)
        .slice(0, limit),
    related: (lang: Lang, slug: string, limit = RELATED_MAX) => resolve(lang, relatedSlugs(slug, limit)),
    /** Number of practices per theme, city, country or target group. */
    counts: {
      theme: (id: string) => slugsByTheme.get(id)?.length ?? 0,
      city: (id: string) => slugsByCity.get(id)?.length ?? 0,
      country: (code: string) => slugsByCountry.get(code)?.length ?? 0,
      targetGroup: (id: string) => slugsByTargetGroup.get(id)?.length ?? 0,
    },
  };
}
