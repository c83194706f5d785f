/**
 * An activity of the network: a study visit, a thematic event, the coordinators' meeting, an
 * expert visit, a webinar, a policy lab or a training course. One YAML file per activity
 * (`src/content/activities/<id>.yaml`), its title and description per language like a resource,
 * its times written as the people in the room read them (local date and time plus an IANA time
 * zone), its place (host cities, a venue, or online), what it is about (themes, practices
 * presented or visited), who takes part and how to register; once it has taken place, its record
 * (summary, outcomes, documents, slides, recording).
 *
 * `demonstration: true` marks an invented activity of the demo content: its dates are moved with
 * the build date (src/lib/activities.ts, `demoShiftDays`), so the demo always has coming
 * activities. Real activities never move.
 */
import { z } from 'zod';
import { didYouMean } from '../did-you-mean.ts';
import { isLocalDateTime, isTimeZone, suggestTimeZone } from '../local-time.ts';
import { id, localized, markdownText, text, webAddress } from './fields.ts';

export const ACTIVITY_TYPES = [
  'study-visit',
  'thematic-event',
  'coordinators-meeting',
  'expert-visit',
  'webinar',
  'policy-lab',
  'training-course',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** When `announced` is not given, an activity counts as announced this many weeks before it starts. */
export const ANNOUNCED_WEEKS_BEFORE = 8;

/** A list of ids: `what` is said to editors (with the folder), `meaning` to readers of the open data. */
const idsOf = (what: string, meaning: string) =>
  z
    .array(id(what), { error: `must be a list of ids, like [a, b]: ${what}` })
    .refine((ids) => new Set(ids).size === ids.length, `lists the same id twice: ${what}`)
    .describe(meaning);

/** A local date and time, YYYY-MM-DDTHH:MM. YAML may read an unquoted one as a date: turned back into text. */
const localDateTime = (what: string) =>
  z.preprocess(
    (value) => (value instanceof Date ? value.toISOString().slice(0, 16) : value),
    z
      .string({ error: (issue) => (issue.input === undefined ? `is missing: ${what}` : `must be a date and time written YYYY-MM-DDTHH:MM: ${what}`) })
      .trim()
      .refine((value) => isLocalDateTime(value), {
        error: (issue) => `"${String(issue.input)}" is not a date and time written YYYY-MM-DDTHH:MM, like 2025-05-14T09:30: ${what}`,
      })
      .describe(what),
  );

/** A calendar date, YYYY-MM-DD (an unquoted YAML date is accepted). */
const plainDate = (what: string) =>
  z.preprocess(
    (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
    z
      .string({ error: (issue) => (issue.input === undefined ? `is missing: ${what}` : `must be a date written YYYY-MM-DD: ${what}`) })
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: (issue) => `"${String(issue.input)}" is not a date written YYYY-MM-DD, like 2025-04-30: ${what}` })
      // Only for text of the right shape (the line above reports the rest): no 31 April.
      .refine((value) => !/^\d{4}-\d{2}-\d{2}$/.test(value) || isLocalDateTime(`${value}T00:00`), {
        error: (issue) => `"${String(issue.input)}" is not a real calendar date: ${what}`,
      })
      .describe(what),
  );

/** A link of the record: a document, a report, a page of a partner. */
const linkSchema = z
  .strictObject(
    {
      /** What the link opens, per language. */
      title: localized('what the link opens'),
      /** Its address. */
      url: webAddress('address of the document or page'),
    },
    { error: 'must be a link with a title and a url, like { title: { en: Report }, url: https://... }' },
  )
  .describe('a document or page about the activity');

/** What happened, written once the activity has taken place. */
export const activityRecordSchema = z
  .strictObject(
    {
      /** What took place, per language (Markdown). */
      summary: localized('what took place, in a few sentences', markdownText),
      /** What came out of it: decisions, commitments, next steps (Markdown). */
      outcomes: localized('what came out of the activity: decisions, commitments, next steps', markdownText).optional(),
      /** Documents and links: reports, programmes, partners' pages. */
      documents: z.array(linkSchema, { error: 'must be a list of links, each with a title and a url' }).describe('documents and links: reports, programmes, partners\' pages').optional(),
      /** Where the slides can be read. */
      slides: webAddress('address of the slides').optional(),
      /** Where the recording can be watched. */
      recording: webAddress('address of the recording').optional(),
    },
    { error: 'must be the record of the activity: { summary: { en: ... }, outcomes, documents, slides, recording }' },
  )
  .describe('the record, once the activity has taken place: summary, outcomes, documents, slides, recording');

