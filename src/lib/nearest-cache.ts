/**
 * The nearest-practice lists of a whole catalogue, updated from the lists of the previous build
 * instead of scored again, and exactly the lists scoring them again would give.
 *
 * What a practice's list depends on: its vector and every other practice's (similarity.ts). A
 * vector changes when its text changes, or when the weight of one of its words changes (its
 * document frequency crossed a step of idfOf: the vector is renormalised), or when a language
 * gains or loses a practice (every weight changes). So after an edit, the practices whose vector
 * may have changed (the edited ones and those sharing a word whose weight changed) are scored
 * again; every other practice's list keeps its pairs with unchanged practices (same vectors,
 * same sums in the same order: the scores are equal to the last bit) and takes in its new scores
 * with the changed ones.
 * A list that lost a changed practice below its last kept place may miss a practice that was
 * just past the end: that list is scored again. When too many practices changed, or a language's
 * number of practices changed, every list is scored again.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lang } from './languages.ts';
import type { NearestList } from './nearest-lists.ts';
import { COMPARED_FIELDS, idfOf, rankedBefore, termCounts, type SimilarityDocument, type SimilarityModel, type SimilarityText, type TermCounter } from './similarity.ts';

const STATE_VERSION = 1;

/** What the next build needs to update the lists: kept in Astro's cacheDir. */
export interface NearestState {
  version: number;
  /** The lists' length and minimum, and the digest of the code that scored them. */
  settings: string;
  /** Every practice, in the order of the documents. */
  slugs: string[];
  /** The digest of each practice's compared texts, in the same order. */
  digests: string[];
  /** Per language: how many practices, and each term's document frequency. */
  vocabularies: Partial<Record<Lang, { documents: number; frequencies: Record<string, number> }>>;
  /** Each practice's list: [position in `slugs`, score]. */
  lists: [number, number][][];
}

/** What a practice's text is, for telling an edited practice. */
export function textDigest(document: SimilarityDocument): string {
  return createHash('sha1').update(JSON.stringify(document.texts)).digest('hex');
}

/**
 * The digest of the compared texts of every document, whatever the order of the documents, of
 * their languages and of a text's fields: two lists of documents with the same digest give the
 * same model. The content check takes the look-alike pairs of the build's model (the similar
 * practices' workers) only when its own documents have the same digest.
 */
export function documentsDigest(documents: readonly SimilarityDocument[]): string {
  const hash = createHash('sha1');
  for (const document of [...documents].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))) {
    const langs = (Object.keys(document.texts) as Lang[]).filter((lang) => document.texts[lang]).sort();
    const texts = langs.map((lang) => [lang, COMPARED_FIELDS.map((field) => document.texts[lang]![field] ?? null)]);
    hash.update(`${JSON.stringify([document.slug, texts])}\n`);
  }
  return hash.digest('hex');
}

export interface NearestUpdate {
  /** The lists of the slugs asked for, in order. */
  lists: NearestList[];
  /** How they were found: all scored again (and why), or updated. */
  how: { kind: 'scored'; reason: string } | { kind: 'updated'; changed: number; rescored: number };
}

/** The vocabulary part of the state, from a model. */
export function vocabulariesOf(model: SimilarityModel): NearestState['vocabularies'] {
  return Object.fromEntries(
    (Object.entries(model.vocabularies) as [Lang, { documentCount: number }][]).map(([lang, vocabulary]) => [
      lang,
      { documents: vocabulary.documentCount, frequencies: Object.fromEntries(model.documentFrequencies(lang)) },
    ]),
  );
}

/**
 * Why `previous` cannot be updated to these documents, or undefined when it can: `vocabularies`
 * needs only how many practices each language has (a model's, or counted from the documents).
 */
export function unusable(previous: NearestState | undefined, settings: string, slugs: readonly string[], vocabularies: Partial<Record<Lang, { documents: number }>>): string | undefined {
  if (!previous) return 'no lists from an earlier build';
  if (previous.version !== STATE_VERSION || previous.settings !== settings) return 'the lists of the earlier build were made another way';
  if (previous.slugs.length !== slugs.length || previous.slugs.some((slug, index) => slug !== slugs[index])) return 'practices were added or removed';
  const languages = new Set([...Object.keys(previous.vocabularies), ...Object.keys(vocabularies)]) as Set<Lang>;
  for (const lang of languages) {
    if (previous.vocabularies[lang]?.documents !== vocabularies[lang]?.documents) return `the number of practices written in "${lang}" changed`;
  }
  return undefined;
}

/**
 * The lists of `slugs[from..to)` (all by default) for `documents`, scored in `model` (built from
 * those documents), updated from `previous` when it can be. `digests` are the documents'
 * textDigest, in order.
 */
