import { z } from 'zod';
import {
  CURRENT_YEAR,
  calendarDate,
  id,
  localized,
  localizedShape,
  markdownText,
  wholeNumber,
  year,
} from './fields.ts';
import { INDEX_VERSIONS } from './theme.ts';

const score = (what: string) => wholeNumber(0, 100, `${what}, from 0 to 100`);

/** One city's result in one edition of the Index (`src/content/index-results/<city>-<edition>.md`). */
export const indexResultSchema = z
  .strictObject({
    /** The city assessed (id of a file in src/content/cities/). */
    city: id('id of the city assessed (the "id" of a record in the cities dataset)'),
    /** Year of the Index edition. */
    edition: year(2008, CURRENT_YEAR, 'year of the Index edition'),
    /** Date of the analytical report. */
    date: calendarDate('date of the analytical report'),
    /** Questionnaire structure used: before or after the 2019 revision. */
    version: z.enum(INDEX_VERSIONS, {
      error: 'must be "pre-2019" or "2019" (in quotes): the Index version of the questionnaire',
    }).describe('the questionnaire used: "2019" (the revised Index) or "pre-2019"'),
    /** N: the number of cities in the report's comparison. */
    sampleSize: wholeNumber(1, 1000, "number of cities in the report's comparison (N)"),
    /** Weighted overall Index, in percent. */
    overall: score('overall Index score in percent'),
    /** Score per theme id, only for themes scored in this Index version. */
    scores: z
      .record(z.string(), score('score of the theme'), {
        error: 'must be a list of theme: score pairs, like "commitment: 80"',
      })
      .refine((scores) => Object.keys(scores).length > 0, 'needs at least one theme score')
      .describe('score from 0 to 100 per theme id, only for themes of this Index version'),
    /** Summary of the analytical report (Markdown). */
    summary: localized('summary of the analytical report', markdownText),
    /** The report's recommendations, each tied to a theme. */
    recommendations: z
      .array(
        z.strictObject({
          theme: id('id of the theme the recommendation is about'),
          ...localizedShape('the recommendation'),
        }),
        { error: 'must be a list of { theme, en }, with the recommendation in each language' },
      )
      .describe("the report's recommendations, each about one theme")
      .default([]),
  })
  .refine((result) => (result.version === 'pre-2019') === result.edition < 2019, {
    path: ['version'],
    error: 'does not match the edition year: editions before 2019 use "pre-2019", later ones "2019"',
  })
  .refine(
    (result) => {
      const reportYear = Number(result.date.slice(0, 4));
      return reportYear >= result.edition && reportYear <= result.edition + 1;
    },
    { path: ['date'], error: 'must fall in the edition year or the year after: date of the report' },
  );

export type IndexResult = z.output<typeof indexResultSchema>;
