import { TRANSLATION_LANGUAGES } from '../../../src/lib/languages.ts';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { readContent } from '../../../src/lib/content/read-content.ts';
import { parseCsv } from '../../../src/lib/import/csv-table.ts';
import { formatRowProblem, planImport, type ImportOptions } from '../../../src/lib/import/plan-import.ts';
import { t, type UiKey } from '../../../src/lib/i18n.ts';
import { CURRENT_YEAR } from '../../../src/lib/schemas/fields.ts';
import { TARGET_GROUPS } from '../../../src/lib/target-groups.ts';

// Counts the work of a plan, to show it grows linearly with the rows (never by timing it): the
// entries every integrity pass reads, the known ids every suggestion walks through and the edit
// distances suggesters compute.
const work = vi.hoisted(() => ({ integrityEntries: 0, integrityPasses: 0, scanned: 0, suggesters: [] as { comparisons: number }[] }));
vi.mock('../../../src/lib/content/integrity.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/lib/content/integrity.ts')>();
  return {
    ...original,
    checkIntegrity: (...args: Parameters<typeof original.checkIntegrity>) => {
      work.integrityPasses++;
      work.integrityEntries += args[0].length;
      return original.checkIntegrity(...args);
    },
  };
});
vi.mock('../../../src/lib/did-you-mean.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/lib/did-you-mean.ts')>();
  const counted = (known: Iterable<string>): Iterable<string> => ({
    *[Symbol.iterator]() {
      for (const value of known) {
        work.scanned++;
        yield value;
      }
    },
  });
  return {
    ...original,
    closestMatch: (value: string, known: Iterable<string>) => original.closestMatch(value, counted(known)),
    didYouMean: (value: string, known: Iterable<string>) => original.didYouMean(value, counted(known)),
    suggester: (known: Iterable<string>) => {
      const created = original.suggester(counted(known));
      work.suggesters.push(created);
      return created;
    },
  };
});

