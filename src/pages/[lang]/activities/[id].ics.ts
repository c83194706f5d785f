/** "Add to calendar": one activity as an iCalendar file (RFC 5545), in each language. */
import type { APIRoute } from 'astro';
import { calendarResponse } from '../../../components/activities/calendar-file.ts';
import { getActivities } from '../../../data/activities.ts';
import { getSite } from '../../../data/site.ts';
import { inLanguage, type Lang } from '../../../lib/languages.ts';
import { perLanguage, withCacheKey } from '../../../lib/paths.ts';

export async function getStaticPaths() {
  const [activities, { practiceFreeDailyKey }] = await Promise.all([getActivities(), getSite()]);
  // Reused while the content and the build's day hold (DTSTAMP then stays the instant of the day's
  // first build). A calendar shows no practice: editing one leaves it alone.
  return withCacheKey(practiceFreeDailyKey, perLanguage((lang) => activities.all.map((activity) => ({ params: { lang, id: activity.id } }))));
}

export const GET: APIRoute = async ({ params, site }) => {
  const lang = params.lang as Lang;
  const [index, { catalogue }] = await Promise.all([getActivities(), getSite()]);
  const activity = index.byId.get(params.id!)!;
  return calendarResponse(lang, site, index, catalogue, [activity], inLanguage(activity.data.title, lang));
};