export function updateNearestLists(
  model: SimilarityModel,
  documents: readonly SimilarityDocument[],
  digests: readonly string[],
  request: { limit: number; minimum: number; settings: string; from?: number; to?: number },
  previous: NearestState | undefined,
): NearestUpdate {
  const { limit, minimum, settings } = request;
  const slugs = documents.map((document) => document.slug);
  const part = slugs.slice(request.from ?? 0, request.to ?? slugs.length);
  const scoreAgain = (slug: string) => model.nearest(slug, limit, minimum);
  const vocabularies = vocabulariesOf(model);
  const reason = unusable(previous, settings, slugs, vocabularies);
  if (reason || !previous) return { lists: part.map(scoreAgain), how: { kind: 'scored', reason: reason ?? '' } };

  // The practices whose vector may have changed: edited, or sharing a word whose weight changed
  // (its frequency crossed a step of idfOf; the number of practices of the language is the same).
  const changed = new Set(slugs.filter((_, index) => digests[index] !== previous.digests[index]));
  const edited = changed.size;
  for (const [lang, vocabulary] of Object.entries(vocabularies) as [Lang, { documents: number; frequencies: Record<string, number> }][]) {
    const before = previous.vocabularies[lang]!.frequencies;
    const terms = new Set([...Object.keys(before), ...Object.keys(vocabulary.frequencies)]);
    const weight = (frequency: number | undefined) => idfOf(vocabulary.documents, frequency ?? 0);
    const shifted = [...terms].filter((term) => before[term] !== vocabulary.frequencies[term] && weight(before[term]) !== weight(vocabulary.frequencies[term]));
    for (const slug of model.documentsWith(lang, shifted)) changed.add(slug);
  }
  if (changed.size > slugs.length / 4) {
    return { lists: part.map(scoreAgain), how: { kind: 'scored', reason: `${changed.size} of ${slugs.length} practices changed` } };
  }

  // Their new scores with every practice, by practice.
  const withChanged = new Map<string, NearestList>();
  for (const slug of changed) {
    for (const { slug: other, score } of model.scoresWith(slug, minimum)) {
      if (changed.has(other)) continue; // both changed: both are scored again
      const list = withChanged.get(other);
      if (list) list.push({ slug, score });
      else withChanged.set(other, [{ slug, score }]);
    }
  }
  const position = new Map(slugs.map((slug, index) => [slug, index]));
  let rescored = 0;
  const lists = part.map((slug) => {
    if (changed.has(slug)) {
      rescored++;
      return scoreAgain(slug);
    }
    const before: NearestList = previous.lists[position.get(slug)!]!.map(([at, score]) => ({ slug: slugs[at]!, score }));
    const merged = [...before.filter((entry) => !changed.has(entry.slug)), ...(withChanged.get(slug) ?? [])].sort((a, b) => (rankedBefore(a, b) ? -1 : rankedBefore(b, a) ? 1 : 0));
    // A full list ended at its last place: a practice just past it was not kept, so only the
    // places up to that last one are known.
    const last = before.length === limit ? before[limit - 1] : undefined;
    const known = last ? merged.filter((entry) => !rankedBefore(last, entry)) : merged;
    if (known.length >= limit || !last) return known.slice(0, limit);
    rescored++;
    return scoreAgain(slug);
  });
  return { lists, how: { kind: 'updated', changed: edited, rescored } };
}

/** The state to keep for the next build, from the lists of every practice (in the order of `slugs`). */
export function nearestState(
  slugs: readonly string[],
  digests: readonly string[],
  settings: string,
  vocabularies: NearestState['vocabularies'],
  lists: readonly NearestList[],
): NearestState {
  const position = new Map(slugs.map((slug, index) => [slug, index]));
  return {
    version: STATE_VERSION,
    settings,
    slugs: [...slugs],
    digests: [...digests],
    vocabularies,
    lists: lists.map((list) => list.map(({ slug, score }) => [position.get(slug)!, score] as [number, number])),
  };
}

