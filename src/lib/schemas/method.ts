/**
 * A method: how to do something that several cities did, as opposed to a practice, which is what
 * one city did. A method is written once per language (`src/content/methods/<lang>/<id>.md`);
 * translations share the file name and the shared fields (themes, budget band). Practices name
 * the methods they apply in their `methods` list.
 */
import { z } from 'zod';
import { id, idList, text, webAddress } from './fields.ts';

/** What a method costs a city, roughly: the band an official can plan with. */
export const BUDGET_BANDS = ['low', 'medium', 'high'] as const;
export type BudgetBand = (typeof BUDGET_BANDS)[number];

/** Fields shared by all translations of a method: they must be identical in every language. */
export const methodSharedShape = {
  /** Index policy areas the method serves (ids of files in src/content/themes/). */
  themes: idList('ids of the Index policy areas (themes) the method serves'),
  /** Rough cost band. */
  budget: z
    .enum(BUDGET_BANDS, { error: `must be one of ${BUDGET_BANDS.join(', ')}: what the method costs a city, roughly` })
    .describe('what the method costs a city, roughly: low, medium or high'),
};

/** Fields written once per language. */
export const methodTranslatedShape = {
  /** Name of the method in plain language. */
  name: text('name of the method in plain language'),
  /** One or two sentences on what the method is; shown as the teaser. */
  summary: text('one or two sentences on what the method is'),
  /** The situations the method answers (Markdown). */
  whenToUse: text('when to use the method: the situations it answers'),
  /** The steps, in order, each one or two sentences. */
  steps: z
    .array(text('one step of the method, in one or two sentences'), { error: 'must be a list of steps, each one or two sentences' })
    .min(2, 'needs at least two steps: the steps of the method, in order')
    .describe('the steps of the method, in order'),
  /** Skills the city needs. */
  skills: text('the skills the method needs'),
  /** Partners to involve. */
  partners: text('the partners to involve'),
  /** How long it takes to set up and to run. */
  time: text('how long the method takes to set up and to run'),
  /** Mistakes to avoid (Markdown). */
  pitfalls: text('the mistakes to avoid'),
  /** How to know whether it worked (Markdown). */
  evaluation: text('how to evaluate the method: what to measure and how'),
  /** Where the method comes from: publications and pages. */
  sources: z
    .array(
      z.strictObject({
        label: text('text of the source, saying what it is'),
        url: webAddress('address of the source'),
      }),
      { error: 'must be a list of { label, url }' },
    )
    .describe('publications and pages the method is drawn from')
    .optional(),
};

export const METHOD_TRANSLATED_KEYS = Object.keys(methodTranslatedShape);
export const METHOD_SHARED_KEYS = Object.keys(methodSharedShape) as (keyof typeof methodSharedShape)[];

/** A complete method in one language. */
export const methodSchema = z.strictObject({ ...methodSharedShape, ...methodTranslatedShape });

/** A translation stub the CMS writes into the other language's folder: accepted and skipped. */
export const methodStubSchema = z.strictObject(methodSharedShape);

/** True when a file holds only shared fields (a CMS translation stub). */
export function isMethodStub(data: Record<string, unknown>): boolean {
  return !METHOD_TRANSLATED_KEYS.some((key) => key in data);
}

/** What Astro's content collection accepts: a complete method or a stub. */
export const methodEntrySchema = z.union([methodSchema, methodStubSchema]);

/** The list of method ids a practice applies (each a file name in src/content/methods/en/). */
export const methodIdList = (what: string) =>
  z
    .array(id(what), { error: 'must be a list of method ids, like [anti-rumour-strategy]' })
    .refine((ids) => new Set(ids).size === ids.length, `lists the same id twice: ${what}`)
    .describe(what);

export type Method = z.output<typeof methodSchema>;
