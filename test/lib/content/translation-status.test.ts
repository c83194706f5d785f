import { describe, expect, it } from 'vitest';
import type { RawEntry } from '../../../src/lib/content/read-content.ts';
import { translationStatus, translationSummary } from '../../../src/lib/content/translation-status.ts';
import { TRANSLATION_LANGUAGES } from '../../../src/lib/languages.ts';

const texts = { title: 'Welcome desk', purpose: 'P', stimulus: 'S', process: 'P', results: 'R', transferability: 'T' };
const practice = (lang: string, id: string, data: Record<string, unknown>): RawEntry => ({
  collection: 'practices',
  file: `src/content/practices/${lang}/${id}.md`,
  id,
  lang: lang as RawEntry['lang'],
  data: { cities: ['bilbao'], ...data },
});
const entries: RawEntry[] = [
  practice('en', 'desk', { ...texts, published: '2024-01-10', updated: '2025-03-01' }),
  practice('fr', 'desk', { ...texts, title: 'Guichet', published: '2024-01-10' }),
  practice('en', 'mentors', { ...texts, title: 'Mentors', published: '2024-05-01' }),
  // A CMS stub (shared fields only) is not a translation.
  practice('fr', 'mentors', {}),
  { collection: 'pages', file: 'src/content/pages/en/joining.md', id: 'joining', lang: 'en', data: { title: 'Joining', description: 'D' } },
  { collection: 'themes', file: 'src/content/themes/education.yaml', id: 'education', data: { label: { en: 'Education', fr: 'Éducation' }, description: { en: 'Schools.' } } },
];
const fr = translationStatus(entries).find((status) => status.lang === 'fr')!;

describe('translation status', () => {
  it('covers every language but English', () => {
    expect(translationStatus(entries).map((status) => status.lang)).toEqual(TRANSLATION_LANGUAGES);
  });

  it('lists practices and pages without a translation (a CMS stub counts as none) and texts missing in shared files', () => {
    expect(fr.missing).toEqual([
      { source: 'src/content/pages/en/joining.md', file: 'src/content/pages/fr/joining.md', title: 'Joining' },
      { source: 'src/content/practices/en/mentors.md', file: 'src/content/practices/fr/mentors.md', title: 'Mentors' },
      { source: 'src/content/themes/education.yaml', field: 'description.fr', title: 'Education' },
    ]);
  });

  it('lists translations older than the English text, by updated date (else published)', () => {
    expect(fr.outdated).toEqual([
      { file: 'src/content/practices/fr/desk.md', source: 'src/content/practices/en/desk.md', title: 'Welcome desk', englishDate: '2025-03-01', translationDate: '2024-01-10' },
    ]);
  });

  it('sums it up in one line per language for the content check', () => {
    expect(translationSummary([fr])).toEqual(['  fr: 2 entries not translated, 1 text missing in shared files, 1 translation older than the English']);
  });
});
