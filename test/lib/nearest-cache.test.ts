import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check-content.ts';
import { similarityDocuments } from '../../src/lib/content/look-alikes.ts';
import {
  documentsDigest,
  keptTermCounts,
  nearestState,
  parseNearestState,
  parseTermCountState,
  textDigest,
  updateNearestLists,
  vocabulariesOf,
  type NearestState,
  type TermCountState,
} from '../../src/lib/nearest-cache.ts';
import { buildSimilarity, idfOf, stems, type SimilarityDocument } from '../../src/lib/similarity.ts';

const demo = similarityDocuments(checkContent(process.cwd()).content.practices);
const settings = 'test settings';

/** The lists of every practice as a build finds them, with the state it keeps. */
function build(documents: SimilarityDocument[], previous: NearestState | undefined, limit: number, minimum = 0.05) {
  const model = buildSimilarity(documents);
  const digests = documents.map(textDigest);
  const update = updateNearestLists(model, documents, digests, { limit, minimum, settings }, previous);
  const scratch = buildSimilarity(documents);
  const fresh = documents.map((document) => scratch.nearest(document.slug, limit, minimum));
  const slugs = documents.map((document) => document.slug);
  // Through JSON, as the state file is.
  const state = parseNearestState(JSON.stringify(nearestState(slugs, digests, settings, vocabulariesOf(model), update.lists)))!;
  return { update, fresh, state };
}

/** The documents with one practice's English text changed. */
function edited(documents: SimilarityDocument[], slug: string, change: (text: { title: string; purpose: string; stimulus?: string }) => object) {
  return documents.map((document) => (document.slug === slug ? { ...document, texts: { ...document.texts, en: { ...document.texts.en!, ...change(document.texts.en!) } } } : document));
}

