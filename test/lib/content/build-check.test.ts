/**
 * A build's content check in two stages (src/lib/content/build-check.ts): the comparison of the
 * practices takes the look-alike pairs the similar practices scored in a model of the same texts,
 * or each unchanged text's term counts from those the similar practices kept.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runStagedCheck } from '../../../src/lib/content/build-check.ts';
import { checkContent } from '../../../src/lib/content/check-content.ts';
import { similarityDocuments } from '../../../src/lib/content/look-alikes.ts';
import { documentsDigest, keptTermCounts, similarityCode, type TermCountState } from '../../../src/lib/nearest-cache.ts';
import { alikePairs, buildSimilarity } from '../../../src/lib/similarity.ts';

const root = process.cwd();
const work = mkdtempSync(join(tmpdir(), 'icc-build-check-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the comparison of a build’s check', () => {
  const documents = similarityDocuments(checkContent(root, undefined, { lookAlikes: false }).content.practices);
  const plain = runStagedCheck(root, undefined).compare();
  const found = (path: string) => {
    const { problems, warnings } = runStagedCheck(root, undefined, path).compare();
    return { problems, warnings };
  };
  /** The counts a build keeps for the demonstration practices, as its similar practices write them. */
  function kept(): TermCountState {
    const counts = keptTermCounts(undefined, similarityCode());
    buildSimilarity(documents, counts.counter);
    return counts.state();
  }

  it('finds what it finds without them when the counts are the texts’ own, or cannot be read', () => {
    expect(plain.problems).toEqual([]);
    const path = join(work, 'term-counts.json');
    writeFileSync(path, JSON.stringify(kept()));
    const texts = documents.reduce((sum, document) => sum + Object.keys(document.texts).length, 0);
    expect(runStagedCheck(root, undefined, path).compare()).toEqual({ ...plain, terms: { counted: 0, kept: texts } });
    writeFileSync(path, '{"version": 1, "settings": ');
    expect(found(path)).toEqual(plain);
    expect(runStagedCheck(root, undefined, path).compare().terms).toEqual({ counted: texts, kept: 0 });
    expect(found(join(work, 'missing.json'))).toEqual(plain);
  });

  it('takes the kept counts of a text rather than counting it again', () => {
    // Every text is given the counts of the first one: the check, trusting them, sees copies.
    const state = kept();
    const keys = Object.keys(state.counts);
    const first = state.counts[keys[0]!]!;
    for (const key of keys) state.counts[key] = first;
    const path = join(work, 'same-counts.json');
    writeFileSync(path, JSON.stringify(state));
    const { problems } = runStagedCheck(root, undefined, path).compare();
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]!.message).toMatch(/^is nearly identical to /);
    // Counts kept by other code are not taken.
    writeFileSync(path, JSON.stringify({ ...state, settings: 'other code' }));
    expect(found(path)).toEqual(plain);
  });

  it('takes the look-alike pairs the build scored when its model was built of the same texts, and scores its own otherwise', () => {
    const alike = { digest: documentsDigest(documents), pairs: alikePairs(buildSimilarity(documents)) };
    expect(runStagedCheck(root, undefined).compare(structuredClone(alike))).toEqual({ ...plain, taken: true });
    // Taken as they are: pairs saying two practices are copies make them so.
    const [a, b] = documents.map(({ slug }) => slug);
    const copies = { digest: alike.digest, pairs: [{ a: a!, b: b!, score: 0.95 }] };
    const { problems, taken } = runStagedCheck(root, undefined).compare(copies);
    expect(taken).toBe(true);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(new RegExp(`^is nearly identical to .*\\((${a}|${b}), .*95% alike`));
    // Pairs of a model of other texts (one text changed since) are not taken.
    const edited = documents.map((document, index) => (index === 0 ? { ...document, texts: { ...document.texts, en: { ...document.texts.en!, title: 'Edited' } } } : document));
    expect(runStagedCheck(root, undefined).compare({ ...copies, digest: documentsDigest(edited) })).toEqual(plain);
  });
});
