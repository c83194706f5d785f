/**
 * The network's activities as the site shows them on one build day: each activity with the
 * instants of its start and end, split into upcoming (not yet over) and past, and indexed for the
 * pages that list them: by type, theme, city and year, by practice (where it was presented), by
 * theme hub (what is coming), by city (hosted or attended) and by national network.
 *
 * "Now" is always a parameter, never read here: the pages pass the build date, the tests a fixed
 * clock. Demonstration activities (`demonstration: true`) are written around DEMO_REFERENCE_DATE
 * and move with the build day by whole weeks (`demoShiftDays`, documented in
 * docs/content-model.md), so the demo always has coming activities; real ones never move.
 */
import { addDays, datePart, localToInstant } from './local-time.ts';
import type { Catalogue, LocalizedPractice } from './catalogue.ts';
import type { Activity, ActivityType } from './schemas/activity.ts';
import type { Lang } from './schemas/fields.ts';

/** The day the demonstration activities are written around. */
export const DEMO_REFERENCE_DATE = '2026-12-01';

const DAY = 86_400_000;

/**
 * How many days the demonstration dates move when the site is built at `now`: the whole weeks
 * between the reference day and the build day (UTC), times seven. Weekdays and local times stay.
 */
export function demoShiftDays(now: Date, reference = DEMO_REFERENCE_DATE): number {
  const days = Math.floor((now.getTime() - Date.parse(`${reference}T00:00:00Z`)) / DAY);
  return Math.floor(days / 7) * 7;
}

/** The activity with every date (start, end, registration deadline, announcement) moved by `days`. */
export function shiftActivity(activity: Activity, days: number): Activity {
  if (days === 0) return activity;
  return {
    ...activity,
    start: addDays(activity.start, days),
    end: addDays(activity.end, days),
    ...(activity.announced ? { announced: addDays(activity.announced, days) } : {}),
    ...(activity.registration
      ? { registration: { ...activity.registration, ...(activity.registration.deadline ? { deadline: addDays(activity.registration.deadline, days) } : {}) } }
      : {}),
  };
}

/** An activity placed in time. */
export interface ScheduledActivity {
  id: string;
  /** The activity, its dates moved when it is a demonstration activity. */
  data: Activity;
  startsAt: Date;
  endsAt: Date;
  /** The end of the registration deadline's day in the activity's zone, when it has one. */
  registrationClosesAt?: Date;
  /** Year of the start, local time: the year facet. */
  year: number;
}

/** Each activity with its instants; demonstration dates moved for a build at `now`. Sorted by start. */
export function scheduleActivities(entries: readonly { id: string; data: Activity }[], now: Date): ScheduledActivity[] {
  const shift = demoShiftDays(now);
  return entries
    .map(({ id, data: written }) => {
      const data = written.demonstration ? shiftActivity(written, shift) : written;
      const deadline = data.registration?.deadline;
      return {
        id,
        data,
        startsAt: localToInstant(data.start, data.timeZone),
        endsAt: localToInstant(data.end, data.timeZone),
        ...(deadline ? { registrationClosesAt: localToInstant(`${addDays(deadline, 1)}T00:00`, data.timeZone) } : {}),
        year: Number(data.start.slice(0, 4)),
      };
    })
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id));
}

/** An activity that presents a practice, and whether it is still to come on the build day. */
export interface PresentingActivity extends ScheduledActivity {
  upcoming: boolean;
}

/** Upcoming until it is over: an activity under way is still listed with the coming ones. */
export const isUpcoming = (activity: ScheduledActivity, now: Date) => activity.endsAt.getTime() > now.getTime();

/** Whether registration is still open at `now` (no deadline: open until the start). */
export function registrationOpen(activity: ScheduledActivity, now: Date): boolean {
  if (!activity.data.registration) return false;
  const closes = activity.registrationClosesAt ?? activity.startsAt;
  return now.getTime() < closes.getTime();
}

/** The facets the activities are browsable by, each a static page per value. */
export const ACTIVITY_FACETS = ['type', 'theme', 'city', 'year'] as const;
export type ActivityFacet = (typeof ACTIVITY_FACETS)[number];

