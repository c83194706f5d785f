/**
 * The activities as iCalendar files (RFC 5545): one calendar for all activities, one per theme,
 * per city and per national network, and an "add to calendar" file per activity. Written with
 * ical-generator, which folds lines, escapes text and writes CRLF as the RFC asks.
 *
 * Times are written in UTC (`DTSTART:20250514T073000Z`), converted from the activity's local time
 * and IANA zone: every calendar program shows them in its reader's zone, and no VTIMEZONE block
 * (which would need its own copy of the zone rules) can drift from Intl's. The UID is the
 * activity's id at the site's host, the same in every calendar and language, so subscribing to
 * two calendars never shows an activity twice. DTSTAMP is the build instant (a parameter).
 */
import ical, { ICalEventStatus } from 'ical-generator';
import type { ScheduledActivity } from './activities.ts';
import { inLanguage } from './languages.ts';
import { markdownToPlainText } from './markdown.ts';
import type { Lang } from './schemas/fields.ts';

export interface CalendarContext {
  lang: Lang;
  /** The site's address (https://host), for links and UIDs. */
  site: string;
  /** The build instant: DTSTAMP of every event. */
  now: Date;
  /** Name of the calendar, in `lang`. */
  name: string;
  /** Where the activity's page is, from the site's root. */
  pageOf: (id: string) => string;
  /** The place of an activity as text (venue, host cities, "Online"). */
  placeOf: (activity: ScheduledActivity) => string;
  /** Words added to the description of a demonstration activity. */
  demoNote?: string;
}

/** The UID of an activity's event: stable and unique (ids are unique file names). */
export function activityUid(id: string, site: string): string {
  return `activity-${id}@${new URL(site).host}`;
}

/** An iCalendar file of the activities, in start order. */
export function activityCalendar(activities: readonly ScheduledActivity[], context: CalendarContext): string {
  const { lang, site, now } = context;
  const calendar = ical({
    name: context.name,
    prodId: { company: 'Council of Europe', product: 'Intercultural Cities', language: lang.toUpperCase() },
  });
  for (const activity of activities) {
    const { data } = activity;
    const url = new URL(context.pageOf(activity.id), site).href;
    const description = [markdownToPlainText(inLanguage(data.description, lang)), data.demonstration ? context.demoNote : undefined, url]
      .filter((part): part is string => Boolean(part))
      .join('\n\n');
    calendar.createEvent({
      id: activityUid(activity.id, site),
      start: activity.startsAt,
      end: activity.endsAt,
      stamp: now,
      summary: inLanguage(data.title, lang),
      description,
      location: context.placeOf(activity),
      url,
      status: ICalEventStatus.CONFIRMED,
      categories: [{ name: data.type }],
    });
  }
  return calendar.toString();
}
