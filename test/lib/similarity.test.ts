import { describe, expect, it } from 'vitest';
import {
  alikePairs,
  buildSimilarity,
  cosine,
  LOOK_ALIKE_THRESHOLD,
  lookAlikes,
  nearestInIndex,
  similarityIndex,
  stems,
  type SimilarityDocument,
} from '../../src/lib/similarity.ts';

const rumours: SimilarityDocument = {
  slug: 'anti-rumour-network',
  texts: {
    en: {
      title: 'Anti-rumour network',
      purpose: 'Train residents to question rumours about immigrants in everyday conversations.',
      process: 'Volunteers follow a course and become anti-rumour agents in libraries and associations.',
    },
    fr: {
      title: 'Réseau anti-rumeurs',
      purpose: 'Former les habitants à questionner les rumeurs sur les immigrés dans les conversations de tous les jours.',
      process: 'Les bénévoles suivent une formation et deviennent agents anti-rumeurs dans les bibliothèques et les associations.',
    },
  },
};
const gardens: SimilarityDocument = {
  slug: 'shared-gardens',
  texts: { en: { title: 'Shared gardens', purpose: 'Neighbours grow vegetables together on empty city plots.', process: 'The parks department lends land and tools.' } },
};
const budgets: SimilarityDocument = {
  slug: 'open-budget',
  texts: { en: { title: 'Participatory budget', purpose: 'Every resident proposes and votes on projects for the ward budget.', process: 'Ballots in several languages.' } },
};

describe('stems', () => {
  it('makes one word of the forms of a word, in the language of the text', () => {
    expect(stems('Rumours, rumour and rumoured', 'en')).toEqual(['rumour', 'rumour', 'rumour']);
    expect(new Set(stems('médiateurs médiateur', 'fr')).size).toBe(1);
    expect(new Set(stems('mediadores mediador', 'es')).size).toBe(1);
  });

  it('drops short words, bare numbers, elisions and possessives, and ignores accents', () => {
    expect(stems("Barcelona's 2010 plan of l'école", 'en')).toEqual(['barcelona', 'plan', 'ecole']);
    expect(stems('école', 'fr')).toEqual(stems('ecole', 'fr'));
  });
});

describe('buildSimilarity', () => {
  const model = buildSimilarity([rumours, gardens, budgets, { slug: 'rumours-again', texts: { fr: rumours.texts.fr! } }]);

  it('scores a practice against itself 1 and unrelated practices near 0', () => {
    expect(model.score('anti-rumour-network', 'anti-rumour-network')).toBe(1);
    expect(model.score('anti-rumour-network', 'shared-gardens')).toBeLessThan(0.1);
  });

  it('compares in every language both practices are written in, the closest counting', () => {
    // rumours-again exists only in French: it is compared with the French text.
    expect(model.score('anti-rumour-network', 'rumours-again')).toBeCloseTo(1, 5);
    expect(model.score('shared-gardens', 'rumours-again')).toBe(0);
  });

  it('ranks the nearest practices, best first', () => {
    expect(model.nearest('anti-rumour-network', 2).map((entry) => entry.slug)).toEqual(['rumours-again', 'open-budget']);
  });

  it('scores every pair as the cosine of the two texts\' vectors, whatever their order', () => {
    const documents = [rumours, gardens, budgets];
    for (const a of documents) {
      for (const b of documents) {
        if (a === b) continue;
        const expected = cosine(model.vectorise(a.texts.en!, 'en'), model.vectorise(b.texts.en!, 'en'));
        expect(model.score(a.slug, b.slug)).toBeCloseTo(expected, 12);
        expect(model.score(b.slug, a.slug)).toBeCloseTo(expected, 12);
      }
    }
    expect(model.score('anti-rumour-network', 'open-budget')).toBeGreaterThan(0);
  });

  it('finds the nearest practices above a minimum as scoring every pair finds them', () => {
    for (const { slug } of [rumours, gardens, budgets]) {
      const everyPair = [rumours, gardens, budgets, { slug: 'rumours-again' }]
        .filter((other) => other.slug !== slug)
        .map((other) => ({ slug: other.slug, score: model.score(slug, other.slug) }))
        .filter((entry) => entry.score >= 0.01)
        .sort((a, b) => b.score - a.score);
      const nearest = model.nearest(slug, 3, 0.01);
      expect(nearest.map((entry) => entry.slug)).toEqual(everyPair.map((entry) => entry.slug));
      nearest.forEach((entry, index) => expect(entry.score).toBeCloseTo(everyPair[index]!.score, 12));
    }
    expect(model.nearest('anti-rumour-network', 1, 0.5).map((entry) => entry.slug)).toEqual(['rumours-again']);
  });

  it('gives the same lists whatever was asked before (each language page asks for the same practice)', () => {
    const documents = [rumours, gardens, budgets, { slug: 'rumours-again', texts: { fr: rumours.texts.fr! } }];
    const fresh = (limit: number) => buildSimilarity(documents).nearest('anti-rumour-network', limit, 0.01);
    const asked = buildSimilarity(documents);
    const short = asked.nearest('anti-rumour-network', 1, 0.01);
    short.pop(); // a caller changing its list does not change the next one
    expect(asked.nearest('anti-rumour-network', 1, 0.01)).toEqual(fresh(1));
    expect(asked.nearest('anti-rumour-network', 3, 0.01)).toEqual(fresh(3));
    expect(asked.nearest('anti-rumour-network', 2, 0.01)).toEqual(fresh(2));
    expect(asked.nearest('anti-rumour-network', 9, 0.01)).toEqual(fresh(9));
    expect(asked.nearest('anti-rumour-network', 2, 0.2)).toEqual(buildSimilarity(documents).nearest('anti-rumour-network', 2, 0.2));
    expect(fresh(1)).toHaveLength(1);
    expect(fresh(3).length).toBeGreaterThan(1);
  });

  it('finds the practice a new text resembles', () => {
    const vector = model.vectorise({ title: 'Rumour agents', purpose: 'Volunteers question rumours about immigrants.' }, 'en');
    expect(model.nearestTo(vector, 'en', 1)[0]!.slug).toBe('anti-rumour-network');
  });
});