/** The cities of an activity: hosts first, then the participants. */
export const citiesOf = (activity: Activity): string[] => [...new Set([...(activity.hosts ?? []), ...(activity.participants ?? [])])];

/** The practices an activity presented or visited, in the reader's language where translated (English otherwise). */
export const presentedPractices = (catalogue: Catalogue, lang: Lang, activity: Activity): LocalizedPractice[] =>
  (activity.practices ?? []).map((slug) => catalogue.practice(lang, slug)).filter((practice) => practice !== undefined);

function facetValuesOf(activity: ScheduledActivity, facet: ActivityFacet): string[] {
  switch (facet) {
    case 'type':
      return [activity.data.type];
    case 'theme':
      return activity.data.themes;
    case 'city':
      return citiesOf(activity.data);
    case 'year':
      return [String(activity.year)];
  }
}

export interface ActivityIndexInput {
  activities: readonly { id: string; data: Activity }[];
  /** The national networks of each city (for the network calendars). */
  networksOfCity: (city: string) => readonly string[];
  now: Date;
}

export type ActivityIndex = ReturnType<typeof buildActivityIndex>;

export function buildActivityIndex({ activities, networksOfCity, now }: ActivityIndexInput) {
  const all = scheduleActivities(activities, now);
  const byId = new Map(all.map((activity) => [activity.id, activity]));
  const upcoming = all.filter((activity) => isUpcoming(activity, now));
  // Past: the most recent first.
  const past = all.filter((activity) => !isUpcoming(activity, now)).reverse();
  const networksOf = (activity: ScheduledActivity) =>
    new Set([...(activity.data.networks ?? []), ...citiesOf(activity.data).flatMap((city) => networksOfCity(city))]);

  return {
    now,
    all,
    upcoming,
    past,
    byId,
    /** The values of a facet that have at least one activity, in a stable order. */
    facetValues(facet: ActivityFacet): string[] {
      const values = new Set(all.flatMap((activity) => facetValuesOf(activity, facet)));
      return [...values].sort((a, b) => (facet === 'year' ? Number(b) - Number(a) : a.localeCompare(b)));
    },
    /** The activities of one facet value, upcoming (soonest first) and past (latest first). */
    by(facet: ActivityFacet, value: string): { upcoming: ScheduledActivity[]; past: ScheduledActivity[] } {
      const has = (activity: ScheduledActivity) => facetValuesOf(activity, facet).includes(value);
      return { upcoming: upcoming.filter(has), past: past.filter(has) };
    },
    /** Where a practice was presented or visited, latest first, each saying whether it is still to come. */
    ofPractice: (slug: string): PresentingActivity[] =>
      [...all]
        .reverse()
        .filter((activity) => activity.data.practices?.includes(slug))
        .map((activity) => ({ ...activity, upcoming: isUpcoming(activity, now) })),
    /** The coming activities on a theme, soonest first. */
    upcomingOfTheme: (theme: string) => upcoming.filter((activity) => activity.data.themes.includes(theme)),
    /** What a city hosted and what it took part in, in date order. */
    ofCity(city: string): { hosted: ScheduledActivity[]; attended: ScheduledActivity[] } {
      return {
        hosted: all.filter((activity) => activity.data.hosts?.includes(city)),
        attended: all.filter((activity) => !activity.data.hosts?.includes(city) && activity.data.participants?.includes(city)),
      };
    },
    /** Activities a national network organises or one of its cities hosts or joins. */
    ofNetwork: (network: string) => all.filter((activity) => networksOf(activity).has(network)),
    /** The types that have at least one activity, in the schema's order. */
    countByType(): Partial<Record<ActivityType, number>> {
      const counts: Partial<Record<ActivityType, number>> = {};
      for (const activity of all) counts[activity.data.type] = (counts[activity.data.type] ?? 0) + 1;
      return counts;
    },
    /** Past activities with a record, most recent first (the Atom feed). */
    records: () => past.filter((activity) => activity.data.record),
  };
}

/** The local start date of an activity, YYYY-MM-DD (for "May 2025" and the year facet). */
export const startDate = (activity: ScheduledActivity) => datePart(activity.data.start);
