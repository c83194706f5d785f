/** Each city's latest Index result, for the compare island (one file for both languages). */
import type { APIRoute } from 'astro';
import { getSite } from '../../data/site.ts';
import { siteConfig } from '../../lib/site-config.ts';

export const GET: APIRoute = async () => {
  const { catalogue, latest, sample } = await getSite();
  const body = {
    demonstration: siteConfig.demo,
    editions: sample.editions,
    themes: catalogue.themes.map((theme) => ({ id: theme.id, label: theme.data.label })),
    cities: [...latest.values()]
      .map(({ data }) => ({
        id: data.city,
        edition: data.edition,
        version: data.version,
        overall: data.overall,
        scores: data.scores,
      }))
      .sort((a, b) => a.id.localeCompare(b.id)),
  };
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
};
