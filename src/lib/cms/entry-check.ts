/**
 * The check the admin runs before saving: the same schemas as `npm run check:content`, applied
 * to what the form holds (after dropping empty fields, as the file writer does). Decap validates
 * only required fields, ranges and patterns, and only in the language shown; this catches the
 * rest (placeholder text, dates out of order, an unfinished French translation) so a saved entry
 * always passes the content check.
 */
import type { z } from 'zod';
import { problemsFromIssues } from '../content/problems.ts';
import { COLLECTIONS, entrySchema } from '../content/collections.ts';
import type { CmsCollectionName } from './collections.ts';
import { practiceFileData, pruneEmpty } from './formats.ts';
import type { CmsLocale } from './labels.ts';

type Data = Record<string, unknown>;

const VERSION_NAME: Record<CmsLocale, Record<'en' | 'fr', string>> = {
  en: { en: 'English version', fr: 'French version' },
  fr: { en: 'Version anglaise', fr: 'Version française' },
};

function problems(schema: z.ZodType, data: Data): string[] {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return [];
  const known = 'shape' in schema ? Object.keys((schema as unknown as z.ZodObject).shape) : [];
  return problemsFromIssues('', result.error.issues, known).map((problem) =>
    problem.field ? `${problem.field} ${problem.message}` : problem.message,
  );
}

/**
 * Problems that would stop the content check, one line each; empty when the entry can be saved.
 * `translations` holds the other languages of a practice (Decap's `i18n.<lang>.data`).
 */
export function checkCmsEntry(
  collection: CmsCollectionName,
  data: Data,
  translations: Partial<Record<'fr', Data>> = {},
  locale: CmsLocale = 'en',
): string[] {
  if (collection === 'pages') {
    // Both languages of a page are required; the text after the front matter is not a schema field.
    const withoutBody = ({ body: _body, ...fields }: Data) => pruneEmpty(fields);
    return [
      ...problems(entrySchema('pages'), withoutBody(data)).map((line) => `${VERSION_NAME[locale].en}: ${line}`),
      ...problems(entrySchema('pages'), withoutBody(translations.fr ?? {})).map((line) => `${VERSION_NAME[locale].fr}: ${line}`),
    ];
  }
  if (collection !== 'practices') return problems(entrySchema(collection), pruneEmpty(data));
  const lines = problems(entrySchema('practices'), practiceFileData(data)).map((line) => `${VERSION_NAME[locale].en}: ${line}`);
  const french = translations.fr ? practiceFileData(translations.fr) : undefined;
  if (french && Object.keys(french).length > 0) {
    lines.push(...problems(COLLECTIONS.practices.schemaFor(french), french).map((line) => `${VERSION_NAME[locale].fr}: ${line}`));
  }
  return lines;
}
