/**
 * "Similar practices" on a practice page, beside the theme overlap: the practices whose texts are
 * closest (similarity.ts), with the reason a reader can check: the same method or a close
 * description ("similar approach"), and the specific target groups both serve ("same target
 * group"). Practices already listed on the page (adapted from, adapted by, related by theme) and
 * the city's own practices are left out, so the list adds something.
 */
import type { SimilarityModel } from './similarity.ts';

/** Below this score two texts have too little in common to be worth showing. */
export const SIMILAR_MINIMUM = 0.15;
/** From this score the descriptions are close enough to call it a similar approach. */
export const SIMILAR_APPROACH = 0.25;
/** How many similar practices a page shows. */
export const SIMILAR_MAX = 4;

/** The facts of a practice the reasons are drawn from. */
export interface SimilarFacts {
  cities: readonly string[];
  targetGroups: readonly string[];
  methods?: readonly string[];
}

export interface SimilarPractice {
  slug: string;
  score: number;
  /** Same method, or descriptions at least SIMILAR_APPROACH alike. */
  similarApproach: boolean;
  /** Target groups both serve, "all residents" left out (it says nothing). */
  sharedGroups: string[];
}

/** Target groups too broad to be a reason. */
const BROAD_GROUPS = new Set(['general-public']);

/** How many of the nearest practices are looked at, beyond those left out, to find `limit` to show. */
export const candidateCount = (limit: number, excluded: number) => limit * 4 + excluded;

export function similarPractices(
  model: Pick<SimilarityModel, 'nearest'>,
  slug: string,
  factsOf: (slug: string) => SimilarFacts | undefined,
  exclude: Iterable<string>,
  limit = SIMILAR_MAX,
): SimilarPractice[] {
  const own = factsOf(slug);
  if (!own) return [];
  const skip = new Set(exclude);
  const result: SimilarPractice[] = [];
  for (const { slug: other, score } of model.nearest(slug, candidateCount(limit, skip.size), SIMILAR_MINIMUM)) {
    if (skip.has(other)) continue;
    const facts = factsOf(other);
    if (!facts || facts.cities.some((city) => own.cities.includes(city))) continue;
    const sameMethod = (own.methods ?? []).some((method) => facts.methods?.includes(method));
    result.push({
      slug: other,
      score,
      similarApproach: sameMethod || score >= SIMILAR_APPROACH,
      sharedGroups: own.targetGroups.filter((group) => !BROAD_GROUPS.has(group) && facts.targetGroups.includes(group)),
    });
    if (result.length === limit) break;
  }
  return result;
}
