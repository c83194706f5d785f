import { z } from 'zod';
import { didYouMean } from '../did-you-mean.ts';
import { TARGET_GROUPS } from '../target-groups.ts';
import { methodIdList } from './method.ts';
import { practiceFactsShape, spokenLanguages } from './practice-facts.ts';
import {
  CURRENT_YEAR,
  calendarDate,
  emailAddress,
  id,
  idList,
  markdownText,
  text,
  webAddress,
  year,
} from './fields.ts';

const FIRST_YEAR = 1990;

/** When the practice ran: a start year and an end year or "ongoing". */
export const periodSchema = z
  .strictObject(
    {
      /** Year the practice started. */
      start: year(FIRST_YEAR, CURRENT_YEAR, 'year the practice started'),
      /** Year it ended (or is planned to end), or "ongoing". */
      end: z
        .union([z.literal('ongoing'), z.number().int()], {
          error: 'must be a year or "ongoing": year the practice ended',
        })
        .describe('year the practice ended (or is planned to end), or "ongoing"'),
    },
    { error: 'is missing: when the practice ran, like { start: 2018, end: ongoing }' },
  )
  .describe('when the practice ran: start year, and end year or "ongoing"')
  .refine((period) => period.end === 'ongoing' || period.end >= period.start, {
    path: ['end'],
    error: 'must be the start year or later, or "ongoing": year the practice ended',
  })
  .refine((period) => period.end === 'ongoing' || period.end <= CURRENT_YEAR + 10, {
    path: ['end'],
    error: `must be ${CURRENT_YEAR + 10} or earlier, or "ongoing": year the practice ended`,
  });

/** A target group from the fixed vocabulary. */
const targetGroup = z.string({ error: 'must be a target group id' }).refine(
  (value): value is (typeof TARGET_GROUPS)[number] =>
    (TARGET_GROUPS as readonly string[]).includes(value),
  {
    error: (issue) =>
      `"${String(issue.input)}" is not a target group${didYouMean(String(issue.input), TARGET_GROUPS)}: use one of ${TARGET_GROUPS.join(', ')}`,
  },
);

/**
 * Fields shared by all translations of a practice: they must be identical in every language,
 * except the contact's name and role (CONTACT_TRANSLATED_KEYS), written in each language.
 */
export const practiceSharedShape = {
  /** Cities that run the practice (ids of files in src/content/cities/). */
  cities: idList('ids of the cities that run the practice (the "id" of a record in the cities dataset)'),
  /** Index policy areas the practice serves (ids of files in src/content/themes/). */
  themes: idList('ids of the Index policy areas (themes) the practice serves'),
  /** Who the practice is for. */
  targetGroups: z
    .array(targetGroup, { error: 'must be a list of target groups, like [youth, women]' })
    .min(1, 'needs at least one target group: who the practice is for')
    .describe('who the practice is for, from the fixed list of target groups'),
  /** When the practice ran. */
  period: periodSchema,
  /** Practices this one adapted (their slugs). */
  adaptedFrom: z
    .array(id('slug of a practice this one adapted'), {
      error: 'must be a list of practice slugs',
    })
    .describe('slugs of the practices this one adapted (the "id" of a record in the practices dataset)')
    .optional(),
  /** Methods the practice applies (ids of files in src/content/methods/en/). */
  methods: methodIdList('ids of the methods the practice applies (the "id" of a record in the methods dataset)').optional(),
  /**
   * The people behind the practice. All parts optional. The name (of a team or office) and the
   * role are translated; the e-mail address and web page are the same in every language.
   */
  contact: z
    .strictObject(
      {
        name: text('name of the contact person or team, in the language of the file').optional(),
        role: text('role or department of the contact, in the language of the file').optional(),
        email: emailAddress('e-mail address of the contact').optional(),
        url: webAddress('web page to reach the people behind the practice').optional(),
        languages: spokenLanguages('languages the contact can be written to in').optional(),
      },
      { error: 'must be a group of name, role, email, url and languages' },
    )
    .describe('the people behind the practice, to ask about it')
    .optional(),
  ...practiceFactsShape,
};

