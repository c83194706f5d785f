/**
 * The registry of content collections: for each kind of content, where its files live, what they
 * are, which schema validates them, which ids are valid, what other entries they point to and
 * where each entry is published, whether it is published as open data. Everything that needs one
 * of these facts reads it here: Astro's content config, the content check and its integrity
 * rules, the CMS config, the open data (src/lib/open-data.ts, src/pages/data/) and the generated
 * field tables in docs/content-model.md.
 *
 * Adding a collection is its name in COLLECTION_NAMES, one entry in COLLECTIONS and its schema in
 * src/lib/schemas/ (and, when it is published as open data, its dataset's name on the open-data
 * page: `data.dataset.<collection>` in the translation files).
 */
import type { z } from 'zod';
import { activitySchema } from '../schemas/activity.ts';
import { citySchema } from '../schemas/city.ts';
import type { Lang } from '../schemas/fields.ts';
import { indexResultSchema } from '../schemas/index-result.ts';
import { isMethodStub, METHOD_SHARED_KEYS, methodEntrySchema, methodSchema, methodStubSchema } from '../schemas/method.ts';
import { networkSchema } from '../schemas/network.ts';
import { organisationSchema } from '../schemas/organisation.ts';
import { pageSchema } from '../schemas/page.ts';
import { isPracticeStub, practiceEntrySchema, practiceSchema, practiceStubSchema, SHARED_KEYS } from '../schemas/practice.ts';
import { resourceSchema } from '../schemas/resource.ts';
import { themeSchema } from '../schemas/theme.ts';
import { urls } from '../urls.ts';

/** The collections, in the order they are read and checked. */
export const COLLECTION_NAMES = ['themes', 'networks', 'cities', 'organisations', 'methods', 'practices', 'resources', 'index-results', 'activities', 'pages'] as const;
export type CollectionName = (typeof COLLECTION_NAMES)[number];

/**
 * A field of an entry that names other entries. The path reads like the data: `cities[]` is each
 * item of the `cities` list, `recommendations[].theme` the `theme` of each recommendation,
 * `scores{}` each key of the `scores` record.
 */
export interface Reference {
  path: string;
  collection: CollectionName;
}

export interface CollectionSpec {
  /** Folder under src/content/, also the collection's name in messages and in the CMS. */
  folder: string;
  /** File endings read, the first being the one to use for new files. */
  extensions: readonly string[];
  /** One file per language in `<folder>/<lang>/<id>.<ext>`; translations share the file name. */
  perLanguage: boolean;
  /** What one entry is called in messages ("is not a known city"). */
  noun: string;
  /** The schema Astro validates every file with. */
  schema: z.ZodType;
  /** The schema of a complete entry, as editors fill it in (when it differs from `schema`: stubs). */
  completeSchema?: z.ZodObject;
  /** The schema the content check validates one file's data with (stubs, for instance, have their own). */
  schemaFor(data: Record<string, unknown>): z.ZodType;
  /** Markdown files: whether the text after the front matter is shown (the page itself); otherwise it is refused. */
  body: boolean;
  /** For per-language collections: a translation that holds only the shared fields, which the site skips. */
  isStub?(data: Record<string, unknown>): boolean;
  /**
   * For per-language collections with stubs: the fields every translation shares (the content
   * check makes them identical to the English) and what a complete English entry holds, for the
   * message when the English file is a stub.
   */
  translations?: { sharedKeys: readonly string[]; complete: string };
  /** Other entries this collection's entries point to; the content check verifies each exists. */
  references: readonly Reference[];
  /** Where an entry is published, when it has a page of its own. */
  url?(lang: Lang, id: string): string;
  /**
   * Whether the entries are published as open data, /data/<collection>.json, .csv and .schema.json
   * (src/lib/open-data.ts): `false`, or what one file's records are. A record is the entry as
   * written, with its id and its address in every language, unless open-data.ts gives the
   * collection records of a shape of its own (per-language texts gathered in one record).
   */
  openData: false | { description: string };
}

