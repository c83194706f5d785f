import { describe, expect, it } from 'vitest';
import { checkCmsEntry } from '../../../src/lib/cms/entry-check.ts';
import { citySample, practiceSample } from './samples.ts';

const shared = { cities: practiceSample.cities, themes: practiceSample.themes, targetGroups: practiceSample.targetGroups, period: practiceSample.period };

describe('the check before the CMS saves', () => {
  it('accepts a complete practice with an untouched French version (saved as a stub)', () => {
    expect(checkCmsEntry('practices', { ...practiceSample, _slug: 'x', updated: '' }, { fr: { ...shared, published: '2026-11-26' } })).toEqual([]);
  });

  it('names what the content check would refuse, per language', () => {
    expect(
      checkCmsEntry('practices', { ...practiceSample, purpose: 'TODO', updated: '2020-01-01' }, { fr: { ...shared, title: 'Médiation' } }),
    ).toEqual([
      'English version: purpose still holds placeholder text: one or two sentences on what the practice sets out to do (found "TODO")',
      'English version: updated must be the same as or later than "published": date of the last substantial update',
      'French version: purpose is missing: one or two sentences on what the practice sets out to do',
      'French version: stimulus is missing: the problem or trigger behind the practice',
      'French version: process is missing: how the practice was done: steps, partners, budget',
      'French version: results is missing: outcomes, evidence and evaluation',
      'French version: transferability is missing: what another city needs to adapt the practice',
      'French version: published is missing: date the practice was first published',
    ]);
  });

  it('speaks the interface language', () => {
    expect(checkCmsEntry('practices', { ...practiceSample, title: '' }, {}, 'fr')).toEqual([
      'Version en anglais: title is missing: short title of the practice in plain language',
    ]);
  });

  it('checks the other collections with their schemas', () => {
    expect(checkCmsEntry('cities', { ...citySample, website: 'www.lisboa.pt', population: '' })).toEqual([
      'population is missing: number of inhabitants',
      'website must be a full web address starting with https://: the city\'s official website (found "www.lisboa.pt")',
    ]);
    expect(checkCmsEntry('cities', citySample)).toEqual([]);
  });

  it('requires the English version of a page and a complete translation once started, and ignores the text after the front matter', () => {
    expect(checkCmsEntry('pages', { title: 'Joining', description: 'How to join.', body: '## Steps' }, { fr: { title: 'Adhérer', body: '## Étapes' } })).toEqual([
      'French version: description is missing: one-sentence description of the page',
    ]);
    // Not translated yet: the site shows the English page, marked.
    expect(checkCmsEntry('pages', { title: 'Joining', description: 'How to join.', body: '## Steps' }, { fr: { body: '' } })).toEqual([]);
  });
});
