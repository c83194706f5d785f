/**
 * The words of the site in one language, for the search's "Did you mean …" (src/lib/search-suggestions.ts):
 * practice titles and purposes, method names and summaries, theme, city, country, network and
 * target-group names. Fetched by the search page only after a query's results are shown.
 */
import type { APIRoute } from 'astro';
import { getSite } from '../../../data/site.ts';
import { countryName } from '../../../lib/countries.ts';
import { translator, type UiKey } from '../../../lib/i18n.ts';
import { LANGUAGES, inLanguage, type Lang } from '../../../lib/languages.ts';
import { cityName } from '../../../lib/names.ts';
import { vocabularyWords } from '../../../lib/search-suggestions.ts';

export function getStaticPaths() {
  return LANGUAGES.map((lang) => ({ params: { lang } }));
}

export const GET: APIRoute = async ({ params }) => {
  const lang = params.lang as Lang;
  const t = translator(lang);
  const { catalogue, library } = await getSite();
  const texts = [
    ...catalogue.practices(lang).flatMap((practice) => [practice.data.title, practice.data.purpose]),
    ...library.methods(lang).flatMap((method) => [method.data.name, method.data.summary]),
    ...catalogue.themes.flatMap((theme) => [inLanguage(theme.data.label, lang), inLanguage(theme.data.description, lang)]),
    ...catalogue.cities.map((city) => cityName(city.data, lang)),
    ...catalogue.networks.map((network) => inLanguage(network.data.name, lang)),
    ...catalogue.countriesWithPractices().map((code) => countryName(code, lang)),
    ...catalogue.targetGroupsInUse().map((group) => t(`targetGroup.${group}` as UiKey)),
  ];
  return new Response(JSON.stringify(vocabularyWords(texts)), { headers: { 'content-type': 'application/json' } });
};