describe('cosine', () => {
  it('is 0 with nothing in common', () => {
    expect(cosine(new Map([['a', 1]]), new Map([['b', 1]]))).toBe(0);
  });
});

describe('lookAlikes', () => {
  const model = buildSimilarity([rumours, gardens, { slug: 'copy', texts: { en: rumours.texts.en! } }]);

  it('names the later practice of each close pair, and marks near-identical ones', () => {
    const pairs = lookAlikes(model, [
      { slug: 'anti-rumour-network', order: '2020-01-01' },
      { slug: 'copy', order: '2024-01-01' },
      { slug: 'shared-gardens', order: '2019-01-01' },
    ]);
    expect(pairs).toEqual([{ first: 'anti-rumour-network', second: 'copy', score: expect.closeTo(1, 5), nearIdentical: true }]);
  });

  it('leaves out pairs linked by adaptedFrom, either way', () => {
    const pairs = lookAlikes(model, [
      { slug: 'anti-rumour-network', order: '2020-01-01' },
      { slug: 'copy', adaptedFrom: ['anti-rumour-network'], order: '2024-01-01' },
    ]);
    expect(pairs).toEqual([]);
  });
});

describe('alikePairs', () => {
  const copy = { slug: 'copy', texts: { en: rumours.texts.en! } };
  const retold = { slug: 'retold', texts: { en: { ...rumours.texts.en!, title: 'Rumour agents in libraries' } } };
  const documents = [rumours, gardens, budgets, copy, retold];
  const practices = documents.map(({ slug }, index) => ({ slug, order: `202${index}-01-01` }));

  it('gives every candidate pair of the model and its score', () => {
    const model = buildSimilarity(documents);
    const whole = alikePairs(model, 0);
    expect(whole.map(({ a, b }) => [a, b])).toEqual(model.candidatePairs());
    for (const { a, b, score } of whole) expect(score).toBe(model.score(a, b));
  });

  it('keeps the pairs from the threshold, which lookAlikes finds the same as in the model', () => {
    const model = buildSimilarity(documents);
    const pairs = alikePairs(model);
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.every(({ score }) => score >= LOOK_ALIKE_THRESHOLD)).toBe(true);
    // As they come from a worker: copied.
    const copied = structuredClone(pairs);
    expect(lookAlikes(copied, practices)).toEqual(lookAlikes(model, practices));
    const nearIdentical = { lookAlike: 0.9, nearIdentical: 0.9 };
    expect(lookAlikes(copied, practices, nearIdentical)).toEqual(lookAlikes(model, practices, nearIdentical));
    expect(lookAlikes(copied, practices).map(({ first, second }) => `${first} ${second}`).sort()).toEqual(['anti-rumour-network copy', 'anti-rumour-network retold', 'copy retold']);
  });
});

describe('similarityIndex and nearestInIndex', () => {
  const documents = [rumours, gardens, budgets];
  const model = buildSimilarity(documents);

  it('finds in the precomputed file what the full model finds', () => {
    const index = similarityIndex(model, documents, 'en')!;
    const text = { title: 'Rumour agents', purpose: 'Volunteers question rumours about immigrants in conversations.' };
    const full = model.nearestTo(model.vectorise(text, 'en'), 'en', 1)[0]!;
    const [found] = nearestInIndex(JSON.parse(JSON.stringify(index)), text, 1, 0);
    expect(found!.slug).toBe(full.slug);
    expect(found!.title).toBe('Anti-rumour network');
    expect(found!.score).toBeCloseTo(full.score, 2);
  });

  it('has nothing for a language no practice is written in', () => {
    expect(similarityIndex(model, documents, 'es')).toBeUndefined();
  });

  it('reads the vectors the model keeps, which are those of the practices\' texts', () => {
    for (const document of documents) expect(model.vectorOfPractice(document.slug, 'en')).toEqual(model.vectorise(document.texts.en!, 'en'));
    expect(model.vectorOfPractice(rumours.slug, 'es')).toBeUndefined();
    expect(model.vectorOfPractice('no-such-practice', 'en')).toBeUndefined();
  });
});
