import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readContent } from '../../../src/lib/content/read-content.ts';
import { parseCsv } from '../../../src/lib/import/csv-table.ts';
import { formatRowProblem, planImport, type ImportOptions } from '../../../src/lib/import/plan-import.ts';
import { t, type UiKey } from '../../../src/lib/i18n.ts';
import { CURRENT_YEAR } from '../../../src/lib/schemas/fields.ts';
import { TARGET_GROUPS } from '../../../src/lib/target-groups.ts';

const root = process.cwd();
const existing = readContent(root).entries;
const context = {
  root,
  contentDirectory: join(root, 'src/content'),
  existing,
  fileExists: existsSync,
  today: '2026-11-26',
  targetGroupNames: Object.fromEntries(TARGET_GROUPS.map((group) => [group, [t('en', `targetGroup.${group}` as UiKey), t('fr', `targetGroup.${group}` as UiKey)]])),
};

const PRACTICE_HEADER = 'title,cities,themes,targetGroups,period.start,period.end,purpose,stimulus,process,results,transferability';
const PARTS = 'Purpose of it.,Why it started.,How it was done.,What came of it.,What another city needs.';

function plan(csv: string, kind: 'practices' | 'cities' = 'practices', options: ImportOptions = {}) {
  const result = planImport(kind, parseCsv(csv, `${kind}.csv`), `${kind}.csv`, context, options);
  return { ...result, messages: result.problems.map(formatRowProblem) };
}

