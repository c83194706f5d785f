/**
 * The nearest-practice lists of a whole catalogue, for a build. Every practice page shows its
 * similar practices, so a build needs the list of every practice; the integration in
 * src/integrations/nearest-lists.ts offers a helper (`setNearestHelper`) that finds them in two
 * worker threads, one per core, updating the lists the previous build kept (nearest-cache.ts) or
 * scoring them all, and the share page's look-alike files. The workers build their models from
 * the same documents, in the same order, so their lists are the ones the page code would have
 * scored (tested). Kept on globalThis: the integration and the page code are separate module
 * instances. The dev server registers no helper and scores a page's list when the page is asked
 * for.
 */
import type { Lang } from './languages.ts';
import type { ScoredPair, SimilarityDocument, SimilarityIndex, SimilarityModel } from './similarity.ts';

/** One practice's nearest practices, best first. */
export type NearestList = { slug: string; score: number }[];

/**
 * What the helper is asked: the lists of `slugs` (in that order) in the model of `documents`, and
 * the share page's look-alike file (`similarityIndex`) of each of `languages`.
 */
export interface NearestRequest {
  documents: SimilarityDocument[];
  slugs: string[];
  limit: number;
  minimum: number;
  languages: Lang[];
}

/** What the helper finds: the lists, in the order of the request's slugs, and each language's look-alike file (null: no text in it). */
export interface NearestFound {
  lists: NearestList[];
  indexes: Partial<Record<Lang, SimilarityIndex | null>>;
}

export type NearestHelper = (request: NearestRequest) => Promise<NearestFound>;

/** The lists of `slugs`, in order. */
export function nearestLists(model: Pick<SimilarityModel, 'nearest'>, { slugs, limit, minimum }: Pick<NearestRequest, 'slugs' | 'limit' | 'minimum'>): NearestList[] {
  return slugs.map((slug) => model.nearest(slug, limit, minimum));
}

const HELPER = Symbol.for('icc.similarity.nearest-helper');
type WithHelper = typeof globalThis & { [HELPER]?: NearestHelper };

/** Registers the build's helper (or removes it). */
export function setNearestHelper(helper: NearestHelper | undefined): void {
  if (helper) (globalThis as WithHelper)[HELPER] = helper;
  else delete (globalThis as WithHelper)[HELPER];
}

/** The build's helper, when one is registered. */
export function nearestHelper(): NearestHelper | undefined {
  return (globalThis as WithHelper)[HELPER];
}

/**
 * The candidate pairs of the build's model that reach the look-alike threshold (`alikePairs`),
 * scored by the workers that found the lists, and the digest of the documents that model was
 * built of (nearest-cache.ts `documentsDigest`).
 */
export interface AlikeFound {
  digest: string;
  pairs: ScoredPair[];
}

const FOUND = Symbol.for('icc.similarity.lists-found');
type WithFound = typeof globalThis & { [FOUND]?: PromiseWithResolvers<AlikeFound | undefined> };

const found = (): PromiseWithResolvers<AlikeFound | undefined> => ((globalThis as WithFound)[FOUND] ??= Promise.withResolvers<AlikeFound | undefined>());

/**
 * Settles once the build's helper has found every list and the look-alike pairs of its model
 * (undefined when it failed to): the content check's comparison of the practices waits for it,
 * and takes those pairs when its documents are the model's, so that a build makes no third model
 * (and otherwise does not build one beside the workers' two).
 */
export const listsFound = (): Promise<AlikeFound | undefined> => found().promise;

/** Said by the helper when it has found the lists and pairs, or failed to. */
export function markListsFound(alike?: AlikeFound): void {
  found().resolve(alike);
}

/** Forgets the signal at the end of a build, so a next build in the same process waits again. */
export function forgetListsFound(): void {
  delete (globalThis as WithFound)[FOUND];
}
