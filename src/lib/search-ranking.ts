/**
 * One rule on top of Pagefind's relevance: a method whose name matches the query comes first.
 * A method is the general answer to what several practices did, but those practices repeat its
 * words more often than the method page itself, so plain relevance puts them ahead ("anti
 * rumour" finds five anti-rumour practices before the anti-rumour strategy).
 */

/** Lower case, accents folded, split into words: "Stratégie anti-rumeurs" → [strategie, anti, rumeurs]. */
export function searchWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Whether every word of the query starts a word of the name ("anti rum" matches "Anti-rumour strategy"). */
export function nameMatches(query: string, name: string): boolean {
  const queryWords = searchWords(query);
  const nameWords = searchWords(name);
  return queryWords.length > 0 && queryWords.every((word) => nameWords.some((candidate) => candidate.startsWith(word)));
}

/** `results` with those whose id is in `first` moved to the front, each group keeping its order. */
export function promote<T extends { id: string }>(results: readonly T[], first: ReadonlySet<string>): T[] {
  return [...results.filter((result) => first.has(result.id)), ...results.filter((result) => !first.has(result.id))];
}

/**
 * A page that is the thing a query names: a city profile, a country's network, a theme hub, a
 * method, an information page. Pagefind ranks by how often and where the words occur, so a page
 * that mentions "Bilbao" three times in a long text can beat Bilbao's own profile; the search page
 * knows the names of these pages (they come with it, no request) and puts the named ones first.
 */
export interface NamedPage {
  url: string;
  /** Page type, as the `type` filter value. */
  type: string;
  title: string;
  /** Every name the page answers to (the city's local name, the network's country...). */
  names: string[];
}

/** Words that carry no name: they neither count toward nor against how much of a name a query covers. */
const FUNCTION_WORDS = new Set([
  'a', 'an', 'and', 'for', 'in', 'its', 'of', 'on', 'the', 'to', 'with',
  'au', 'aux', 'd', 'de', 'des', 'du', 'en', 'et', 'l', 'la', 'le', 'les', 'pour', 'sur', 'un', 'une',
  'con', 'del', 'el', 'los', 'las', 'para', 'por', 'y',
]);

/** Types listed first when two named pages cover the query equally well. */
const TYPE_ORDER = ['city', 'network', 'theme', 'method', 'page'];

/**
 * How well `query` names `name`: 0 when some query word starts no word of the name, else the share
 * of the name's content words that the query's words match (a whole word counts 1, a word's start ½).
 */
export function nameCoverage(query: string, name: string): number {
  const queryWords = searchWords(query);
  const nameWords = searchWords(name);
  if (queryWords.length === 0 || queryWords.join('').length < 3) return 0;
  if (!queryWords.every((word) => nameWords.some((candidate) => candidate.startsWith(word)))) return 0;
  const content = nameWords.filter((word) => !FUNCTION_WORDS.has(word));
  const counted = content.length > 0 ? content : nameWords;
  const score = counted.reduce((sum, word) => {
    if (queryWords.includes(word)) return sum + 1;
    return sum + (queryWords.some((queryWord) => word.startsWith(queryWord)) ? 0.5 : 0);
  }, 0);
  return score / counted.length;
}

/**
 * The pages the query names, best covered first (then by TYPE_ORDER, then as listed), at most
 * `limit`. A query that only starts a name ("bil") still names it, below a whole-word match.
 */
export function namedPages<T extends NamedPage>(query: string, pages: readonly T[], limit = 3): T[] {
  return pages
    .map((page, position) => ({ page, position, coverage: Math.max(0, ...page.names.map((name) => nameCoverage(query, name))) }))
    .filter((entry) => entry.coverage > 0)
    .sort((a, b) => b.coverage - a.coverage || typeRank(a.page.type) - typeRank(b.page.type) || a.position - b.position)
    .slice(0, limit)
    .map((entry) => entry.page);
}

function typeRank(type: string) {
  const rank = TYPE_ORDER.indexOf(type);
  return rank < 0 ? TYPE_ORDER.length : rank;
}

/** Below this many results for all the words, the search also shows pages with some of them. */
export const WEAK_RESULTS = 3;

/**
 * Pages found by single words of a query that found (almost) nothing as a whole, merged: those
 * with more of the words first, then by their best position in a word's results. This reaches a
 * page whose text shares only some words with the query (a Spanish query for a practice that
 * exists only in English shares its names and cognates, not every word). Pages in `exclude` (the
 * results of the whole query) are left out.
 */
export function someWordsResults<T extends { id: string }>(perWord: readonly (readonly T[])[], exclude: ReadonlySet<string> = new Set()): T[] {
  const found = new Map<string, { result: T; words: number; best: number }>();
  for (const results of perWord) {
    results.forEach((result, position) => {
      if (exclude.has(result.id)) return;
      const entry = found.get(result.id);
      if (entry) {
        entry.words++;
        entry.best = Math.min(entry.best, position);
      } else found.set(result.id, { result, words: 1, best: position });
    });
  }
  return [...found.values()].sort((a, b) => b.words - a.words || a.best - b.best).map((entry) => entry.result);
}
