/**
 * Turns what people type in a spreadsheet into ids: a city may be written "bilbao", "Bilbao",
 * "Bilbo" (its local name) or "Lisbonne"; a theme "education", "Education" or "Éducation"; a
 * target group "youth" or "Young people". Unknown values get the same message as the content
 * check, with a suggestion: `"educaton" is not a known theme (did you mean "education"?)`.
 */
import { LANGUAGES, SOURCE_LANGUAGE } from '../languages.ts';
import { COUNTRY_CODES, countryName } from '../countries.ts';
import { closestMatch } from '../did-you-mean.ts';
import { slugify } from '../slug.ts';

export interface ReferenceIndex {
  /** What the reference is, as messages name it: "city", "theme"... */
  noun: string;
  /** Known ids. */
  ids: string[];
  /** Normalised name or id → id. */
  byKey: Map<string, string>;
}

/** Case, accents, spaces and punctuation do not matter when matching names. */
export const matchKey = (value: string) => slugify(value);

/** An index over entries: each id and any names it is known by. */
export function referenceIndex(noun: string, entries: Iterable<{ id: string; names: (string | undefined)[] }>): ReferenceIndex {
  const ids: string[] = [];
  const byKey = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const { id, names } of entries) {
    ids.push(id);
    byKey.set(id, id);
    for (const name of names) {
      const key = name ? matchKey(name) : '';
      if (key && !byName.has(key)) byName.set(key, id);
    }
  }
  // An id always wins over another entry's name.
  for (const [key, id] of byName) if (!byKey.has(key)) byKey.set(key, id);
  return { noun, ids, byKey };
}

export type Resolved = { id: string } | { problem: string };

export function resolveReference(value: string, index: ReferenceIndex): Resolved {
  const id = index.byKey.get(value.trim()) ?? index.byKey.get(matchKey(value));
  if (id) return { id };
  // Suggest the id of the closest id or name ("Business and labour market" → "business").
  const close = closestMatch(matchKey(value) || value, index.byKey.keys());
  const suggestion = close ? ` (did you mean "${index.byKey.get(close)}"?)` : '';
  return { problem: `"${value.trim()}" is not a known ${index.noun}${suggestion}` };
}

/** A country written as its ISO code ("ES") or its name in a registered language ("Spain", "Espagne", "España"). */
export function resolveCountry(value: string): Resolved {
  const trimmed = value.trim();
  if (COUNTRY_CODES.has(trimmed.toUpperCase()) && trimmed.length === 2) return { id: trimmed.toUpperCase() };
  const names = new Map<string, string>();
  for (const code of COUNTRY_CODES) {
    for (const lang of LANGUAGES) names.set(matchKey(countryName(code, lang)), code);
  }
  const code = names.get(matchKey(trimmed));
  if (code) return { id: code };
  const close = closestMatch(matchKey(trimmed), names.keys());
  const suggestion = close ? ` (did you mean "${names.get(close)}", ${countryName(names.get(close)!, SOURCE_LANGUAGE)}?)` : '';
  return {
    problem: `"${trimmed}" is not a known country${suggestion}: write the two-letter ISO code, like "ES", or the country's name in English`,
  };
}
