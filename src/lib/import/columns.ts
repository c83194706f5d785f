/**
 * The column layout of the CSV templates (templates/practices.csv, templates/cities.csv). Column
 * names are the schema's field names (`period.start`, `contact.email`); a practice's texts in
 * another language of the registry go in `<code>.` columns (`fr.title`, `es.contact.role`). A test checks that every schema field has a column, so a field
 * added to a schema cannot be forgotten here.
 */

import { REGISTERED_LANGUAGES, SOURCE_LANGUAGE, REGISTERED_TRANSLATION_LANGUAGES, type Lang } from '../languages.ts';

export type ImportKind = 'practices' | 'cities';

export type ColumnKind =
  /** Text; line breaks inside the cell are kept (Markdown). */
  | 'text'
  /** Several values separated by ";". */
  | 'list'
  | 'integer'
  | 'decimal'
  /** yes/no, true/false, oui/non, 1/0. */
  | 'boolean'
  /** A year, or "ongoing". */
  | 'year-or-ongoing'
  /** "Label https://address; Other label https://address" */
  | 'links'
  /** YYYY-MM-DD */
  | 'date'
  /** The file name, when it should not be made from the title or name. */
  | 'file-name'
  /** An ISO country code or a country's name. */
  | 'country';

export type ReferenceKind = 'cities' | 'themes' | 'target-groups' | 'networks' | 'practices' | 'methods' | 'organisations';

export interface ColumnSpec {
  /** Header of the column. */
  name: string;
  /** Field the column fills, as a dotted path (in the translation for `<code>.` columns). */
  field: string;
  /** The column must be in the header row (its cells may still be empty when the field is optional). */
  required: boolean;
  kind: ColumnKind;
  /** For lists of ids: what they refer to. */
  reference?: ReferenceKind;
  /** The translation of a practice this column fills (`fr.title`); the English version when absent. */
  lang?: Lang;
}

const column = (name: string, kind: ColumnKind, required: boolean, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  name,
  field: name,
  kind,
  required,
  ...extra,
});

const translated = (lang: Lang, field: string, kind: ColumnKind): ColumnSpec => ({ name: `${lang}.${field}`, field, kind, required: false, lang });

/** The texts of a practice written in each language, as they are imported. */
const TRANSLATED_COLUMNS: [string, ColumnKind][] = [
  ['title', 'text'],
  ['purpose', 'text'],
  ['stimulus', 'text'],
  ['process', 'text'],
  ['results', 'text'],
  ['transferability', 'text'],
  ['contact.name', 'text'],
  ['contact.role', 'text'],
  ['links', 'links'],
  ['prerequisites', 'list'],
];

export const PRACTICE_COLUMNS: readonly ColumnSpec[] = [
  column('id', 'file-name', false, { field: '' }),
  column('title', 'text', true),
  column('cities', 'list', true, { reference: 'cities' }),
  column('themes', 'list', true, { reference: 'themes' }),
  column('targetGroups', 'list', true, { reference: 'target-groups' }),
  column('period.start', 'integer', true),
  column('period.end', 'year-or-ongoing', true),
  column('purpose', 'text', true),
  column('stimulus', 'text', true),
  column('process', 'text', true),
  column('results', 'text', true),
  column('transferability', 'text', true),
  column('contact.name', 'text', false),
  column('contact.role', 'text', false),
  column('contact.email', 'text', false),
  column('contact.url', 'text', false),
  column('contact.languages', 'list', false),
  column('links', 'links', false),
  column('adaptedFrom', 'list', false, { reference: 'practices' }),
  column('methods', 'list', false, { reference: 'methods' }),
  // The coded facts: values of the fixed lists (docs/content-model.md), checked by the schema.
  column('status', 'text', false),
  column('evidence.level', 'text', false),
  column('evidence.report', 'text', false),
  column('cost', 'text', false),
  column('staff', 'text', false),
  column('reach', 'text', false),
  column('partners', 'list', false, { reference: 'organisations' }),
  column('prerequisites', 'list', false),
  column('openToStudyVisits', 'boolean', false),
  column('openToMentoring', 'boolean', false),
  column('published', 'date', false),
  column('updated', 'date', false),
  ...REGISTERED_TRANSLATION_LANGUAGES.flatMap((lang) => TRANSLATED_COLUMNS.map(([field, kind]) => translated(lang, field, kind))),
];

/** Schema fields the practice CSV does not carry, and why (checked by the drift test). */
export const PRACTICE_FIELDS_NOT_IMPORTED: Record<string, string> = {
  images: 'pictures are files: add them in the CMS or by hand after the import',
};

export const CITY_COLUMNS: readonly ColumnSpec[] = [
  column('id', 'file-name', false, { field: '' }),
  column('name', 'text', true),
  column('localName', 'text', false),
  ...REGISTERED_TRANSLATION_LANGUAGES.map((lang) => column(`names.${lang}`, 'text', false)),
  column('country', 'country', true),
  column('lat', 'decimal', true),
  column('lon', 'decimal', true),
  column('population', 'integer', true),
  column('foreignBornShare', 'decimal', false),
  column('joined', 'integer', true),
  column('international', 'boolean', true),
  column('networks', 'list', false, { reference: 'networks' }),
  column('website', 'text', false),
  ...REGISTERED_LANGUAGES.map((lang) => column(`profile.${lang}`, 'text', lang === SOURCE_LANGUAGE)),
  column('coordinator.email', 'text', false),
  column('coordinator.languages', 'list', false),
  column('openToStudyVisits', 'boolean', false),
  column('openToMentoring', 'boolean', false),
  // The membership steps, for the city's journey: optional (most cities leave them empty).
  column('membership.demonstration', 'boolean', false),
  ...(['request', 'questionnaire', 'report', 'expertVisit', 'strategy'] as const).map((step) => column(`membership.${step}`, 'date', false)),
];

export const COLUMNS: Record<ImportKind, readonly ColumnSpec[]> = { practices: PRACTICE_COLUMNS, cities: CITY_COLUMNS };

/** Header names are matched without case, spaces or punctuation: "Period start" is period.start. */
export const headerKey = (name: string) => name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');

/** Names a header may use for a column: `fr.title` may also be written `title_fr` or `title (fr)`. */
export function columnAliases(spec: ColumnSpec): string[] {
  const keys = [headerKey(spec.name)];
  if (spec.lang) keys.push(headerKey(`${spec.field}${spec.lang}`));
  if (spec.kind === 'file-name') keys.push('slug', 'filename');
  return keys;
}
