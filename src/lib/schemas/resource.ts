/**
 * A resource: a publication or course a city can use (a guide, a policy brief, a manual, the
 * Index methodology...). One YAML file per resource (`src/content/resources/<id>.yaml`) with its
 * title and summary per language, a link or a PDF file, and what it is about: themes, methods
 * and practices.
 */
import { z } from 'zod';
import { didYouMean } from '../did-you-mean.ts';
import { CURRENT_YEAR, id, localized, text, webAddress, year } from './fields.ts';

export const RESOURCE_KINDS = ['guide', 'policy-brief', 'manual', 'toolkit', 'online-course', 'video', 'report', 'index-methodology'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** Where uploaded PDF files live, under public/. */
export const DOCUMENT_FOLDER = 'documents';

/**
 * Languages a publication can be available in (ISO 639-1): the languages of the member cities,
 * a fixed list so the CMS can offer them as choices.
 */
export const PUBLICATION_LANGUAGES = [
  'ar', 'bg', 'ca', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'eu', 'fi', 'fr', 'gl', 'he', 'hr', 'hu', 'is', 'it', 'ja',
  'ko', 'lt', 'lv', 'nl', 'no', 'pl', 'pt', 'ro', 'ru', 'sk', 'sl', 'sr', 'sv', 'tr', 'uk',
] as const;

const languageCode = z.enum(PUBLICATION_LANGUAGES, {
  error: (issue) =>
    `"${String(issue.input)}" is not a language code of the list${didYouMean(String(issue.input), PUBLICATION_LANGUAGES)}: use a two-letter ISO 639-1 code in lower case, one of ${PUBLICATION_LANGUAGES.join(', ')}`,
});

const idsOf = (what: string) =>
  z
    .array(id(what), { error: `must be a list of ids, like [a, b]: ${what}` })
    .refine((ids) => new Set(ids).size === ids.length, `lists the same id twice: ${what}`)
    .describe(what)
    .optional();

export const resourceSchema = z
  .strictObject({
    /** What sort of resource it is. */
    kind: z
      .enum(RESOURCE_KINDS, {
        error: (issue) =>
          issue.input === undefined
            ? `is missing: what sort of resource it is, one of ${RESOURCE_KINDS.join(', ')}`
            : `"${String(issue.input)}" is not a kind of resource${didYouMean(String(issue.input), RESOURCE_KINDS)}: use one of ${RESOURCE_KINDS.join(', ')}`,
      })
      .describe(`what sort of resource it is: ${RESOURCE_KINDS.join(', ')}`),
    /** Title, per language. */
    title: localized('title of the resource'),
    /** One or two sentences on what it offers, per language. */
    summary: localized('one or two sentences on what the resource offers'),
    /** Year of publication. */
    year: year(1990, CURRENT_YEAR, 'year the resource was published'),
    /** Who published it. */
    publisher: text('who published the resource'),
    /** Languages it is available in. */
    languages: z
      .array(languageCode, { error: 'must be a list of language codes, like [en, fr]' })
      .min(1, 'needs at least one language: the languages the resource is available in, like [en, fr]')
      .describe('languages the resource is available in, as ISO 639-1 codes like [en, fr]'),
    /** Where to read it on the web. */
    url: webAddress('address where the resource can be read').optional(),
    /** Or a PDF stored with the site. */
    file: z
      .string({ error: `must be the path of a PDF under public/, like /${DOCUMENT_FOLDER}/guide.pdf` })
      .regex(
        new RegExp(`^/${DOCUMENT_FOLDER}/[\\w./-]+\\.pdf$`, 'i'),
        `must be a PDF in public/${DOCUMENT_FOLDER}/, like /${DOCUMENT_FOLDER}/guide.pdf: the resource's file`,
      )
      .describe(`address on this site of a PDF of the resource, like /${DOCUMENT_FOLDER}/guide.pdf`)
      .optional(),
    /** Index policy areas it covers. */
    themes: idsOf('ids of the Index policy areas (themes) the resource covers'),
    /** Methods it explains or supports. */
    methods: idsOf('ids of the methods the resource explains (the "id" of a record in the methods dataset)'),
    /** Practices it documents. */
    practices: idsOf('slugs of the practices the resource documents (the "id" of a record in the practices dataset)'),
  })
  .refine((resource) => (resource.url === undefined) !== (resource.file === undefined), {
    // Reported with the file's other problems, not only once they are fixed.
    when: (payload) => typeof payload.value === 'object' && payload.value !== null,
    path: ['url'],
    error: `needs a link or a file, not both and not neither: give "url" (a web address) or "file" (a PDF in public/${DOCUMENT_FOLDER}/)`,
  });

export type Resource = z.output<typeof resourceSchema>;