describe('updateNearestLists', () => {
  const first = demo[10]!.slug;

  it('scores every list the first time, exactly as scoring each practice does', () => {
    const { update, fresh } = build(demo, undefined, 8);
    expect(update.how).toEqual({ kind: 'scored', reason: 'no lists from an earlier build' });
    expect(update.lists).toEqual(fresh);
  });

  /** A word (its own stem) that `count` practices' English texts use. */
  function wordUsedBy(count: number): string {
    const model = buildSimilarity(demo);
    const found = [...model.documentFrequencies('en')].find(([term, frequency]) => frequency === count && /^[a-z]{5,}$/.test(term) && stems(term, 'en')[0] === term);
    return found![0];
  }

  for (const limit of [3, 8, 40]) {
    it(`after edits, updates the lists to exactly the lists scoring them again gives (lists of ${limit})`, () => {
      let { state } = build(demo, undefined, limit);
      const rare = wordUsedBy(3);
      const edits: { change: (text: { title: string; purpose: string; stimulus?: string }) => object; updated: boolean }[] = [
        // A word no practice uses: only the edited practice's vector changes.
        { change: (text) => ({ stimulus: `${text.stimulus ?? ''} Zanzibarian quokkas.` }), updated: true },
        // A word three practices use: theirs shift too.
        { change: (text) => ({ purpose: `${text.purpose} ${rare[0]!.toUpperCase()}${rare.slice(1)} ${rare}.` }), updated: true },
        // The practice becomes unlike what it was, and leaves other practices' lists (most
        // words' frequencies change: every list is scored again, as it should be).
        { change: () => ({ title: 'Harbour crane maintenance', purpose: 'Crane gears are greased twice a year.', stimulus: 'Rust.' }), updated: false },
        // Back as it was, then an edit of the same words.
        { change: () => demo[10]!.texts.en!, updated: false },
        { change: (text) => ({ stimulus: `${text.stimulus ?? ''} Zanzibarian quokkas.` }), updated: true },
      ];
      let documents = demo;
      for (const { change, updated } of edits) {
        documents = edited(documents, first, change);
        const { update, fresh, state: next } = build(documents, state, limit);
        expect(update.lists).toEqual(fresh);
        if (updated) {
          expect(update.how.kind).toBe('updated');
          if (update.how.kind === 'updated') {
            expect(update.how.changed).toBe(1);
            expect(update.how.rescored).toBeLessThan(documents.length / 4);
          }
        }
        state = next;
      }
    });
  }

  it('scores again only the edited practice when it gains a word many practices use, whose weight stays in its step', () => {
    const model = buildSimilarity(demo);
    const count = model.vocabularies.en!.documentCount;
    const uses = (term: string) => demo[10]!.texts.en && stems(Object.values(demo[10]!.texts.en).join(' '), 'en').includes(term);
    // A word a fifth of the practices use or more, absent from the edited one, whose weight one more practice does not change.
    const [common, frequency] = [...model.documentFrequencies('en')].find(
      ([term, used]) => used >= count / 5 && /^[a-z]{5,}$/.test(term) && stems(term, 'en')[0] === term && !uses(term) && idfOf(count, used) === idfOf(count, used + 1),
    )!;
    const { state } = build(demo, undefined, 8);
    const documents = edited(demo, first, (text) => ({ stimulus: `${text.stimulus ?? ''} ${common}.` }));
    const { update, fresh } = build(documents, state, 8);
    expect(buildSimilarity(documents).documentFrequencies('en').get(common)).toBe(frequency + 1);
    expect(update.how).toMatchObject({ kind: 'updated', changed: 1 });
    expect(update.lists).toEqual(fresh);
  });

  it('weighs a word in steps of its share of the practices, the same weight for counts in one step', () => {
    expect(idfOf(10000, 5694)).toBe(idfOf(10000, 5695));
    expect(idfOf(10000, 1)).toBeGreaterThan(idfOf(10000, 100));
    expect(idfOf(10000, 10000)).toBe(1);
    // Steps of about 10%: within a step, counts differ by less than a fifth.
    for (const used of [50, 500, 5000]) {
      const same = Array.from({ length: 2 * used }, (_, extra) => used + extra).filter((other) => idfOf(10000, other) === idfOf(10000, used));
      expect(same.length).toBeGreaterThan(used / 20);
      expect(same.at(-1)! / same[0]!).toBeLessThan(1.2);
    }
  });

  it('reuses every list when no text changed', () => {
    const { state } = build(demo, undefined, 8);
    const { update, fresh } = build(demo, state, 8);
    expect(update.how).toEqual({ kind: 'updated', changed: 0, rescored: 0 });
    expect(update.lists).toEqual(fresh);
  });

  it('scores every list again when practices are added or a language gains a text, or the lists were made another way', () => {
    const { state } = build(demo, undefined, 8);
    const added = [...demo, { slug: 'zz-new', texts: { en: { title: 'A new practice', purpose: 'Residents meet.' } } }];
    expect(build(added, state, 8).update.how).toEqual({ kind: 'scored', reason: 'practices were added or removed' });
    const untranslated = demo.findIndex((document) => !document.texts.es);
    expect(untranslated).toBeGreaterThanOrEqual(0);
    const translated = demo.map((document, index) => (index === untranslated ? { ...document, texts: { ...document.texts, es: { title: 'Traducción', purpose: 'Los vecinos se reúnen.' } } } : document));
    const { update, fresh } = build(translated, state, 8);
    expect(update.how).toEqual({ kind: 'scored', reason: 'the number of practices written in "es" changed' });
    expect(update.lists).toEqual(fresh);
    expect(updateNearestLists(buildSimilarity(demo), demo, demo.map(textDigest), { limit: 8, minimum: 0.05, settings: 'other' }, state).how).toEqual({
      kind: 'scored',
      reason: 'the lists of the earlier build were made another way',
    });
  });

  it('reads back only a state it wrote', () => {
    expect(parseNearestState('not json')).toBeUndefined();
    expect(parseNearestState('{"version": 99}')).toBeUndefined();
    expect(parseNearestState(JSON.stringify({ version: 1, settings: 's', slugs: ['a'], digests: [], vocabularies: {}, lists: [[]] }))).toBeUndefined();
  });
});