describe('importing practices', () => {
  it('maps each row to an English file, accepting names as well as ids', () => {
    const result = plan(`${PRACTICE_HEADER},contact.email,links\nMédiation à l'école,"Lisboa; Barcelona",Éducation; mediation,Young people; Enseignants|schools,2019,ongoing,${PARTS},team@example.org,"Report (PDF) https://example.org/report.pdf"\n`.replace('Enseignants|schools', 'schools'));
    expect(result.messages).toEqual([]);
    expect(result.files.map((file) => file.path)).toEqual(['src/content/practices/en/mediation-a-l-ecole.md']);
    const data = parse(result.files[0]!.content.split('---')[1]!);
    expect(data).toEqual({
      title: "Médiation à l'école",
      cities: ['lisbon', 'barcelona'],
      themes: ['education', 'mediation'],
      targetGroups: ['youth', 'schools'],
      period: { start: 2019, end: 'ongoing' },
      contact: { email: 'team@example.org' },
      links: [{ label: 'Report (PDF)', url: 'https://example.org/report.pdf' }],
      published: '2026-11-26',
      purpose: 'Purpose of it.',
      stimulus: 'Why it started.',
      process: 'How it was done.',
      results: 'What came of it.',
      transferability: 'What another city needs.',
    });
  });

  it('reports an unknown theme at its row and column, with a suggestion', () => {
    const rows = '\n'.repeat(5);
    const result = plan(`${PRACTICE_HEADER}\n${rows}Welcome desk,bilbao,educaton,newcomers,2015,ongoing,${PARTS}\n`);
    expect(result.messages).toEqual(['row 7, column "themes": "educaton" is not a known theme (did you mean "education"?)']);
    expect(result.files).toEqual([]);
  });

  it('reports every problem of every row, in column order, and writes nothing', () => {
    const csv = [
      `${PRACTICE_HEADER},contact.email,links,fr.title`,
      `Welcome desk,Bilbaoo; Getxo,education,yuth,2015,2010,${PARTS},bad-email,"Site https://example.org; https://example.org/2",`,
      `Welcome desk!,oslo,language,newcomers,soon,ongoing,TODO,Why.,How.,Results.,Transfer.,,,Bureau d'accueil`,
    ].join('\n');
    expect(plan(csv).messages).toEqual([
      'row 2, column "cities": "Bilbaoo" is not a known city (did you mean "bilbao"?)',
      'row 2, column "targetGroups": "yuth" is not a known target group (did you mean "youth"?)',
      'row 2, column "period.end": must be the start year or later, or "ongoing": year the practice ended',
      'row 2, column "contact.email": must be an e-mail address like name@city.org: e-mail address of the contact (found "bad-email")',
      'row 2, column "links": item 2: label is missing: text of the link, saying where it goes',
      'row 3, column "title": gives the same file name as row 2 (welcome-desk): give each practice its own title, or add an "id" column',
      `row 3, column "period.start": must be a number: year the practice started (a year from 1990 to ${CURRENT_YEAR}) (found "soon")`,
      'row 3, column "purpose": still holds placeholder text: one or two sentences on what the practice sets out to do (found "TODO")',
      'row 3, column "fr.purpose": is missing: one or two sentences on what the practice sets out to do',
      'row 3, column "fr.stimulus": is missing: the problem or trigger behind the practice',
      'row 3, column "fr.process": is missing: how the practice was done: steps, partners, budget',
      'row 3, column "fr.results": is missing: outcomes, evidence and evaluation',
      'row 3, column "fr.transferability": is missing: what another city needs to adapt the practice',
    ]);
    expect(plan(csv).files).toEqual([]);
  });

  it('reports missing and misspelled columns before reading any row', () => {
    const result = plan('title,cities,themse,targetGroups,period.start,period.end,stimulus,process,results,transferability\nA,b,c,d,1,2,e,f,g,h\n');
    expect(result.messages).toEqual([
      'row 1, column "themse": is not a known column (did you mean "themes"?): the columns are listed in templates/practices.csv',
      'row 1, column "themes": is missing from the header row of practices.csv: add it (see templates/practices.csv)',
      'row 1, column "purpose": is missing from the header row of practices.csv: add it (see templates/practices.csv)',
    ]);
  });

  it('matches headers without case, spaces or punctuation, and French columns written title_fr', () => {
    const header = 'Title,Cities,Themes,Target groups,Period start,Period end,Purpose,Stimulus,Process,Results,Transferability,title_fr,purpose_fr,stimulus_fr,process_fr,results_fr,transferability_fr';
    const result = plan(`${header}\nStreet football,oslo,interaction,youth,2020,2023,${PARTS},Football de rue,Objectif.,Pourquoi.,Comment.,Résultats.,Adapter.\n`);
    expect(result.messages).toEqual([]);
    expect(result.files.map((file) => file.path)).toEqual(['src/content/practices/en/street-football.md', 'src/content/practices/fr/street-football.md']);
    const french = parse(result.files[1]!.content.split('---')[1]!);
    expect(french).toMatchObject({ title: 'Football de rue', cities: ['oslo'], period: { start: 2020, end: 2023 }, published: '2026-11-26' });
  });

  it('never replaces an existing practice without --force', () => {
    const contact = `Secretariat of the advisory council,"Mayor's Office, Stavanger",advisory-council@stavanger.example.org`;
    const csv = `id,${PRACTICE_HEADER},contact.name,contact.role,contact.email,methods\nadvisory-council-elected-migrant-members,Advisory council,stavanger,leadership; participation,newcomers; civil-society,2015,ongoing,${PARTS},${contact},residents-advisory-council\n`;
    expect(plan(csv).messages).toEqual([
      'row 2, column "id": src/content/practices/en/advisory-council-elected-migrant-members.md already exists: run the import again with --force to replace it, or change the id',
    ]);
    const forced = plan(csv, 'practices', { force: true });
    expect(forced.messages).toEqual([]);
    expect(forced.files).toMatchObject([{ path: 'src/content/practices/en/advisory-council-elected-migrant-members.md', replaces: true }]);
  });

  it('refuses to replace an English version so that its French translation no longer matches', () => {
    const csv = `id,${PRACTICE_HEADER},methods\nadvisory-council-elected-migrant-members,Advisory council,stavanger,leadership,newcomers; civil-society,2015,ongoing,${PARTS},residents-advisory-council\n`;
    expect(plan(csv, 'practices', { force: true }).messages).toEqual([
      'row 2, column "themes": src/content/practices/fr/advisory-council-elected-migrant-members.md: differs from the English version (src/content/practices/en/advisory-council-elected-migrant-members.md): themes is shared by all translations, make them identical',
      'row 2, column "contact.name": src/content/practices/fr/advisory-council-elected-migrant-members.md: differs from the English version (src/content/practices/en/advisory-council-elected-migrant-members.md): contact is shared by all translations, make them identical',
    ]);
  });

  it('with --valid-only, plans the valid rows and lists the others', () => {
    const csv = `${PRACTICE_HEADER}\nGood one,oslo,language,youth,2020,ongoing,${PARTS}\nBad one,nowhere,language,youth,2020,ongoing,${PARTS}\n`;
    const result = plan(csv, 'practices', { validOnly: true });
    expect(result.files.map((file) => file.row)).toEqual([2]);
    expect(result.validRows).toEqual([2]);
    expect(result.invalidRows).toEqual([3]);
    expect(result.messages).toEqual(['row 3, column "cities": "nowhere" is not a known city']);
  });

  it('links a practice to another row of the same file by its title', () => {
    const csv = `${PRACTICE_HEADER},adaptedFrom\nOriginal idea,oslo,language,youth,2018,ongoing,${PARTS},\nAdapted idea,bergen,language,youth,2020,ongoing,${PARTS},Original idea\n`;
    const result = plan(csv);
    expect(result.messages).toEqual([]);
    expect(result.files[1]!.content).toContain('adaptedFrom: [original-idea]');
  });

  it('accepts the methods a practice applies, by id or by English or French name, in both languages', () => {
    const french = 'Agents anti-rumeurs,But.,Pourquoi.,Comment.,Résultats.,Adaptation.';
    const csv = `${PRACTICE_HEADER},methods,fr.title,fr.purpose,fr.stimulus,fr.process,fr.results,fr.transferability\nRumour agents,oslo,language,youth,2020,ongoing,${PARTS},"Stratégie anti-rumeurs; living-library; Language cafés",${french}\n`;
    const result = plan(csv);
    expect(result.messages).toEqual([]);
    expect(result.files.map((file) => [file.path, file.content.match(/^methods: .*$/m)?.[0]])).toEqual([
      ['src/content/practices/en/rumour-agents.md', 'methods: [anti-rumour-strategy, living-library, language-cafes]'],
      ['src/content/practices/fr/rumour-agents.md', 'methods: [anti-rumour-strategy, living-library, language-cafes]'],
    ]);
  });

  it('names an unknown method and the closest known one', () => {
    const csv = `${PRACTICE_HEADER},methods\nRumour agents,oslo,language,youth,2020,ongoing,${PARTS},anti-rumor-strategy\n`;
    expect(plan(csv).messages).toEqual([expect.stringMatching(/^row 2, column "methods": "anti-rumor-strategy" is not a known method \(did you mean "anti-rumour-strategy"\?\)/)]);
  });

  it('asks for a file name when a title has no Latin letters', () => {
    const result = plan(`${PRACTICE_HEADER}\nКиївський діалог,oslo,language,youth,2020,ongoing,${PARTS}\n`);
    expect(result.messages).toEqual([
      'row 2, column "title": "Київський діалог" has no Latin letters or digits to make a file name from: write the English title, or add an "id" column with a file name like "kyiv-welcome-centre"',
    ]);
  });

  it('reports progress row by row', () => {
    const seen: number[] = [];
    plan(`${PRACTICE_HEADER}\nA,oslo,language,youth,2020,ongoing,${PARTS}\nB,oslo,language,youth,2020,ongoing,${PARTS}\n`, 'practices', {
      onProgress: (done, total) => seen.push(done / total),
    });
    expect(seen).toEqual([0.5, 1]);
  });

  it('says so when the file has a header but no rows', () => {
    expect(plan(`${PRACTICE_HEADER}\n`).messages).toEqual(['practices.csv has a header row but no practices: add one row per practice']);
  });
});

