/**
 * Coded, comparable facts about a practice: how well its results are known (evidence level),
 * what it costs, how many staff it takes, how many people it reaches, where it stands (pilot,
 * running, ended, mainstreamed), the organisations it works with, and whether its city welcomes
 * study visits or mentors others. Prose says all this in a different way in every practice;
 * these codes let an official compare practices and filter the catalogue by them.
 *
 * Every fact is optional: a fact the practice's text does not support is left out, never guessed.
 * The vocabularies are fixed lists so that the catalogue can offer them as facets; their labels
 * live in the UI strings (`facts.<field>.<value>`).
 */
import { z } from 'zod';
import { didYouMean } from '../did-you-mean.ts';
import { id, webAddress } from './fields.ts';
import { PUBLICATION_LANGUAGES } from './resource.ts';

/** How well a practice's results are known, from least to most independent. */
export const EVIDENCE_LEVELS = ['none', 'monitoring', 'internal-evaluation', 'external-evaluation'] as const;
/** What a practice costs a year, in euros (or the equivalent). */
export const COST_BANDS = ['under-10k', '10k-50k', '50k-250k', 'over-250k'] as const;
/** Paid staff who run it, in full-time equivalents. */
export const STAFF_BANDS = ['volunteers', 'under-1', '1-to-5', 'over-5'] as const;
/** People it reaches (takes part, is served or trained) in a year. */
export const REACH_BANDS = ['under-100', '100-to-1000', '1000-to-10000', 'over-10000'] as const;
/** Where the practice stands. */
export const PRACTICE_STATUSES = ['pilot', 'running', 'ended', 'mainstreamed'] as const;

export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];
export type CostBand = (typeof COST_BANDS)[number];
export type StaffBand = (typeof STAFF_BANDS)[number];
export type ReachBand = (typeof REACH_BANDS)[number];
export type PracticeStatus = (typeof PRACTICE_STATUSES)[number];

/** One value of a fixed list, with a "did you mean" and the whole list in the message. */
function oneOf<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z
    .enum(values, {
      error: (issue) =>
        issue.input === undefined
          ? `is missing: ${what}`
          : `"${String(issue.input)}" is not one of the choices${didYouMean(String(issue.input), values)}: use one of ${values.join(', ')} (${what})`,
    })
    .describe(`${what}: one of ${values.join(', ')}`);
}

/** How the results are known, with the report when there is one. */
export const evidenceSchema = z
  .strictObject(
    {
      /** none, monitoring (figures collected), internal or external evaluation. */
      level: oneOf(EVIDENCE_LEVELS, 'how the results are known'),
      /** The evaluation or monitoring report, when it is published. */
      report: webAddress('web address of the evaluation or monitoring report').optional(),
    },
    { error: 'must be a group like { level: external-evaluation, report: https://… }: how the results are known' },
  )
  .refine((evidence) => evidence.level !== 'none' || evidence.report === undefined, {
    path: ['report'],
    error: 'a report needs an evidence level other than "none": set level to monitoring, internal-evaluation or external-evaluation, or remove the report',
  })
  .describe('how the results are known (evidence level) and the report, if published');

/** Languages a person speaks (ISO 639-1 codes of the publication list). */
export const spokenLanguages = (what: string) =>
  z
    .array(
      z.enum(PUBLICATION_LANGUAGES, {
        error: (issue) =>
          `"${String(issue.input)}" is not a language code of the list${didYouMean(String(issue.input), PUBLICATION_LANGUAGES)}: use a two-letter ISO 639-1 code in lower case, like en or fr (${what})`,
      }),
      { error: `must be a list of language codes, like [en, fr]: ${what}` },
    )
    .min(1, `needs at least one language, or leave the field out: ${what}`)
    .refine((codes) => new Set(codes).size === codes.length, `lists the same language twice: ${what}`)
    .describe(`${what}, as ISO 639-1 codes like [en, fr]`);

/** "Open to study visits" / "open to mentoring": only `true` means yes; leave out otherwise. */
export const openFlag = (what: string) =>
  z.boolean({ error: `must be true or false: ${what}` }).describe(what).optional();

/** The coded facts, shared by every translation of a practice (they do not depend on the language). */
export const practiceFactsShape = {
  /** How the results are known. */
  evidence: evidenceSchema.optional(),
  /** Yearly cost band in euros. */
  cost: oneOf(COST_BANDS, 'what the practice costs a year, in euros').optional(),
  /** Paid staff, in full-time equivalents. */
  staff: oneOf(STAFF_BANDS, 'paid staff who run the practice, in full-time equivalents').optional(),
  /** People reached in a year. */
  reach: oneOf(REACH_BANDS, 'people the practice reaches in a year').optional(),
  /** Pilot, running, ended or mainstreamed (part of the city's regular services). */
  status: oneOf(PRACTICE_STATUSES, 'where the practice stands').optional(),
  /** Organisations that run it with the city (ids of files in src/content/organisations/). */
  partners: z
    .array(id('id of a partner organisation, from src/content/organisations/'), {
      error: 'must be a list of organisation ids, like [red-cross-bergen]',
    })
    .min(1, 'needs at least one organisation, or leave the field out: partners of the practice')
    .refine((ids) => new Set(ids).size === ids.length, 'lists the same organisation twice: partners of the practice')
    .describe('organisations that run the practice with the city (organisation ids)')
    .optional(),
  /** The city welcomes visits from other cities to see the practice. */
  openToStudyVisits: openFlag('the city welcomes study visits to see the practice'),
  /** The people behind it are willing to mentor another city adapting it. */
  openToMentoring: openFlag('the people behind the practice will mentor a city that adapts it'),
};

/** The coded facts as read from a practice. */
export interface PracticeFacts {
  evidence?: { level: EvidenceLevel; report?: string };
  cost?: CostBand;
  staff?: StaffBand;
  reach?: ReachBand;
  status?: PracticeStatus;
  partners?: string[];
  openToStudyVisits?: boolean;
  openToMentoring?: boolean;
}
