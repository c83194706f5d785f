/**
 * Open data: one record per entry with stable ids, both languages where they exist, as JSON and
 * CSV, with JSON Schemas generated from the same zod schemas that validate the content.
 *
 * Which collections are published, and what their records are, comes from the collection
 * registry (src/lib/content/collections.ts, `openData`): a collection added there with
 * `openData: { description }` gets its three files and its codebook on the open-data page with
 * no edit here. Its records are then the entries as written, with their id and their address in
 * every language (entryRecords), and its CSV has one column per field, nested fields and
 * per-language texts spelt out (`title_en`, `registration_url`), lists joined by "; " (entriesCsv).
 * The collections whose published records have a shape of their own (practices and methods
 * gather their per-language files into one record; a resource's own address is `link`) have
 * their record schema in RECORD_SCHEMAS and their writers below, kept field for field as before.
 *
 * The CSV files are opened in spreadsheets, which run a cell starting with "=" as a formula: a
 * practice titled `=HYPERLINK("https://evil.example","Report")` would become a live link, and a
 * text starting "- item" an error. So text cells starting with =, +, -, @, a tab or a carriage
 * return get an apostrophe in front (OWASP, "CSV Injection",
 * https://owasp.org/www-community/attacks/CSV_Injection: "ensure that no cells begin with" those
 * characters, "prepend each cell field with a single quote", quote cells and double inner quotes).
 * Numbers are not prefixed (a longitude of -9.14 is not a formula and stays a number). The JSON
 * keeps the exact text; the codebook on the data page says so.
 */
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import type { Catalogue } from './catalogue.ts';
import { COLLECTIONS, type CollectionName, type CollectionSpec } from './content/collections.ts';
import { citySchema } from './schemas/city.ts';
import { indexResultSchema } from './schemas/index-result.ts';
import type { MethodLibrary } from './method-library.ts';
import { methodSharedShape, methodTranslatedShape } from './schemas/method.ts';
import { CONTACT_TRANSLATED_KEYS, practiceSharedShape, practiceTranslatedShape, SHARED_KEYS } from './schemas/practice.ts';
import { resourceSchema } from './schemas/resource.ts';
import type { ResultEntry } from './index-stats.ts';
import { describeType, type JsonSchemaNode } from './json-schema-fields.ts';
import { LANGUAGES, SOURCE_LANGUAGE, TRANSLATION_LANGUAGES, languageName, type Lang } from './languages.ts';

export const DATA_LICENCE = 'CC BY 4.0';

/** One field per registered language (src/lib/languages.ts), English required. */
function perLanguage<T extends z.ZodType>(field: (code: Lang, name: string) => T, optional: boolean) {
  return Object.fromEntries(
    LANGUAGES.map((code) => {
      const schema = field(code, languageName(code, SOURCE_LANGUAGE));
      return [code, optional && code !== SOURCE_LANGUAGE ? schema.optional() : schema];
    }),
  );
}
const urlPair = z
  .object(perLanguage((_, name) => z.string().describe(`page in ${name}`), false))
  .describe('address of the entry on the site, per language');
const contactTranslation = z
  .object({ name: z.string().describe("the contact's name").optional(), role: z.string().describe("the contact's role or job title, in this language").optional() })
  .describe("the contact's name and role in this language (the e-mail and web page are the record's)");
const translation = z.object({ ...practiceTranslatedShape, contact: contactTranslation.optional() });

export const practiceRecordSchema = z.object({
  id: z.string().describe('stable id of the practice: its slug'),
  url: urlPair,
  ...practiceSharedShape,
  countries: z.array(z.string()).describe('ISO 3166-1 codes of the countries of its cities'),
  translations: z
    .object(perLanguage((code, name) => translation.describe(code === SOURCE_LANGUAGE ? `the practice in ${name}` : `the practice in ${name}, when translated`), true))
    .describe('the texts of the practice, per language'),
});

export const cityRecordSchema = z.object({
  id: z.string().describe('stable id of the city'),
  url: urlPair,
  ...citySchema.shape,
});

export const indexResultRecordSchema = z.object({
  id: z.string().describe('stable id of the result: <city>-<edition>'),
  url: urlPair,
  ...indexResultSchema.shape,
});

const methodTranslation = z.object(methodTranslatedShape);

