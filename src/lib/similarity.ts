/**
 * Look-alike practices: how close two practices' texts are, by TF-IDF over stemmed words.
 *
 * A practice is compared over its title, purpose and four parts (stimulus, process, results,
 * transferability), in each language both practices are written in, and the closest language
 * counts: a French-only submission is compared with the French text of every practice, an
 * English one with the English text. Each language has its own vocabulary, its own word weights
 * (a word found in every practice weighs nothing) and its own Snowball stemmer, so "rumours",
 * "rumour" and "rumoured" are one word, as are "médiateurs" and "médiatrice" (@orama/stemmers:
 * maintained Snowball ports, ESM, one small file per language, so the share page's island loads
 * only the one it needs).
 *
 * The scores feed three things: the content check (a warning for a look-alike, a failure only
 * when two texts are near-identical), the related-practices list on practice pages, and the
 * share page (a precomputed vocabulary file, see `similarityIndex`). Pure: no file access.
 */
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as frenchStemmer } from '@orama/stemmers/french';
import { stemmer as spanishStemmer } from '@orama/stemmers/spanish';
import type { Lang } from './languages.ts';

/** A word to its stem. One per registered language: adding a language without one is a type error. */
export const STEMMERS: Readonly<Record<Lang, (word: string) => string>> = {
  en: englishStemmer,
  fr: frenchStemmer,
  es: spanishStemmer,
};

/** The texts of a practice in one language that are compared. */
export interface SimilarityText {
  title: string;
  purpose: string;
  stimulus?: string;
  process?: string;
  results?: string;
  transferability?: string;
}

/** A practice to compare: its slug and its text in each language it is written in. */
export interface SimilarityDocument {
  slug: string;
  texts: Partial<Record<Lang, SimilarityText>>;
}

/** The title and purpose say what a practice is: they count twice. */
export const FIELD_WEIGHTS: Readonly<Record<keyof SimilarityText, number>> = {
  title: 2,
  purpose: 2,
  stimulus: 1,
  process: 1,
  results: 1,
  transferability: 1,
};

/** The fields compared, in a fixed order. */
export const COMPARED_FIELDS = Object.keys(FIELD_WEIGHTS) as (keyof SimilarityText)[];

/**
 * The compared fields of a practice's data, and nothing else: what a build sends the workers
 * that find the similar practices, and what their digests are taken of.
 */
export function comparedText(data: SimilarityText): SimilarityText {
  const text: Partial<SimilarityText> = {};
  for (const field of COMPARED_FIELDS) if (data[field] !== undefined) text[field] = data[field];
  return text as SimilarityText;
}

/** From this score a pair is a look-alike (a warning in the content check). */
export const LOOK_ALIKE_THRESHOLD = 0.4;
/** From this score two texts are near-identical (a failure): one is a copy of the other. */
export const NEAR_IDENTICAL_THRESHOLD = 0.9;

/**
 * Words that say nothing about a practice: grammar words, and words every practice uses. With the
 * smoothed idf they would otherwise weigh 1.
 */
const STOP_WORDS: Readonly<Record<Lang, ReadonlySet<string>>> = {
  en: new Set(
    ('the and for with from that this these those are was were been being has have had not but all any can could will would should may might ' +
      'their them they there then than its into onto over under also more most such each other some what which who whom whose when where how ' +
      'our out about after before between both during through while very own same just only one two three per city cities practice').split(' '),
  ),
  fr: new Set(
    ('les des une que qui dans pour par sur avec sans sous aux est sont était ont ete été être avoir leur leurs ces cet cette ses son mais ' +
      'plus moins comme tout tous toute toutes entre aussi dont elle elles ils nous vous pas ainsi chaque deux trois autres autre même ' +
      'ville villes pratique').split(' '),
  ),
  es: new Set(
    ('los las una unos unas que para por con sin sobre entre del las sus esta este estos estas eso son fue han ser como más pero también ' +
      'cada dos tres otro otra otros otras todo todos toda todas desde hasta donde cuando muy ciudad ciudades práctica').split(' '),
  ),
};

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
/** Elisions and possessives: l'école → école, Barcelona's → Barcelona. */
const ELISION = /^(?:[cdjlmnst]|qu)['’]|['’]s$/u;