const activityShape = {
  /** What sort of activity it is. */
  type: z
    .enum(ACTIVITY_TYPES, {
      error: (issue) =>
        issue.input === undefined
          ? `is missing: what sort of activity it is, one of ${ACTIVITY_TYPES.join(', ')}`
          : `"${String(issue.input)}" is not a type of activity${didYouMean(String(issue.input), ACTIVITY_TYPES)}: use one of ${ACTIVITY_TYPES.join(', ')}`,
    })
    .describe(`what sort of activity it is: ${ACTIVITY_TYPES.join(', ')}`),
  /** Invented for the demonstration: its dates move with the build date. */
  demonstration: z
    .boolean({ error: 'must be true or false: whether the activity is invented for the demonstration (its dates then move with the build date)' })
    .describe('invented for the demonstration: its dates move with the build date')
    .optional(),
  /** The day it was announced: its date in "What's new" and the feeds (src/lib/feeds/news-items.ts). */
  announced: plainDate(`the day the activity was announced, written YYYY-MM-DD: its date in "What's new" and the feeds (${ANNOUNCED_WEEKS_BEFORE} weeks before the start when not given)`).optional(),
  /** Title, per language. */
  title: localized('title of the activity'),
  /** What it is about and who it is for, per language (Markdown). */
  description: localized('what the activity is about and who it is for', markdownText),
  /** When it starts, local time of its time zone. */
  start: localDateTime('when the activity starts, local time in its time zone'),
  /** When it ends, local time of its time zone. */
  end: localDateTime('when the activity ends, local time in its time zone'),
  /** The IANA time zone of the times (Europe/Madrid; UTC for an online event without a place). */
  timeZone: z
    .string({ error: (issue) => (issue.input === undefined ? 'is missing: the time zone of the start and end, like Europe/Madrid' : 'must be a time zone name, like Europe/Madrid') })
    .refine((zone) => isTimeZone(zone), {
      error: (issue) =>
        `"${String(issue.input)}" is not a known time zone${suggestTimeZone(String(issue.input))}: use an IANA name like Europe/Madrid, America/Montreal or UTC`,
    })
    .describe('IANA time zone of the start and end, like Europe/Madrid'),
  /** Host cities (ids of files in src/content/cities/); none for an online activity. */
  hosts: idsOf('ids of the host cities, from src/content/cities/', 'ids of the host cities (the "id" of a record in the cities dataset)').optional(),
  /** Where it takes place in the host city: building and address. */
  venue: text('where the activity takes place: building and address').optional(),
  /** Held online (alone, or as well as in a host city). */
  online: z.boolean({ error: 'must be true or false: whether the activity is held online' }).describe('held online').optional(),
  /** Index policy areas it is about. */
  themes: idsOf('ids of the Index themes the activity is about, from src/content/themes/', 'ids of the Index policy areas (themes) the activity is about').min(1, 'needs at least one theme: ids of the Index themes the activity is about, from src/content/themes/'),
  /** Practices presented or visited (slugs of files in src/content/practices/en/). */
  practices: idsOf('slugs of the practices presented or visited, from src/content/practices/en/', 'slugs of the practices presented or visited (the "id" of a record in the practices dataset)').optional(),
  /** Cities taking part besides the hosts. */
  participants: idsOf('ids of the cities taking part, from src/content/cities/', 'ids of the cities taking part besides the hosts (the "id" of a record in the cities dataset)').optional(),
  /** National networks that organise or join it as a network. */
  networks: idsOf('ids of the national networks that organise or join the activity, from src/content/networks/', 'ids of the national networks that organise or join the activity').optional(),
  /** Who organises it. */
  organiser: text('who organises the activity'),
  /** How to take part. */
  registration: z
    .strictObject(
      {
        /** Where to register. */
        url: webAddress('address of the registration form'),
        /** Last day to register, in the activity's time zone. */
        deadline: plainDate('last day to register, written YYYY-MM-DD').optional(),
      },
      { error: 'must be { url: https://..., deadline: YYYY-MM-DD }: how to register' },
    )
    .describe('how to register: address of the form and last day')
    .optional(),
  /** Written once it has taken place. */
  record: activityRecordSchema.optional(),
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const localValue = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 16) : typeof value === 'string' ? value.trim() : undefined);
const dateValue = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' ? value.trim() : undefined);

// The rules across fields also run when other fields are wrong, so they are reported with the
// file's other problems (the raw values are read with care: they may be of any type).
const always = { when: () => true };
const raw = (value: unknown) => (isRecord(value) ? value : {});

export const activitySchema = z
  .strictObject(activityShape)
  .refine(
    (value) => {
      const start = localValue(raw(value).start);
      const end = localValue(raw(value).end);
      return !(start && end && isLocalDateTime(start) && isLocalDateTime(end) && end <= start);
    },
    {
      ...always,
      path: ['end'],
      error: (issue) =>
        `${localValue(raw(issue.input).end)} is not after the start (${localValue(raw(issue.input).start)}): when the activity ends must come after when it starts, both local time in its time zone`,
    },
  )
  .refine((value) => !isRecord(value) || (Array.isArray(value.hosts) && value.hosts.length > 0) || value.online === true, {
    ...always,
    path: ['hosts'],
    error: 'is missing: the host city or cities, ids from src/content/cities/ (or set online: true for an activity held online)',
  })
  .refine(
    (value) => {
      const start = localValue(raw(value).start);
      const deadline = dateValue(raw(raw(value).registration).deadline);
      return !(start && deadline && isLocalDateTime(start) && isLocalDateTime(`${deadline}T00:00`) && deadline >= start.slice(0, 10));
    },
    {
      ...always,
      path: ['registration', 'deadline'],
      error: (issue) =>
        `${dateValue(raw(raw(issue.input).registration).deadline)} is not before the start (${localValue(raw(issue.input).start)?.slice(0, 10)}): the last day to register must come before the day the activity starts`,
    },
  )
  .refine(
    (value) => {
      const start = localValue(raw(value).start);
      const announced = dateValue(raw(value).announced);
      return !(start && announced && isLocalDateTime(start) && isLocalDateTime(`${announced}T00:00`) && announced > start.slice(0, 10));
    },
    {
      ...always,
      path: ['announced'],
      error: (issue) =>
        `${dateValue(raw(issue.input).announced)} is after the start (${localValue(raw(issue.input).start)?.slice(0, 10)}): the day the activity was announced must be on or before the day it starts`,
    },
  );

export type Activity = z.output<typeof activitySchema>;
export type ActivityRecord = z.output<typeof activityRecordSchema>;
