/**
 * Compares a generated CMS configuration with the zod schemas, field by field, by asking the
 * schemas (not the JSON Schema the generator reads): does the schema know this field, complain
 * when it is left out, accept the CMS's minimum and refuse one less, accept every option the
 * select offers and refuse others, agree with the pattern the form checks while typing?
 * Returns one readable line per disagreement.
 */
import { z } from 'zod';
import type { CmsConfig, CmsField } from '../../../src/lib/cms/generate-config.ts';

type Data = Record<string, unknown>;
type Path = (string | number)[];

export interface DriftSubject {
  schema: z.ZodType;
  /** A complete, valid entry with every optional field and one item in every list. */
  sample: Data;
  /** The CMS also edits the Markdown text after the front matter (`body`), which no schema holds. */
  body?: boolean;
}

const clone = <T>(value: T): T => structuredClone(value);

function setAt(data: Data, path: Path, value: unknown): Data {
  const copy = clone(data);
  let node: any = copy;
  for (const part of path.slice(0, -1)) node = node[part];
  node[path.at(-1)!] = value;
  return copy;
}

function deleteAt(data: Data, path: Path): Data {
  const copy = clone(data);
  let node: any = copy;
  for (const part of path.slice(0, -1)) node = node[part];
  if (Array.isArray(node)) node.splice(Number(path.at(-1)), 1);
  else delete node[path.at(-1)!];
  return copy;
}

function getAt(data: Data, path: Path): unknown {
  let node: any = data;
  for (const part of path) node = node?.[part];
  return node;
}

const samePath = (a: readonly PropertyKey[], b: Path) => a.length >= b.length && b.every((part, index) => a[index] === part);

/** Whether the schema complains about the field at `path` (problems elsewhere in the entry are ignored). */
function complains(schema: z.ZodType, data: Data, path: Path): boolean {
  const result = schema.safeParse(data);
  if (result.success) return false;
  return result.error.issues.some((issue) => samePath(issue.path, path) || (issue.code === 'unrecognized_keys' && samePath(issue.path, path.slice(0, -1))));
}

/** The object schema inside optional/default/pipe wrappers, or undefined for a non-object. */
function objectKeys(schema: z.ZodType | undefined): string[] | undefined {
  let node: any = schema;
  for (let depth = 0; node && depth < 10; depth++) {
    const def = node._zod.def;
    if (def.type === 'object') return Object.keys(def.shape);
    if (def.type === 'array') node = def.element;
    else if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'readonly') node = def.innerType;
    else if (def.type === 'pipe') node = def.out;
    else return undefined;
  }
  return undefined;
}

function childSchema(schema: z.ZodType, key: string): z.ZodType | undefined {
  let node: any = schema;
  for (let depth = 0; node && depth < 10; depth++) {
    const def = node._zod.def;
    if (def.type === 'object') return def.shape[key];
    if (def.type === 'array') node = def.element;
    else if (['optional', 'default', 'nullable', 'readonly'].includes(def.type)) node = def.innerType;
    else if (def.type === 'pipe') node = def.out;
    else return undefined;
  }
  return undefined;
}

const isRecordSchema = (schema: z.ZodType | undefined): boolean => {
  let node: any = schema;
  while (node && ['optional', 'default'].includes(node._zod.def.type)) node = node._zod.def.innerType;
  return node?._zod.def.type === 'record';
};

/** Strings to try against every pattern the form checks: the form and the schema must agree on each. */
const PATTERN_PROBES = ['https://example.org/page', 'http://example.org', 'example.org', 'www.example.org', 'ftp://example.org', 'name@city.org', 'name@city', 'name city@x.org', 'x', '2025-05-14T09:30', '2025-05-14 09:30', '2025-05-14'];

