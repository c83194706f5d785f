import { describe, expect, it } from 'vitest';
import { knownPages, markdownToText, shortTeaser } from '../../src/lib/search-known-pages.ts';

describe('shortTeaser', () => {
  it('keeps a short text and cuts a long one at a word, with an ellipsis', () => {
    expect(shortTeaser('A short   text.')).toBe('A short text.');
    const cut = shortTeaser('word '.repeat(60), 20);
    expect(cut).toBe('word word word word…');
  });

  it('drops markdown links and emphasis', () => {
    expect(markdownToText('**Bilbao** is on [the estuary](https://x.example)')).toBe('Bilbao is on the estuary');
  });
});

describe('knownPages', () => {
  const catalogue = {
    cities: [{ id: 'genoa', data: { name: 'Genoa', names: { fr: 'Gênes' }, localName: 'Genova', country: 'IT', profile: { en: 'Port city.', fr: 'Ville portuaire.' } } }],
    networks: [{ id: 'norway', data: { name: { en: 'Norwegian Network', fr: 'Réseau norvégien' }, country: 'NO', description: { en: 'Cities of Norway.' } } }],
    themes: [{ id: 'education', data: { label: { en: 'Education', fr: 'Éducation' }, description: { en: 'Schools.', fr: 'Écoles.' } } }],
  } as unknown as Parameters<typeof knownPages>[1];

  it('lists cities by their name in the language and their local name, networks by their country too', () => {
    const pages = knownPages('fr', catalogue, [{ url: '/fr/methods/x/', name: 'Jumelage', summary: 'Deux écoles.' }]);
    expect(pages).toEqual([
      { url: '/fr/cities/genoa/', type: 'city', title: 'Gênes', names: ['Gênes', 'Genova'], place: 'Italie', teaser: 'Ville portuaire.' },
      { url: '/fr/networks/norway/', type: 'network', title: 'Réseau norvégien', names: ['Réseau norvégien', 'Norvège'], place: 'Norvège', teaser: 'Cities of Norway.' },
      { url: '/fr/themes/education/', type: 'theme', title: 'Éducation', names: ['Éducation'], teaser: 'Écoles.' },
      { url: '/fr/methods/x/', type: 'method', title: 'Jumelage', names: ['Jumelage'], teaser: 'Deux écoles.' },
    ]);
  });
});
