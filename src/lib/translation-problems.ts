/**
 * UI strings: English (src/translations/en.json) defines the keys, and every other language file
 * must have exactly the same keys, each with non-empty text. This one comparison is used by the
 * build (src/lib/i18n.ts, on the imported files) and by `npm run check:content`
 * (src/lib/content/check-translations.ts, on the files as they are on disk).
 */
import type { Problem } from './content/problems.ts';

/** Missing, empty and extra keys of `translation` compared with English, in `file`. */
export function translationProblems(
  reference: Readonly<Record<string, unknown>>,
  translation: Readonly<Record<string, unknown>>,
  file: string,
): Problem[] {
  const problems: Problem[] = [];
  const problem = (message: string) => problems.push({ file, field: '', message });
  for (const [key, english] of Object.entries(reference)) {
    const text = translation[key];
    if (!(key in translation)) problem(`"${key}" is missing: add it with the translation of "${String(english)}"`);
    else if (typeof text !== 'string') problem(`"${key}" must be a text in quotes: translate "${String(english)}"`);
    else if (text.trim() === '') problem(`"${key}" is empty: translate "${String(english)}"`);
  }
  for (const key of Object.keys(translation)) {
    if (!(key in reference)) problem(`"${key}" is not used in English (src/translations/en.json): remove it or add it there`);
  }
  return problems;
}
