/**
 * The pages the search page knows by name, in one language: every city profile (its name in
 * this language and its local name), every national network (its name and its country's name),
 * every theme hub and every method. They come with the search page (no request), so a query that
 * names one puts it first (namedPages in search-ranking.ts). Teasers are cut short: the list grows
 * with the number of cities, not of practices.
 */
import type { Catalogue } from './catalogue.ts';
import { countryName } from './countries.ts';
import { inLanguage, type Lang } from './languages.ts';
import { cityName } from './names.ts';
import type { NamedPage } from './search-ranking.ts';
import { urls } from './urls.ts';

export type KnownPage = NamedPage & { teaser?: string; place?: string };

/** Teasers of known pages are cut to this many characters, at a word boundary, with "…". */
export const TEASER_LENGTH = 160;

export function shortTeaser(text: string, length = TEASER_LENGTH): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  if (plain.length <= length) return plain;
  const cut = plain.slice(0, length);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), length / 2)).replace(/[\s,;:.]+$/, '')}…`;
}

/** Markdown's links, emphasis and heading marks dropped, for a one-line teaser. */
export function markdownToText(markdown: string): string {
  return markdown.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`#>]+/g, '');
}

export function knownPages(
  lang: Lang,
  catalogue: Pick<Catalogue, 'cities' | 'networks' | 'themes'>,
  methods: readonly { url: string; name: string; summary: string }[],
): KnownPage[] {
  const cities = catalogue.cities.map((city): KnownPage => {
    const name = cityName(city.data, lang);
    return {
      url: urls.city(lang, city.id),
      type: 'city',
      title: name,
      names: [name, ...(city.data.localName && city.data.localName !== name ? [city.data.localName] : [])],
      place: countryName(city.data.country, lang),
      teaser: shortTeaser(markdownToText(inLanguage(city.data.profile, lang))),
    };
  });
  const networks = catalogue.networks.map((network): KnownPage => ({
    url: urls.network(lang, network.id),
    type: 'network',
    title: inLanguage(network.data.name, lang),
    names: [inLanguage(network.data.name, lang), countryName(network.data.country, lang)],
    place: countryName(network.data.country, lang),
    teaser: shortTeaser(inLanguage(network.data.description, lang)),
  }));
  const themes = catalogue.themes.map((theme): KnownPage => ({
    url: urls.theme(lang, theme.id),
    type: 'theme',
    title: inLanguage(theme.data.label, lang),
    names: [inLanguage(theme.data.label, lang)],
    teaser: shortTeaser(inLanguage(theme.data.description, lang)),
  }));
  const methodPages = methods.map((method): KnownPage => ({
    url: method.url,
    type: 'method',
    title: method.name,
    names: [method.name],
    teaser: shortTeaser(method.summary),
  }));
  return [...cities, ...networks, ...themes, ...methodPages];
}
