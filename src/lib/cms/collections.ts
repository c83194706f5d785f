/**
 * How each content collection appears in the CMS: which schema it edits, where its files live,
 * and the few widget choices a schema cannot express (a list of ids that is really a link to
 * cities, Markdown rather than plain text...). Everything else — field names, required, types,
 * ranges, options — is read from the zod schemas by generate-config.ts.
 */
import { REGISTERED_LANGUAGES, SOURCE_LANGUAGE } from '../languages.ts';
import type { z } from 'zod';
import { COLLECTIONS, collectionFolder, entrySchema, type CollectionName } from '../content/collections.ts';
import { METHOD_SHARED_KEYS } from '../schemas/method.ts';
import { CONTACT_TRANSLATED_KEYS, SHARED_KEYS, practiceSharedShape } from '../schemas/practice.ts';
import { DOCUMENT_FOLDER } from '../schemas/resource.ts';

/** Every collection is edited in the CMS. */
export type CmsCollectionName = CollectionName;

/** A widget the schema cannot imply on its own. */
export type WidgetOverride =
  /** A link to entries of another collection (ids), searchable by name. */
  | { kind: 'relation'; collection: 'cities' | 'themes' | 'networks' | 'practices' | 'methods' | 'organisations' }
  /** A list of texts, one per line of the form (the steps of a method). */
  | { kind: 'text-list' }
  /** A document (PDF) uploaded to `folder` under public/. */
  | { kind: 'file'; folder: string }
  /** Markdown text (rendered as HTML on the site). */
  | { kind: 'markdown' }
  /** Plain text on several lines. */
  | { kind: 'text' }
  /** An ISO country code, chosen from country names. */
  | { kind: 'country' }
  /** An absolute http(s) address. */
  | { kind: 'web-address' }
  /** A local date and time, YYYY-MM-DDTHH:MM (the time of the place, not of the editor's browser). */
  | { kind: 'local-date-time' }
  /** An IANA time zone, chosen from the zones the platform knows. */
  | { kind: 'time-zone' }
  /** A target group of the fixed vocabulary (src/lib/target-groups.ts). */
  | { kind: 'target-groups' }
  /** A year from the start year's minimum to `lastYear`, or "ongoing". */
  | { kind: 'year-or-ongoing'; lastYear: number }
  /** A picture uploaded to `folder` under public/. */
  | { kind: 'image'; folder: string }
  /** A record keyed by theme id: one number field per theme. */
  | { kind: 'theme-scores' };

export interface CmsCollectionSpec {
  name: CmsCollectionName;
  schema: z.ZodObject;
  /** Folder of the files, from the project root. */
  folder: string;
  extension: 'md' | 'yaml';
  /** Custom format (formats.ts) that reads and writes the files. */
  format: 'icc-practice' | 'icc-front-matter' | 'icc-yaml';
  /** One file per language in `<folder>/<lang>/` (Decap i18n, multiple_folders). */
  i18n: boolean;
  /** With i18n: fields shared by all languages (copied from English), as paths (`contact.email`). */
  sharedFields: readonly string[];
  /** Field whose value names a new file (slugified); dotted paths allowed. */
  identifierField: string;
  /** Decap slug template; `{{fields._slug}}` is filled by the admin with the project's slugify. */
  slug: string;
  create: boolean;
  delete: boolean;
  /** Summary line in the entry list (Decap template); `{locale}` is the interface's language code. */
  summary: string;
  sortableFields: readonly string[];
  /** Fields shown first in the form, in this order; other schema fields follow. */
  formOrder: readonly string[];
  overrides: Record<string, WidgetOverride>;
  /** The Markdown text after the front matter (not a schema field: the schema holds the front matter). */
  body?: boolean;
  /** Initial values of new entries (Decap `default`; "{{now}}" is today for a date). */
  defaults?: Record<string, unknown>;
  preview: boolean;
}

/** Decap reads `{{fields._slug}}`; the admin sets `_slug` before saving and never writes it. */
export const SLUG_FIELD = '_slug';

/** Set when a file is read, so saving can keep the file's own layout for unchanged fields; never written. */
export const SOURCE_FIELD = '_source';

/** What the registry (src/lib/content/collections.ts) already says: name, schema, folder, file type, languages. */
function fromRegistry(name: CmsCollectionName) {
  const spec = COLLECTIONS[name];
  return {
    name,
    schema: entrySchema(name),
    folder: collectionFolder(name).replace(/\/$/, ''),
    extension: spec.extensions[0]!.slice(1) as 'md' | 'yaml',
    i18n: spec.perLanguage,
  };
}