export const methodRecordSchema = z.object({
  id: z.string().describe('stable id of the method: its file name'),
  url: urlPair,
  ...methodSharedShape,
  practices: z.array(z.string()).describe('slugs of the practices that apply the method'),
  translations: z
    .object(perLanguage((code, name) => methodTranslation.describe(code === SOURCE_LANGUAGE ? `the method in ${name}` : `the method in ${name}, when translated`), true))
    .describe('the texts of the method, per language'),
});

// A resource's own web address is published as `link`: `url` is, as in every dataset, its place on the site.
const { url: resourceLink, ...resourceFields } = resourceSchema.shape;

export const resourceRecordSchema = z.object({
  id: z.string().describe('stable id of the resource: its file name'),
  url: urlPair.describe('where the resource is listed in the library, per language'),
  link: resourceLink.describe('address where the resource can be read (absent when it is a file)'),
  ...resourceFields,
});

/** The file around the records: licence, demonstration flag and the records. */
function envelope<T extends z.ZodType>(record: T, what: string) {
  return z
    .object({
      $schema: z.string().describe('address of the JSON Schema describing this file'),
      licence: z.string().describe('licence of the data'),
      demonstration: z.boolean().describe('true while the site holds demonstration content (illustrative Index scores)'),
      records: z.array(record).describe(what),
    })
    .describe(what);
}

/** The collections whose records have a shape of their own, not the entry as written. */
const RECORD_SCHEMAS: Partial<Record<CollectionName, z.ZodObject>> = {
  practices: practiceRecordSchema,
  cities: cityRecordSchema,
  'index-results': indexResultRecordSchema,
  methods: methodRecordSchema,
  resources: resourceRecordSchema,
};

/** A record that is the entry as written, with its id and addresses. */
function entryRecordSchema(spec: CollectionSpec): z.ZodObject {
  const schema = (spec.completeSchema ?? spec.schema) as z.ZodObject;
  return z.object({
    id: z.string().describe(`stable id of the ${spec.noun}: its file name`),
    url: urlPair,
    ...schema.shape,
  });
}

export interface Dataset {
  /** The collection, also the file name: /data/<name>.json. */
  name: string;
  /** One record. */
  record: z.ZodObject;
  /** The whole file (licence, demonstration flag, records). */
  file: z.ZodObject;
}

/**
 * The datasets of a collection registry, in its order: every collection with `openData`. A
 * per-language collection or one without pages cannot be published as its entries are: it needs
 * a record shape of its own, and the error says so.
 */
export function datasetsOf(registry: Readonly<Record<string, CollectionSpec>>, recordSchemas: Readonly<Record<string, z.ZodObject>> = RECORD_SCHEMAS): Dataset[] {
  return Object.entries(registry).flatMap(([name, spec]) => {
    if (!spec.openData) return [];
    const own = recordSchemas[name];
    if (!own && spec.perLanguage) {
      throw new Error(`collection "${name}" is written one file per language: its open-data records need a shape of their own (a record schema in RECORD_SCHEMAS and writers in src/lib/open-data.ts), or set openData: false in src/lib/content/collections.ts`);
    }
    if (!own && !spec.url) {
      throw new Error(`collection "${name}" has no pages (no url in src/lib/content/collections.ts), so its open-data records would have no address: give it url, or set openData: false`);
    }
    const record = own ?? entryRecordSchema(spec);
    return [{ name, record, file: envelope(record, spec.openData.description) }];
  });
}

/** The collections published as open data (`openData` in the registry). */
export type DatasetName = { [K in CollectionName]: (typeof COLLECTIONS)[K]['openData'] extends false ? never : K }[CollectionName];

/** The site's datasets, from the registry. */
export const DATASETS: readonly (Dataset & { name: DatasetName })[] = datasetsOf(COLLECTIONS) as (Dataset & { name: DatasetName })[];

function datasetNamed(name: string, datasets: readonly Dataset[]): Dataset {
  const dataset = datasets.find((candidate) => candidate.name === name);
  if (!dataset) throw new Error(`"${name}" is not an open-data dataset: the datasets are ${datasets.map((candidate) => candidate.name).join(', ')}`);
  return dataset;
}

