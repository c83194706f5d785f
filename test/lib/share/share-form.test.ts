import { describe, expect, it } from 'vitest';
import { referenceIndex } from '../../../src/lib/import/references.ts';
import { checkShare, columnName, SHARE_FIELDS, shareCsv } from '../../../src/lib/share/share-form.ts';
import { PRACTICE_COLUMNS } from '../../../src/lib/import/columns.ts';

const cities = referenceIndex('city', [{ id: 'bilbao', names: ['Bilbao', 'Bilbo'] }, { id: 'getxo', names: ['Getxo'] }]);
const context = { lang: 'en' as const, cities, today: '2026-12-01' };
const complete = {
  title: ['Welcoming markets'],
  cities: ['Bilbo; Getxo'],
  'period.start': ['2019'],
  'period.end': ['ongoing'],
  themes: ['interaction'],
  targetGroups: ['businesses'],
  purpose: ['Help stall holders talk with every customer.'],
  stimulus: ['Markets were losing customers.'],
  process: ['1. Met the stall holders.\n2. Trained them.'],
  results: ['Thirty trained.'],
  transferability: ['Needs a market association.'],
  links: ['Market page https://example.org/markets\nPlan: https://example.org/plan'],
  'contact.email': ['markets@example.org'],
};

describe('SHARE_FIELDS', () => {
  it('are columns of the import template, in every language', () => {
    const columns = new Set(PRACTICE_COLUMNS.map((column) => column.name));
    for (const lang of ['en', 'fr', 'es'] as const) for (const share of SHARE_FIELDS) expect(columns, columnName(share, lang)).toContain(columnName(share, lang));
  });
});

describe('checkShare', () => {
  it('turns the form into a practice, resolving city names', () => {
    const { data, problems } = checkShare(complete, context);
    expect(problems).toEqual([]);
    expect(data).toMatchObject({
      cities: ['bilbao', 'getxo'],
      period: { start: 2019, end: 'ongoing' },
      contact: { email: 'markets@example.org' },
      links: [{ label: 'Market page', url: 'https://example.org/markets' }, { label: 'Plan', url: 'https://example.org/plan' }],
      published: '2026-12-01',
    });
  });

  it('reports each problem on its control, with the content check’s message', () => {
    const { problems } = checkShare({ ...complete, cities: ['Bilbaoo'], 'period.end': ['2005'], title: ['TODO'], 'contact.email': ['x@'] }, context);
    expect(problems).toEqual([
      { name: 'cities', message: '"Bilbaoo" is not a known city (did you mean "bilbao"?): write a member city\'s name, or ask the programme to add your city first' },
      { name: 'period.end', message: 'must be the start year or later, or "ongoing": year the practice ended' },
      { name: 'contact.email', message: 'must be an e-mail address like name@city.org: e-mail address of the contact (found "x@")' },
      { name: 'title', message: 'still holds placeholder text: short title of the practice in plain language (found "TODO")' },
    ]);
  });

  it('names the French page’s text controls with their fr. column', () => {
    const { problems } = checkShare({}, { ...context, lang: 'fr' });
    expect(problems.map((problem) => problem.name)).toEqual(expect.arrayContaining(['fr.title', 'fr.purpose', 'cities', 'themes']));
  });
});

describe('shareCsv', () => {
  it('is one import row, lists joined with "; ", quotes and line breaks kept', () => {
    const csv = shareCsv({ ...complete, themes: ['interaction', 'education'], title: ['The "welcoming" markets'] }, 'en');
    const [header, row] = csv.split('\r\n');
    expect(header!.split(',').slice(0, 6)).toEqual(['title', 'cities', 'period.start', 'period.end', 'themes', 'targetGroups']);
    expect(row).toMatch(/^"The ""welcoming"" markets","Bilbo; Getxo",2019,ongoing,"interaction; education",businesses,/);
    expect(csv).toContain('"1. Met the stall holders.\n2. Trained them."');
    expect(csv).toContain('"Market page https://example.org/markets; Plan: https://example.org/plan"');
  });
});
