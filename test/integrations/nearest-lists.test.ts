import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { AstroIntegrationLogger } from 'astro';
import { nearestInWorker, nearestListsOnBothCores } from '../../src/integrations/nearest-lists.ts';
import { similarityDocuments } from '../../src/lib/content/look-alikes.ts';
import { checkContent } from '../../src/lib/content/check-content.ts';
import { documentsDigest } from '../../src/lib/nearest-cache.ts';
import { nearestLists, type AlikeFound } from '../../src/lib/nearest-lists.ts';
import { alikePairs, buildSimilarity, similarityIndex, type SimilarityDocument } from '../../src/lib/similarity.ts';

const work = mkdtempSync(join(tmpdir(), 'icc-nearest-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('nearest lists on both cores', () => {
  const documents = similarityDocuments(checkContent(process.cwd()).content.practices);
  const slugs = documents.map((document) => document.slug);
  const languages = ['en', 'fr', 'es'] as const;
  const request = (of: SimilarityDocument[]) => ({ documents: of, slugs: [...slugs].reverse(), limit: 20, minimum: 0.15, languages: [...languages] });
  const inline = (of: SimilarityDocument[]) => {
    const model = buildSimilarity(of);
    return { lists: nearestLists(model, request(of)), indexes: Object.fromEntries(languages.map((lang) => [lang, similarityIndex(model, of, lang) ?? null])) };
  };
  const logger = () => ({ info: vi.fn(), warn: vi.fn() }) as unknown as AstroIntegrationLogger & { info: ReturnType<typeof vi.fn> };

  it('finds, in two workers, exactly the lists and look-alike files this thread makes, and updates them after an edit in one', async () => {
    expect(documents.length).toBeGreaterThan(50);
    const state = join(work, 'cache', 'lists.json');
    const paths = { statePath: state, countsPath: join(work, 'cache', 'term-counts.json') };
    const cold = logger();
    const alike = Promise.withResolvers<AlikeFound | undefined>();
    const found = await nearestListsOnBothCores(request(documents), paths, cold, alike.resolve);
    expect(found).toEqual(inline(documents));
    // Then the look-alike pairs of the model, for the content check.
    const pairs = await alike.promise;
    expect(pairs).toEqual({ digest: documentsDigest(documents), pairs: alikePairs(buildSimilarity(documents)) });
    expect(found.lists.some((list) => list.length > 0)).toBe(true);
    // Every language gets its file, from one worker or the other.
    expect(Object.keys(found.indexes).sort()).toEqual([...languages].sort());
    expect(found.indexes.en!.practices.length).toBeGreaterThan(50);
    expect(cold.info).toHaveBeenCalledWith(expect.stringMatching(/^similar practices: every list scored \(no lists from an earlier build; terms of every text counted\), \d+ practices in [\d.]+ s \(2 workers\)$/));
    expect(JSON.parse(readFileSync(state, 'utf8')).slugs).toEqual(slugs);
    const texts = documents.reduce((sum, document) => sum + Object.keys(document.texts).length, 0);
    expect(Object.keys(JSON.parse(readFileSync(join(work, 'cache', 'term-counts.json'), 'utf8')).counts)).toHaveLength(texts);

    const edited = documents.map((document, index) =>
      index === 7 ? { ...document, texts: { ...document.texts, en: { ...document.texts.en!, stimulus: `${document.texts.en!.stimulus ?? ''} Zanzibarian quokkas.` } } } : document,
    );
    const warm = logger();
    const warmAlike = Promise.withResolvers<AlikeFound | undefined>();
    expect(await nearestListsOnBothCores(request(edited), paths, warm, warmAlike.resolve)).toEqual(inline(edited));
    expect(await warmAlike.promise).toEqual({ digest: documentsDigest(edited), pairs: alikePairs(buildSimilarity(edited)) });
    expect(warm.info).toHaveBeenCalledWith(expect.stringMatching(new RegExp(`^similar practices: 1 of ${slugs.length} practices changed since the last build; [12] lists scored again, the other \\d+ updated \\(terms counted in 1 of ${texts} texts, the others kept\\), in [\\d.]+ s \\(one worker\\)$`)));

    // Kept term counts that are not a build's are no reason to fail: the terms are counted again.
    writeFileSync(join(work, 'cache', 'term-counts.json'), '[1, 2');
    const recount = logger();
    expect(await nearestListsOnBothCores(request(edited), paths, recount)).toEqual(inline(edited));
    expect(recount.info).toHaveBeenCalledWith(expect.stringMatching(/0 lists scored again, the other \d+ updated \(terms of every text counted\), in [\d.]+ s \(one worker\)$/));

    // A kept file that is not the lists' is no reason to fail: every list is scored again.
    writeFileSync(state, '{"broken": tru');
    const broken = logger();
    expect(await nearestListsOnBothCores(request(edited), paths, broken)).toEqual(inline(edited));
    expect(broken.info).toHaveBeenCalledWith(expect.stringMatching(/every list scored \(no lists from an earlier build; terms of every text kept\), .* \(2 workers\)$/));

    // A practice no longer written in one of its languages changes every weight of that language:
    // every list is scored again, on both cores.
    const withTexts = edited.findIndex((document) => Object.keys(document.texts).length > 1);
    const fewer = edited.map((document, index) => (index === withTexts ? { ...document, texts: { en: document.texts.en! } } : document));
    const scored = logger();
    expect(await nearestListsOnBothCores(request(fewer), paths, scored)).toEqual(inline(fewer));
    expect(scored.info).toHaveBeenCalledWith(expect.stringMatching(/every list scored \(the number of practices written in "\w+" changed; .*\(2 workers\)$/));
  });

  it('rejects, so the build scores the lists itself, when a worker fails', async () => {
    const broken = { documents: [{ slug: 'x', texts: { en: null as never } }], slugs: ['x'], limit: 4, minimum: 0.15, languages: ['en' as const] };
    const worker = nearestInWorker({ ...broken, digests: ['d'], settings: 's', countsSettings: 's', from: 0, to: 1, indexLanguages: ['en'], withPairs: true });
    await expect(worker.reply).rejects.toThrow();
    await expect(worker.pairs).rejects.toThrow();
    // The content check is told there are no pairs: it compares the practices itself.
    // The second worker may fail after the first: wait for the call itself, not for a turn of the loop.
    const told = Promise.withResolvers<unknown>();
    const alike = vi.fn((found: unknown) => told.resolve(found));
    await expect(nearestListsOnBothCores(broken, {}, undefined, alike)).rejects.toThrow();
    expect(await told.promise).toBeUndefined();
    expect(alike).toHaveBeenCalledTimes(1);
  });
});