/** The fields of a dataset's records: name, type, whether required and what it means. */
export function recordFields(name: string, datasets: readonly Dataset[] = DATASETS): { name: string; type: string; required: boolean; description: string }[] {
  const schema = datasetJsonSchema(name, name, datasets) as { properties: { records: { items: JsonSchemaNode } } };
  const record = schema.properties.records.items;
  return Object.entries(record.properties ?? {}).map(([field, node]) => ({
    name: field,
    type: describeType(node),
    required: (record.required ?? []).includes(field),
    description: node.description ?? '',
  }));
}

/** JSON Schema (draft 2020-12) of a dataset file, generated from the zod schemas. */
export function datasetJsonSchema(name: string, id: string, datasets: readonly Dataset[] = DATASETS): Record<string, unknown> {
  return { ...z.toJSONSchema(datasetNamed(name, datasets).file, { io: 'output', unrepresentable: 'any' }), $id: id, title: name };
}

type Urls = (lang: Lang, id: string) => string;

/** The entry's address in every language. */
const urlsOf = (url: Urls, id: string) => Object.fromEntries(LANGUAGES.map((code) => [code, url(code, id)])) as Record<Lang, string>;

export function practiceRecords(catalogue: Catalogue, url: Urls) {
  // The translations actually written (not the English text a language falls back to).
  const translated = new Map(
    LANGUAGES.filter((code) => code !== SOURCE_LANGUAGE).map((code) => [
      code,
      new Map(catalogue.practices(code).filter((practice) => practice.lang === code).map((practice) => [practice.slug, practice.data])),
    ]),
  );
  return [...catalogue.practices(SOURCE_LANGUAGE)]
    .sort((a, b) => a.slug.localeCompare(b.slug))
    .map(({ slug, data }) => {
      // The fields every language shares (SHARED_KEYS: places, themes, period, contact, the coded
      // facts...) once, in the record; the rest per language.
      const shared = Object.fromEntries(SHARED_KEYS.flatMap((key) => (data[key] === undefined ? [] : [[key, data[key]]]))) as Pick<typeof data, (typeof SHARED_KEYS)[number]>;
      /** The texts of one language, with the contact's translated parts. */
      const translationOf = (practice: typeof data) => {
        const rest = Object.fromEntries(Object.entries(practice).filter(([key]) => !(SHARED_KEYS as readonly string[]).includes(key))) as Omit<typeof data, (typeof SHARED_KEYS)[number]>;
        const own = practice.contact;
        const translatedContact = Object.fromEntries(CONTACT_TRANSLATED_KEYS.flatMap((part) => (own?.[part] ? [[part, own[part]]] : [])));
        return { ...rest, ...(Object.keys(translatedContact).length > 0 ? { contact: translatedContact } : {}) };
      };
      return {
        id: slug,
        url: urlsOf(url, slug),
        ...shared,
        countries: catalogue.countriesOf(data),
        translations: {
          [SOURCE_LANGUAGE]: translationOf(data),
          ...Object.fromEntries(
            [...translated].flatMap(([code, practices]) => {
              const practice = practices.get(slug);
              return practice ? [[code, translationOf(practice)]] : [];
            }),
          ),
        } as Record<Lang, ReturnType<typeof translationOf> | undefined>,
      };
    });
}

export function cityRecords(catalogue: Catalogue, url: Urls) {
  return [...catalogue.cities].sort((a, b) => a.id.localeCompare(b.id)).map(({ id, data }) => ({ id, url: urlsOf(url, id), ...data }));
}

export function indexResultRecords(results: ResultEntry[], url: Urls) {
  return [...results].sort((a, b) => a.id.localeCompare(b.id)).map(({ id, data }) => ({ id, url: urlsOf(url, id), ...data }));
}

/**
 * csv-stringify's `escape_formulas` is OWASP's rule: it prefixes `'` to string cells whose first
 * character is = + - @ TAB CR (and their full-width forms, which Apple Numbers folds to them),
 * leaves number cells alone and quotes cells holding separators, quotes or line breaks.
 */
const CSV_OPTIONS = { header: true, bom: true, escape_formulas: true } as const;

