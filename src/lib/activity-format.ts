/**
 * How an activity's time and place read on a page: "14–15 May 2025, 09:30–16:00 (Europe/Madrid,
 * UTC+2)", "May 2025", "Getxo, Romo Kultur Etxea" or "Online". Dates are written in the
 * activity's own time zone, the way the people in the room read them, and the zone is named, so a
 * reader elsewhere knows to convert (the calendar files do it for them).
 */
import { zoneOffsetMinutes } from './local-time.ts';
import { language, type Lang } from './languages.ts';
import type { ScheduledActivity } from './activities.ts';

const locale = (lang: Lang) => language(lang).locale;

/** "UTC+2", "UTC−3:30", "UTC" at the activity's start. */
export function offsetLabel(instant: Date, zone: string): string {
  const minutes = zoneOffsetMinutes(instant, zone);
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '−';
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `UTC${sign}${hours}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

/** The dates and times, in the activity's zone: one day with its hours, or a range of days. */
export function whenText(lang: Lang, activity: ScheduledActivity): string {
  const zone = activity.data.timeZone;
  const days = new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: zone });
  const hours = new Intl.DateTimeFormat(locale(lang), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone });
  const sameDay = activity.data.start.slice(0, 10) === activity.data.end.slice(0, 10);
  const zoneNote = `(${zone.replaceAll('_', ' ')}, ${offsetLabel(activity.startsAt, zone)})`;
  if (sameDay) {
    return `${days.format(activity.startsAt)}, ${hours.formatRange(activity.startsAt, activity.endsAt)} ${zoneNote}`;
  }
  const daysAndHours = new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone });
  return `${daysAndHours.formatRange(activity.startsAt, activity.endsAt)} ${zoneNote}`;
}

/** "14–15 May 2025" or "10 December 2026": the dates alone, for lists. */
export function datesText(lang: Lang, activity: ScheduledActivity): string {
  const days = new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: activity.data.timeZone });
  return days.formatRange(activity.startsAt, activity.endsAt);
}

/** "May 2025": the month of the start, in the activity's zone. */
export function monthText(lang: Lang, activity: ScheduledActivity): string {
  return new Intl.DateTimeFormat(locale(lang), { month: 'long', year: 'numeric', timeZone: activity.data.timeZone }).format(activity.startsAt);
}

/** A date written YYYY-MM-DD in full ("25 April 2025"). */
export function dayText(lang: Lang, isoDate: string): string {
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T12:00:00Z`));
}

/** The ISO 8601 instant for <time datetime>. */
export const machineTime = (instant: Date) => instant.toISOString().replace(/\.000Z$/, 'Z');

/** Words the place needs, in the page's language. */
export interface PlaceWords {
  online: string;
  /** "{place}, and online". */
  placeAndOnline: (place: string) => string;
  /** The city's name in the page's language. */
  cityName: (id: string) => string;
}

/** "Getxo" / "Stavanger and Sandnes" / "Online" / "Vinnytsia, and online": the host cities (the venue is shown apart). */
export function placeText(lang: Lang, activity: Pick<ScheduledActivity, 'data'>, words: PlaceWords): string {
  const hosts = activity.data.hosts ?? [];
  if (hosts.length === 0) return words.online;
  const place = new Intl.ListFormat(locale(lang), { type: 'conjunction' }).format(hosts.map(words.cityName));
  return activity.data.online ? words.placeAndOnline(place) : place;
}
