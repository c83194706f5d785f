/**
 * Reading and writing content files the way the project stores them, for the CMS (registered as
 * Decap custom formats) and for the CSV import, so both write the same YAML:
 *   - empty values are left out (Decap writes "" for a cleared optional field, which the schemas
 *     rightly reject), and so are the admin's helper fields `_slug` and `_source`;
 *   - keys follow the order of docs/content-model.md;
 *   - lists of ids are written inline (`cities: [bilbao, getxo]`), short groups too
 *     (`period: { start: 2015, end: ongoing }`), long or multi-line text as block literals (`|-`);
 *   - saving a file the CMS read keeps the text of every field that did not change, so a review
 *     of the change (a pull request in the editorial workflow) shows only what the editor did.
 */
import { REGISTERED_LANGUAGES } from '../languages.ts';
import { Document, isMap, isScalar, isSeq, parse, parseDocument, visit, type Node } from 'yaml';
import { TRANSLATED_KEYS } from '../schemas/practice.ts';
import { SLUG_FIELD, SOURCE_FIELD } from './collections.ts';
import { unwrapSoftBreaks } from './soft-breaks.ts';

export const FRONT_MATTER_FORMAT = 'icc-front-matter' as const;
export const PRACTICE_FORMAT = 'icc-practice' as const;
export const YAML_FORMAT = 'icc-yaml' as const;

/** The parts of a practice written in each language; without any of them a file is a translation stub. */
const PRACTICE_TEXT_KEYS = ['title', 'purpose', 'stimulus', 'process', 'results', 'transferability'];

/** Top-level keys in the order the content model documents them (one list serves every collection). */
const KEY_ORDER = [
  'order', 'group', 'parent', 'versions', 'label',
  'title', 'name', 'localName', 'names',
  'city', 'edition', 'date', 'version', 'sampleSize', 'overall', 'scores', 'summary', 'recommendations',
  'country', 'lat', 'lon', 'population', 'foreignBornShare', 'joined', 'international', 'networks',
  'kind', 'year', 'publisher', 'languages', 'url', 'file',
  'cities', 'themes', 'budget', 'targetGroups', 'period', 'adaptedFrom', 'methods', 'practices', 'contact', 'links', 'images',
  'status', 'evidence', 'cost', 'staff', 'reach', 'partners', 'prerequisites', 'openToStudyVisits', 'openToMentoring', 'coordinator', 'published', 'updated',
  'website', 'profile', 'description',
  'purpose', 'stimulus', 'process', 'results', 'transferability',
  'whenToUse', 'steps', 'skills', 'partners', 'time', 'pitfalls', 'evaluation', 'sources',
];

/** Keys of nested groups (period, contact, links, images, localized texts, recommendations). */
const NESTED_KEY_ORDER = ['start', 'end', 'theme', 'label', 'name', 'role', 'email', 'url', 'languages', 'level', 'report', 'src', 'alt', ...REGISTERED_LANGUAGES];

/** Front matter: the same pattern as the content reader (src/lib/content/read-content.ts). */
const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Groups whose keys are all among these may be written on one line. */
const INLINE_MAP_KEYS = new Set<string>(['start', 'end', ...REGISTERED_LANGUAGES]);

/** Text longer than this is written as a block literal. */
const LONG_TEXT = 80;

type Data = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Data =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** Whether a value counts as "not filled in". */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (isPlainObject(value)) return Object.keys(value).length === 0;
  return false;
}

/** Removes empty strings, lists and groups (recursively) and the admin's helper fields; trims text. */
export function pruneEmpty<T>(value: T): T {
  if (typeof value === 'string') return value.replace(/\s+$/, '').replace(/^\s*\n/, '') as T;
  if (Array.isArray(value)) {
    return value.map((item) => pruneEmpty(item)).filter((item) => !isEmpty(item)) as T;
  }
  if (isPlainObject(value)) {
    const result: Data = {};
    for (const [key, child] of Object.entries(value)) {
      if (key === SLUG_FIELD || key === SOURCE_FIELD) continue;
      const pruned = pruneEmpty(child);
      if (!isEmpty(pruned)) result[key] = pruned;
    }
    return result as T;
  }
  return value;
}

function rank(order: readonly string[], key: string): number {
  const index = order.indexOf(key);
  return index === -1 ? order.length : index;
}

function sortKeys(data: Data, order: readonly string[]): Data {
  return Object.fromEntries(
    Object.entries(data)
      .map((entry, index) => ({ entry, index }))
      .sort((a, b) => rank(order, a.entry[0]) - rank(order, b.entry[0]) || a.index - b.index)
      .map(({ entry }) => entry),
  );
}

