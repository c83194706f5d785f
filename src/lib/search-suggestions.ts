/**
 * What the search offers when a query finds nothing or too little: "Did you mean …" built from
 * words the site itself uses (its titles, summaries and facet labels, per language), and the
 * filters whose label the query names ("young people" → the "Young people" target group).
 */
import { suggester } from './did-you-mean.ts';
import { nameCoverage, searchWords } from './search-ranking.ts';

/** A filter the visitor could tick instead of typing its name. */
export interface FilterOption {
  facet: string;
  value: string;
  label: string;
}

/** Words worth suggesting: letters only, at least three, folded like the search folds them. */
export function vocabularyWords(texts: Iterable<string>): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
      if (word.length >= 3 && !/\d/.test(word)) words.add(word);
    }
  }
  return [...words].sort();
}

/**
 * The query with each word unknown to the vocabulary replaced by the closest known word, or
 * undefined when every word is known or no unknown word has a close neighbour. Known means the
 * folded word (accents, case) is a word of the vocabulary or starts one.
 */
export function correctedQuery(query: string, vocabulary: readonly string[]): string | undefined {
  const folded = new Map<string, string>();
  for (const word of vocabulary) {
    const key = searchWords(word).join('');
    if (key && !folded.has(key)) folded.set(key, word);
  }
  const keys = [...folded.keys()];
  const closest = suggester(keys);
  let changed = false;
  const words = query.trim().split(/\s+/).filter(Boolean).map((word) => {
    const key = searchWords(word).join('');
    if (key.length < 3 || /\d/.test(key) || folded.has(key) || keys.some((known) => known.startsWith(key))) return word;
    const match = closest.closest(key);
    if (!match) return word;
    changed = true;
    return folded.get(match)!;
  });
  return changed ? words.join(' ') : undefined;
}

/**
 * Filters whose label the query names, best first: every query word starts a word of the label
 * ("roma" → "Roma and Travellers"), or every content word of the label is in the query ("young
 * people projects" → "Young people"). The rest of the query is returned with each.
 */
export function matchingFilters(query: string, options: readonly FilterOption[], limit = 3): { option: FilterOption; rest: string }[] {
  const queryWords = searchWords(query);
  if (queryWords.length === 0) return [];
  return options
    .map((option, position) => {
      const labelWords = searchWords(option.label);
      const byQuery = nameCoverage(query, option.label);
      const contained = labelWords.length > 0 && labelWords.filter((word) => word.length > 2).every((word) => queryWords.includes(word));
      const score = byQuery > 0 ? byQuery : contained ? 0.5 : 0;
      const rest = query
        .split(/\s+/)
        .filter((word) => {
          const [folded] = searchWords(word);
          return folded !== undefined && !labelWords.some((labelWord) => labelWord.startsWith(folded) || folded === labelWord);
        })
        .join(' ');
      return { option, rest, score, position };
    })
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .slice(0, limit)
    .map(({ option, rest }) => ({ option, rest }));
}