/** A state read back from its file, or undefined when it is not one (the lists are then scored again). */
export function parseNearestState(text: string): NearestState | undefined {
  try {
    const state = JSON.parse(text) as NearestState;
    const valid =
      typeof state === 'object' && state !== null && state.version === STATE_VERSION && typeof state.settings === 'string' &&
      Array.isArray(state.slugs) && Array.isArray(state.digests) && Array.isArray(state.lists) && state.lists.length === state.slugs.length &&
      state.digests.length === state.slugs.length && typeof state.vocabularies === 'object' && state.vocabularies !== null;
    return valid ? state : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Term counts kept between builds

const COUNTS_VERSION = 1;

/**
 * Each text's weighted term counts (similarity.ts `termCounts`), kept by the digest of its
 * language and words for the next build: counting the terms of every text was most of the time
 * a worker took to build the model after a one-practice edit (7.2 of 12 s at 10,000 practices in
 * three languages), and a text that did not change has the same counts. They are kept in the
 * order `termCounts` gave them, so a model built from them is the one built from the texts, to
 * the last bit.
 */
export interface TermCountState {
  version: number;
  /** similarityCode() of the code that counted them. */
  settings: string;
  /** Per language, the terms the counts refer to by number. */
  terms: Partial<Record<Lang, string[]>>;
  /** By the digest of a text in one language (`countsKey`): [term number, count, term number, count, …]. */
  counts: Record<string, number[]>;
}

/** What identifies a text in one language, for its term counts: its language and the words compared. */
function countsKey(text: SimilarityText, lang: Lang): string {
  return createHash('sha1').update(JSON.stringify([lang, ...COMPARED_FIELDS.map((field) => text[field] ?? '')])).digest('hex');
}

/** Where a build keeps the term counts, in Astro's cacheDir: the similar practices write them, the content check reads them. */
export const termCountsPath = (cacheDir: string) => join(cacheDir, 'icc-similar-practices', 'term-counts.json');

/** The digest of the code that counts terms and keeps them: counts kept by other code are counted again. */
export function similarityCode(): string {
  const hash = createHash('sha1');
  for (const file of ['./similarity.ts', './nearest-cache.ts']) hash.update(readFileSync(fileURLToPath(import.meta.resolve(file))));
  return hash.digest('hex');
}

/** The kept term counts at `path`, if there are any a build wrote. */
export function readTermCounts(path: string | undefined): TermCountState | undefined {
  return path && existsSync(path) ? parseTermCountState(readFileSync(path, 'utf8')) : undefined;
}

/** A term-count state read back from its file, or undefined when it is not one (the terms are then counted again). */
export function parseTermCountState(text: string): TermCountState | undefined {
  try {
    const state = JSON.parse(text) as TermCountState;
    const valid =
      typeof state === 'object' && state !== null && state.version === COUNTS_VERSION && typeof state.settings === 'string' &&
      typeof state.terms === 'object' && state.terms !== null && typeof state.counts === 'object' && state.counts !== null;
    return valid ? state : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A TermCounter for `buildSimilarity` that takes a text's counts from `previous` when they are
 * there (same language, same words, same settings) and counts the others; then the state to keep
 * for the next build: the counts of the texts of this model only. The counts a model is built
 * from are not held once it has them: the state is packed as the texts are counted, and only
 * when it is to be kept (`keep`, the default; a reader of the counts, such as the content check,
 * passes false).
 */
export function keptTermCounts(previous: TermCountState | undefined, settings: string, { keep = true }: { keep?: boolean } = {}) {
  const usable = previous?.version === COUNTS_VERSION && previous.settings === settings ? previous : undefined;
  const used = new Set<string>();
  // The state to keep, numbering each language's terms in the order they are first met.
  const numbering = new Map<Lang, Map<string, number>>();
  const packedCounts: TermCountState['counts'] = {};
  let counted = 0;
  let kept = 0;
  const counter: TermCounter = (text, lang) => {
    const key = countsKey(text, lang);
    const packed = usable?.counts[key];
    const terms = usable?.terms[lang];
    let counts: ReadonlyMap<string, number>;
    if (packed && terms) {
      const unpacked = new Map<string, number>();
      for (let index = 0; index < packed.length; index += 2) unpacked.set(terms[packed[index]!]!, packed[index + 1]!);
      counts = unpacked;
      kept++;
    } else {
      counts = termCounts(text, lang);
      counted++;
    }
    if (keep && !used.has(key)) {
      let numbers = numbering.get(lang);
      if (!numbers) numbering.set(lang, (numbers = new Map()));
      const toKeep: number[] = [];
      for (const [term, count] of counts) {
        let number = numbers.get(term);
        if (number === undefined) numbers.set(term, (number = numbers.size));
        toKeep.push(number, count);
      }
      packedCounts[key] = toKeep;
    }
    used.add(key);
    return counts;
  };
  return {
    counter,
    /** How many texts were counted and how many taken from the previous build, so far. */
    tally: () => ({ counted, kept }),
    /** Whether the state to keep differs from `previous`: a text was counted, or one of `previous` is gone. */
    changed: () => !usable || counted > 0 || Object.keys(usable.counts).length !== used.size,
    state(): TermCountState {
      if (!keep) throw new Error('keptTermCounts: these counts are read only (keep: false), there is no state to keep');
      const terms = Object.fromEntries([...numbering].map(([lang, numbers]) => [lang, [...numbers.keys()]]));
      return { version: COUNTS_VERSION, settings, terms, counts: packedCounts };
    },
  };
}
