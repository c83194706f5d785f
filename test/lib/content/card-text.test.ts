import { describe, expect, it } from 'vitest';
import { cardTextProblems } from '../../../src/lib/content/card-text.ts';
import type { ValidContent } from '../../../src/lib/content/check-content.ts';
import { formatProblem } from '../../../src/lib/content/problems.ts';
import { citySchema } from '../../../src/lib/schemas/city.ts';

const city = (localName: string) =>
  citySchema.parse({ name: 'Ansan', localName, country: 'KR', lat: 37.3, lon: 126.8, population: 650000, joined: 2020, international: true, profile: { en: 'A city.', fr: 'Une ville.' } });
const content = (localName: string, pages: ValidContent['pages'] = []): ValidContent => ({
  themes: [],
  networks: [],
  organisations: [],
  practices: [],
  methods: [],
  resources: [],
  'index-results': [],
  activities: [],
  pages,
  cities: [{ id: 'ansan', file: 'src/content/cities/ansan.yaml', stub: false, data: city(localName) }],
});

describe('card text in the content check', () => {
  it('accepts names in every script the cards have fonts for', () => {
    expect(cardTextProblems(content('안산시 · 浜松 · חיפה · الرباط · Харків · Αθήνα · Երևան · თბილისი · Łódź'))).toEqual([]);
  });

  it('names the file, the field and each character the cards cannot draw, with the fix', () => {
    const page = { file: 'src/content/pages/en/festival.md', id: 'festival', lang: 'en' as const, stub: false, data: { title: 'Festival 🎉🎉', description: 'Fine' } };
    expect(cardTextProblems(content('안산 ก', [page])).map(formatProblem)).toEqual([
      'src/content/cities/ansan.yaml: localName has "ก" (U+0E01), which the social cards cannot draw: remove or replace it, or add a Noto font that has it to FONT_FAMILIES in src/lib/cards/card-fonts.ts',
      'src/content/pages/en/festival.md: title has "🎉" (U+1F389), which the social cards cannot draw: remove or replace it, or add a Noto font that has it to FONT_FAMILIES in src/lib/cards/card-fonts.ts',
    ]);
  });
});
