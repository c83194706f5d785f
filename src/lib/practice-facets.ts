/**
 * The facets that have a static, paginated list of practices (`/<lang>/practices/<facet>/<value>/`):
 * theme, city, national network, country and target group. One table says, for each, which values
 * get a list, which practices it holds, its title, its address and where it sits in the site, so
 * that one route (src/pages/[lang]/practices/[facet]/[value]/[...page].astro) builds them all.
 */
import type { Catalogue, LocalizedPractice } from './catalogue.ts';
import { countryName } from './countries.ts';
import { t, type UiKey } from './i18n.ts';
import { inLanguage } from './languages.ts';
import { cityName } from './names.ts';
import { FACT_FACET_NAMES, factFacetValues, factListTitle, practicesWithFact, type FactFacet } from './practice-facts.ts';
import type { Lang } from './schemas/fields.ts';
import { urls } from './urls.ts';

export interface Crumb {
  href: string;
  label: string;
}

/** What one facet's list pages need; `value` is the URL segment (an id, or a lower-case country code). */
export interface PracticeFacet {
  /** The values that have at least one practice in `lang`, with how many. */
  values(catalogue: Catalogue, lang: Lang): { value: string; total: number }[];
  practices(catalogue: Catalogue, lang: Lang, value: string): LocalizedPractice[];
  title(catalogue: Catalogue, lang: Lang, value: string): string;
  base(lang: Lang, value: string): string;
  /** The pages between home and the list (default: the catalogue). */
  trail?(catalogue: Catalogue, lang: Lang, value: string): Crumb[];
  section?: 'practices' | 'cities' | 'themes' | 'networks';
}

const themeLabel = (catalogue: Catalogue, lang: Lang, id: string) => inLanguage(catalogue.themeById.get(id)!.label, lang);
const cityLabel = (catalogue: Catalogue, lang: Lang, id: string) => cityName(catalogue.cityById.get(id)!, lang);
const networkLabel = (catalogue: Catalogue, lang: Lang, id: string) => inLanguage(catalogue.networkById.get(id)!.name, lang);

/** The URL segment of each facet, with its list rules. */
export const PRACTICE_FACETS = {
  theme: {
    values: (catalogue) =>
      catalogue.themes.map((theme) => ({ value: theme.id, total: catalogue.counts.theme(theme.id) })).filter((list) => list.total > 0),
    practices: (catalogue, lang, id) => catalogue.byTheme(lang, id),
    title: (catalogue, lang, id) => t(lang, 'practices.themeTitle', { theme: themeLabel(catalogue, lang, id) }),
    base: (lang, id) => urls.practicesByTheme(lang, id),
    trail: (catalogue, lang, id) => [
      { href: urls.themes(lang), label: t(lang, 'nav.themes') },
      { href: urls.theme(lang, id), label: themeLabel(catalogue, lang, id) },
    ],
    section: 'themes',
  },
  city: {
    values: (catalogue) =>
      catalogue.cities.map((city) => ({ value: city.id, total: catalogue.counts.city(city.id) })).filter((list) => list.total > 0),
    practices: (catalogue, lang, id) => catalogue.byCity(lang, id),
    title: (catalogue, lang, id) => t(lang, 'cities.practices', { city: cityLabel(catalogue, lang, id) }),
    base: (lang, id) => urls.practicesByCity(lang, id),
    trail: (catalogue, lang, id) => [
      { href: urls.cities(lang), label: t(lang, 'nav.cities') },
      { href: urls.city(lang, id), label: cityLabel(catalogue, lang, id) },
    ],
    section: 'cities',
  },
  network: {
    values: (catalogue, lang) =>
      catalogue.networks
        .map((network) => ({ value: network.id, total: catalogue.byNetwork(lang, network.id).length }))
        .filter((list) => list.total > 0),
    practices: (catalogue, lang, id) => catalogue.byNetwork(lang, id),
    title: (catalogue, lang, id) => t(lang, 'practices.networkTitle', { network: networkLabel(catalogue, lang, id) }),
    base: (lang, id) => urls.practicesByNetwork(lang, id),
    trail: (catalogue, lang, id) => [
      { href: urls.networks(lang), label: t(lang, 'networks.title') },
      { href: urls.network(lang, id), label: networkLabel(catalogue, lang, id) },
    ],
    section: 'networks',
  },
  country: {
    values: (catalogue) =>
      catalogue.countriesWithPractices().map((code) => ({ value: code.toLowerCase(), total: catalogue.counts.country(code) })),
    practices: (catalogue, lang, value) => catalogue.byCountry(lang, value.toUpperCase()),
    title: (_catalogue, lang, value) => t(lang, 'practices.countryTitle', { country: countryName(value.toUpperCase(), lang) }),
    base: (lang, value) => urls.practicesByCountry(lang, value.toUpperCase()),
  },
  for: {
    values: (catalogue) => catalogue.targetGroupsInUse().map((group) => ({ value: group, total: catalogue.counts.targetGroup(group) })),
    practices: (catalogue, lang, group) => catalogue.byTargetGroup(lang, group),
    title: (_catalogue, lang, group) => t(lang, 'practices.targetGroupTitle', { group: t(lang, `targetGroup.${group}` as UiKey) }),
    base: (lang, group) => urls.practicesByTargetGroup(lang, group),
  },
  // The coded facts (evidence, stage, cost, staff, reach, open to visits or mentoring, partners).
  ...(Object.fromEntries(
    FACT_FACET_NAMES.map((facet) => [
      facet,
      {
        values: (catalogue, lang) => factFacetValues(catalogue, lang, facet).map(({ value, total }) => ({ value, total })),
        practices: (catalogue, lang, value) => practicesWithFact(catalogue, lang, facet, value),
        title: (catalogue, lang, value) => factListTitle(catalogue, lang, facet, value),
        base: (lang, value) => urls.practicesByFact(lang, facet, value),
        // A partner's list sits under its organisation page.
        ...(facet === 'partner'
          ? {
              trail: (catalogue: Catalogue, lang: Lang, id: string) => [
                { href: urls.organisations(lang), label: t(lang, 'organisations.title') },
                { href: urls.organisation(lang, id), label: catalogue.organisationById.get(id)?.name ?? id },
              ],
            }
          : {}),
      } satisfies PracticeFacet,
    ]),
  ) as Record<FactFacet, PracticeFacet>),
} satisfies Record<string, PracticeFacet>;

export type PracticeFacetName = keyof typeof PRACTICE_FACETS;
