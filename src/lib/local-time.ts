/**
 * Local times in a named time zone. An activity is written as the people in the room see it
 * ("2025-05-14T09:30" in Europe/Madrid); calendars, "upcoming" and ordering need the instant.
 * The conversion uses the platform's time-zone database (Intl), so daylight saving time is right
 * on both sides of a change, and a zone Intl does not know is refused with a suggestion.
 */
import { didYouMean } from './did-you-mean.ts';

/** A local date and time written YYYY-MM-DDTHH:MM. */
export const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The IANA zone names Intl lists (for suggestions); "UTC" is accepted too. */
export const TIME_ZONES: readonly string[] = [...Intl.supportedValuesOf('timeZone'), 'UTC'];

/** Whether Intl knows the zone (canonical names and aliases such as "Europe/Kiev"). */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** " (did you mean "Europe/Madrid"?)" for a mistyped zone, or "". */
export function suggestTimeZone(zone: string): string {
  return didYouMean(zone, TIME_ZONES);
}

/** Whether the text is a real local date and time (no 31 April, no 25:00). */
export function isLocalDateTime(value: string): boolean {
  const match = LOCAL_DATE_TIME.exec(value);
  if (!match) return false;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60;
}

/** The offset of `zone` from UTC at `instant`, in minutes (Madrid in summer: 120). */
export function zoneOffsetMinutes(instant: Date, zone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant a local time in `zone` names. A time skipped by a spring change (02:30 on the
 * night clocks go forward) is read with the offset before the change, as calendar programs do.
 */
export function localToInstant(local: string, zone: string): Date {
  const match = LOCAL_DATE_TIME.exec(local);
  if (!match) throw new Error(`"${local}" is not a local date and time written YYYY-MM-DDTHH:MM`);
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // Two passes: the offset at the first guess, then at the corrected instant.
  let instant = asUtc - zoneOffsetMinutes(new Date(asUtc), zone) * 60_000;
  instant = asUtc - zoneOffsetMinutes(new Date(instant), zone) * 60_000;
  return new Date(instant);
}

/** The local date (YYYY-MM-DD) part of a local date and time, or of a date. */
export const datePart = (local: string) => local.slice(0, 10);

/** A local date and time moved by whole days, the time of day unchanged. */
export function addDays(local: string, days: number): string {
  const [date, time] = local.split('T') as [string, string | undefined];
  const moved = new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return time === undefined ? moved : `${moved}T${time}`;
}
