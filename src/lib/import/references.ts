/**
 * Turns what people type in a spreadsheet into ids: a city may be written "bilbao", "Bilbao",
 * "Bilbo" (its local name) or "Lisbonne"; a theme "education", "Education" or "Éducation"; a
 * target group "youth" or "Young people". Unknown values get the same message as the content
 * check, with a suggestion: `"educaton" is not a known theme (did you mean "education"?)`.
 */
import { REGISTERED_LANGUAGES, SOURCE_LANGUAGE } from '../languages.ts';
import { COUNTRY_CODES, countryName } from '../countries.ts';
import { suggester, type Suggester } from '../did-you-mean.ts';
import { slugify } from '../slug.ts';

export interface ReferenceIndex {
  /** What the reference is, as messages name it: "city", "theme"... */
  noun: string;
  /** Known ids. */
  ids: string[];
  /** Normalised name or id → id. */
  byKey: Map<string, string>;
  /** Suggestions among the keys of byKey: built at the first unknown value, then kept for the others. */
  suggestions: () => Suggester;
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
  let suggestions: Suggester | undefined;
  return { noun, ids, byKey, suggestions: () => (suggestions ??= suggester(byKey.keys())) };
}

export type Resolved = { id: string } | { problem: string };

export function resolveReference(value: string, index: ReferenceIndex): Resolved {
  const id = index.byKey.get(value.trim()) ?? index.byKey.get(matchKey(value));
  if (id) return { id };
  // Suggest the id of the closest id or name ("Business and labour market" → "business").
  const close = index.suggestions().closest(matchKey(value) || value);
  const suggestion = close ? ` (did you mean "${index.byKey.get(close)}"?)` : '';
  return { problem: `"${value.trim()}" is not a known ${index.noun}${suggestion}` };
}

/** A country written as its ISO code ("ES") or its name in a registered language ("Spain", "Espagne", "España"). */
let countries: { names: Map<string, string>; suggestions: Suggester } | undefined;

/** Country names in every registered language → ISO code, built once (not once per row). */
function countryIndex() {
  if (!countries) {
    const names = new Map<string, string>();
    for (const code of COUNTRY_CODES) {
      for (const lang of REGISTERED_LANGUAGES) names.set(matchKey(countryName(code, lang)), code);
    }
    countries = { names, suggestions: suggester(names.keys()) };
  }
  return countries;
}

export function resolveCountry(value: string): Resolved {
  const trimmed = value.trim();
  if (COUNTRY_CODES.has(trimmed.toUpperCase()) && trimmed.length === 2) return { id: trimmed.toUpperCase() };
  const { names, suggestions } = countryIndex();
  const code = names.get(matchKey(trimmed));
  if (code) return { id: code };
  const close = suggestions.closest(matchKey(trimmed));
  const suggestion = close ? ` (did you mean "${names.get(close)}", ${countryName(names.get(close)!, SOURCE_LANGUAGE)}?)` : '';
  return {
    problem: `"${trimmed}" is not a known country${suggestion}: write the two-letter ISO code, like "ES", or the country's name in English`,
  };
}