const root = process.cwd();
const existing = readContent(root).entries;
const context = {
  root,
  contentDirectory: join(root, 'src/content'),
  existing,
  fileExists: existsSync,
  folderNames: (directory: string) => (existsSync(directory) ? readdirSync(directory) : []),
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

  // The coded facts of the demo practice src/content/practices/en/advisory-council-elected-migrant-members.md.
  const FACT_COLUMNS = 'status,evidence.level,cost,staff';
  const FACTS = 'running,internal-evaluation,50k-250k,1-to-5';

  it('never replaces an existing practice without --force', () => {
    const contact = `Secretariat of the advisory council,"Mayor's Office, Stavanger",advisory-council@stavanger.example.org`;
    // The demo practice's coded facts, which its translations share.
    const csv = `id,${PRACTICE_HEADER},contact.name,contact.role,contact.email,methods,${FACT_COLUMNS}\nadvisory-council-elected-migrant-members,Advisory council,stavanger,leadership; participation,newcomers; civil-society,2015,ongoing,${PARTS},${contact},residents-advisory-council,${FACTS}\n`;
    expect(plan(csv).messages).toEqual([
      'row 2, column "id": src/content/practices/en/advisory-council-elected-migrant-members.md already exists: run the import again with --force to replace it, or change the id',
    ]);
    const forced = plan(csv, 'practices', { force: true });
    expect(forced.messages).toEqual([]);
    expect(forced.files).toMatchObject([{ path: 'src/content/practices/en/advisory-council-elected-migrant-members.md', replaces: true }]);
  });

  it('refuses to replace an English version so that its French translation no longer matches', () => {
    const csv = `id,${PRACTICE_HEADER},methods,${FACT_COLUMNS}\nadvisory-council-elected-migrant-members,Advisory council,stavanger,leadership,newcomers; civil-society,2015,ongoing,${PARTS},residents-advisory-council,${FACTS}\n`;
    // Every translation of the practice would no longer match its English version.
    const translations = TRANSLATION_LANGUAGES.filter((code) => existsSync(`src/content/practices/${code}/advisory-council-elected-migrant-members.md`));
    expect(translations.length).toBeGreaterThan(0);
    expect([...plan(csv, 'practices', { force: true }).messages].sort()).toEqual(
      translations.flatMap((code) => [
        `row 2, column "themes": src/content/practices/${code}/advisory-council-elected-migrant-members.md: differs from the English version (src/content/practices/en/advisory-council-elected-migrant-members.md): themes is shared by all translations, make them identical`,
        `row 2, column "contact.email": src/content/practices/${code}/advisory-council-elected-migrant-members.md: differs from the English version (src/content/practices/en/advisory-council-elected-migrant-members.md): the contact's email is shared by all translations (only its name and role are translated), make them identical`,
      ]).sort(),
    );
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

describe('file names', () => {
  const row = (title: string, id?: string) => `${id === undefined ? '' : `${id},`}${title},oslo,language,youth,2020,ongoing,${PARTS}`;
  const longTitle = 'A very long title for a practice that goes on and on about the welcome of newcomers in the city';

  it('refuses an id longer than 80 characters, and one made from a long title, with a shorter one to use', () => {
    const longId = 'a'.repeat(40) + '-' + 'b'.repeat(45);
    expect(plan(`id,${PRACTICE_HEADER}\n${row('Short', longId)}\n${row(longTitle, '')}\n`).messages).toEqual([
      `row 2, column "id": "${longId}" is 86 characters long: file names may have at most 80, so that paths stay short enough for Windows: choose a shorter file name, like "${'a'.repeat(40)}"`,
      'row 3, column "title": gives the file name "a-very-long-title-for-a-practice-that-goes-on-and-on-about-the-welcome-of-newcomers-in-the-city", which is 95 characters long: file names may have at most 80, so that paths stay short enough for Windows: add an "id" column with a shorter file name, like "a-very-long-title-for-a-practice-that-goes-on-and-on-about-the-welcome-of"',
    ]);
  });

  it('accepts an id of exactly 80 characters', () => {
    const id = 'x'.repeat(80);
    expect(plan(`id,${PRACTICE_HEADER}\n${row('Short', id)}\n`).files.map((file) => file.path)).toEqual([`src/content/practices/en/${id}.md`]);
  });

  it.each(['con', 'nul', 'aux', 'prn', 'com1', 'lpt9'])('refuses "%s", a name Windows keeps for a device, as an id or from a title', (name) => {
    expect(plan(`id,${PRACTICE_HEADER}\n${row('Anything', name)}\n${row(name.toUpperCase(), '')}\n`).messages).toEqual([
      `row 2, column "id": "${name}" is a name Windows keeps for a device (con, prn, aux, nul, com1 to com9, lpt1 to lpt9), so the file could not be opened there: choose another file name, like "${name}-practice"`,
      `row 3, column "title": gives the file name "${name}", which is a name Windows keeps for a device (con, prn, aux, nul, com1 to com9, lpt1 to lpt9), so the file could not be opened there: add an "id" column with another file name, like "${name}-practice"`,
    ]);
  });

  it('refuses a city named after a device', () => {
    const result = plan('name,country,lat,lon,population,joined,international,profile.en,profile.fr\nNul,FR,45,5,1000,2020,yes,A city.,Une ville.\n', 'cities');
    expect(result.messages).toEqual([
      'row 2, column "name": gives the file name "nul", which is a name Windows keeps for a device (con, prn, aux, nul, com1 to com9, lpt1 to lpt9), so the file could not be opened there: add an "id" column with another file name, like "nul-city"',
    ]);
  });

  it('refuses a file name that differs only by capitals from an existing file, even with --force', () => {
    const withCapitals = {
      ...context,
      folderNames: (directory: string) => (directory.endsWith(join('practices', 'en')) ? ['Welcome-Desk.md', 'other.md'] : []),
    };
    const csv = `${PRACTICE_HEADER}\n${row('Welcome desk')}\n`;
    for (const options of [{}, { force: true }]) {
      const result = planImport('practices', parseCsv(csv, 'p.csv'), 'p.csv', withCapitals, options);
      expect(result.problems.map(formatRowProblem)).toEqual([
        'row 2, column "title": src/content/practices/en/welcome-desk.md would differ only by capitals from the existing src/content/practices/en/Welcome-Desk.md, and Windows and macOS treat the two as one file: rename the existing file to lower case, or change the title',
      ]);
      expect(result.files).toEqual([]);
    }
  });
});

describe('practices adapted from other rows', () => {
  /** n practices, each adapted from the one before; the first names an unknown city when broken. */
  function chain(count: number, broken: boolean) {
    const rows = Array.from({ length: count }, (_, index) => {
      const city = broken && index === 0 ? 'osloo' : 'oslo';
      return `Idea ${index + 1},${city},language,youth,2020,ongoing,${PARTS},${index > 0 ? `Idea ${index}` : ''}`;
    });
    return `${PRACTICE_HEADER},adaptedFrom\n${rows.join('\n')}\n`;
  }

  it('holds back every row that adapts a row with problems, naming that row', () => {
    const result = plan(chain(4, true), 'practices', { validOnly: true });
    expect(result.messages).toEqual([
      'row 2, column "cities": "osloo" is not a known city (did you mean "oslo"?)',
      'row 3, column "adaptedFrom": adapts row 2 (idea-1), which has problems: fix row 2 so that both can be imported',
      'row 4, column "adaptedFrom": adapts row 3 (idea-2), which has problems: fix row 3 so that both can be imported',
      'row 5, column "adaptedFrom": adapts row 4 (idea-3), which has problems: fix row 4 so that both can be imported',
    ]);
    expect(result.files).toEqual([]);
  });

  it('keeps a row that adapts an existing practice whose replacement row fails', () => {
    const existingId = 'advisory-council-elected-migrant-members';
    const csv = `id,${PRACTICE_HEADER},adaptedFrom\n${existingId},Advisory council,nowhere,leadership,newcomers,2015,ongoing,${PARTS},\n,Council two,oslo,language,youth,2020,ongoing,${PARTS},${existingId}\n`;
    const result = plan(csv, 'practices', { force: true, validOnly: true });
    expect(result.messages).toEqual(['row 2, column "cities": "nowhere" is not a known city']);
    expect(result.files.map((file) => file.path)).toEqual(['src/content/practices/en/council-two.md']);
  });

  /** Work done to plan a chain: integrity entries read and edit distances computed. */
  function workFor(csv: string) {
    work.integrityEntries = 0;
    work.integrityPasses = 0;
    work.scanned = 0;
    work.suggesters.length = 0;
    const result = plan(csv, 'practices', { validOnly: true });
    const comparisons = work.suggesters.reduce((sum, created) => sum + created.comparisons, 0);
    return { result, passes: work.integrityPasses, steps: work.integrityEntries + work.scanned + comparisons };
  }

  it('does work that grows linearly with the rows behind a broken row, in two integrity passes', () => {
    const small = workFor(chain(250, true));
    const large = workFor(chain(1000, true));
    expect(small.result.invalidRows).toHaveLength(250);
    expect(large.result.invalidRows).toHaveLength(1000);
    expect([small.passes, large.passes]).toEqual([2, 2]);
    // Four times the rows, at most a little over four times the work (n² would be sixteen).
    expect(large.steps / small.steps).toBeLessThan(4.5);
  }, 180_000);

  it('suggests the row meant by a misspelt title at a bounded cost per row', () => {
    const misspelt = (count: number) =>
      `${PRACTICE_HEADER},adaptedFrom\n${Array.from({ length: count }, (_, index) => `Welcome idea number ${index + 1},oslo,language,youth,2020,ongoing,${PARTS},${index > 0 ? `Welcom idea numbr ${index}` : ''}`).join('\n')}\n`;
    const small = workFor(misspelt(250));
    const large = workFor(misspelt(1000));
    expect(large.result.messages[0]).toBe('row 3, column "adaptedFrom": "Welcom idea numbr 1" is not a known practice (did you mean "welcome-idea-number-1"?)');
    expect(large.result.messages).toContain('row 1001, column "adaptedFrom": "Welcom idea numbr 999" is not a known practice (did you mean "welcome-idea-number-999"?)');
    expect(large.steps / small.steps).toBeLessThan(4.5);
  }, 180_000);
});
