/**
 * The UI translation files, checked by `npm run check:content` as they are on disk: each
 * src/translations/<lang>.json must be UTF-8 JSON holding "key": "text" pairs, and every language
 * must have exactly the keys of English (the build's own rule, src/lib/translation-problems.ts).
 * Before, a missing key passed the content check and only stopped the build, inside a stack trace.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { translationProblems } from '../translation-problems.ts';
import { controlCharacterProblems } from './control-characters.ts';
import { decodeUtf8 } from './decode-text.ts';
import type { Problem } from './problems.ts';

const REFERENCE = 'en.json';

/** The pairs, unless the file cannot be read as JSON pairs at all. */
type Read = { strings?: Record<string, unknown>; problems: Problem[] };

/** One translation file: its pairs, or why they cannot be read. */
function readStrings(path: string, file: string): Read {
  const refuse = (message: string): Read => ({ problems: [{ file, field: '', message }] });
  const decoded = decodeUtf8(readFileSync(path));
  if (!decoded.ok) {
    return refuse(`is not UTF-8 (line ${decoded.line} has a character saved in another encoding, such as Latin-1 or Windows-1252): save the file as UTF-8`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoded.text);
  } catch (error) {
    return refuse(`is not valid JSON (${error instanceof Error ? error.message : String(error)}): check the quotes and commas around that place`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return refuse('must hold "key": "text" pairs between { and }');
  }
  const strings = parsed as Record<string, unknown>;
  return { strings, problems: controlCharacterProblems(strings, file) };
}

/** Problems of every translation file in `<root>/src/translations/` (none when there is no such folder). */
export function checkTranslations(root: string, directory = join(root, 'src', 'translations')): Problem[] {
  let names: string[];
  try {
    names = readdirSync(directory).filter((name) => name.endsWith('.json')).sort();
  } catch {
    return [];
  }
  const fileOf = (name: string) => relative(root, join(directory, name)).split(sep).join('/');
  if (!names.includes(REFERENCE)) {
    return [{ file: fileOf(REFERENCE), field: '', message: 'is missing: English defines every key of the interface' }];
  }
  const english = readStrings(join(directory, REFERENCE), fileOf(REFERENCE));
  const problems = [...english.problems];
  if (!english.strings) return problems;
  for (const [key, text] of Object.entries(english.strings)) {
    const message =
      typeof text !== 'string' ? `"${key}" must be a text in quotes` : text.trim() === '' ? `"${key}" is empty: write the English text` : undefined;
    if (message) problems.push({ file: fileOf(REFERENCE), field: '', message });
  }
  for (const name of names.filter((candidate) => candidate !== REFERENCE)) {
    const file = fileOf(name);
    const translation = readStrings(join(directory, name), file);
    problems.push(...translation.problems);
    if (translation.strings) problems.push(...translationProblems(english.strings, translation.strings, file));
  }
  return problems;
}