/** Fields written once per language. */
export const practiceTranslatedShape = {
  /** Short title in plain language. */
  title: text('short title of the practice in plain language'),
  /** One or two sentences on what the practice sets out to do; shown as the teaser. */
  purpose: text('one or two sentences on what the practice sets out to do'),
  /** The problem or trigger (Markdown). */
  stimulus: markdownText('the problem or trigger behind the practice'),
  /** How it was done: steps, partners, budget, resources (Markdown). */
  process: markdownText('how the practice was done: steps, partners, budget'),
  /** Outcomes, evidence, evaluation (Markdown). */
  results: markdownText('outcomes, evidence and evaluation'),
  /** What another city needs to adapt it (Markdown). */
  transferability: markdownText('what another city needs to adapt the practice'),
  /** What a city needs before it starts: people, partners, premises, decisions ("What you'll need"). */
  prerequisites: z
    .array(text('one thing a city needs before it starts, in one sentence'), {
      error: 'must be a list of short sentences: what a city needs before it starts',
    })
    .min(1, 'needs at least one item, or leave the field out: what a city needs before it starts')
    .describe("what a city needs before it starts (shown as \"What you'll need\")")
    .optional(),
  /** Web links and documents. */
  links: z
    .array(
      z.strictObject({
        label: text('text of the link, saying where it goes'),
        url: webAddress('address of the link'),
      }),
      { error: 'must be a list of { label, url }' },
    )
    .describe('web pages and documents about the practice')
    .optional(),
  /** Pictures stored in public/images/, each with a text alternative. */
  images: z
    .array(
      z.strictObject({
        src: z
          .string({ error: 'is missing: path of the image under public/, like /images/x.jpg' })
          .regex(
            /^\/images\/[\w./-]+\.(?:jpe?g|png|webp|avif|svg)$/i,
            'must be a picture in public/images/, like /images/practices/x.jpg (remote images are not allowed)',
          )
          .describe('address of the picture on this site, like /images/practices/x.jpg'),
        alt: text('text alternative: what the image shows, for people who cannot see it'),
      }),
      { error: 'must be a list of { src, alt }' },
    )
    .describe('pictures of the practice, each with a text alternative')
    .optional(),
  /** Date the practice was first published on the site. */
  published: calendarDate('date the practice was first published'),
  /** Date of the last substantial update. */
  updated: calendarDate('date of the last substantial update').optional(),
};

/** Keys whose presence marks a file as a real translation rather than a CMS stub. */
export const TRANSLATED_KEYS = Object.keys(practiceTranslatedShape);
export const SHARED_KEYS = Object.keys(practiceSharedShape) as (keyof typeof practiceSharedShape)[];
/** Parts of `contact` written in each language; its other parts are shared. */
export const CONTACT_TRANSLATED_KEYS = ['name', 'role'] as const;

/**
 * The part of a shared field that must be identical in every language: the whole field, but for
 * `contact` only its e-mail and web page.
 */
export function sharedPart(key: (typeof SHARED_KEYS)[number], value: unknown): unknown {
  if (key !== 'contact' || typeof value !== 'object' || value === null) return value;
  const shared = Object.fromEntries(
    Object.entries(value).filter(([part]) => !(CONTACT_TRANSLATED_KEYS as readonly string[]).includes(part)),
  );
  return Object.keys(shared).length > 0 ? shared : undefined;
}

/** A complete practice in one language (`src/content/practices/<lang>/<slug>.md`). */
export const practiceSchema = z
  .strictObject({ ...practiceSharedShape, ...practiceTranslatedShape })
  .refine((practice) => !practice.updated || practice.updated >= practice.published, {
    path: ['updated'],
    error: 'must be the same as or later than "published": date of the last substantial update',
  })
  .refine((practice) => practice.status !== 'ended' || practice.period.end !== 'ongoing', {
    path: ['status'],
    error: 'is "ended" but period.end is "ongoing": give the year it ended in period.end, or choose another status',
  });

/**
 * A translation stub: Decap CMS writes the shared fields into the other language's folder when
 * one language is saved. It is accepted and skipped (see STACK.md).
 */
export const practiceStubSchema = z.strictObject(practiceSharedShape);

/** True when a file holds only shared fields (a CMS translation stub). */
export function isPracticeStub(data: Record<string, unknown>): boolean {
  return !TRANSLATED_KEYS.some((key) => key in data);
}

/** What Astro's content collection accepts: a complete practice or a stub. */
export const practiceEntrySchema = z.union([practiceSchema, practiceStubSchema]);

export type Practice = z.output<typeof practiceSchema>;
export type PracticeStub = z.output<typeof practiceStubSchema>;
