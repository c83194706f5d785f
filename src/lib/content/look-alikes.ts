/**
 * The content check's look-alike rule: a practice whose text closely resembles another one's is
 * noticed, so that an adaptation is labelled (adaptedFrom) and a practice is not published twice.
 * A resemblance is a warning naming both entries and the fix; only near-identical texts fail the
 * check, since that is a copy, whatever links the two. Scores come from ../similarity.ts.
 */
import { SOURCE_LANGUAGE, type Lang } from '../languages.ts';
import type { Practice } from '../schemas/practice.ts';
import { documentsDigest } from '../nearest-cache.ts';
import type { AlikeFound } from '../nearest-lists.ts';
import {
  buildSimilarity,
  comparedText,
  lookAlikes,
  LOOK_ALIKE_THRESHOLD,
  NEAR_IDENTICAL_THRESHOLD,
  type ScoredPair,
  type SimilarityDocument,
  type TermCounter,
} from '../similarity.ts';
import type { Problem } from './problems.ts';

/** A complete practice file that passed its schema. */
export interface PracticeFile {
  id: string;
  file: string;
  lang?: Lang;
  stub: boolean;
  data: Practice | Record<string, unknown>;
}

interface Grouped {
  slug: string;
  /** The file the warning names: the English one, else the first. */
  file: string;
  data: Practice;
  texts: Partial<Record<Lang, Practice>>;
}

function group(files: readonly PracticeFile[]): Grouped[] {
  const bySlug = new Map<string, Grouped>();
  for (const entry of files) {
    if (entry.stub || !entry.lang || !('title' in entry.data)) continue;
    const data = entry.data as Practice;
    const known = bySlug.get(entry.id);
    if (!known) bySlug.set(entry.id, { slug: entry.id, file: entry.file, data, texts: { [entry.lang]: data } });
    else {
      known.texts[entry.lang] = data;
      if (entry.lang === SOURCE_LANGUAGE) Object.assign(known, { file: entry.file, data });
    }
  }
  return [...bySlug.values()].sort((a, b) => a.slug.localeCompare(b.slug));
}

/** The documents the similarity model is built from: each practice's compared texts. */
export function similarityDocuments(files: readonly PracticeFile[]): SimilarityDocument[] {
  return group(files).map(({ slug, texts }) => ({
    slug,
    texts: Object.fromEntries(Object.entries(texts).map(([lang, data]) => [lang, comparedText(data)])),
  }));
}

const percent = (score: number) => `${Math.round(score * 100)}% alike`;

/**
 * Look-alike warnings and near-identical failures over every practice. The pairs are scored in a
 * model of the files' texts (counting terms with `countTerms`), or are `pairs`: the `alikePairs`
 * of such a model, scored elsewhere (by a build's similar practices: `takesPairs`).
 */
export function lookAlikeProblems(
  files: readonly PracticeFile[],
  { countTerms, pairs: scored }: { countTerms?: TermCounter; pairs?: readonly ScoredPair[] } = {},
): { problems: Problem[]; warnings: Problem[] } {
  const model = scored ?? buildSimilarity(similarityDocuments(files), countTerms);
  const practices = group(files);
  const bySlug = new Map(practices.map((practice) => [practice.slug, practice]));
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  // Near-identical pairs fail even when linked by adaptedFrom: an adaptation says what differs.
  const pairs = [
    ...lookAlikes(
      model,
      practices.map(({ slug, data }) => ({ slug, order: data.published })),
      { lookAlike: NEAR_IDENTICAL_THRESHOLD, nearIdentical: NEAR_IDENTICAL_THRESHOLD },
    ),
    ...lookAlikes(
      model,
      practices.map(({ slug, data }) => ({ slug, adaptedFrom: data.adaptedFrom, order: data.published })),
      { lookAlike: LOOK_ALIKE_THRESHOLD, nearIdentical: NEAR_IDENTICAL_THRESHOLD },
    ).filter((pair) => !pair.nearIdentical),
  ];
  for (const pair of pairs) {
    const first = bySlug.get(pair.first)!;
    const second = bySlug.get(pair.second)!;
    const named = `${first.data.title} (${first.slug}, ${first.file})`;
    if (pair.nearIdentical) {
      problems.push({
        file: second.file,
        field: '',
        message: `is nearly identical to ${named}, ${percent(pair.score)}: a practice is published once, so remove one of them, or rewrite this one to say what the city did differently (and add ${first.slug} to adaptedFrom if it is an adaptation)`,
      });
    } else {
      const methods = (first.data.methods ?? []).filter((method) => second.data.methods?.includes(method));
      const shared = methods.length > 0 ? ` (both apply ${methods.join(', ')})` : '';
      warnings.push({
        file: second.file,
        field: '',
        message: `looks like ${named}, ${percent(pair.score)}${shared}: is it an adaptation? add ${first.slug} to adaptedFrom, or change the text to say what is different`,
      });
    }
  }
  return { problems, warnings };
}

/** Whether `alike`, the pairs a build's similar practices scored, are those of the files' model: their model was built of the same texts. */
export function takesPairs(files: readonly PracticeFile[], alike: AlikeFound): boolean {
  return alike.digest === documentsDigest(similarityDocuments(files));
}
