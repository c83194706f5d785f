import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { citySchema } from '../../../src/lib/schemas/city.ts';
import { organisationSchema } from '../../../src/lib/schemas/organisation.ts';
import { practiceSchema, practiceStubSchema, SHARED_KEYS } from '../../../src/lib/schemas/practice.ts';
import { practice } from '../../fixtures/catalogue.ts';

const problems = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};
const base = practice({ title: 'Language cafés', cities: ['getxo'], themes: ['language'] });

describe('the coded facts of a practice', () => {
  it('accepts a practice with every fact, and one with none', () => {
    const coded = {
      ...base,
      status: 'mainstreamed',
      evidence: { level: 'external-evaluation', report: 'https://university.example.org/report.pdf' },
      cost: '10k-50k',
      staff: 'under-1',
      reach: '100-to-1000',
      partners: ['getxo-youth-council'],
      prerequisites: ['A room in a library one evening a week.', 'Volunteers who speak the local language.'],
      openToStudyVisits: true,
      openToMentoring: false,
      contact: { email: 'cafe@getxo.example.org', languages: ['es', 'eu', 'en'] },
    };
    expect(problems(practiceSchema, coded)).toEqual([]);
    expect(problems(practiceSchema, base)).toEqual([]);
  });

  it.each([
    ['an unknown evidence level, with a suggestion', { evidence: { level: 'external-evalution' } },
      'evidence.level: "external-evalution" is not one of the choices (did you mean "external-evaluation"?): use one of none, monitoring, internal-evaluation, external-evaluation (how the results are known)'],
    ['a report without any evidence', { evidence: { level: 'none', report: 'https://x.example.org/r.pdf' } },
      'evidence.report: a report needs an evidence level other than "none": set level to monitoring, internal-evaluation or external-evaluation, or remove the report'],
    ['a report that is not a web address', { evidence: { level: 'monitoring', report: 'report.pdf' } },
      'evidence.report: must be a full web address starting with https://: web address of the evaluation or monitoring report'],
    ['a cost written as a number', { cost: 40000 },
      'cost: "40000" is not one of the choices: use one of under-10k, 10k-50k, 50k-250k, over-250k (what the practice costs a year, in euros)'],
    ['an unknown status', { status: 'finished' },
      'status: "finished" is not one of the choices: use one of pilot, running, ended, mainstreamed (where the practice stands)'],
    ['"ended" while the period is ongoing', { status: 'ended' },
      'status: is "ended" but period.end is "ongoing": give the year it ended in period.end, or choose another status'],
    ['a partner listed twice', { partners: ['red-cross', 'red-cross'] }, 'partners: lists the same organisation twice: partners of the practice'],
    ['an empty list of prerequisites', { prerequisites: [] },
      'prerequisites: needs at least one item, or leave the field out: what a city needs before it starts'],
    ['a flag written as text', { openToMentoring: 'yes' },
      'openToMentoring: must be true or false: the people behind the practice will mentor a city that adapts it'],
    ['a language that is not a code', { contact: { email: 'a@b.example.org', languages: ['Spanish'] } },
      'contact.languages.0: "Spanish" is not a language code of the list: use a two-letter ISO 639-1 code in lower case, like en or fr (languages the contact can be written to in)'],
  ])('refuses %s, saying what to write', (_name, change, message) => {
    expect(problems(practiceSchema, { ...base, ...change })).toEqual([message]);
  });

  it('shares the facts across languages (a CMS stub carries them) but writes prerequisites in each language', () => {
    for (const key of ['evidence', 'cost', 'staff', 'reach', 'status', 'partners', 'openToStudyVisits', 'openToMentoring']) {
      expect(SHARED_KEYS).toContain(key);
    }
    expect(SHARED_KEYS).not.toContain('prerequisites');
    const { cities, themes, targetGroups, period } = base;
    expect(problems(practiceStubSchema, { cities, themes, targetGroups, period, cost: 'under-10k', openToStudyVisits: true })).toEqual([]);
  });
});

describe('a city’s coordinator and flags', () => {
  const city = { name: 'Getxo', country: 'ES', lat: 43, lon: -3, population: 78000, joined: 2011, international: true, profile: { en: 'A town.' } };

  it('accepts a role mailbox with the languages it answers in, and the two flags', () => {
    expect(problems(citySchema, { ...city, coordinator: { email: 'intercultural@getxo.example.org', languages: ['es', 'eu'] }, openToStudyVisits: true, openToMentoring: true })).toEqual([]);
  });

  it('refuses a coordinator without a mailbox, naming the field', () => {
    expect(problems(citySchema, { ...city, coordinator: { languages: ['es'] } })).toEqual([
      "coordinator.email: is missing: role mailbox of the city's intercultural coordination, like intercultural@city.org",
    ]);
  });
});

describe('an organisation', () => {
  it('needs a name, a kind and a description in English, and suggests the kind meant', () => {
    expect(problems(organisationSchema, { name: 'Red Cross Bergen', kind: 'association', country: 'NO', description: { en: 'Runs the volunteer centre.' } })).toEqual([]);
    expect(problems(organisationSchema, { name: 'U', kind: 'universty', description: { en: 'x' } })).toEqual([
      'kind: "universty" is not a kind of organisation (did you mean "university"?): use one of association, university, foundation, public-body, company, international',
    ]);
  });
});
