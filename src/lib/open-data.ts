/**
 * Open data: one record per entry with stable ids, both languages where they exist, as JSON and
 * CSV, with JSON Schemas generated from the same zod schemas that validate the content.
 */
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import type { Catalogue } from './catalogue.ts';
import { citySchema } from './schemas/city.ts';
import { indexResultSchema } from './schemas/index-result.ts';
import type { MethodLibrary } from './method-library.ts';
import { methodSharedShape, methodTranslatedShape } from './schemas/method.ts';
import { resourceSchema } from './schemas/resource.ts';
import { practiceSharedShape, practiceTranslatedShape } from './schemas/practice.ts';
import type { ResultEntry } from './index-stats.ts';
import { describeType, type JsonSchemaNode } from './json-schema-fields.ts';

export const DATA_LICENCE = 'CC BY 4.0';

const urlPair = z
  .object({ en: z.string().describe('page in English'), fr: z.string().describe('page in French') })
  .describe('address of the entry on the site, per language');
const translation = z.object(practiceTranslatedShape);

export const practiceRecordSchema = z.object({
  id: z.string().describe('stable id of the practice: its slug'),
  url: urlPair,
  ...practiceSharedShape,
  countries: z.array(z.string()).describe('ISO 3166-1 codes of the countries of its cities'),
  translations: z
    .object({ en: translation.describe('the practice in English'), fr: translation.optional().describe('the practice in French, when translated') })
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
    .object({ en: methodTranslation.describe('the method in English'), fr: methodTranslation.optional().describe('the method in French, when translated') })
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

export const DATASETS = {
  practices: envelope(practiceRecordSchema, 'good practices of the network'),
  cities: envelope(cityRecordSchema, 'member cities'),
  'index-results': envelope(indexResultRecordSchema, 'Intercultural Cities Index results, one per city and edition'),
  methods: envelope(methodRecordSchema, 'methods: how to do what several member cities did, with the practices that apply each'),
  resources: envelope(resourceRecordSchema, 'guides, policy briefs, manuals, courses and other resources for cities'),
};
export type DatasetName = keyof typeof DATASETS;

/** The fields of a dataset's records: name, type, whether required and what it means. */
export function recordFields(name: DatasetName): { name: string; type: string; required: boolean; description: string }[] {
  const schema = datasetJsonSchema(name, name) as { properties: { records: { items: JsonSchemaNode } } };
  const record = schema.properties.records.items;
  return Object.entries(record.properties ?? {}).map(([field, node]) => ({
    name: field,
    type: describeType(node),
    required: (record.required ?? []).includes(field),
    description: node.description ?? '',
  }));
}

/** JSON Schema (draft 2020-12) of a dataset file, generated from the zod schemas. */
export function datasetJsonSchema(name: DatasetName, id: string): Record<string, unknown> {
  return { ...z.toJSONSchema(DATASETS[name], { io: 'output', unrepresentable: 'any' }), $id: id, title: name };
}

type Urls = (lang: 'en' | 'fr', id: string) => string;

export function practiceRecords(catalogue: Catalogue, url: Urls) {
  const french = new Map(catalogue.practices('fr').filter((practice) => practice.lang === 'fr').map((practice) => [practice.slug, practice.data]));
  return [...catalogue.practices('en')]
    .sort((a, b) => a.slug.localeCompare(b.slug))
    .map(({ slug, data }) => {
      const { cities, themes, targetGroups, period, adaptedFrom, methods, contact, ...texts } = data;
      const fr = french.get(slug);
      const translationOf = (practice: typeof data) => {
        const { cities: _c, themes: _t, targetGroups: _g, period: _p, adaptedFrom: _a, methods: _m, contact: _k, ...rest } = practice;
        return rest;
      };
      return {
        id: slug,
        url: { en: url('en', slug), fr: url('fr', slug) },
        cities,
        themes,
        targetGroups,
        period,
        ...(adaptedFrom ? { adaptedFrom } : {}),
        ...(methods ? { methods } : {}),
        ...(contact ? { contact } : {}),
        countries: catalogue.countriesOf(data),
        translations: { en: texts, ...(fr ? { fr: translationOf(fr) } : {}) },
      };
    });
}

export function cityRecords(catalogue: Catalogue, url: Urls) {
  return [...catalogue.cities].sort((a, b) => a.id.localeCompare(b.id)).map(({ id, data }) => ({ id, url: { en: url('en', id), fr: url('fr', id) }, ...data }));
}

export function indexResultRecords(results: ResultEntry[], url: Urls) {
  return [...results].sort((a, b) => a.id.localeCompare(b.id)).map(({ id, data }) => ({ id, url: { en: url('en', id), fr: url('fr', id) }, ...data }));
}

export function methodRecords(library: MethodLibrary, url: Urls) {
  const french = new Map(library.methods('fr').filter((method) => method.lang === 'fr').map((method) => [method.id, method.data]));
  const textsOf = ({ themes: _themes, budget: _budget, ...texts }: ReturnType<MethodLibrary['methods']>[number]['data']) => texts;
  return [...library.methods('en')]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map(({ id, data }) => {
      const fr = french.get(id);
      return {
        id,
        url: { en: url('en', id), fr: url('fr', id) },
        themes: data.themes,
        budget: data.budget,
        practices: library.practicesOf('en', id).map((practice) => practice.slug).sort(),
        translations: { en: textsOf(data), ...(fr ? { fr: textsOf(fr) } : {}) },
      };
    });
}

export function resourceRecords(library: MethodLibrary, url: Urls) {
  return [...library.resources()]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map(({ id, data: { url: link, ...data } }) => ({ id, url: { en: url('en', id), fr: url('fr', id) }, ...(link ? { link } : {}), ...data }));
}

const list = (values: readonly string[] | undefined) => (values ?? []).join('; ');

/** Methods as CSV: shared fields once, texts per language; the steps joined by " | ". */
export function methodsCsv(records: ReturnType<typeof methodRecords>): string {
  const textFields = Object.keys(methodTranslatedShape).filter((key) => key !== 'sources' && key !== 'steps');
  return stringify(
    records.map((record) => ({
      id: record.id,
      url_en: record.url.en,
      url_fr: record.url.fr,
      themes: list(record.themes),
      budget: record.budget,
      practices: list(record.practices),
      ...Object.fromEntries(
        (['en', 'fr'] as const).flatMap((lang) => {
          const texts = record.translations[lang];
          return [
            ...textFields.map((field) => [`${field}_${lang}`, (texts as Record<string, unknown> | undefined)?.[field] ?? '']),
            [`steps_${lang}`, (texts?.steps ?? []).join(' | ')],
            [`sources_${lang}`, (texts?.sources ?? []).map((source) => `${source.label} <${source.url}>`).join('; ')],
          ];
        }),
      ),
    })),
    { header: true, bom: true },
  );
}

export function resourcesCsv(records: ReturnType<typeof resourceRecords>): string {
  return stringify(
    records.map((record) => ({
      id: record.id,
      kind: record.kind,
      title_en: record.title.en,
      title_fr: record.title.fr ?? '',
      summary_en: record.summary.en,
      summary_fr: record.summary.fr ?? '',
      year: record.year,
      publisher: record.publisher,
      languages: list(record.languages),
      link: record.link ?? '',
      file: record.file ?? '',
      themes: list(record.themes),
      methods: list(record.methods),
      practices: list(record.practices),
      url_en: record.url.en,
      url_fr: record.url.fr,
    })),
    { header: true, bom: true },
  );
}

/** Practices as CSV: one row per practice, shared fields once, texts per language (`title_en`, `title_fr`...). */
export function practicesCsv(records: ReturnType<typeof practiceRecords>): string {
  const textFields = Object.keys(practiceTranslatedShape).filter((key) => key !== 'links' && key !== 'images');
  return stringify(
    records.map((record) => ({
      id: record.id,
      url_en: record.url.en,
      url_fr: record.url.fr,
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
        (['en', 'fr'] as const).flatMap((lang) => {
          const texts = record.translations[lang] as Record<string, unknown> | undefined;
          return [
            ...textFields.map((field) => [`${field}_${lang}`, texts?.[field] ?? '']),
            [`links_${lang}`, ((texts?.links as { label: string; url: string }[] | undefined) ?? []).map((link) => `${link.label} <${link.url}>`).join('; ')],
          ];
        }),
      ),
    })),
    { header: true, bom: true },
  );
}

export function citiesCsv(records: ReturnType<typeof cityRecords>): string {
  return stringify(
    records.map(({ url, profile, networks, ...city }) => ({
      id: city.id,
      name: city.name,
      localName: city.localName ?? '',
      nameFr: city.nameFr ?? '',
      country: city.country,
      lat: city.lat,
      lon: city.lon,
      population: city.population,
      foreignBornShare: city.foreignBornShare ?? '',
      joined: city.joined,
      international: city.international,
      networks: list(networks),
      website: city.website ?? '',
      profile_en: profile.en,
      profile_fr: profile.fr,
      url_en: url.en,
      url_fr: url.fr,
    })),
    { header: true, bom: true },
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
      summary_en: record.summary.en,
      summary_fr: record.summary.fr ?? '',
      url_en: record.url.en,
      url_fr: record.url.fr,
    })),
    { header: true, bom: true },
  );
}
