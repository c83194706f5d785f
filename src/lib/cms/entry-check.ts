/**
 * The check the admin runs before saving: the same schemas as `npm run check:content`, applied
 * to what the form holds (after dropping empty fields, as the file writer does). Decap validates
 * only required fields, ranges and patterns, and only in the language shown; this catches the
 * rest (placeholder text, dates out of order, an unfinished translation) so a saved entry
 * always passes the content check.
 */
import type { z } from 'zod';
import { problemsFromIssues } from '../content/problems.ts';
import { COLLECTIONS, entrySchema } from '../content/collections.ts';
import type { CmsCollectionName } from './collections.ts';
import { practiceFileData, pruneEmpty } from './formats.ts';
import { ADMIN_TEXT, type CmsLocale } from './labels.ts';
import { SOURCE_LANGUAGE, REGISTERED_TRANSLATION_LANGUAGES, languageName, type Lang } from '../languages.ts';

type Data = Record<string, unknown>;

/** "Version in French", in the interface's language. */
const versionName = (code: Lang, locale: CmsLocale) => ADMIN_TEXT.versionIn[locale].replace('{language}', languageName(code, locale));

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
  translations: Partial<Record<Lang, Data | undefined>> = {},
  locale: CmsLocale = SOURCE_LANGUAGE,
): string[] {
  if (collection === 'pages') {
    // English is required; a translation, once started, must be complete. The text after the
    // front matter is not a schema field.
    const withoutBody = ({ body: _body, ...fields }: Data) => pruneEmpty(fields);
    const lines = problems(entrySchema('pages'), withoutBody(data)).map((line) => `${versionName(SOURCE_LANGUAGE, locale)}: ${line}`);
    for (const code of REGISTERED_TRANSLATION_LANGUAGES) {
      const translation = withoutBody(translations[code] ?? {});
      if (Object.keys(translation).length > 0) {
        lines.push(...problems(entrySchema('pages'), translation).map((line) => `${versionName(code, locale)}: ${line}`));
      }
    }
    return lines;
  }
  if (collection !== 'practices') return problems(entrySchema(collection), pruneEmpty(data));
  const lines = problems(entrySchema('practices'), practiceFileData(data)).map((line) => `${versionName(SOURCE_LANGUAGE, locale)}: ${line}`);
  for (const code of REGISTERED_TRANSLATION_LANGUAGES) {
    const translation = translations[code] ? practiceFileData(translations[code]) : undefined;
    if (translation && Object.keys(translation).length > 0) {
      lines.push(...problems(COLLECTIONS.practices.schemaFor(translation), translation).map((line) => `${versionName(code, locale)}: ${line}`));
    }
  }
  return lines;
}
