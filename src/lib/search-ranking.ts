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
