/**
 * The public "Share a practice" form, as data: its fields (named after the columns of the import
 * template, templates/practices.csv, so that what the form sends is an import row), how the
 * values typed become a practice, and the problems of each field, checked with the very schema
 * and messages of the content check (practiceSchema, problemsFromIssues). Used by the page, by
 * its island in the browser, and by the import of a mailed submission (form-submission.ts).
 * Pure and browser-safe: no file access.
 */
import { problemsFromIssues } from '../content/problems.ts';
import { resolveReference, type ReferenceIndex } from '../import/references.ts';
import { SOURCE_LANGUAGE, type Lang } from '../languages.ts';
import { practiceSchema } from '../schemas/practice.ts';

export type ShareControl = 'input' | 'textarea' | 'number' | 'email' | 'url' | 'checkboxes' | 'cities';

export interface ShareField {
  /** The practice field, as a dotted path (`period.start`). */
  field: string;
  control: ShareControl;
  required: boolean;
  /** Written in the language of the page (a `fr.` column on the French page). */
  translated: boolean;
}

const field = (name: string, control: ShareControl, required: boolean, translated = false): ShareField => ({ field: name, control, required, translated });

/** The form's fields, in order. Images and methods are left to the editors. */
export const SHARE_FIELDS: readonly ShareField[] = [
  field('title', 'input', true, true),
  field('cities', 'cities', true),
  field('period.start', 'number', true),
  field('period.end', 'input', true),
  field('themes', 'checkboxes', true),
  field('targetGroups', 'checkboxes', true),
  field('purpose', 'textarea', true, true),
  field('stimulus', 'textarea', true, true),
  field('process', 'textarea', true, true),
  field('results', 'textarea', true, true),
  field('transferability', 'textarea', true, true),
  field('links', 'textarea', false, true),
  field('contact.name', 'input', false, true),
  field('contact.role', 'input', false, true),
  field('contact.email', 'email', false),
  field('contact.url', 'url', false),
];

/** The column (and form control name) of a field on the page in `lang`: `title`, or `fr.title`. */
export function columnName(share: ShareField, lang: Lang): string {
  return share.translated && lang !== SOURCE_LANGUAGE ? `${lang}.${share.field}` : share.field;
}

/** What the form holds: control name to its values (several for checkboxes). */
export type ShareValues = Readonly<Record<string, readonly string[]>>;

export interface ShareContext {
  lang: Lang;
  /** Member cities, by id and every name (ids, English, local and translated names). */
  cities: ReferenceIndex;
  /** Date written as `published` (YYYY-MM-DD). */
  today: string;
}

const splitList = (raw: string) =>
  raw
    .split(/[;\n]/)
    .map((item) => item.trim())
    .filter(Boolean);

/** `Label https://address`, one a line or separated by ";", as in the import template. */
function parseLinks(raw: string): { label?: string; url?: string }[] {
  return splitList(raw).map((item) => {
    const match = /^(.*?)\s*<?(https?:\/\/\S+?)>?$/.exec(item);
    if (!match) return { label: item };
    const label = match[1]!.replace(/[:\-–—|]\s*$/, '').trim();
    return { ...(label ? { label } : {}), url: match[2] };
  });
}

function parseYear(raw: string): number | string | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  if (/^ongoing$/i.test(text)) return 'ongoing';
  return /^\d+$/.test(text) ? Number(text) : text;
}

/** A problem of the form: the control it belongs to and the message. */
export interface ShareProblem {
  name: string;
  message: string;
}

/**
 * The practice the form describes, and every problem, by control name. The messages are the
 * content check's, word for word (the schema's, with "(found …)" as problemsFromIssues adds it).
 */
export function checkShare(values: ShareValues, context: ShareContext): { data: Record<string, unknown>; problems: ShareProblem[] } {
  const { lang } = context;
  const nameOf = (path: string) => columnName(SHARE_FIELDS.find((share) => share.field === path) ?? field(path, 'input', false), lang);
  const one = (path: string) => (values[nameOf(path)] ?? []).join('\n').trim();
  const problems: ShareProblem[] = [];
  const data: Record<string, unknown> = { published: context.today };

  for (const name of ['title', 'purpose', 'stimulus', 'process', 'results', 'transferability']) {
    const value = one(name);
    if (value) data[name] = value;
  }
  const cityNames = splitList(one('cities'));
  if (cityNames.length > 0) {
    data.cities = cityNames.map((raw) => {
      const resolved = resolveReference(raw, context.cities);
      if ('id' in resolved) return resolved.id;
      problems.push({ name: nameOf('cities'), message: `${resolved.problem}: write a member city's name, or ask the programme to add your city first` });
      return raw;
    });
  }
  for (const name of ['themes', 'targetGroups']) {
    const list = (values[name] ?? []).map((value) => value.trim()).filter(Boolean);
    if (list.length > 0) data[name] = list;
  }
  const start = parseYear(one('period.start'));
  const end = parseYear(one('period.end'));
  if (start !== undefined || end !== undefined) data.period = { ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}) };
  const contact = Object.fromEntries(
    ['name', 'role', 'email', 'url'].map((part) => [part, one(`contact.${part}`)]).filter(([, value]) => value),
  );
  if (Object.keys(contact).length > 0) data.contact = contact;
  const links = one('links');
  if (links) data.links = parseLinks(links);

  const result = practiceSchema.safeParse(data, { reportInput: true });
  if (!result.success) {
    for (const problem of problemsFromIssues('', result.error.issues, [])) {
      // `links[0].url` belongs to the links box; `period.end` and `contact.email` to their own.
      const top = problem.field.replace(/\[\d+\].*$/, '');
      const path = /^(period|contact)\./.test(top) ? top.split('.').slice(0, 2).join('.') : top.split('.')[0]!;
      const name = nameOf(path);
      // An unknown city is reported once, with the suggestion, not again as a malformed id.
      if (name === nameOf('cities') && problems.some((known) => known.name === name)) continue;
      problems.push({ name, message: problem.message });
    }
  }
  return { data, problems };
}

/**
 * The import cell of a control's values: checkboxes and links joined with "; " (the import
 * template's list separator), other texts kept with their line breaks (Markdown).
 */
export function importCell(name: string, values: readonly string[]): string {
  const list = values.map((value) => value.trim()).filter(Boolean);
  if (/(^|\.)links$/.test(name)) return list.flatMap(splitList).join('; ');
  if (name === 'themes' || name === 'targetGroups' || name === 'cities') return list.flatMap(splitList).join('; ');
  return list.join('\n');
}

const csvCell = (value: string) => (/[",;\n\r\t]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * The submission as a CSV file for `npm run import -- practices <file>`: a header of the form's
 * columns and one row, lists joined with "; " as the template writes them.
 */
export function shareCsv(values: ShareValues, lang: Lang): string {
  const columns = SHARE_FIELDS.map((share) => columnName(share, lang));
  return `${columns.join(',')}\r\n${columns.map((name) => csvCell(importCell(name, values[name] ?? []))).join(',')}\r\n`;
}
