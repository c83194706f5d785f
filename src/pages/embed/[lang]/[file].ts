/** Embeddable charts: /embed/<lang>/<city>.svg and .png, the latest edition of each city with results. */
import type { APIRoute } from 'astro';
import { getSite } from '../../../data/site.ts';
import { cachedEmbedChartPng, embedChartSvg } from '../../../lib/embed-chart.ts';
import { t } from '../../../lib/i18n.ts';
import { cityName } from '../../../lib/names.ts';
import { perLanguage, withCacheKey } from '../../../lib/paths.ts';
import { profileChart } from '../../../lib/profile-chart.ts';
import type { Lang } from '../../../lib/schemas/fields.ts';
import { siteConfig } from '../../../lib/site-config.ts';
import { urls } from '../../../lib/urls.ts';

interface Props {
  lang: Lang;
  cityId: string;
  format: 'svg' | 'png';
}

export async function getStaticPaths() {
  const { latest, practiceKeys } = await getSite();
  // Copied from the previous build while no content it may show changed (src/lib/page-key.ts): a
  // chart shows no practice, so editing one leaves it alone.
  return withCacheKey(practiceKeys.practiceFree, perLanguage((lang) =>
    [...latest.keys()].flatMap((cityId) =>
      (['svg', 'png'] as const).map((format) => ({ params: { lang, file: `${cityId}.${format}` }, props: { lang, cityId, format } })),
    ),
  ));
}

export const GET: APIRoute<Props> = async ({ props, site: siteUrl }) => {
  const { lang, cityId, format } = props;
  const site = await getSite();
  const result = site.latest.get(cityId)!;
  const name = cityName(site.catalogue.cityById.get(cityId)!, lang);
  const model = profileChart({
    lang,
    result,
    allResults: site.indexResults,
    cities: site.catalogue.cities,
    themes: site.catalogue.themes.map((theme) => ({ id: theme.id, label: theme.data.label })),
    cityName: name,
  });
  const svg = embedChartSvg({
    lang,
    model,
    cityId,
    cityName: name,
    edition: result.data.edition,
    sourceUrl: new URL(urls.city(lang, cityId), siteUrl).href,
    ...(siteConfig.demo ? { demoNotice: t(lang, 'demo.scoresNotice') } : {}),
  });
  if (format === 'svg') return new Response(svg, { headers: { 'content-type': 'image/svg+xml; charset=utf-8' } });
  return new Response(new Uint8Array(cachedEmbedChartPng(svg, '.cache/embed-charts')), { headers: { 'content-type': 'image/png' } });
};