/**
 * The stems of a text: lower-cased words of three letters or more (no bare numbers), elisions and
 * possessives removed, stemmed in the text's language, then stripped of accents so that a missing
 * accent in a submission does not make a different word.
 */
export function stems(text: string, lang: Lang): string[] {
  const memo = stemMemo(lang);
  const result: string[] = [];
  for (const match of text.toLocaleLowerCase(lang).matchAll(WORD)) {
    let stem = memo.get(match[0]);
    if (stem === undefined) {
      stem = stemOfWord(match[0], lang);
      memo.set(match[0], stem);
    }
    if (stem !== null) result.push(stem);
  }
  return result;
}

/** One word's stem, or null for a word that is not compared (short, a number, a stop word). */
function stemOfWord(lowerCased: string, lang: Lang): string | null {
  const word = lowerCased.replace(ELISION, '');
  if (word.length < 3 || /^\p{N}+$/u.test(word) || STOP_WORDS[lang].has(word)) return null;
  return STEMMERS[lang](word).normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * The stems of the words seen so far, by language: texts repeat their words, and stemming each
 * occurrence again was most of the cost of comparing 10,000 practices.
 */
const stemMemos = new Map<Lang, Map<string, string | null>>();
function stemMemo(lang: Lang): Map<string, string | null> {
  let memo = stemMemos.get(lang);
  if (!memo) stemMemos.set(lang, (memo = new Map()));
  return memo;
}

/** Weighted term counts of one text. */
export function termCounts(text: SimilarityText, lang: Lang): Map<string, number> {
  const counts = new Map<string, number>();
  for (const field of Object.keys(FIELD_WEIGHTS) as (keyof SimilarityText)[]) {
    const value = text[field];
    if (!value) continue;
    for (const term of stems(value, lang)) counts.set(term, (counts.get(term) ?? 0) + FIELD_WEIGHTS[field]);
  }
  return counts;
}

/** A unit-length TF-IDF vector: term to weight. */
export type TermVector = Map<string, number>;

/** The word weights of one language: idf per term, over `documentCount` practices. */
export interface Vocabulary {
  documentCount: number;
  idf: Map<string, number>;
}

/**
 * The steps of a word's weight: its share of the practices counts in steps of 10%. A word's weight
 * depends on how many practices use it, and every practice using a word must be scored again when
 * that weight changes (nearest-cache.ts): without steps, an edit adding one sentence of everyday
 * words changed the weight of words used by half the practices, and every list was scored again
 * (5,695 of 10,000 practices changed, 76 s). With steps, one practice more or less changes a
 * word's weight only when it crosses a step, which for a word used by n practices happens about
 * once in n/10 edits, so an edit re-scores about ten practices per word, however common.
 */
const IDF_STEP = Math.log(1.1);

/**
 * Inverse document frequency, smoothed (as scikit-learn's): an unseen word weighs most, a word in
 * every text still 1, so that two texts of a language with few practices can still be compared;
 * in steps of IDF_STEP. Two counts give the same weight exactly when they give the same number.
 */
export function idfOf(documentCount: number, documentFrequency: number): number {
  return Math.round(Math.log((documentCount + 1) / (documentFrequency + 1)) / IDF_STEP) * IDF_STEP + 1;
}

/** A term's weight for a word never seen in the vocabulary. */
function unseenIdf(vocabulary: Vocabulary): number {
  return idfOf(vocabulary.documentCount, 0);
}

/** Sublinear term frequency (1 + log tf) times idf, normalised to unit length. */
export function vectorOf(counts: ReadonlyMap<string, number>, vocabulary: Vocabulary): TermVector {
  const vector: TermVector = new Map();
  let norm = 0;
  for (const [term, count] of counts) {
    const weight = (1 + Math.log(count)) * (vocabulary.idf.get(term) ?? unseenIdf(vocabulary));
    if (weight <= 0) continue;
    vector.set(term, weight);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [term, weight] of vector) vector.set(term, weight / norm);
  return vector;
}

/** Cosine of two unit vectors: 0 (nothing in common) to 1 (the same words in the same proportions). */
export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, weight] of small) sum += weight * (large.get(term) ?? 0);
  return Math.min(1, sum);
}

