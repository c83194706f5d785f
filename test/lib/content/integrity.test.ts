import { describe, expect, it } from 'vitest';
import { checkIntegrity } from '../../../src/lib/content/integrity.ts';
import { formatProblem } from '../../../src/lib/content/problems.ts';
import type { RawEntry } from '../../../src/lib/content/read-content.ts';

const shared = { cities: [], themes: [], targetGroups: ['youth'], period: { start: 2020, end: 'ongoing' } };
const texts = { title: 'T', purpose: 'P', stimulus: 'S', process: 'P', results: 'R', transferability: 'T', published: '2024-01-01' };
const practice = (lang: 'en' | 'fr', contact: Record<string, string>): RawEntry => ({
  collection: 'practices',
  file: `src/content/practices/${lang}/desk.md`,
  id: 'desk',
  lang,
  data: { ...shared, ...texts, contact },
});
const check = (entries: RawEntry[]) => checkIntegrity(entries, { imageExists: () => true }).map(formatProblem);

describe('translations of a practice', () => {
  const english = practice('en', { name: 'Welcome team', role: 'Mayor’s Office', email: 'desk@city.org', url: 'https://city.org/desk' });

  it('accept a contact whose name and role are translated', () => {
    expect(check([english, practice('fr', { name: 'Équipe d’accueil', role: 'Cabinet du maire', email: 'desk@city.org', url: 'https://city.org/desk' })])).toEqual([]);
  });

  it('refuse a contact e-mail or web page that differs from the English, naming the part', () => {
    expect(check([english, practice('fr', { role: 'Cabinet du maire', email: 'autre@city.org', url: 'https://city.org/desk' })])).toEqual([
      'src/content/practices/fr/desk.md: contact.email differs from the English version (src/content/practices/en/desk.md): the contact\'s email is shared by all translations (only its name and role are translated), make them identical',
    ]);
    expect(check([english, practice('fr', { role: 'Cabinet du maire', email: 'desk@city.org' })])).toEqual([
      'src/content/practices/fr/desk.md: contact.url differs from the English version (src/content/practices/en/desk.md): the contact\'s url is shared by all translations (only its name and role are translated), make them identical',
    ]);
  });
});

describe('pages', () => {
  const page = (lang: 'en' | 'fr', id: string): RawEntry => ({ collection: 'pages', file: `src/content/pages/${lang}/${id}.md`, id, lang, data: { title: 'T', description: 'D' } });

  it('need their English version; a translation may be missing (the English page is shown)', () => {
    expect(check([page('en', 'joining')])).toEqual([]);
    expect(check([page('fr', 'joining')])).toEqual([
      'src/content/pages/fr/joining.md: has no English version: add src/content/pages/en/joining.md (pages are paired by file name)',
    ]);
  });
});

describe('the coded facts and partners of a practice', () => {
  const organisation: RawEntry = {
    collection: 'organisations',
    file: 'src/content/organisations/red-cross.yaml',
    id: 'red-cross',
    data: { name: 'Red Cross', kind: 'association', description: { en: 'Helps.' } },
  };
  const coded = (lang: 'en' | 'fr', facts: Record<string, unknown>): RawEntry => ({
    collection: 'practices',
    file: `src/content/practices/${lang}/desk.md`,
    id: 'desk',
    lang,
    data: { ...shared, ...texts, ...facts },
  });

  it('refuse a partner that is not an organisation of src/content/organisations/, suggesting the one meant', () => {
    expect(check([organisation, coded('en', { partners: ['red-cros'] })])).toEqual([
      'src/content/practices/en/desk.md: partners[0] "red-cros" is not a known organisation (did you mean "red-cross"?): known ids are the file names in src/content/organisations/',
    ]);
    expect(check([organisation, coded('en', { partners: ['red-cross'] })])).toEqual([]);
  });

  it('refuse a translation whose coded facts differ from the English: they are shared', () => {
    expect(check([coded('en', { cost: '10k-50k' }), coded('fr', { cost: 'under-10k' })])).toEqual([
      'src/content/practices/fr/desk.md: cost differs from the English version (src/content/practices/en/desk.md): cost is shared by all translations, make them identical',
    ]);
  });
});
