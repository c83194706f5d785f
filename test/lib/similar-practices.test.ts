import { describe, expect, it } from 'vitest';
import { similarPractices } from '../../src/lib/similar-practices.ts';
import { buildSimilarity } from '../../src/lib/similarity.ts';

const text = (title: string, purpose: string) => ({ en: { title, purpose } });
const model = buildSimilarity([
  { slug: 'rumours-a', texts: text('Anti-rumour agents', 'Volunteers question rumours about immigrants in conversations.') },
  { slug: 'rumours-b', texts: text('Anti-rumour network', 'Volunteers question rumours about immigrants in shops.') },
  { slug: 'rumours-c', texts: text('Anti-rumour school lessons', 'Pupils question rumours about immigrants with volunteers.') },
  { slug: 'rumours-same-city', texts: text('Anti-rumour agents again', 'Volunteers question rumours about immigrants in conversations.') },
  { slug: 'gardens', texts: text('Shared gardens', 'Neighbours grow vegetables.') },
]);
const facts: Record<string, { cities: string[]; targetGroups: string[]; methods?: string[] }> = {
  'rumours-a': { cities: ['bilbao'], targetGroups: ['general-public', 'youth'], methods: ['anti-rumour'] },
  'rumours-b': { cities: ['getxo'], targetGroups: ['general-public'], methods: ['anti-rumour'] },
  'rumours-c': { cities: ['oslo'], targetGroups: ['general-public', 'youth'] },
  'rumours-same-city': { cities: ['bilbao'], targetGroups: ['youth'] },
  gardens: { cities: ['lisbon'], targetGroups: ['general-public'] },
};

describe('similarPractices', () => {
  it('lists the closest practices of other cities with the reasons, leaving out those already on the page', () => {
    const found = similarPractices(model, 'rumours-a', (slug) => facts[slug], []);
    expect(found.map(({ slug, similarApproach, sharedGroups }) => ({ slug, similarApproach, sharedGroups }))).toEqual([
      { slug: 'rumours-b', similarApproach: true, sharedGroups: [] },
      { slug: 'rumours-c', similarApproach: true, sharedGroups: ['youth'] },
    ]);
    expect(similarPractices(model, 'rumours-a', (slug) => facts[slug], ['rumours-b']).map((entry) => entry.slug)).toEqual(['rumours-c']);
  });

  it('has nothing for a practice it does not know', () => {
    expect(similarPractices(model, 'unknown', (slug) => facts[slug], [])).toEqual([]);
  });
});