/** One practice, vectorised in each of its languages. */
interface Vectorised {
  slug: string;
  vectors: Partial<Record<Lang, TermVector>>;
  /** The same vectors with terms as numbers, sorted: what pairs are scored with. */
  packed: Partial<Record<Lang, PackedVector>>;
}

/** A unit vector as parallel arrays: term numbers (ascending) and their weights. */
interface PackedVector {
  terms: Int32Array;
  weights: Float64Array;
}

/** Packs a vector with the numbers `numbering` gives its terms. */
function pack(vector: TermVector, numbering: ReadonlyMap<string, number>): PackedVector {
  // Sorted as numbers, without a comparator: each key is the term's number times the size plus
  // the term's position in the vector (exact in a double), so the position finds its weight.
  const size = vector.size;
  const keys = new Float64Array(size);
  const weightAt = new Float64Array(size);
  let position = 0;
  for (const [term, weight] of vector) {
    keys[position] = numbering.get(term)! * size + position;
    weightAt[position++] = weight;
  }
  keys.sort();
  const terms = new Int32Array(size);
  const weights = new Float64Array(size);
  for (let index = 0; index < size; index++) {
    const at = keys[index]! % size;
    terms[index] = (keys[index]! - at) / size;
    weights[index] = weightAt[at]!;
  }
  return { terms, weights };
}

/** The cosine of two packed unit vectors (the same as `cosine` of the vectors they pack). */
function packedCosine(a: PackedVector, b: PackedVector): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const x = a.terms[i]!;
    const y = b.terms[j]!;
    if (x === y) sum += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return Math.min(1, sum);
}

export interface SimilarityModel {
  vocabularies: Partial<Record<Lang, Vocabulary>>;
  /** The similarity of two practices of the model (0 when either is unknown or they share no language). */
  score(a: string, b: string): number;
  /** The closest practices to one of the model, best first, at least `minimum`. */
  nearest(slug: string, limit: number, minimum?: number): { slug: string; score: number }[];
  /** How many practices of a language use each term (its document frequency). */
  documentFrequencies(lang: Lang): ReadonlyMap<string, number>;
  /** The practices whose text in `lang` uses one of `terms`. */
  documentsWith(lang: Lang, terms: Iterable<string>): Set<string>;
  /**
   * Every practice scoring at least `minimum` with `slug` (itself left out), unordered, with the
   * very score `nearest` gives the pair, to the last bit.
   */
  scoresWith(slug: string, minimum: number): { slug: string; score: number }[];
  /** Vectorises a text that is not in the model (a submission) in the model's vocabulary. */
  vectorise(text: SimilarityText, lang: Lang): TermVector;
  /** The vector of a practice of the model in `lang` (the one `vectorise` gives its text), if it has that text. */
  vectorOfPractice(slug: string, lang: Lang): TermVector | undefined;
  /** The closest practices of the model to a text that is not in it. */
  nearestTo(vector: TermVector, lang: Lang, limit: number, minimum?: number): { slug: string; score: number }[];
  /**
   * The pairs worth scoring: practices that share one of their CANDIDATE_TERMS strongest terms in
   * some language (each pair once, `a < b`). Two texts alike enough to be a look-alike share their
   * distinctive words; scoring only these pairs keeps the check near-linear at 10,000 practices.
   * Found on the first call; every call gives the same array.
   */
  candidatePairs(): readonly (readonly [string, string])[];
}

/** The order of nearest lists: higher score first, then by slug. */
export function rankedBefore(a: { slug: string; score: number }, b: { slug: string; score: number }): boolean {
  return a.score > b.score || (a.score === b.score && a.slug.localeCompare(b.slug) < 0);
}

/** The `count` heaviest terms of a vector, heaviest first (ties in alphabetical order). */
function strongestTerms(vector: TermVector, count: number): [string, number][] {
  return [...vector].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, count);
}

/** How many of a practice's strongest terms find the practices it may resemble. */
const CANDIDATE_TERMS = 12;
/** A strong term shared by more practices than this does not make any two of them candidates. */
const CANDIDATE_POSTINGS = 60;