export const COLLECTIONS = {
  themes: {
    folder: 'themes',
    extensions: ['.yaml', '.yml'],
    perLanguage: false,
    noun: 'theme',
    body: false,
    schema: themeSchema,
    schemaFor: () => themeSchema,
    references: [{ path: 'parent', collection: 'themes' }],
    url: urls.theme,
    openData: false,
  },
  networks: {
    folder: 'networks',
    extensions: ['.yaml', '.yml'],
    perLanguage: false,
    noun: 'national network',
    body: false,
    schema: networkSchema,
    schemaFor: () => networkSchema,
    references: [],
    url: urls.network,
    openData: false,
  },
  cities: {
    folder: 'cities',
    extensions: ['.yaml', '.yml'],
    perLanguage: false,
    noun: 'city',
    body: false,
    schema: citySchema,
    schemaFor: () => citySchema,
    references: [{ path: 'networks[]', collection: 'networks' }],
    url: urls.city,
    openData: { description: 'member cities' },
  },
  practices: {
    folder: 'practices',
    extensions: ['.md'],
    perLanguage: true,
    noun: 'practice',
    body: false,
    // A translation holding only the shared fields (the stub Decap writes) is accepted and skipped.
    schema: practiceEntrySchema,
    completeSchema: practiceSchema as unknown as z.ZodObject,
    schemaFor: (data) => (isPracticeStub(data) ? practiceStubSchema : practiceSchema),
    isStub: isPracticeStub,
    translations: { sharedKeys: SHARED_KEYS, complete: 'title and the five parts' },
    references: [
      { path: 'cities[]', collection: 'cities' },
      { path: 'themes[]', collection: 'themes' },
      { path: 'adaptedFrom[]', collection: 'practices' },
      { path: 'methods[]', collection: 'methods' },
      { path: 'partners[]', collection: 'organisations' },
    ],
    url: urls.practice,
    openData: { description: 'good practices of the network' },
  },
  organisations: {
    folder: 'organisations',
    extensions: ['.yaml', '.yml'],
    perLanguage: false,
    noun: 'organisation',
    body: false,
    schema: organisationSchema,
    schemaFor: () => organisationSchema,
    references: [],
    url: urls.organisation,
    openData: { description: 'partner organisations: associations, universities, foundations, public bodies and companies that run practices with member cities' },
  },
  methods: {
    folder: 'methods',
    extensions: ['.md'],
    perLanguage: true,
    noun: 'method',
    body: false,
    schema: methodEntrySchema,
    completeSchema: methodSchema,
    schemaFor: (data) => (isMethodStub(data) ? methodStubSchema : methodSchema),
    isStub: isMethodStub,
    translations: { sharedKeys: METHOD_SHARED_KEYS, complete: 'name, summary, steps and the other parts' },
    references: [{ path: 'themes[]', collection: 'themes' }],
    url: urls.method,
    openData: { description: 'methods: how to do what several member cities did, with the practices that apply each' },
  },
  resources: {
    folder: 'resources',
    extensions: ['.yaml', '.yml'],
    perLanguage: false,
    noun: 'resource',
    body: false,
    schema: resourceSchema,
    schemaFor: () => resourceSchema,
    references: [
      { path: 'themes[]', collection: 'themes' },
      { path: 'methods[]', collection: 'methods' },
      { path: 'practices[]', collection: 'practices' },
    ],
    url: urls.resource,
    openData: { description: 'guides, policy briefs, manuals, courses and other resources for cities' },
  },
  'index-results': {
    folder: 'index-results',
    extensions: ['.md'],
    perLanguage: false,
    noun: 'Index result',
    body: false,
    schema: indexResultSchema,
    schemaFor: () => indexResultSchema,
    references: [
      { path: 'city', collection: 'cities' },
      { path: 'scores{}', collection: 'themes' },
      { path: 'recommendations[].theme', collection: 'themes' },
    ],
    url: urls.indexResult,
    openData: { description: 'Intercultural Cities Index results, one per city and edition' },
  },
  activities: {
    folder: 'activities',
    extensions: ['.yaml', '.yml'],
    perLanguage: false,
    noun: 'activity',
    body: false,
    schema: activitySchema,
    schemaFor: () => activitySchema,
    references: [
      { path: 'hosts[]', collection: 'cities' },
      { path: 'participants[]', collection: 'cities' },
      { path: 'themes[]', collection: 'themes' },
      { path: 'practices[]', collection: 'practices' },
      { path: 'networks[]', collection: 'networks' },
    ],
    url: urls.activity,
    openData: { description: 'activities of the network: study visits, thematic events, meetings, expert visits, webinars, policy labs, courses, with their records' },
  },
  pages: {
    folder: 'pages',
    extensions: ['.md'],
    perLanguage: true,
    noun: 'page',
    body: true,
    schema: pageSchema,
    schemaFor: () => pageSchema,
    references: [],
    url: (lang, id) => `/${lang}/${id}/`,
    openData: false,
  },
} as const satisfies Record<CollectionName, CollectionSpec>;

/** The fields of a complete entry of the collection (the CMS form and the documentation show them). */
export function entrySchema(name: CollectionName): z.ZodObject {
  const spec: CollectionSpec = COLLECTIONS[name];
  return spec.completeSchema ?? (spec.schema as z.ZodObject);
}

/** The folder of a collection's files from the project root, as editors see it in messages. */
export function collectionFolder(name: CollectionName, lang?: Lang): string {
  const { folder, perLanguage } = COLLECTIONS[name];
  return `src/content/${folder}/${perLanguage && lang ? `${lang}/` : ''}`;
}

/** The glob, relative to the collection's folder, of the files the site reads. */
export function collectionPattern(name: CollectionName, languages: readonly string[]): string {
  const { extensions, perLanguage } = COLLECTIONS[name];
  const names = extensions.length === 1 ? `*${extensions[0]}` : `*.{${extensions.map((extension) => extension.slice(1)).join(',')}}`;
  return perLanguage ? `{${languages.join(',')}}/${names}` : names;
}

/**
 * The values a reference path points at in one entry's data, with the field path to report:
 * `cities[]` in `{ cities: ['a', 'b'] }` gives `[['cities[0]', 'a'], ['cities[1]', 'b']]`.
 * Values of the wrong type are the schema's business and are skipped.
 */
export function referencedValues(data: unknown, path: string): [field: string, value: string][] {
  const [head, ...rest] = path.split('.');
  const tail = rest.join('.');
  const follow = (field: string, value: unknown): [string, string][] => {
    if (!tail) return typeof value === 'string' ? [[field, value]] : [];
    return referencedValues(value, tail).map(([inner, found]) => [`${field}.${inner}`, found]);
  };
  if (typeof data !== 'object' || data === null) return [];
  const record = data as Record<string, unknown>;
  if (head!.endsWith('[]')) {
    const key = head!.slice(0, -2);
    const list = record[key];
    return Array.isArray(list) ? list.flatMap((item, index) => follow(`${key}[${index}]`, item)) : [];
  }
  if (head!.endsWith('{}')) {
    const key = head!.slice(0, -2);
    const value = record[key];
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
    return Object.keys(value).flatMap((name) => (tail ? [] : [[`${key}.${name}`, name] as [string, string]]));
  }
  return head! in record ? follow(head!, record[head!]) : [];
}