/** The same widget for a text's field in every registered language (`profile.en`, `profile.fr`...). */
const perLanguage = (field: string, override: WidgetOverride): Record<string, WidgetOverride> =>
  Object.fromEntries(REGISTERED_LANGUAGES.map((code) => [`${field}.${code}`, override]));

export function cmsCollectionSpecs(currentYear: number): CmsCollectionSpec[] {
  return [
    {
      ...fromRegistry('practices'),
      format: 'icc-practice',
      // The contact's name and role are translated; its e-mail and web page are shared.
      sharedFields: [
        ...SHARED_KEYS.filter((key) => key !== 'contact'),
        ...Object.keys(practiceSharedShape.contact.unwrap().shape)
          .filter((part) => !(CONTACT_TRANSLATED_KEYS as readonly string[]).includes(part))
          .map((part) => `contact.${part}`),
      ],
      identifierField: 'title',
      slug: `{{fields.${SLUG_FIELD}}}`,
      create: true,
      delete: true,
      summary: '{{title}}',
      // By title first; "updated" and "published" for the latest changes.
      sortableFields: ['title', 'updated', 'published'],
      formOrder: [
        'title',
        'cities',
        'themes',
        'targetGroups',
        'period',
        'purpose',
        'stimulus',
        'process',
        'results',
        'transferability',
        'contact',
        'links',
        'images',
        'adaptedFrom',
        'methods',
        'status',
        'evidence',
        'cost',
        'staff',
        'reach',
        'partners',
        'prerequisites',
        'openToStudyVisits',
        'openToMentoring',
        'published',
        'updated',
      ],
      overrides: {
        cities: { kind: 'relation', collection: 'cities' },
        themes: { kind: 'relation', collection: 'themes' },
        adaptedFrom: { kind: 'relation', collection: 'practices' },
        targetGroups: { kind: 'target-groups' },
        'period.end': { kind: 'year-or-ongoing', lastYear: currentYear + 10 },
        'contact.url': { kind: 'web-address' },
        'links.url': { kind: 'web-address' },
        methods: { kind: 'relation', collection: 'methods' },
        partners: { kind: 'relation', collection: 'organisations' },
        prerequisites: { kind: 'text-list' },
        'evidence.report': { kind: 'web-address' },
        'images.src': { kind: 'image', folder: 'images/practices' },
        purpose: { kind: 'text' },
        stimulus: { kind: 'markdown' },
        process: { kind: 'markdown' },
        results: { kind: 'markdown' },
        transferability: { kind: 'markdown' },
      },
      defaults: { published: '{{now}}' },
      preview: true,
    },
    {
      ...fromRegistry('methods'),
      // Methods have no date the CMS fills in, so an unwritten translation is already a stub.
      format: 'icc-front-matter',
      sharedFields: METHOD_SHARED_KEYS,
      identifierField: 'name',
      slug: `{{fields.${SLUG_FIELD}}}`,
      create: true,
      delete: true,
      summary: '{{name}}',
      sortableFields: ['name'],
      formOrder: ['name', 'summary', 'themes', 'budget', 'whenToUse', 'steps', 'skills', 'partners', 'time', 'pitfalls', 'evaluation', 'sources'],
      overrides: {
        themes: { kind: 'relation', collection: 'themes' },
        summary: { kind: 'text' },
        whenToUse: { kind: 'markdown' },
        steps: { kind: 'text-list' },
        skills: { kind: 'text' },
        partners: { kind: 'text' },
        time: { kind: 'text' },
        pitfalls: { kind: 'markdown' },
        evaluation: { kind: 'markdown' },
        'sources.url': { kind: 'web-address' },
      },
      preview: false,
    },
    {
      ...fromRegistry('resources'),
      format: 'icc-yaml',
      sharedFields: [],
      identifierField: 'title.en',
      slug: `{{fields.${SLUG_FIELD}}}`,
      create: true,
      delete: true,
      summary: '{{title.{locale}}} ({{year}})',
      sortableFields: ['year', 'kind'],
      formOrder: ['kind', 'title', 'summary', 'year', 'publisher', 'languages', 'url', 'file', 'themes', 'methods', 'practices'],
      overrides: {
        url: { kind: 'web-address' },
        file: { kind: 'file', folder: DOCUMENT_FOLDER },
        themes: { kind: 'relation', collection: 'themes' },
        methods: { kind: 'relation', collection: 'methods' },
        practices: { kind: 'relation', collection: 'practices' },
        ...perLanguage('summary', { kind: 'text' }),
      },
      preview: false,
    },
    {
      ...fromRegistry('activities'),
      format: 'icc-yaml',
      sharedFields: [],
      identifierField: `title.${SOURCE_LANGUAGE}`,
      slug: `{{fields.${SLUG_FIELD}}}`,
      create: true,
      delete: true,
      summary: '{{title.{locale}}} ({{start}})',
      sortableFields: ['start', 'type'],
      formOrder: ['type', 'title', 'description', 'start', 'end', 'timeZone', 'hosts', 'venue', 'online', 'themes', 'practices', 'participants', 'networks', 'organiser', 'registration', 'record'],
      overrides: {
        hosts: { kind: 'relation', collection: 'cities' },
        participants: { kind: 'relation', collection: 'cities' },
        themes: { kind: 'relation', collection: 'themes' },
        practices: { kind: 'relation', collection: 'practices' },
        networks: { kind: 'relation', collection: 'networks' },
        start: { kind: 'local-date-time' },
        end: { kind: 'local-date-time' },
        timeZone: { kind: 'time-zone' },
        'registration.url': { kind: 'web-address' },
        'record.documents.url': { kind: 'web-address' },
        'record.slides': { kind: 'web-address' },
        'record.recording': { kind: 'web-address' },
        ...perLanguage('description', { kind: 'markdown' }),
        ...perLanguage('record.summary', { kind: 'markdown' }),
        ...perLanguage('record.outcomes', { kind: 'markdown' }),
      },
      preview: false,
    },
    {
      ...fromRegistry('cities'),
      format: 'icc-yaml',
      sharedFields: [],
      identifierField: 'name',
      slug: `{{fields.${SLUG_FIELD}}}`,
      create: true,
      delete: true,
      summary: '{{name}} ({{country}})',
      sortableFields: ['name', 'country', 'joined'],
      formOrder: [],
      overrides: {
        country: { kind: 'country' },
        networks: { kind: 'relation', collection: 'networks' },
        website: { kind: 'web-address' },
        ...perLanguage('profile', { kind: 'text' }),
      },
      preview: false,
    },
    {
      ...fromRegistry('index-results'),
      format: 'icc-front-matter',
      sharedFields: [],
      identifierField: 'city',
      slug: '{{fields.city}}-{{fields.edition}}',
      create: true,
      delete: true,
      summary: '{{city}} — {{edition}}',
      sortableFields: ['city', 'edition'],
      formOrder: [],
      overrides: {
        city: { kind: 'relation', collection: 'cities' },
        scores: { kind: 'theme-scores' },
        ...perLanguage('summary', { kind: 'markdown' }),
        'recommendations.theme': { kind: 'relation', collection: 'themes' },
        ...perLanguage('recommendations', { kind: 'text' }),
      },
      preview: false,
    },
    {
      ...fromRegistry('themes'),
      format: 'icc-yaml',
      sharedFields: [],
      identifierField: `label.${SOURCE_LANGUAGE}`,
      slug: `{{fields.${SLUG_FIELD}}}`,
      create: false,
      delete: false,
      summary: '{{label.{locale}}}',
      sortableFields: ['order'],
      formOrder: ['label', 'description', 'group', 'parent', 'versions', 'order'],
      overrides: {
        parent: { kind: 'relation', collection: 'themes' },
        ...perLanguage('description', { kind: 'text' }),
      },
      preview: false,
    },
    {
      ...fromRegistry('networks'),
      format: 'icc-yaml',
      sharedFields: [],
      identifierField: `name.${SOURCE_LANGUAGE}`,
      slug: `{{fields.${SLUG_FIELD}}}`,
      create: true,
      delete: false,
      summary: '{{name.{locale}}}',
      sortableFields: [],
      formOrder: [],
      overrides: {
        country: { kind: 'country' },
        website: { kind: 'web-address' },
        'coordinator.url': { kind: 'web-address' },
        ...perLanguage('description', { kind: 'text' }),
      },
      preview: false,
    },
    {
      ...fromRegistry('organisations'),
      format: 'icc-yaml',
      sharedFields: [],
      identifierField: 'name',
      slug: `{{fields.${SLUG_FIELD}}}`,
      create: true,
      delete: true,
      summary: '{{name}}',
      sortableFields: ['name', 'kind'],
      formOrder: ['name', 'kind', 'country', 'website', 'description'],
      overrides: {
        country: { kind: 'country' },
        website: { kind: 'web-address' },
        ...perLanguage('description', { kind: 'text' }),
      },
      preview: false,
    },
    {
      ...fromRegistry('pages'),
      format: 'icc-front-matter',
      sharedFields: [],
      identifierField: 'title',
      slug: `{{fields.${SLUG_FIELD}}}`,
      // Pages are linked from the site's menus and footer: editors change their text, not the set.
      create: false,
      delete: false,
      summary: '{{title}}',
      sortableFields: [],
      formOrder: [],
      overrides: { description: { kind: 'text' } },
      body: true,
      preview: true,
    },
  ];
}