describe('importing cities', () => {
  const HEADER = 'name,localName,country,lat,lon,population,joined,international,networks,profile.en,profile.fr';

  it('reads names in any script, country names, decimal commas and thousands separators', () => {
    const result = plan(`${HEADER}\nKharkiv,Харків,Ukraine,"49,99",36.23,1 421 000,2023,non,Ukrainian Network of Intercultural Cities,A city.,Une ville.\n`, 'cities');
    expect(result.messages).toEqual([]);
    expect(result.files[0]!.path).toBe('src/content/cities/kharkiv.yaml');
    expect(parse(result.files[0]!.content)).toEqual({
      name: 'Kharkiv',
      localName: 'Харків',
      country: 'UA',
      lat: 49.99,
      lon: 36.23,
      population: 1421000,
      joined: 2023,
      international: false,
      networks: ['ukraine'],
      profile: { en: 'A city.', fr: 'Une ville.' },
    });
  });

  it('explains unknown countries and networks, non-Latin names and wrong values', () => {
    const csv = [
      HEADER,
      'Kharkiv,Харків,Ukrane,49.99,36.23,1421000,2023,maybe,ukrain,A city.,Une ville.',
      'Київ,,UA,50.45,30.52,-5,2007,yes,,A city.,Une ville.',
    ].join('\n');
    expect(plan(csv, 'cities').messages).toEqual([
      'row 2, column "country": "Ukrane" is not a known country (did you mean "UA", Ukraine?): write the two-letter ISO code, like "ES", or the country\'s name in English',
      'row 2, column "international": must be true or false: member of the international network (found "maybe")',
      'row 2, column "networks": "ukrain" is not a known national network (did you mean "ukraine"?)',
      'row 3, column "name": "Київ" has no Latin letters or digits to make a file name from: write the English name in "name" (and this one in "localName"), or add an "id" column with a file name like "kyiv-welcome-centre"',
      'row 3, column "population": must be 1 or more: number of inhabitants (found -5)',
      `row 3, column "joined": must be 2008 or more: year the city joined the programme (a year from 2008 to ${CURRENT_YEAR}) (found 2007)`,
    ]);
  });

  it('never replaces an existing city without --force', () => {
    expect(plan(`${HEADER}\nLisbon,Lisboa,PT,38.72,-9.14,545000,2011,yes,portugal,A city.,Une ville.\n`, 'cities').messages).toEqual([
      'row 2, column "name": src/content/cities/lisbon.yaml already exists: run the import again with --force to replace it, or change the name',
    ]);
  });
});
