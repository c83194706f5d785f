import { describe, expect, it } from 'vitest';
import { entryFiles, entrySlug, slugSource, uniqueSlug } from '../../../src/lib/cms/entry-slug.ts';

describe('file names of new entries', () => {
  it.each([
    ['practices', { title: "Médiation à l'école" }, 'mediation-a-l-ecole'],
    ['practices', { title: 'Youth_club ~ "Open doors" (2024)!' }, 'youth-club-open-doors-2024'],
    ['cities', { name: 'Donostia / San Sebastián' }, 'donostia-san-sebastian'],
    ['cities', { name: 'Łódź' }, 'lodz'],
    ['themes', { label: { en: 'Public space', fr: 'Espace public' } }, 'public-space'],
    ['networks', { country: 'GB', name: { en: 'UK network', fr: 'Réseau britannique' } }, 'united-kingdom'],
    ['networks', { name: { en: 'Nordic network', fr: 'Réseau nordique' } }, 'nordic-network'],
    ['index-results', { city: 'lisbon', edition: 2023 }, 'lisbon-2023'],
    ['methods', { name: 'Anti-rumour strategy' }, 'anti-rumour-strategy'],
    ['resources', { title: { en: 'Cities free of rumours: a manual', fr: 'Des villes sans rumeurs' } }, 'cities-free-of-rumours-a-manual'],
  ] as const)('%s %j is named %s', (collection, data, slug) => {
    expect(entrySlug(collection, data)).toBe(slug);
  });

  it('cannot name a practice whose title has no Latin letters or digits', () => {
    expect(slugSource('practices', { title: 'Київський діалог' })).toBe('Київський діалог');
    expect(entrySlug('practices', { title: 'Київський діалог' })).toBe('');
  });

  it('never takes the name of an existing entry', async () => {
    const taken = new Set(['welcome-desk', 'welcome-desk-2']);
    expect(await uniqueSlug('welcome-desk', (slug) => taken.has(slug))).toBe('welcome-desk-3');
    expect(await uniqueSlug('new-name', (slug) => taken.has(slug))).toBe('new-name');
    expect(await uniqueSlug('x', async () => Promise.resolve(false))).toBe('x');
  });

  it('looks in every language folder of a translated collection', () => {
    expect(entryFiles('src/content/practices', 'md', 'x', ['en', 'fr'])).toEqual(['src/content/practices/en/x.md', 'src/content/practices/fr/x.md']);
    expect(entryFiles('src/content/cities', 'yaml', 'oslo')).toEqual(['src/content/cities/oslo.yaml']);
  });
});
