/**
 * What the "practices from cities like mine" pages and their island read: each member city's
 * traits (src/lib/cities-like-mine.ts), the choices offered (countries and languages that some
 * city with practices has), the texts of a reason in the reader's language, and the ranked list
 * for one choice, ready to print.
 */
import type { Catalogue, LocalizedPractice } from './catalogue.ts';
import { cityTraits, fitReason, rankByFit, type CityTraits, type LikeMineChoice, type ReasonStrings } from './cities-like-mine.ts';
import { countryName } from './countries.ts';
import { t } from './i18n.ts';
import { language, type Lang } from './languages.ts';
import { cityName, languageName } from './names.ts';
import { urls } from './urls.ts';

/** How many practices a precomputed page shows, best fit first (the island shows as many). */
export const LIKE_MINE_SHOWN = 48;

const traitsCache = new WeakMap<Catalogue, Map<string, CityTraits>>();

/** Every member city's traits, by id. */
export function traitsByCity(catalogue: Catalogue): Map<string, CityTraits> {
  let traits = traitsCache.get(catalogue);
  if (!traits) {
    traits = new Map(catalogue.cities.map((city) => [city.id, cityTraits(city.data)]));
    traitsCache.set(catalogue, traits);
  }
  return traits;
}

/** The texts of a reason in `lang`. */
export function reasonStrings(lang: Lang): ReasonStrings {
  return {
    reason: t(lang, 'likeMine.reason'),
    size: { small: t(lang, 'likeMine.match.size.small'), large: t(lang, 'likeMine.match.size.large') },
    diversity: { low: t(lang, 'likeMine.match.diversity.low'), high: t(lang, 'likeMine.match.diversity.high') },
    country: t(lang, 'likeMine.matchCountry'),
    language: t(lang, 'likeMine.matchLanguage'),
  };
}

/** Countries and languages of cities that have practices, sorted by their names in `lang`. */
export function likeMineOptions(catalogue: Catalogue, lang: Lang) {
  const withPractices = catalogue.cities.filter((city) => catalogue.counts.city(city.id) > 0);
  const countries = [...new Set(withPractices.map((city) => city.data.country))]
    .map((code) => ({ value: code, label: countryName(code, lang) }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));
  const languages = [...new Set(withPractices.flatMap((city) => city.data.coordinator?.languages ?? []))]
    .map((code) => ({ value: code, label: languageName(code, lang) }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));
  return { countries, languages };
}

/** A ranked practice as a page prints it. */
export interface LikeMineItem {
  practice: LocalizedPractice;
  reason: string;
}

/** The practices for `choice`, best fit first, each with its reason in `lang`. */
export function likeMineItems(catalogue: Catalogue, lang: Lang, choice: LikeMineChoice): { total: number; items: LikeMineItem[] } {
  const fits = rankByFit(catalogue.practices(lang).map((practice) => ({ ...practice, cities: practice.data.cities })), traitsByCity(catalogue), choice);
  const strings = reasonStrings(lang);
  const locale = language(lang).locale;
  return {
    total: fits.length,
    items: fits.slice(0, LIKE_MINE_SHOWN).map((fit) => ({
      practice: fit.practice,
      reason: fitReason(strings, locale, fit, choice, {
        city: cityName(catalogue.cityById.get(fit.cityId)!, lang),
        ...(choice.country ? { country: countryName(choice.country, lang) } : {}),
        ...(choice.language ? { language: languageName(choice.language, lang) } : {}),
      }),
    })),
  };
}

/** The short name of a band page's profile ("Under 200,000 inhabitants, 15% or more born abroad"). */
export function profileLabel(lang: Lang, choice: LikeMineChoice): string {
  const text = [
    ...(choice.size ? [t(lang, `likeMine.match.size.${choice.size}`)] : []),
    ...(choice.diversity ? [t(lang, `likeMine.match.diversity.${choice.diversity}`)] : []),
  ].join(', ');
  return text.charAt(0).toLocaleUpperCase(language(lang).locale) + text.slice(1);
}

/** The island's data: the practices (newest first) and the cities' traits and names. */
export function likeMineData(catalogue: Catalogue, lang: Lang) {
  return {
    practices: catalogue.practices(lang).map((practice) => ({
      title: practice.data.title,
      url: urls.practice(lang, practice.slug),
      cities: practice.data.cities,
      ...(practice.lang !== lang ? { lang: practice.lang } : {}),
    })),
    cities: Object.fromEntries(
      catalogue.cities.map((city) => [city.id, { name: cityName(city.data, lang), ...traitsByCity(catalogue).get(city.id)! }]),
    ),
  };
}
