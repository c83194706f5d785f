import { describe, expect, it } from 'vitest';
import { lookAlikeProblems, type PracticeFile } from '../../../src/lib/content/look-alikes.ts';
import { formatProblem } from '../../../src/lib/content/problems.ts';
import { checkContent } from '../../../src/lib/content/check-content.ts';

const base = {
  cities: ['barcelona'],
  themes: ['media'],
  targetGroups: ['general-public'],
  period: { start: 2010, end: 'ongoing' },
  stimulus: 'Rumours about immigrants spread in the neighbourhoods and shaped how neighbours treated each other.',
  process: 'The city listed rumours with associations, wrote sourced answers and trained volunteer anti-rumour agents.',
  results: 'Thousands of residents took the course.',
  transferability: 'Needs a coordinator and associations.',
};
const file = (id: string, data: Record<string, unknown>, lang: 'en' | 'fr' = 'en'): PracticeFile => ({
  id,
  lang,
  file: `src/content/practices/${lang}/${id}.md`,
  stub: false,
  data: { ...base, published: '2020-01-01', purpose: 'Stop rumours about immigrants.', ...data } as PracticeFile['data'],
});
const other = file('shared-gardens', {
  title: 'Shared gardens',
  purpose: 'Neighbours grow vegetables together.',
  stimulus: 'Empty plots.',
  process: 'The parks department lends land.',
  results: 'Ten gardens.',
  transferability: 'Land.',
});

describe('lookAlikeProblems', () => {
  it('warns on the later of two look-alikes, naming both entries and the fix', () => {
    const { problems, warnings } = lookAlikeProblems([
      file('anti-rumour-strategy-barcelona', { title: "Barcelona's anti-rumour strategy" }),
      file('anti-rumour-agents-getxo', {
        title: 'Anti-rumour agents in Getxo',
        published: '2022-05-01',
        purpose: 'Train agents to question rumours.',
        results: 'Two hundred agents trained.',
      }),
      other,
    ]);
    expect(problems).toEqual([]);
    expect(warnings.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^src\/content\/practices\/en\/anti-rumour-agents-getxo\.md: looks like Barcelona's anti-rumour strategy \(anti-rumour-strategy-barcelona, src\/content\/practices\/en\/anti-rumour-strategy-barcelona\.md\), \d+% alike: is it an adaptation\? add anti-rumour-strategy-barcelona to adaptedFrom, or change the text to say what is different$/,
      ),
    ]);
  });

  it('says nothing once the adaptation is labelled', () => {
    const { problems, warnings } = lookAlikes([{ adaptedFrom: ['anti-rumour-strategy-barcelona'] }]);
    expect([...problems, ...warnings]).toEqual([]);
  });

  it('fails near-identical texts, even when linked by adaptedFrom', () => {
    const { problems, warnings } = lookAlikeProblems([
      file('anti-rumour-strategy-barcelona', { title: 'Anti-rumour strategy' }),
      file('anti-rumour-copy', { title: 'Anti-rumour strategy', published: '2023-01-01', adaptedFrom: ['anti-rumour-strategy-barcelona'] }),
    ]);
    expect(warnings).toEqual([]);
    expect(problems.map(formatProblem)).toEqual([
      'src/content/practices/en/anti-rumour-copy.md: is nearly identical to Anti-rumour strategy (anti-rumour-strategy-barcelona, src/content/practices/en/anti-rumour-strategy-barcelona.md), 100% alike: a practice is published once, so remove one of them, or rewrite this one to say what the city did differently (and add anti-rumour-strategy-barcelona to adaptedFrom if it is an adaptation)',
    ]);
  });

  it('compares a French-only practice with the French text of the others', () => {
    const fr = { title: 'Stratégie anti-rumeurs', purpose: 'Former des agents anti-rumeurs pour questionner les rumeurs sur les immigrés.', stimulus: 'Des rumeurs circulaient.', process: 'La ville a formé des bénévoles anti-rumeurs avec les associations.', results: 'Des milliers.', transferability: 'Un coordinateur.' };
    const { warnings } = lookAlikeProblems([
      file('anti-rumour-strategy-barcelona', { title: 'Anti-rumour strategy' }),
      file('anti-rumour-strategy-barcelona', fr, 'fr'),
      file('rumeurs-lyon', { ...fr, title: 'Agents anti-rumeurs à Lyon', published: '2024-01-01' }, 'fr'),
    ]);
    expect(warnings.map((warning) => warning.file)).toEqual(['src/content/practices/fr/rumeurs-lyon.md']);
  });

  it('skips CMS stubs', () => {
    const stub: PracticeFile = { id: 'anti-rumour-copy', lang: 'fr', file: 'src/content/practices/fr/anti-rumour-copy.md', stub: true, data: { cities: ['x'] } };
    expect(lookAlikeProblems([file('anti-rumour-copy', { title: 'A' }), stub]).warnings).toEqual([]);
  });
});

function lookAlikes(extra: Record<string, unknown>[]) {
  return lookAlikeProblems([
    file('anti-rumour-strategy-barcelona', { title: "Barcelona's anti-rumour strategy" }),
    file('anti-rumour-agents-getxo', { title: 'Anti-rumour agents in Getxo', published: '2022-05-01', ...extra[0] }),
  ]);
}

describe('the demonstration content', () => {
  it('has look-alike warnings only for practices applying the same method in two cities', () => {
    const { problems, warnings } = checkContent('.');
    expect(problems).toEqual([]);
    expect(warnings.map((warning) => warning.message.match(/\(both apply [^)]+\)/)?.[0])).toEqual(['(both apply school-twinning)', '(both apply school-twinning)', '(both apply intercultural-mediation)']);
  });
});