/** Orders keys: top level by KEY_ORDER, nested groups by NESTED_KEY_ORDER (theme scores keep theirs). */
export function orderKeys(data: Data): Data {
  const nested = (value: unknown, key: string): unknown => {
    if (Array.isArray(value)) return value.map((item) => nested(item, key));
    if (isPlainObject(value) && key !== 'scores') return sortKeys(value, NESTED_KEY_ORDER);
    return value;
  };
  const sorted = sortKeys(data, KEY_ORDER);
  return Object.fromEntries(Object.entries(sorted).map(([key, value]) => [key, nested(value, key)]));
}

/** `{start: 2015}` → `{ start: 2015 }` (maps padded, lists not: the style of the content files). */
const padFlowMaps = (text: string) => text.replace(/^(\s*(?:- |[\w-]+: |'[^']*': ))\{(?! )(.*)(?<! )\}$/gm, '$1{ $2 }');

/** YAML text for an entry: pruned, ordered, inline lists of short values, block literals for long text. */
export function toYaml(data: Data): string {
  const document = new Document(orderKeys(pruneEmpty(data)));
  visit(document, {
    Seq(_, node) {
      if (node.items.every((item) => isScalar(item) && String(item.value).length <= 40)) node.flow = true;
    },
    Map(_, node) {
      // Only periods and short translated labels go inline, like the content files.
      const keys = node.items.map((pair) => String((pair.key as { value: unknown }).value));
      if (!keys.every((key) => INLINE_MAP_KEYS.has(key)) || !node.items.every((pair) => isScalar(pair.value))) return;
      const length = node.items.reduce((sum, pair) => sum + String((pair.value as { value: unknown }).value).length + 4, 0);
      if (length <= 48 && node.items.length <= 3) node.flow = true;
    },
    Scalar(_, node) {
      if (typeof node.value === 'string' && (node.value.includes('\n') || node.value.length > LONG_TEXT)) {
        node.type = 'BLOCK_LITERAL';
      }
    },
  });
  // The document root is a map even when every value is inline.
  if (isMap(document.contents)) document.contents.flow = false;
  if (isSeq(document.contents)) document.contents.flow = false;
  return padFlowMaps(document.toString({ lineWidth: 0, flowCollectionPadding: false, singleQuote: true }));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && sameValue(a[key], b[key]));
  }
  return false;
}

/**
 * `data` written over `original` (the file's YAML as it was read): the text of each top-level
 * field that did not change is kept as it was (comments, folding, quotes); changed and new fields
 * are written in the project's style, new ones in the documented order.
 */
export function updateYaml(original: string, data: Data): string {
  const document = parseDocument(original, { keepSourceTokens: false });
  if (document.errors.length > 0 || !isMap(document.contents) || document.contents.items.length === 0) return toYaml(data);
  const before = pruneEmpty(document.toJS() as Data);
  const next = orderKeys(pruneEmpty(data));
  const items = document.contents.items;
  const starts = items.map((pair) => (pair.key as Node).range?.[0] ?? -1);
  if (starts.some((start, index) => start < 0 || (index > 0 && start <= starts[index - 1]!))) return toYaml(data);
  const spans = new Map<string, string>();
  items.forEach((pair, index) => {
    const text = original.slice(starts[index], starts[index + 1] ?? original.length);
    spans.set(String((pair.key as { value: unknown }).value), text.endsWith('\n') ? text : `${text}\n`);
  });
  // Keys kept in the file's order; a new key goes before the first later key of the documented order.
  const order = [...spans.keys()].filter((key) => key in next);
  for (const key of Object.keys(next)) {
    if (order.includes(key)) continue;
    const position = order.findIndex((other) => rank(KEY_ORDER, other) > rank(KEY_ORDER, key));
    order.splice(position === -1 ? order.length : position, 0, key);
  }
  const head = original.slice(0, starts[0]);
  return (
    head +
    order.map((key) => (sameValue(before[key], next[key]) && spans.has(key) ? spans.get(key)! : toYaml({ [key]: next[key] }))).join('')
  );
}

/** A Markdown file holding everything in its front matter (and an optional body); `original` as for updateYaml. */
export function toFrontMatterFile(data: Data, original?: string): string {
  const { body, ...fields } = data;
  const text = typeof body === 'string' ? body.trim() : '';
  const match = original ? FRONT_MATTER.exec(original) : null;
  const yaml = match ? updateYaml(`${match[1]!}\n`, fields) : toYaml(fields);
  return `---\n${yaml}---\n${text ? `\n${text}\n` : ''}`;
}

/** Reads a Markdown file: front matter fields, plus `body` when there is text after it. */
export function parseFrontMatterFile(text: string): Data {
  const match = FRONT_MATTER.exec(text);
  if (!match) {
    const body = text.trim();
    return body ? { body } : {};
  }
  const parsed: unknown = parse(match[1]!);
  const data: Data = isPlainObject(parsed) ? parsed : {};
  const body = text.slice(match[0].length).trim();
  return body ? { ...data, body } : data;
}

