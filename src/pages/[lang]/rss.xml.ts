/** Per-language RSS feed of new and updated practices. */
import { inLanguage, language } from '../../lib/languages.ts';
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getSite } from '../../data/site.ts';
import { t } from '../../lib/i18n.ts';
import { cityName } from '../../lib/names.ts';
import { LANGUAGES, type Lang } from '../../lib/languages.ts';
import { urls } from '../../lib/urls.ts';

export const FEED_SIZE = 50;

export function getStaticPaths() {
  return LANGUAGES.map((lang) => ({ params: { lang } }));
}

export const GET: APIRoute = async ({ params, site }) => {
  const lang = params.lang as Lang;
  const { catalogue } = await getSite();
  const lastChange = (practice: { data: { published: string; updated?: string } }) => practice.data.updated ?? practice.data.published;
  const items = [...catalogue.practices(lang)]
    .sort((a, b) => lastChange(b).localeCompare(lastChange(a)) || a.slug.localeCompare(b.slug))
    .slice(0, FEED_SIZE)
    .map((practice) => ({
      title: practice.data.title,
      link: urls.practice(lang, practice.slug),
      pubDate: new Date(`${lastChange(practice)}T00:00:00Z`),
      description: practice.data.purpose,
      categories: practice.data.themes.map((id) => inLanguage(catalogue.themeById.get(id)!.label, lang)),
      author: practice.data.cities.map((id) => cityName(catalogue.cityById.get(id)!, lang)).join(', '),
    }));
  return rss({
    title: t(lang, 'rss.title'),
    description: t(lang, 'rss.description'),
    site: site!,
    items,
    customData: `<language>${language(lang).locale.toLowerCase()}</language>`,
  });
};
