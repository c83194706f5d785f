import { describe, expect, it } from 'vitest';
import { practicePreview } from '../../../src/lib/cms/practice-preview.ts';
import { t } from '../../../src/lib/i18n.ts';
import { practiceSample } from './samples.ts';

const lookups = {
  cities: { barcelona: { name: 'Barcelona', country: 'ES' }, lisbon: { name: 'Lisbon', names: { fr: 'Lisbonne' }, country: 'PT' } },
  themes: { mediation: { en: 'Mediation', fr: 'Médiation' } },
};

describe('the practice preview', () => {
  it("uses the practice page's headings and facts, in the language being edited", () => {
    const preview = practicePreview({ ...practiceSample, cities: ['lisbon', 'barcelona', 'new-city'] }, 'fr', lookups, { untitled: '?' });
    expect(preview.sections.map((section) => section.heading)).toEqual(
      (['stimulus', 'process', 'results', 'transferability'] as const).map((part) => t('fr', `practice.${part}`)),
    );
    expect(preview.factsHeading).toBe(t('fr', 'practice.facts'));
    const facts = Object.fromEntries(preview.facts.map((fact) => [fact.term, fact.values.map((value) => value.text)]));
    expect(facts[t('fr', 'practice.cities')]).toEqual(['Lisbonne', 'Barcelona', 'new-city']);
    expect(facts[t('fr', 'practice.countries')]).toEqual(['Portugal', 'Espagne']);
    expect(facts[t('fr', 'practice.period')]).toEqual([`1990–${t('fr', 'practice.ongoing')}`]);
    expect(facts[t('fr', 'practice.themes')]).toEqual(['Médiation', 'public-space']);
    expect(facts[t('fr', 'practice.targetGroups')]).toEqual([t('fr', 'targetGroup.general-public')]);
    expect(facts[t('fr', 'practice.published')]).toEqual(['1 mars 2024']);
  });

  it('shows a placeholder title and leaves out facts not filled in yet', () => {
    const preview = practicePreview({ cities: [], published: '' }, 'en', lookups, { untitled: '(no title yet)' });
    expect(preview.title).toBe('(no title yet)');
    expect(preview.facts).toEqual([]);
  });
});