/**
 * Where a model takes each text's weighted term counts from: `termCounts` by default, or counts
 * kept from an earlier build for a text that did not change (nearest-cache.ts).
 */
export type TermCounter = (text: SimilarityText, lang: Lang) => ReadonlyMap<string, number>;

/** Builds the vocabulary of each language and every practice's vectors. */
export function buildSimilarity(documents: readonly SimilarityDocument[], countTerms: TermCounter = termCounts): SimilarityModel {
  const countsByLang = new Map<Lang, { slug: string; counts: ReadonlyMap<string, number> }[]>();
  for (const document of documents) {
    for (const [lang, text] of Object.entries(document.texts) as [Lang, SimilarityText][]) {
      const list = countsByLang.get(lang) ?? [];
      list.push({ slug: document.slug, counts: countTerms(text, lang) });
      countsByLang.set(lang, list);
    }
  }
  const vocabularies: Partial<Record<Lang, Vocabulary>> = {};
  const frequencies = new Map<Lang, Map<string, number>>();
  const numberings = new Map<Lang, Map<string, number>>();
  const bySlug = new Map<string, Vectorised>(documents.map((document) => [document.slug, { slug: document.slug, vectors: {}, packed: {} }]));
  for (const [lang, list] of countsByLang) {
    const frequency = new Map<string, number>();
    for (const { counts } of list) for (const term of counts.keys()) frequency.set(term, (frequency.get(term) ?? 0) + 1);
    const vocabulary: Vocabulary = {
      documentCount: list.length,
      idf: new Map([...frequency].map(([term, count]) => [term, idfOf(list.length, count)])),
    };
    vocabularies[lang] = vocabulary;
    frequencies.set(lang, frequency);
    // Terms are numbered in alphabetical order, so a word added to or gone from the vocabulary
    // leaves the order of the others, and so the sums of a cosine, exactly as they were: a pair
    // of texts that did not change scores to the last bit what it scored before (nearest-cache.ts).
    const numbering = new Map([...frequency.keys()].sort().map((term, index) => [term, index]));
    numberings.set(lang, numbering);
    for (const { slug, counts } of list) {
      const entry = bySlug.get(slug)!;
      entry.vectors[lang] = vectorOf(counts, vocabulary);
      entry.packed[lang] = pack(entry.vectors[lang]!, numbering);
    }
  }

  function score(a: string, b: string): number {
    if (a === b) return 1;
    const first = bySlug.get(a);
    const second = bySlug.get(b);
    let best = 0;
    if (first && second) {
      for (const [lang, vector] of Object.entries(first.packed) as [Lang, PackedVector][]) {
        const other = second.packed[lang];
        if (other) best = Math.max(best, packedCosine(vector, other));
      }
    }
    return best;
  }

  /**
   * Per language, each term's postings: the practices whose vector holds it (by position in
   * `documents`) and its weight there. Built on first use.
   */
  const postingsByLang = new Map<Lang, Map<number, { documents: Int32Array; weights: Float64Array }>>();
  function postings(lang: Lang) {
    let byTerm = postingsByLang.get(lang);
    if (byTerm) return byTerm;
    const lists = new Map<number, { documents: number[]; weights: number[] }>();
    documents.forEach((document, position) => {
      const vector = bySlug.get(document.slug)!.packed[lang];
      if (!vector) return;
      vector.terms.forEach((term, index) => {
        let list = lists.get(term);
        if (!list) lists.set(term, (list = { documents: [], weights: [] }));
        list.documents.push(position);
        list.weights.push(vector.weights[index]!);
      });
    });
    byTerm = new Map([...lists].map(([term, list]) => [term, { documents: Int32Array.from(list.documents), weights: Float64Array.from(list.weights) }]));
    postingsByLang.set(lang, byTerm);
    return byTerm;
  }

  /**
   * The score of `slug` with every practice (by position in `documents`), as scoring each pair
   * would give it: the cosines are summed term by term over the postings of its terms (a practice
   * sharing no term scores 0), which costs the length of those postings instead of a merge with
   * each of 10,000 vectors. The sums add the same products in the same order as `score`.
   */
  function scoresOf(entry: Vectorised): Float64Array {
    const best = new Float64Array(documents.length);
    const sums = new Float64Array(documents.length);
    for (const [lang, vector] of Object.entries(entry.packed) as [Lang, PackedVector][]) {
      sums.fill(0);
      const byTerm = postings(lang);
      for (let index = 0; index < vector.terms.length; index++) {
        const list = byTerm.get(vector.terms[index]!)!;
        const weight = vector.weights[index]!;
        for (let i = 0; i < list.documents.length; i++) sums[list.documents[i]!]! += weight * list.weights[i]!;
      }
      for (let position = 0; position < sums.length; position++) if (sums[position]! > best[position]!) best[position] = sums[position]!;
    }
    for (let position = 0; position < best.length; position++) if (best[position]! > 1) best[position] = 1;
    return best;
  }

  /**
   * The `limit` practices closest to `slug` that score at least `minimum`, best first (ties by
   * slug), as scoring it against every practice would give them; only the best are kept (no sort
   * of 10,000 scores).
   */
  function nearestAbove(slug: string, limit: number, minimum: number): { slug: string; score: number }[] {
    const entry = bySlug.get(slug);
    if (!entry || limit <= 0) return [];
    const best = scoresOf(entry);
    const kept: { slug: string; score: number }[] = [];
    for (let position = 0; position < best.length; position++) {
      const candidate = { slug: documents[position]!.slug, score: best[position]! };
      if (candidate.score < minimum || candidate.slug === slug) continue;
      if (kept.length === limit && !rankedBefore(candidate, kept[limit - 1]!)) continue;
      let at = kept.length;
      while (at > 0 && rankedBefore(candidate, kept[at - 1]!)) at--;
      kept.splice(at, 0, candidate);
      if (kept.length > limit) kept.pop();
    }
    return kept;
  }

  const ranked = (scores: { slug: string; score: number }[], limit: number, minimum: number) =>
    scores
      .filter((entry) => entry.score >= minimum)
      .sort((x, y) => y.score - x.score || x.slug.localeCompare(y.slug))
      .slice(0, limit);

  /**
   * The longest list `nearestAbove` gave for a practice and minimum: each language's page of a
   * practice asks for the same list (the shorter ones are its beginning), and scoring it once is
   * what keeps three languages from costing three times one.
   */
  const computed = new Map<string, { limit: number; list: { slug: string; score: number }[] }>();
  function nearestKept(slug: string, limit: number, minimum: number) {
    const key = `${minimum}\n${slug}`;
    const known = computed.get(key);
    if (known && (known.limit >= limit || known.list.length < known.limit)) return known.list.slice(0, limit);
    const list = nearestAbove(slug, limit, minimum);
    computed.set(key, { limit, list });
    return list.slice();
  }

  /** The look-alike check compares twice (near-identical, then look-alike): the pairs are found once. */
  let candidates: [string, string][] | undefined;
  function findCandidatePairs(): [string, string][] {
    const slugs = [...bySlug.keys()];
    const position = new Map(slugs.map((slug, index) => [slug, index]));
    const pairs = new Set<number>();
    for (const lang of Object.keys(vocabularies) as Lang[]) {
      const postings = new Map<string, number[]>();
      for (const entry of bySlug.values()) {
        const vector = entry.vectors[lang];
        if (!vector) continue;
        const top = strongestTerms(vector, CANDIDATE_TERMS);
        for (const [term] of top) {
          const list = postings.get(term);
          if (list) list.push(position.get(entry.slug)!);
          else postings.set(term, [position.get(entry.slug)!]);
        }
      }
      for (const list of postings.values()) {
        // A term among the strongest of very many practices says nothing about any two of them.
        if (list.length > CANDIDATE_POSTINGS) continue;
        for (let i = 0; i < list.length; i++) {
          for (let j = i + 1; j < list.length; j++) {
            const [a, b] = list[i]! < list[j]! ? [list[i]!, list[j]!] : [list[j]!, list[i]!];
            pairs.add(a * slugs.length + b);
          }
        }
      }
    }
    return [...pairs].map((key) => [slugs[Math.floor(key / slugs.length)]!, slugs[key % slugs.length]!] as [string, string]);
  }

  return {
    vocabularies,
    score,
    nearest(slug, limit, minimum = 0) {
      if (minimum > 0) return nearestKept(slug, limit, minimum);
      return ranked(
        documents.filter((document) => document.slug !== slug).map((document) => ({ slug: document.slug, score: score(slug, document.slug) })),
        limit,
        minimum,
      );
    },
    documentFrequencies(lang) {
      return frequencies.get(lang) ?? new Map();
    },
    documentsWith(lang, terms) {
      const numbering = numberings.get(lang);
      const found = new Set<string>();
      if (!numbering) return found;
      for (const term of terms) {
        const number = numbering.get(term);
        const list = number === undefined ? undefined : postings(lang).get(number);
        if (list) for (const position of list.documents) found.add(documents[position]!.slug);
      }
      return found;
    },
    scoresWith(slug, minimum) {
      const entry = bySlug.get(slug);
      if (!entry) return [];
      const best = scoresOf(entry);
      const found: { slug: string; score: number }[] = [];
      for (let position = 0; position < best.length; position++) {
        if (best[position]! >= minimum && documents[position]!.slug !== slug) found.push({ slug: documents[position]!.slug, score: best[position]! });
      }
      return found;
    },
    vectorise(text, lang) {
      return vectorOf(termCounts(text, lang), vocabularies[lang] ?? { documentCount: 0, idf: new Map() });
    },
    vectorOfPractice(slug, lang) {
      return bySlug.get(slug)?.vectors[lang];
    },
    candidatePairs() {
      candidates ??= findCandidatePairs();
      return candidates;
    },
    nearestTo(vector, lang, limit, minimum = 0) {
      const scores: { slug: string; score: number }[] = [];
      for (const entry of bySlug.values()) {
        const other = entry.vectors[lang];
        if (other) scores.push({ slug: entry.slug, score: cosine(vector, other) });
      }
      return ranked(scores, limit, minimum);
    },
  };
}