export function methodRecords(library: MethodLibrary, url: Urls) {
  // The translations actually written (not the English text a language falls back to).
  const translated = new Map(
    TRANSLATION_LANGUAGES.map((code) => [code, new Map(library.methods(code).filter((method) => method.lang === code).map((method) => [method.id, method.data]))]),
  );
  const textsOf = ({ themes: _themes, budget: _budget, ...texts }: ReturnType<MethodLibrary['methods']>[number]['data']) => texts;
  return [...library.methods(SOURCE_LANGUAGE)]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map(({ id, data }) => {
      return {
        id,
        url: urlsOf(url, id),
        themes: data.themes,
        budget: data.budget,
        practices: library.practicesOf(SOURCE_LANGUAGE, id).map((practice) => practice.slug).sort(),
        translations: {
          [SOURCE_LANGUAGE]: textsOf(data),
          ...Object.fromEntries(
            [...translated].flatMap(([code, methods]) => {
              const method = methods.get(id);
              return method ? [[code, textsOf(method)]] : [];
            }),
          ),
        } as Record<Lang, ReturnType<typeof textsOf> | undefined>,
      };
    });
}

export function resourceRecords(library: MethodLibrary, url: Urls) {
  return [...library.resources()]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map(({ id, data: { url: link, ...data } }) => ({ id, url: urlsOf(url, id), ...(link ? { link } : {}), ...data }));
}

const list = (values: readonly string[] | undefined) => (values ?? []).join('; ');

/** Methods as CSV: shared fields once, texts per language; the steps joined by " | ". */
export function methodsCsv(records: ReturnType<typeof methodRecords>): string {
  const textFields = Object.keys(methodTranslatedShape).filter((key) => key !== 'sources' && key !== 'steps');
  return stringify(
    records.map((record) => ({
      id: record.id,
      ...Object.fromEntries(LANGUAGES.map((code) => [`url_${code}`, record.url[code]])),
      themes: list(record.themes),
      budget: record.budget,
      practices: list(record.practices),
      ...Object.fromEntries(
        LANGUAGES.flatMap((lang) => {
          const texts = record.translations[lang];
          return [
            ...textFields.map((field) => [`${field}_${lang}`, (texts as Record<string, unknown> | undefined)?.[field] ?? '']),
            [`steps_${lang}`, (texts?.steps ?? []).join(' | ')],
            [`sources_${lang}`, (texts?.sources ?? []).map((source) => `${source.label} <${source.url}>`).join('; ')],
          ];
        }),
      ),
    })),
    CSV_OPTIONS,
  );
}

export function resourcesCsv(records: ReturnType<typeof resourceRecords>): string {
  return stringify(
    records.map((record) => ({
      id: record.id,
      kind: record.kind,
      ...Object.fromEntries(LANGUAGES.map((code) => [`title_${code}`, record.title[code] ?? ''])),
      ...Object.fromEntries(LANGUAGES.map((code) => [`summary_${code}`, record.summary[code] ?? ''])),
      year: record.year,
      publisher: record.publisher,
      languages: list(record.languages),
      link: record.link ?? '',
      file: record.file ?? '',
      themes: list(record.themes),
      methods: list(record.methods),
      practices: list(record.practices),
      ...Object.fromEntries(LANGUAGES.map((code) => [`url_${code}`, record.url[code]])),
    })),
    CSV_OPTIONS,
  );
}

/** Practices as CSV: one row per practice, shared fields once, texts per language (`title_en`, `title_fr`...). */
export function practicesCsv(records: ReturnType<typeof practiceRecords>): string {
  const textFields = Object.keys(practiceTranslatedShape).filter((key) => key !== 'links' && key !== 'images');
  return stringify(
    records.map((record) => ({
      id: record.id,
      ...Object.fromEntries(LANGUAGES.map((code) => [`url_${code}`, record.url[code]])),
      cities: list(record.cities),
      countries: list(record.countries),
      themes: list(record.themes),
      targetGroups: list(record.targetGroups),
      start: record.period.start,
      end: record.period.end,
      adaptedFrom: list(record.adaptedFrom),
      methods: list(record.methods),
      contact_name: record.contact?.name ?? '',
      contact_role: record.contact?.role ?? '',
      contact_email: record.contact?.email ?? '',
      contact_url: record.contact?.url ?? '',
      ...Object.fromEntries(
        LANGUAGES.flatMap((lang) => {
          const texts = record.translations[lang] as Record<string, unknown> | undefined;
          return [
            ...textFields.map((field) => [`${field}_${lang}`, texts?.[field] ?? '']),
            ...(lang === SOURCE_LANGUAGE ? [] : CONTACT_TRANSLATED_KEYS.map((part) => [`contact_${part}_${lang}`, (texts?.contact as Record<string, string> | undefined)?.[part] ?? ''])),
            [`links_${lang}`, ((texts?.links as { label: string; url: string }[] | undefined) ?? []).map((link) => `${link.label} <${link.url}>`).join('; ')],
          ];
        }),
      ),
    })),
    CSV_OPTIONS,
  );
}