/** Reads a YAML entry file. */
export function parseYamlFile(text: string): Data {
  const parsed: unknown = parse(text.replace(/^\uFEFF/, ''));
  return isPlainObject(parsed) ? parsed : {};
}

/**
 * What a practice file holds: the pruned data, or, when it has no text at all, only the shared
 * fields. Decap fills a new entry's French date with today, so a French version nobody wrote
 * would otherwise be neither a translation nor the stub the content check accepts.
 */
export function practiceFileData(data: Data): Data {
  const pruned = pruneEmpty(data);
  if (PRACTICE_TEXT_KEYS.some((key) => key in pruned)) return pruned;
  return Object.fromEntries(Object.entries(pruned).filter(([key]) => !TRANSLATED_KEYS.includes(key)));
}

/** Texts of recently read files, so saving can keep unchanged fields as they were written. */
class SourceTexts {
  private texts = new Map<number, string>();
  private next = 1;
  private readonly limit: number;
  constructor(limit: number) {
    this.limit = limit;
  }
  remember(text: string): number {
    const id = this.next++;
    this.texts.set(id, text);
    if (this.texts.size > this.limit) this.texts.delete(this.texts.keys().next().value!);
    return id;
  }
  recall(id: unknown): string | undefined {
    return typeof id === 'number' ? this.texts.get(id) : undefined;
  }
}

type FormatName = typeof PRACTICE_FORMAT | typeof FRONT_MATTER_FORMAT | typeof YAML_FORMAT;

/** The top-level Markdown fields of each format's collections (a name Markdown in every collection using the format). */
export function markdownFieldsByFormat(collections: readonly { format: string; fields: readonly { name: string; widget: string }[] }[]): Partial<Record<string, string[]>> {
  const byFormat: Record<string, string[]> = {};
  for (const format of new Set(collections.map((collection) => collection.format))) {
    const using = collections.filter((collection) => collection.format === format);
    const names = new Set(using.flatMap((collection) => collection.fields.filter((field) => field.widget === 'markdown').map((field) => field.name)));
    byFormat[format] = [...names].filter((name) =>
      using.every((collection) => collection.fields.every((field) => field.name !== name || field.widget === 'markdown')),
    );
  }
  return byFormat;
}

/** `data` with the soft line breaks of its Markdown fields joined (what the page shows, soft-breaks.ts). */
export function withUnwrappedMarkdown(data: Data, fields: readonly string[]): Data {
  const result = { ...data };
  for (const field of fields) {
    const value = result[field];
    if (typeof value === 'string') result[field] = unwrapSoftBreaks(value);
  }
  return result;
}

export interface CmsFormat {
  extension: string;
  fromFile(text: string): Data;
  toFile(data: Data): string;
}

/**
 * The Decap custom formats the generated config names. Reading a file tags its data with
 * `_source`, the key of its text in a small cache; writing looks the text up to keep unchanged
 * fields as they were (an entry opened and saved without changes is written back identical).
 * The Markdown fields of each format (markdownFieldsByFormat) are read with their paragraphs'
 * lines joined, so the rich-text editor shows a hard-wrapped paragraph as the page does.
 */
export function createCmsFormats(cacheSize = 500, markdownFields: Partial<Record<string, readonly string[]>> = {}): Record<FormatName, CmsFormat> {
  const sources = new SourceTexts(cacheSize);
  const parsing = (format: FormatName, parseFile: (text: string) => Data) => (text: string) => withUnwrappedMarkdown(parseFile(text), markdownFields[format] ?? []);
  const reading = (parseFile: (text: string) => Data) => (text: string) => ({ ...parseFile(text), [SOURCE_FIELD]: sources.remember(text) });
  const writing = (parseFile: (text: string) => Data, write: (data: Data, original?: string) => string) => (data: Data) => {
    const original = sources.recall(data[SOURCE_FIELD]);
    if (original !== undefined && sameValue(pruneEmpty(data), pruneEmpty(parseFile(original)))) return original;
    return write(data, original);
  };
  const practice = parsing(PRACTICE_FORMAT, parseFrontMatterFile);
  const frontMatter = parsing(FRONT_MATTER_FORMAT, parseFrontMatterFile);
  const yaml = parsing(YAML_FORMAT, parseYamlFile);
  return {
    [PRACTICE_FORMAT]: {
      extension: 'md',
      fromFile: reading(practice),
      toFile: writing(practice, (data, original) => toFrontMatterFile(practiceFileData(data), original)),
    },
    [FRONT_MATTER_FORMAT]: { extension: 'md', fromFile: reading(frontMatter), toFile: writing(frontMatter, toFrontMatterFile) },
    [YAML_FORMAT]: {
      extension: 'yaml',
      fromFile: reading(yaml),
      toFile: writing(yaml, (data, original) => (original === undefined ? toYaml(data) : updateYaml(original, data))),
    },
  };
}