/** A pair of look-alike practices: `second` is the later one (the one to change or label). */
export interface LookAlike {
  first: string;
  second: string;
  score: number;
  nearIdentical: boolean;
}

/** The score of each of a model's candidate pairs, in their order: found once, for the check compares twice. */
const scoredPairs = new WeakMap<SimilarityModel, Float64Array>();
function candidateScores(model: SimilarityModel): Float64Array {
  let scores = scoredPairs.get(model);
  if (!scores) {
    const pairs = model.candidatePairs();
    scores = new Float64Array(pairs.length);
    for (let index = 0; index < pairs.length; index++) scores[index] = model.score(pairs[index]![0], pairs[index]![1]);
    scoredPairs.set(model, scores);
  }
  return scores;
}

/** A candidate pair of practices (in the model's order) and its score. */
export interface ScoredPair {
  a: string;
  b: string;
  score: number;
}

/** The candidate pairs of a model that score at least `threshold`: what `lookAlikes` looks at. */
export function alikePairs(model: SimilarityModel, threshold = LOOK_ALIKE_THRESHOLD): ScoredPair[] {
  const pairs = model.candidatePairs();
  const scores = candidateScores(model);
  const result: ScoredPair[] = [];
  // The score is checked first: most candidate pairs fall short of the threshold.
  for (let index = 0; index < pairs.length; index++) {
    if (scores[index]! >= threshold) result.push({ a: pairs[index]![0], b: pairs[index]![1], score: scores[index]! });
  }
  return result;
}

