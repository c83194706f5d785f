/**
 * Scores of the search relevance benchmark (scripts/bench/search-relevance.ts): for each query
 * the rank of the first result that is one of the pages expected first, then the mean
 * reciprocal rank (MRR), success at 1 and at 3 over all queries, and medians of the times and
 * bytes measured. A query whose expected page is not among the shown results scores 0.
 */

/** "/fr/cities/bilbao/" → "cities/bilbao/": results compared without their language prefix. */
export function withoutLanguage(path: string): string {
  return path.replace(/^\/[a-z]{2}(?:-[A-Za-z]+)?\//, '');
}

/** 1-based rank of the first result among `expected`, or undefined when none is shown. */
export function firstRelevantRank(results: readonly string[], expected: readonly string[]): number | undefined {
  const wanted = new Set(expected);
  const index = results.findIndex((result) => wanted.has(withoutLanguage(result)));
  return index < 0 ? undefined : index + 1;
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface RelevanceSummary {
  queries: number;
  mrr: number;
  successAt1: number;
  successAt3: number;
}

/** MRR and success rates (0..1) over the ranks of the measured queries. */
export function summarizeRanks(ranks: readonly (number | undefined)[]): RelevanceSummary {
  const count = ranks.length;
  if (count === 0) return { queries: 0, mrr: 0, successAt1: 0, successAt3: 0 };
  const share = (test: (rank: number) => boolean) => ranks.filter((rank) => rank !== undefined && test(rank)).length / count;
  return {
    queries: count,
    mrr: ranks.reduce<number>((sum, rank) => sum + (rank ? 1 / rank : 0), 0) / count,
    successAt1: share((rank) => rank === 1),
    successAt3: share((rank) => rank <= 3),
  };
}