describe('keptTermCounts', () => {
  const texts = demo.reduce((sum, document) => sum + Object.keys(document.texts).length, 0);
  /** A model built through kept counts, the state it keeps (through JSON, as the file is) and its tally. */
  function through(documents: SimilarityDocument[], previous: TermCountState | undefined, settingsOf = settings) {
    const counts = keptTermCounts(previous, settingsOf);
    const model = buildSimilarity(documents, counts.counter);
    return { model, tally: counts.tally(), changed: counts.changed(), state: parseTermCountState(JSON.stringify(counts.state()))! };
  }
  /** Every practice's vectors and list, to the last bit. */
  const everything = (model: ReturnType<typeof buildSimilarity>, documents: SimilarityDocument[]) =>
    documents.map((document) => ({
      vectors: (Object.keys(document.texts) as (keyof typeof document.texts)[]).map((lang) => [...model.vectorOfPractice(document.slug, lang)!]),
      nearest: model.nearest(document.slug, 12, 0),
    }));

  it('builds, from the counts a build kept, the very model the texts give, and counts only the edited text', () => {
    const first = through(demo, undefined);
    expect(first.tally).toEqual({ counted: texts, kept: 0 });
    expect(first.changed).toBe(true);
    expect(Object.keys(first.state.counts)).toHaveLength(texts);
    const again = through(demo, first.state);
    expect(again.tally).toEqual({ counted: 0, kept: texts });
    expect(again.changed).toBe(false);
    expect(everything(again.model, demo)).toEqual(everything(buildSimilarity(demo), demo));

    const documents = edited(demo, demo[3]!.slug, (text) => ({ stimulus: `${text.stimulus ?? ''} Zanzibarian quokkas.` }));
    const after = through(documents, again.state);
    expect(after.tally).toEqual({ counted: 1, kept: texts - 1 });
    expect(after.changed).toBe(true);
    expect(everything(after.model, documents)).toEqual(everything(buildSimilarity(documents), documents));
    // The edited text's old counts are not kept again.
    expect(Object.keys(after.state.counts)).toHaveLength(texts);
    expect(Object.keys(after.state.counts).filter((key) => !(key in again.state.counts))).toHaveLength(1);
  });

  it('keeps fewer counts when a practice is gone, and counts everything again for other code', () => {
    const { state } = through(demo, undefined);
    expect(through(demo.slice(1), state).changed).toBe(true);
    expect(through(demo, state, 'other settings').tally).toEqual({ counted: texts, kept: 0 });
  });

  it('reads kept counts without keeping a state of its own when asked to (the content check)', () => {
    const { state } = through(demo, undefined);
    const readOnly = keptTermCounts(state, settings, { keep: false });
    const model = buildSimilarity(demo, readOnly.counter);
    expect(readOnly.tally()).toEqual({ counted: 0, kept: texts });
    expect(everything(model, demo)).toEqual(everything(buildSimilarity(demo), demo));
    expect(() => readOnly.state()).toThrow(/read only \(keep: false\)/);
  });

  it('reads back only a state it wrote', () => {
    expect(parseTermCountState('[1, 2')).toBeUndefined();
    expect(parseTermCountState('{"version": 99, "settings": "s", "terms": {}, "counts": {}}')).toBeUndefined();
    expect(parseTermCountState('{"version": 1, "settings": "s", "counts": {}}')).toBeUndefined();
  });
});

describe('documentsDigest', () => {
  const base = demo.slice(0, 20);
  const digest = documentsDigest(base);

  it('is the same for the same compared texts, whatever the order of documents, languages and fields, and other fields', () => {
    const shuffled = [...base].reverse().map((document) => ({
      slug: document.slug,
      texts: Object.fromEntries(
        Object.entries(document.texts)
          .reverse()
          .map(([lang, text]) => [lang, { ...Object.fromEntries(Object.entries(text!).reverse()), summary: 'not compared' }]),
      ),
    }));
    expect(documentsDigest(shuffled as SimilarityDocument[])).toBe(digest);
  });

  it('differs when a compared text, a language or a practice differs', () => {
    const first = base[0]!;
    const edit = (texts: SimilarityDocument['texts']) => documentsDigest([{ ...first, texts }, ...base.slice(1)]);
    expect(edit({ ...first.texts, en: { ...first.texts.en!, purpose: `${first.texts.en!.purpose} Again.` } })).not.toBe(digest);
    expect(edit({ ...first.texts, es: first.texts.en, fr: first.texts.en })).not.toBe(digest);
    const multilingual = base.findIndex((document) => Object.keys(document.texts).length > 1);
    expect(multilingual).toBeGreaterThanOrEqual(0);
    const englishOnly = base.map((document, index) => (index === multilingual ? { ...document, texts: { en: document.texts.en } } : document));
    expect(documentsDigest(englishOnly)).not.toBe(digest);
    expect(documentsDigest(base.slice(1))).not.toBe(digest);
    expect(documentsDigest(base.map((document, index) => (index === 3 ? { ...document, slug: `${document.slug}-2` } : document)))).not.toBe(digest);
  });
});