/**
 * Every pair at or above the look-alike threshold, except pairs already linked by adaptedFrom
 * (either way). `order` ranks a practice (earlier published first) so the later one is named.
 * The pairs are the model's, or its `alikePairs` found elsewhere at a threshold no higher than
 * `thresholds.lookAlike`.
 */
export function lookAlikes(
  source: SimilarityModel | readonly ScoredPair[],
  practices: readonly { slug: string; adaptedFrom?: readonly string[]; order: string }[],
  thresholds: { lookAlike: number; nearIdentical: number } = { lookAlike: LOOK_ALIKE_THRESHOLD, nearIdentical: NEAR_IDENTICAL_THRESHOLD },
): LookAlike[] {
  const linked = new Set<string>();
  for (const practice of practices) {
    for (const source of practice.adaptedFrom ?? []) {
      linked.add(`${practice.slug}\n${source}`);
      linked.add(`${source}\n${practice.slug}`);
    }
  }
  const rank = new Map(
    [...practices].sort((a, b) => a.order.localeCompare(b.order) || a.slug.localeCompare(b.slug)).map((practice, index) => [practice.slug, index]),
  );
  const result: LookAlike[] = [];
  for (const { a, b, score } of Array.isArray(source) ? source : alikePairs(source as SimilarityModel, thresholds.lookAlike)) {
    if (score < thresholds.lookAlike || !rank.has(a) || !rank.has(b) || linked.has(`${a}\n${b}`)) continue;
    const [first, second] = rank.get(a)! < rank.get(b)! ? [a, b] : [b, a];
    result.push({ first, second, score, nearIdentical: score >= thresholds.nearIdentical });
  }
  return result.sort((a, b) => b.score - a.score || a.second.localeCompare(b.second));
}