function checkField(subject: DriftSubject, field: CmsField, path: Path, where: string, drift: string[], parentSchema: z.ZodType): void {
  const { schema, sample } = subject;
  const name = `${where}.${path.filter((part) => typeof part === 'string').join('.')}`;
  const say = (message: string) => drift.push(`${name}: ${message}`);
  const fieldSchema = childSchema(parentSchema, field.name);
  const insideRecord = isRecordSchema(parentSchema);
  if (!fieldSchema && !insideRecord) {
    say('is in the CMS but not in the schema: remove it from the CMS or add it to the schema');
    return;
  }
  if (getAt(sample, path) === undefined) {
    say('has no value in the test sample: add one so the field can be compared');
    return;
  }
  const complainsWith = (value: unknown) => complains(schema, setAt(sample, path, value), path);

  const required = field.required !== false;
  const missingRefused = complains(schema, deleteAt(sample, path), path);
  if (required && !missingRefused) say('is required in the CMS but the schema accepts it missing');
  if (!required && missingRefused) say('is optional in the CMS but the schema requires it');

  switch (field.widget) {
    case 'number': {
      const step = field.value_type === 'int' ? 1 : 0.001;
      if (field.min !== undefined) {
        if (complainsWith(field.min)) say(`the CMS allows ${field.min} (min) but the schema refuses it`);
        if (!complainsWith(field.min - step)) say(`the CMS refuses less than ${field.min} (min) but the schema accepts ${field.min - step}`);
      } else if (complainsWith(-1e12)) say('the schema has a lower bound the CMS does not show (add min)');
      if (field.max !== undefined) {
        if (complainsWith(field.max)) say(`the CMS allows ${field.max} (max) but the schema refuses it`);
        if (!complainsWith(field.max + step)) say(`the CMS refuses more than ${field.max} (max) but the schema accepts ${field.max + step}`);
      } else if (complainsWith(1e12)) say('the schema has an upper bound the CMS does not show (add max)');
      const low = field.min ?? 0;
      if (field.value_type === 'int' && !complainsWith(low + 0.5)) say('the CMS takes whole numbers only but the schema accepts decimals');
      if (field.value_type === 'float' && complainsWith(low + 0.25)) say('the CMS takes decimals but the schema refuses them');
      break;
    }
    case 'select': {
      const options = field.options ?? [];
      const wrap = (value: unknown) => (field.multiple ? [value] : value);
      for (const option of options) {
        if (complainsWith(wrap(option.value))) say(`the CMS offers "${option.value}" but the schema refuses it`);
      }
      if (!complainsWith(wrap('not-an-option'))) say('the schema accepts values the CMS does not offer ("not-an-option")');
      const years = options.map((option) => option.value).filter((value): value is number => typeof value === 'number');
      if (years.length > 0 && !complainsWith(wrap(Math.max(...years) + 1))) {
        say(`the CMS offers up to ${Math.max(...years)} but the schema accepts ${Math.max(...years) + 1}`);
      }
      if (field.multiple) {
        const emptyRefused = complainsWith([]);
        if ((field.min ?? 0) >= 1 && !emptyRefused) say('the CMS requires a choice (min) but the schema accepts an empty list');
        if ((field.min ?? 0) === 0 && emptyRefused) say('the schema requires a choice but the CMS has no min');
      }
      break;
    }
    case 'relation': {
      const value = getAt(sample, path);
      if (Boolean(field.multiple) !== Array.isArray(value)) say(`the CMS ${field.multiple ? 'picks several' : 'picks one'} but the schema holds ${Array.isArray(value) ? 'a list' : 'one value'}`);
      if (!complainsWith(field.multiple ? ['Not an id'] : 'Not an id')) say('the schema accepts any text: a relation must hold ids');
      if (field.multiple) {
        const emptyRefused = complainsWith([]);
        if ((field.min ?? 0) >= 1 && !emptyRefused) say('the CMS requires a choice (min) but the schema accepts none');
        if ((field.min ?? 0) === 0 && emptyRefused) say('the schema requires a choice but the CMS has no min');
      }
      break;
    }
    case 'datetime':
      if (complainsWith('2024-03-01')) say('the CMS writes YYYY-MM-DD dates but the schema refuses "2024-03-01"');
      if (!complainsWith('01/03/2024')) say('the schema accepts dates the CMS would never write ("01/03/2024")');
      break;
    case 'boolean':
      if (complainsWith(true) || complainsWith(false)) say('the CMS writes true/false but the schema refuses one of them');
      if (!complainsWith('yes')) say('the schema accepts text in a true/false field');
      break;
    case 'image':
      if (complainsWith(`${field.public_folder}/picture.jpg`)) say(`the CMS stores pictures under ${field.public_folder} but the schema refuses them`);
      if (field.media_folder !== `/public${field.public_folder}`) say(`media_folder ${field.media_folder} is not where ${field.public_folder} is served from`);
      if (!complainsWith('https://example.org/picture.jpg')) say('the schema accepts remote pictures but the CMS does not offer them');
      break;
    case 'file':
      if (complainsWith(`${field.public_folder}/document.pdf`)) say(`the CMS stores files under ${field.public_folder} but the schema refuses them`);
      if (field.media_folder !== `/public${field.public_folder}`) say(`media_folder ${field.media_folder} is not where ${field.public_folder} is served from`);
      if (!complainsWith(`${field.public_folder}/program.exe`)) say('the schema accepts files that are not PDF documents');
      break;
    case 'string':
    case 'text':
    case 'markdown': {
      if (complainsWith('A sentence written by an editor.') && !field.pattern) say('the CMS takes any text but the schema refuses plain text');
      if (required && !complainsWith('')) say('is required in the CMS but the schema accepts it empty');
      if (field.pattern) {
        const pattern = new RegExp(field.pattern[0]);
        for (const probe of PATTERN_PROBES) {
          if (pattern.test(probe) === complainsWith(probe)) {
            say(`the CMS ${pattern.test(probe) ? 'accepts' : 'refuses'} "${probe}" but the schema ${pattern.test(probe) ? 'refuses' : 'accepts'} it`);
          }
        }
      }
      break;
    }
    case 'object':
    case 'list':
      break;
    default:
      say(`uses widget "${field.widget}", which this comparison does not know: teach it in test/lib/cms/config-drift.ts`);
  }

  if (field.fields && fieldSchema) {
    const item: Path = field.widget === 'list' ? [...path, 0] : path;
    checkFields(subject, field.fields, item, where, drift, fieldSchema);
  }
}

