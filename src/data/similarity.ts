/**
 * The bridge between the catalogue and the similarity model (src/lib/similarity.ts): built once
 * per build over every practice's text in each language it is written in, for the practice
 * pages' similar practices and the share page's look-alike file.
 */
import { LANGUAGES, SOURCE_LANGUAGE, type Lang } from '../lib/languages.ts';
import { buildSimilarity, type SimilarityDocument, type SimilarityModel } from '../lib/similarity.ts';
import { similarPractices, type SimilarPractice } from '../lib/similar-practices.ts';
import { getSite } from './site.ts';

export interface SiteSimilarity {
  model: SimilarityModel;
  documents: SimilarityDocument[];
  /** The similar practices of a practice, leaving out those in `exclude` (already on its page). */
  of(slug: string, exclude: Iterable<string>): SimilarPractice[];
}

let similarity: Promise<SiteSimilarity> | undefined;

async function load(): Promise<SiteSimilarity> {
  const { catalogue } = await getSite();
  const slugs = catalogue.practices(SOURCE_LANGUAGE).map((practice) => practice.slug).sort();
  const documents = slugs.map((slug) => ({
    slug,
    texts: Object.fromEntries(
      LANGUAGES.flatMap((lang: Lang) => {
        const practice = catalogue.practice(lang, slug);
        return practice && practice.lang === lang ? [[lang, practice.data]] : [];
      }),
    ),
  }));
  const model = buildSimilarity(documents);
  const factsOf = (slug: string) => catalogue.practice(SOURCE_LANGUAGE, slug)?.data;
  return { model, documents, of: (slug, exclude) => similarPractices(model, slug, factsOf, exclude) };
}

export function getSimilarity(): Promise<SiteSimilarity> {
  similarity ??= load();
  return similarity;
}
