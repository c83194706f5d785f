/**
 * The bridge between the catalogue and the similarity model (src/lib/similarity.ts): built once
 * per build over every practice's text in each language it is written in, for the practice
 * pages' similar practices and the share page's look-alike file. A build finds every practice's
 * nearest list and each language's look-alike file up front, on both cores and from the previous
 * build's lists when the build offers it (src/lib/nearest-lists.ts); the dev server scores a
 * page's list when the page is asked for.
 */
import { LANGUAGES, SOURCE_LANGUAGE, type Lang } from '../lib/languages.ts';
import { nearestHelper, nearestLists, type NearestList } from '../lib/nearest-lists.ts';
import { buildSimilarity, comparedText, similarityIndex, type SimilarityDocument, type SimilarityIndex, type SimilarityModel } from '../lib/similarity.ts';
import { candidateCount, similarPractices, SIMILAR_MAX, SIMILAR_MINIMUM, type SimilarPractice } from '../lib/similar-practices.ts';
import { getSite } from './site.ts';

export interface SiteSimilarity {
  /** The model (built on first use: a build finds the lists and look-alike files without it). */
  model(): SimilarityModel;
  documents: SimilarityDocument[];
  /** The share page's look-alike file of a language (undefined when no practice is written in it). */
  index(lang: Lang): SimilarityIndex | undefined;
  /** The similar practices of a practice, leaving out those in `exclude` (already on its page). */
  of(slug: string, exclude: Iterable<string>): SimilarPractice[];
}

/**
 * How long the lists found up front are: enough for a page leaving out this many practices
 * (adapted from, adapted by, related by theme); a page leaving out more scores its own.
 */
const EXCLUDED_UP_FRONT = 16;

let similarity: Promise<SiteSimilarity> | undefined;

async function load(): Promise<SiteSimilarity> {
  const { catalogue } = await getSite();
  const slugs = catalogue.practices(SOURCE_LANGUAGE).map((practice) => practice.slug).sort();
  const documents = slugs.map((slug) => ({
    slug,
    texts: Object.fromEntries(
      LANGUAGES.flatMap((lang: Lang) => {
        const practice = catalogue.practice(lang, slug);
        return practice && practice.lang === lang ? [[lang, comparedText(practice.data)]] : [];
      }),
    ),
  }));
  let built: SimilarityModel | undefined;
  const model = () => (built ??= buildSimilarity(documents));
  const request = { limit: candidateCount(SIMILAR_MAX, EXCLUDED_UP_FRONT), minimum: SIMILAR_MINIMUM };
  const helper = nearestHelper();
  const found = new Map<string, NearestList>();
  const indexes = new Map<Lang, SimilarityIndex | null>();
  if (helper) {
    // A worker that fails is no reason to stop the build: the lists and files are then made here.
    const made = await helper({ documents, slugs, languages: [...LANGUAGES], ...request }).catch(() => ({ lists: nearestLists(model(), { slugs, ...request }), indexes: {} }));
    made.lists.forEach((list, index) => found.set(slugs[index]!, list));
    for (const [lang, index] of Object.entries(made.indexes) as [Lang, SimilarityIndex | null][]) indexes.set(lang, index);
  }
  const index = (lang: Lang) => (indexes.has(lang) ? (indexes.get(lang) ?? undefined) : similarityIndex(model(), documents, lang));
  const nearest: Pick<SimilarityModel, 'nearest'> = {
    nearest(slug, limit, minimum = 0) {
      const list = minimum === request.minimum && limit <= request.limit ? found.get(slug) : undefined;
      return list ? list.slice(0, limit) : model().nearest(slug, limit, minimum);
    },
  };
  const factsOf = (slug: string) => catalogue.practice(SOURCE_LANGUAGE, slug)?.data;
  return { model, documents, index, of: (slug, exclude) => similarPractices(nearest, slug, factsOf, exclude) };
}

export function getSimilarity(): Promise<SiteSimilarity> {
  similarity ??= load();
  return similarity;
}
