/**
 * The activities' calendars (iCalendar, RFC 5545), to subscribe to: every activity
 * (`/<lang>/calendars/all.ics`), and those of each theme, city and national network
 * (`/<lang>/calendars/<theme|city|network>/<id>.ics`). Every theme, city and network has one,
 * empty or not, so a subscription made today receives tomorrow's activities.
 */
import type { APIRoute } from 'astro';
import { calendarResponse } from '../../../components/activities/calendar-file.ts';
import { getActivities } from '../../../data/activities.ts';
import { getSite } from '../../../data/site.ts';
import { citiesOf } from '../../../lib/activities.ts';
import { t } from '../../../lib/i18n.ts';
import { inLanguage, type Lang } from '../../../lib/languages.ts';
import { cityName } from '../../../lib/names.ts';
import { perLanguage, withCacheKey } from '../../../lib/paths.ts';

export async function getStaticPaths() {
  const { catalogue, practiceFreeDailyKey } = await getSite();
  const scopes = [
    'all',
    ...catalogue.themes.map((theme) => `theme/${theme.id}`),
    ...catalogue.cities.map((city) => `city/${city.id}`),
    ...catalogue.networks.map((network) => `network/${network.id}`),
  ];
  // Reused while the content and the build's day hold (DTSTAMP then stays the instant of the day's
  // first build). A calendar shows no practice: editing one leaves it alone.
  return withCacheKey(practiceFreeDailyKey, perLanguage((lang) => scopes.map((scope) => ({ params: { lang, calendar: `${scope}.ics` } }))));
}

export const GET: APIRoute = async ({ params, site }) => {
  const lang = params.lang as Lang;
  const [index, { catalogue }] = await Promise.all([getActivities(), getSite()]);
  const scope = params.calendar!.replace(/\.ics$/, '');
  if (scope === 'all') return calendarResponse(lang, site, index, catalogue, index.all, t(lang, 'activities.calendarName'));
  const [kind, id] = scope.split('/') as ['theme' | 'city' | 'network', string];
  const { activities, name } =
    kind === 'theme'
      ? { activities: index.all.filter((activity) => activity.data.themes.includes(id)), name: inLanguage(catalogue.themeById.get(id)!.label, lang) }
      : kind === 'city'
        ? { activities: index.all.filter((activity) => citiesOf(activity.data).includes(id)), name: cityName(catalogue.cityById.get(id)!, lang) }
        : { activities: index.ofNetwork(id), name: inLanguage(catalogue.networkById.get(id)!.name, lang) };
  return calendarResponse(lang, site, index, catalogue, activities, t(lang, 'activities.calendarNameOf', { name }));
};
