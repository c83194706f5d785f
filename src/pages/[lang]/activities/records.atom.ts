/** Per-language Atom feed of the records of past activities. */
import type { APIRoute } from 'astro';
import { getActivities } from '../../../data/activities.ts';
import { recordsFeed } from '../../../lib/activity-feed.ts';
import { t } from '../../../lib/i18n.ts';
import { LANGUAGES, type Lang } from '../../../lib/languages.ts';
import { urls } from '../../../lib/urls.ts';

export function getStaticPaths() {
  return LANGUAGES.map((lang) => ({ params: { lang } }));
}

export const GET: APIRoute = async ({ params, site }) => {
  const lang = params.lang as Lang;
  const index = await getActivities();
  const body = recordsFeed(index.records(), {
    lang,
    site: (site ?? new URL('https://intercultural-cities.example.org')).href,
    title: t(lang, 'activities.feedTitle'),
    feedPath: urls.activityRecordsFeed(lang),
    listPath: urls.activities(lang),
    pageOf: (id) => urls.activity(lang, id),
    now: index.now,
    outcomesHeading: t(lang, 'activity.outcomes'),
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
