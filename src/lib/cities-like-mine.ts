/**
 * "Practices from cities like mine": an official chooses what her city is like (size band,
 * share of residents born abroad, country, a language her team works in) and sees the practices
 * of member cities that share most of it, each with the reason it fits.
 *
 * The bands are the Index's own (200,000 inhabitants, 15% born abroad: index-bands.ts), so
 * "like mine" means what it means in the Index reports. A practice fits as well as the best of
 * its cities: the number of chosen criteria that city meets. Practices meeting none are left
 * out; among equal fits the given order (newest first) is kept. This orders practices by how
 * closely their cities resemble the reader's, never cities by score.
 *
 * Pure and small, so the same code ranks the precomputed pages at build time and runs in the
 * browser island (src/components/like-mine/).
 */
import { HIGH_DIVERSITY_SHARE, LARGE_CITY_POPULATION } from './index-bands.ts';
import type { DiversityBand, SizeBand } from './index-stats.ts';

export const SIZE_BANDS: readonly SizeBand[] = ['small', 'large'];
export const DIVERSITY_BANDS: readonly DiversityBand[] = ['low', 'high'];
export const CRITERIA = ['size', 'diversity', 'country', 'language'] as const;
export type Criterion = (typeof CRITERIA)[number];

/** What the reader says her city is like; a criterion left out is not asked for. */
export interface LikeMineChoice {
  size?: SizeBand;
  diversity?: DiversityBand;
  /** ISO 3166-1 alpha-2 code, in capitals. */
  country?: string;
  /** ISO 639-1 code. */
  language?: string;
}

/** What the ranking needs to know about a member city. */
export interface CityTraits {
  size: SizeBand;
  /** Undefined when the city's foreign-born share is not recorded: it then never matches. */
  diversity: DiversityBand | undefined;
  country: string;
  /** Languages its coordination answers in (may be empty). */
  languages: readonly string[];
}

/** A practice with the city that fits best and what it shares with the reader's city. */
export interface PracticeFit<P> {
  practice: P;
  cityId: string;
  matched: Criterion[];
  /** Number of criteria chosen: `matched.length` of `chosen` is the fit. */
  chosen: number;
}

/** A city's traits from its population, foreign-born share, country and coordinator languages. */
export function cityTraits(city: {
  population: number;
  foreignBornShare?: number | undefined;
  country: string;
  coordinator?: { languages?: readonly string[] | undefined } | undefined;
}): CityTraits {
  return {
    size: city.population >= LARGE_CITY_POPULATION ? 'large' : 'small',
    diversity: city.foreignBornShare === undefined ? undefined : city.foreignBornShare >= HIGH_DIVERSITY_SHARE ? 'high' : 'low',
    country: city.country,
    languages: city.coordinator?.languages ?? [],
  };
}

/** The criteria of `choice` that a city meets, in CRITERIA order. */
export function matchedCriteria(traits: CityTraits, choice: LikeMineChoice): Criterion[] {
  const matched: Criterion[] = [];
  if (choice.size && traits.size === choice.size) matched.push('size');
  if (choice.diversity && traits.diversity === choice.diversity) matched.push('diversity');
  if (choice.country && traits.country === choice.country) matched.push('country');
  if (choice.language && traits.languages.includes(choice.language)) matched.push('language');
  return matched;
}

/** How many criteria a choice asks for. */
export const chosenCount = (choice: LikeMineChoice) => CRITERIA.filter((criterion) => choice[criterion] !== undefined).length;

/**
 * The practices whose cities meet at least one chosen criterion, best fit first; equal fits keep
 * the order given. For each, the first of its cities (in its own order) with the most matches.
 * A city missing from `traits` meets nothing.
 */
export function rankByFit<P extends { cities: readonly string[] }>(
  practices: readonly P[],
  traits: ReadonlyMap<string, CityTraits>,
  choice: LikeMineChoice,
): PracticeFit<P>[] {
  const chosen = chosenCount(choice);
  if (chosen === 0) return [];
  const fits: PracticeFit<P>[] = [];
  for (const practice of practices) {
    let best: { cityId: string; matched: Criterion[] } | undefined;
    for (const cityId of practice.cities) {
      const cityTraitsOf = traits.get(cityId);
      if (!cityTraitsOf) continue;
      const matched = matchedCriteria(cityTraitsOf, choice);
      if (matched.length > (best?.matched.length ?? 0)) best = { cityId, matched };
    }
    if (best) fits.push({ practice, ...best, chosen });
  }
  // Array.prototype.sort is stable: equal fits stay newest first.
  return fits.sort((a, b) => b.matched.length - a.matched.length);
}

/**
 * The precomputed pages (one per size band and diversity band, either of which may be "any"):
 * `small-high`, `large-any`, `any-low`... `any-any` asks for nothing and has no page.
 */
export function bandPages(): { slug: string; choice: LikeMineChoice }[] {
  const sizes = [...SIZE_BANDS, undefined];
  const diversities = [...DIVERSITY_BANDS, undefined];
  return sizes.flatMap((size) =>
    diversities
      .filter((diversity) => size !== undefined || diversity !== undefined)
      .map((diversity) => ({ slug: `${size ?? 'any'}-${diversity ?? 'any'}`, choice: { ...(size ? { size } : {}), ...(diversity ? { diversity } : {}) } })),
  );
}

/** The texts of a reason, in the reader's language (UI strings `likeMine.*`, passed in so the island needs no dictionary). */
export interface ReasonStrings {
  /** "{city}: {matched} ({count} of {chosen} criteria)" */
  reason: string;
  size: Record<SizeBand, string>;
  diversity: Record<DiversityBand, string>;
  /** "in {country}" */
  country: string;
  /** "its coordination answers in {language}" */
  language: string;
}

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));

/**
 * Why a practice fits: "Getxo: under 200,000 inhabitants and in Spain (2 of 3 criteria)".
 * `names` gives the city's name and the names of the chosen country and language in the reader's language.
 */
export function fitReason(
  strings: ReasonStrings,
  locale: string,
  fit: Pick<PracticeFit<unknown>, 'matched' | 'chosen'>,
  choice: LikeMineChoice,
  names: { city: string; country?: string; language?: string },
): string {
  const parts = fit.matched.map((criterion) => {
    switch (criterion) {
      case 'size':
        return strings.size[choice.size!];
      case 'diversity':
        return strings.diversity[choice.diversity!];
      case 'country':
        return fill(strings.country, { country: names.country ?? choice.country! });
      case 'language':
        return fill(strings.language, { language: names.language ?? choice.language! });
    }
  });
  const matched = new Intl.ListFormat(locale, { type: 'conjunction' }).format(parts);
  return fill(strings.reason, { city: names.city, matched, count: fit.matched.length, chosen: fit.chosen });
}
