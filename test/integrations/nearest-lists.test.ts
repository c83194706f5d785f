import { describe, expect, it } from 'vitest';
import { nearestInWorker } from '../../src/integrations/nearest-lists.ts';
import { similarityDocuments } from '../../src/lib/content/look-alikes.ts';
import { checkContent } from '../../src/lib/content/check-content.ts';
import { nearestLists } from '../../src/lib/nearest-lists.ts';
import { buildSimilarity } from '../../src/lib/similarity.ts';

describe('nearest lists on the second core', () => {
  const documents = similarityDocuments(checkContent(process.cwd()).content.practices);

  it('scores, in a worker, exactly the lists this thread scores (same practices, same scores, same order)', async () => {
    expect(documents.length).toBeGreaterThan(50);
    const slugs = documents.map((document) => document.slug).reverse();
    const request = { documents, slugs, limit: 20, minimum: 0.15 };
    const inWorker = await nearestInWorker(request);
    expect(inWorker).toEqual(nearestLists(buildSimilarity(documents), request));
    expect(inWorker).toHaveLength(slugs.length);
    expect(inWorker.some((list) => list.length > 0)).toBe(true);
  });

  it('rejects, so the build scores the lists itself, when the worker fails', async () => {
    await expect(nearestInWorker({ documents: [{ slug: 'x', texts: { en: null as never } }], slugs: ['x'], limit: 4, minimum: 0.15 })).rejects.toThrow();
  });
});
