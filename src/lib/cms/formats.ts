/**
 * Reading and writing content files the way the project stores them, for the CMS (registered as
 * Decap custom formats) and for the CSV import, so both write the same YAML:
 *   - empty values are left out (Decap writes "" for a cleared optional field, which the schemas
 *     rightly reject), and so is the admin's helper field `_slug`;
 *   - keys follow the order of docs/content-model.md;
 *   - lists of ids and short groups are written inline (`cities: [bilbao, getxo]`), long or
 *     multi-line text as block literals (`|-`), so files stay readable in a diff.
 */
import { Document, isMap, isScalar, isSeq, parse, visit } from 'yaml';
import { TRANSLATED_KEYS } from '../schemas/practice.ts';
import { SLUG_FIELD } from './collections.ts';

export const FRONT_MATTER_FORMAT = 'icc-front-matter';
export const PRACTICE_FORMAT = 'icc-practice';
export const YAML_FORMAT = 'icc-yaml';

/** The parts of a practice written in each language; without any of them a file is a translation stub. */
const PRACTICE_TEXT_KEYS = ['title', 'purpose', 'stimulus', 'process', 'results', 'transferability'];

/** Top-level keys in the order the content model documents them (one list serves every collection). */
const KEY_ORDER = [
  'order', 'group', 'parent', 'versions', 'label',
  'title', 'name', 'localName', 'nameFr',
  'city', 'edition', 'date', 'version', 'sampleSize', 'overall', 'scores', 'summary', 'recommendations',
  'country', 'lat', 'lon', 'population', 'foreignBornShare', 'joined', 'international', 'networks',
  'cities', 'themes', 'targetGroups', 'period', 'adaptedFrom', 'contact', 'links', 'images', 'published', 'updated',
  'website', 'profile', 'description',
  'purpose', 'stimulus', 'process', 'results', 'transferability',
];

/** Keys of nested groups (period, contact, links, images, localized texts, recommendations). */
const NESTED_KEY_ORDER = ['start', 'end', 'theme', 'label', 'name', 'role', 'email', 'url', 'src', 'alt', 'en', 'fr'];

/** Front matter: the same pattern as the content reader (src/lib/content/read-content.ts). */
const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

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

/** Removes empty strings, lists and groups (recursively) and the admin's `_slug`; trims text. */
export function pruneEmpty<T>(value: T): T {
  if (typeof value === 'string') return value.replace(/\s+$/, '').replace(/^\s*\n/, '') as T;
  if (Array.isArray(value)) {
    return value.map((item) => pruneEmpty(item)).filter((item) => !isEmpty(item)) as T;
  }
  if (isPlainObject(value)) {
    const result: Data = {};
    for (const [key, child] of Object.entries(value)) {
      if (key === SLUG_FIELD) continue;
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

/** YAML text for an entry: pruned, ordered, inline lists of short values, block literals for long text. */
export function toYaml(data: Data): string {
  const document = new Document(orderKeys(pruneEmpty(data)));
  visit(document, {
    Seq(_, node) {
      if (node.items.every((item) => isScalar(item) && String(item.value).length <= 40)) node.flow = true;
    },
    Map(_, node) {
      if (!node.items.every((pair) => isScalar(pair.value))) return;
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
  return document.toString({ lineWidth: 0, flowCollectionPadding: false, singleQuote: true });
}

/** A Markdown file holding everything in its front matter (and an optional body). */
export function toFrontMatterFile(data: Data): string {
  const { body, ...fields } = data;
  const text = typeof body === 'string' ? body.trim() : '';
  return `---\n${toYaml(fields)}---\n${text ? `\n${text}\n` : ''}`;
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

/** The Decap custom formats the generated config names. */
export const cmsFormats = {
  [PRACTICE_FORMAT]: { extension: 'md', fromFile: parseFrontMatterFile, toFile: (data: Data) => toFrontMatterFile(practiceFileData(data)) },
  [FRONT_MATTER_FORMAT]: { extension: 'md', fromFile: parseFrontMatterFile, toFile: toFrontMatterFile },
  [YAML_FORMAT]: { extension: 'yaml', fromFile: parseYamlFile, toFile: toYaml },
} as const;