export function citiesCsv(records: ReturnType<typeof cityRecords>): string {
  return stringify(
    records.map(({ url, profile, networks, names, ...city }) => ({
      id: city.id,
      name: city.name,
      localName: city.localName ?? '',
      ...Object.fromEntries(TRANSLATION_LANGUAGES.map((code) => [`name_${code}`, (names as Partial<Record<Lang, string>> | undefined)?.[code] ?? ''])),
      country: city.country,
      lat: city.lat,
      lon: city.lon,
      population: city.population,
      foreignBornShare: city.foreignBornShare ?? '',
      joined: city.joined,
      international: city.international,
      networks: list(networks),
      website: city.website ?? '',
      ...Object.fromEntries(LANGUAGES.map((code) => [`profile_${code}`, profile[code] ?? ''])),
      ...Object.fromEntries(LANGUAGES.map((code) => [`url_${code}`, url[code]])),
    })),
    CSV_OPTIONS,
  );
}

/** One column per theme id (`score_<theme>`), empty where the edition does not score the theme. */
export function indexResultsCsv(records: ReturnType<typeof indexResultRecords>, themeIds: readonly string[]): string {
  return stringify(
    records.map((record) => ({
      id: record.id,
      city: record.city,
      edition: record.edition,
      date: record.date,
      version: record.version,
      sampleSize: record.sampleSize,
      overall: record.overall,
      ...Object.fromEntries(themeIds.map((theme) => [`score_${theme}`, record.scores[theme] ?? ''])),
      ...Object.fromEntries(LANGUAGES.map((code) => [`summary_${code}`, record.summary[code] ?? ''])),
      ...Object.fromEntries(LANGUAGES.map((code) => [`url_${code}`, record.url[code]])),
    })),
    CSV_OPTIONS,
  );
}

/** Records that are the entries as written: sorted by id, each with its address in every language. */
export function entryRecords(entries: readonly { id: string; data: object }[], url: Urls): Record<string, unknown>[] {
  return [...entries].sort((a, b) => a.id.localeCompare(b.id)).map(({ id, data }) => ({ id, url: urlsOf(url, id), ...data }));
}

interface Column {
  name: string;
  path: readonly string[];
}

/** One column per field; an object with fields of its own (a text per language, a registration) spelt out field by field. */
function columnsOf(node: JsonSchemaNode, path: readonly string[] = []): Column[] {
  if (path.length > 0 && node.type === 'object' && node.properties) {
    return Object.entries(node.properties).flatMap(([key, child]) => columnsOf(child, [...path, key]));
  }
  if (path.length === 0) return Object.entries(node.properties ?? {}).flatMap(([key, child]) => columnsOf(child, [key]));
  return [{ name: path.join('_'), path }];
}

/** A cell: text, number and true/false as they are; a list of texts joined by "; "; anything else (a list of links) as JSON. */
function cellOf(value: unknown): unknown {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number')) return value.join('; ');
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

/** The CSV of records that are the entries as written, its columns read from the record schema. */
export function entriesCsv(records: readonly Record<string, unknown>[], record: z.ZodObject): string {
  const columns = columnsOf(z.toJSONSchema(record, { io: 'output', unrepresentable: 'any' }) as JsonSchemaNode);
  const at = (value: unknown, path: readonly string[]) => path.reduce<unknown>((inner, key) => (inner && typeof inner === 'object' ? (inner as Record<string, unknown>)[key] : undefined), value);
  return stringify(
    records.map((row) => Object.fromEntries(columns.map((column) => [column.name, cellOf(at(row, column.path))]))),
    { ...CSV_OPTIONS, columns: columns.map((column) => column.name) },
  );
}
