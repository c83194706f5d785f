/**
 * What the calendar routes share: an iCalendar file of some activities in one language, with the
 * site's address, the build instant and the words of that language.
 */
import { activityCalendar } from '../../lib/activity-calendar.ts';
import { placeText } from '../../lib/activity-format.ts';
import type { ActivityIndex, ScheduledActivity } from '../../lib/activities.ts';
import type { Catalogue } from '../../lib/catalogue.ts';
import { t } from '../../lib/i18n.ts';
import type { Lang } from '../../lib/languages.ts';
import { urls } from '../../lib/urls.ts';
import { placeWords } from './placeWords.ts';

export function calendarResponse(
  lang: Lang,
  site: URL | undefined,
  index: ActivityIndex,
  catalogue: Catalogue,
  activities: readonly ScheduledActivity[],
  name: string,
): Response {
  const words = placeWords(lang, catalogue);
  const body = activityCalendar(activities, {
    lang,
    site: (site ?? new URL('https://intercultural-cities.example.org')).href,
    now: index.now,
    name,
    pageOf: (id) => urls.activity(lang, id),
    // The venue often names its city already ("Palazzo Ducale, Genoa"): the place is added only when it does not.
    placeOf: (activity) => {
      const place = placeText(lang, activity, words);
      const venue = activity.data.venue;
      return !venue ? place : venue.includes(place) ? venue : `${venue}, ${place}`;
    },
    demoNote: t(lang, 'activity.demoNotice'),
  });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
}
