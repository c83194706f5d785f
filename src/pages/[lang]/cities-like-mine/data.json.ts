import type { APIRoute } from 'astro';
import { getSite } from '../../../data/site.ts';
import { likeMineData } from '../../../lib/like-mine-page.ts';
import { perLanguage } from '../../../lib/paths.ts';
import type { Lang } from '../../../lib/schemas/fields.ts';

// The practices and city traits the "cities like mine" island ranks in the browser.
export function getStaticPaths() {
  return perLanguage((lang) => [{ params: { lang } }]);
}

export const GET: APIRoute = async ({ params }) => {
  const { catalogue } = await getSite();
  return new Response(JSON.stringify(likeMineData(catalogue, params.lang as Lang)), { headers: { 'Content-Type': 'application/json' } });
};