/**
 * What the share page's island loads to warn a contributor about a look-alike as they write: per
 * language, each practice's strongest terms (the rest of a vector adds little to a cosine above
 * the threshold, and would make the file several times larger) and the idf of those terms; every
 * other word of a submission weighs `otherIdf`, the mean idf of the words left out. Weights are
 * rounded to three decimals; vectors are re-normalised over the kept terms.
 */
export interface SimilarityIndex {
  lang: Lang;
  documentCount: number;
  terms: string[];
  idf: number[];
  otherIdf: number;
  practices: { slug: string; title: string; terms: number[]; weights: number[] }[];
}

const round = (value: number) => Math.round(value * 1000) / 1000;

export function similarityIndex(
  model: SimilarityModel,
  documents: readonly SimilarityDocument[],
  lang: Lang,
  termsPerPractice = 40,
): SimilarityIndex | undefined {
  const vocabulary = model.vocabularies[lang];
  if (!vocabulary) return undefined;
  const tops = documents.flatMap((document) => {
    const text = document.texts[lang];
    if (!text) return [];
    const vector = model.vectorOfPractice(document.slug, lang) ?? model.vectorise(text, lang);
    const top = strongestTerms(vector, termsPerPractice);
    return [{ document, text, top }];
  });
  const terms = [...new Set(tops.flatMap(({ top }) => top.map(([term]) => term)))].sort();
  const position = new Map(terms.map((term, index) => [term, index]));
  const others = [...vocabulary.idf].filter(([term]) => !position.has(term)).map(([, idf]) => idf);
  return {
    lang,
    documentCount: vocabulary.documentCount,
    terms,
    idf: terms.map((term) => round(vocabulary.idf.get(term)!)),
    otherIdf: round(others.length > 0 ? others.reduce((sum, idf) => sum + idf, 0) / others.length : unseenIdf(vocabulary)),
    practices: tops.map(({ document, text, top }) => {
      const norm = Math.sqrt(top.reduce((sum, [, weight]) => sum + weight * weight, 0)) || 1;
      return {
        slug: document.slug,
        title: text.title,
        terms: top.map(([term]) => position.get(term)!),
        weights: top.map(([, weight]) => round(weight / norm)),
      };
    }),
  };
}

/**
 * The browser side of `similarityIndex`: the closest practices to a text being written, with the
 * same stemming and weighting as the build (tested against `buildSimilarity`).
 */
export function nearestInIndex(index: SimilarityIndex, text: SimilarityText, limit = 3, minimum = LOOK_ALIKE_THRESHOLD) {
  const idf = new Map(index.terms.map((term, i) => [term, index.idf[i]!]));
  const counts = termCounts(text, index.lang);
  for (const term of counts.keys()) if (!idf.has(term)) idf.set(term, index.otherIdf);
  const vector = vectorOf(counts, { documentCount: index.documentCount, idf });
  return index.practices
    .map((practice) => {
      let sum = 0;
      practice.terms.forEach((term, i) => {
        sum += practice.weights[i]! * (vector.get(index.terms[term]!) ?? 0);
      });
      return { slug: practice.slug, title: practice.title, score: Math.min(1, sum) };
    })
    .filter((entry) => entry.score >= minimum)
    .sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug))
    .slice(0, limit);
}