function checkFields(subject: DriftSubject, fields: readonly CmsField[], path: Path, where: string, drift: string[], schema: z.ZodType): void {
  if (!isRecordSchema(schema)) {
    const keys = objectKeys(schema) ?? [];
    const names = new Set(fields.map((field) => field.name));
    const prefix = `${where}${path.filter((part) => typeof part === 'string').map((part) => `.${part}`).join('')}`;
    for (const key of keys) {
      if (!names.has(key)) drift.push(`${prefix}.${key}: is in the schema but not in the CMS: editors cannot fill it in`);
    }
  }
  for (const field of fields) checkField(subject, field, [...path, field.name], where, drift, schema);
}

/** Every disagreement between the config's collections and the schemas, one line each. */
export function configDrift(config: CmsConfig, subjects: Record<string, DriftSubject>): string[] {
  const drift: string[] = [];
  for (const collection of config.collections) {
    const subject = subjects[collection.name];
    if (!subject) {
      drift.push(`${collection.name}: no schema to compare with`);
      continue;
    }
    const parsed = subject.schema.safeParse(subject.sample);
    if (!parsed.success) {
      drift.push(`${collection.name}: the test sample is not valid: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
      continue;
    }
    // Rules between top-level fields (a 2019 edition uses the 2019 version; "updated" after
    // "published") are not a single field's range: the admin checks them before saving.
    const fieldsOnly = z.strictObject((subject.schema as unknown as z.ZodObject).shape);
    const fields = collection.fields.filter((field) => !(subject.body && field.name === 'body' && field.widget === 'markdown'));
    if (subject.body && fields.length === collection.fields.length) drift.push(`${collection.name}: the text after the front matter (body) is not in the CMS`);
    checkFields({ schema: fieldsOnly, sample: subject.sample }, fields, [], collection.name, drift, fieldsOnly);
  }
  for (const name of Object.keys(subjects)) {
    if (!config.collections.some((collection) => collection.name === name)) drift.push(`${name}: has a schema but no CMS collection`);
  }
  return drift;
}
