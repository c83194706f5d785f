/**
 * Generates the Decap CMS configuration from the zod schemas, so the CMS cannot drift from what
 * the content check accepts: field names, required fields, types, number ranges and options all
 * come from `z.toJSONSchema()` of each schema. What a schema cannot say (a list of ids is a link
 * to cities; a text is Markdown) comes from collections.ts, and every label and hint from
 * labels.ts, in every registered language. A schema construct without a mapping throws, naming the
 * field, instead of producing a form that saves invalid files.
 */
import { z } from 'zod';
import { COUNTRY_CODES, countryName } from '../countries.ts';
import { t, type UiKey } from '../i18n.ts';
import { REGISTERED_LANGUAGES, SOURCE_LANGUAGE, REGISTERED_TRANSLATION_LANGUAGES, inLanguage, type LocalizedText } from '../languages.ts';
import { LOCAL_DATE_TIME, TIME_ZONES } from '../local-time.ts';
import { MEDIA_FOLDER, MEDIA_PUBLIC_PATH } from '../media.ts';
import { EMAIL_PATTERN } from '../schemas/fields.ts';
import { TARGET_GROUPS } from '../target-groups.ts';
import type { BackendSettings, LocalBackend } from './backend.ts';
import { cmsCollectionSpecs, type CmsCollectionSpec, type WidgetOverride } from './collections.ts';
import {
  PATTERN_TEXT,
  SCORE_HINT,
  collectionText,
  fieldLabelKey,
  fieldText as labelsOf,
  optionText,
  type CmsLocale,
  type FieldText,
  type Localized,
} from './labels.ts';

/** A Decap field; only the keys this project uses are typed. */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  hint?: string;
  required?: boolean;
  i18n?: boolean | 'duplicate';
  default?: unknown;
  fields?: CmsField[];
  /** A list of single values (Decap list widget with one `field`). */
  field?: CmsField;
  options?: { label: string; value: string | number }[];
  multiple?: boolean;
  min?: number;
  max?: number;
  value_type?: 'int' | 'float';
  step?: number;
  pattern?: [string, string];
  collection?: string;
  value_field?: string;
  search_fields?: string[];
  display_fields?: string[];
  options_length?: number;
  collapsed?: boolean;
  summary?: string;
  format?: string;
  date_format?: string;
  time_format?: boolean;
  picker_utc?: boolean;
  choose_url?: boolean;
  media_folder?: string;
  public_folder?: string;
  buttons?: string[];
  editor_components?: string[];
  modes?: string[];
}

export interface CmsCollection {
  name: string;
  label: string;
  label_singular: string;
  description: string;
  folder: string;
  extension: string;
  format: string;
  create: boolean;
  delete: boolean;
  slug: string;
  identifier_field: string;
  summary: string;
  /** The first is the list's default order (Decap sorts by file name otherwise, which looks random). */
  sortable_fields: (string | { field: string; default_sort: true })[];
  preview_path?: string;
  i18n?: boolean;
  editor: { preview: boolean };
  fields: CmsField[];
}

export interface CmsConfig {
  locale: CmsLocale;
  backend: Record<string, unknown>;
  local_backend: LocalBackend;
  publish_mode?: 'editorial_workflow';
  site_url?: string;
  display_url?: string;
  logo: { src: string; show_in_header: boolean };
  media_folder: string;
  public_folder: string;
  slug: { encoding: 'ascii'; clean_accents: boolean; sanitize_replacement: string };
  i18n: { structure: 'multiple_folders'; locales: string[]; default_locale: string };
  collections: CmsCollection[];
}

/** A theme as the score fields of Index results need it. */
export interface ThemeOption {
  id: string;
  order: number;
  label: LocalizedText;
  versions: string[];
}

export interface GenerateOptions {
  locale: CmsLocale;
  backend: BackendSettings;
  /** Themes, for the per-theme score fields of Index results. */
  themes: readonly ThemeOption[];
  /** Public address of the site ("View live" links). */
  siteUrl?: string;
  currentYear: number;
  /** Replaces the built-in collection specs (tests use it to add a field). */
  specs?: CmsCollectionSpec[];
}

export class CmsConfigError extends Error {}

/** The subset of JSON Schema that zod emits for the project's schemas. */
interface JsonNode {
  type?: string;
  properties?: Record<string, JsonNode>;
  required?: string[];
  additionalProperties?: JsonNode | boolean;
  items?: JsonNode;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  enum?: (string | number)[];
  anyOf?: JsonNode[];
  const?: unknown;
  default?: unknown;
}

const DATE_PATTERN = String.raw`^\d{4}-\d{2}-\d{2}$`;
const WEB_ADDRESS_PATTERN = String.raw`^https:\/\/\S+$`;

const MARKDOWN_BUTTONS = ['bold', 'italic', 'link', 'heading-three', 'heading-four', 'bulleted-list', 'numbered-list', 'quote'];

interface Context {
  spec: CmsCollectionSpec;
  options: GenerateOptions;
}

const localized = (text: Localized, locale: CmsLocale) => text[locale];

function fieldText(context: Context, path: string): FieldText {
  const text = labelsOf(context.spec.name, path);
  if (!text) {
    throw new CmsConfigError(
      `${context.spec.name}: field "${path}" has no label for the CMS: add "${fieldLabelKey(context.spec.name, path)}" to src/translations/en.json and every other language file (see src/lib/cms/labels.ts)`,
    );
  }
  return text;
}

function optionLabel(value: string | number, locale: CmsLocale): string {
  const text = optionText(String(value));
  return text ? text[locale] : String(value);
}

function relationField(collection: string, locale: CmsLocale): Partial<CmsField> {
  switch (collection) {
    case 'cities':
      return { search_fields: ['name', 'localName', ...REGISTERED_TRANSLATION_LANGUAGES.map((code) => `names.${code}`)], display_fields: ['name'] };
    case 'themes':
      return { search_fields: REGISTERED_LANGUAGES.map((code) => `label.${code}`), display_fields: [`label.${locale}`] };
    case 'networks':
      return { search_fields: REGISTERED_LANGUAGES.map((code) => `name.${code}`), display_fields: [`name.${locale}`] };
    case 'methods':
    case 'organisations':
      return { search_fields: ['name'], display_fields: ['name'] };
    default:
      return { search_fields: ['title'], display_fields: ['title'] };
  }
}

const isSafeBound = (value: number | undefined): value is number =>
  value !== undefined && Math.abs(value) < Number.MAX_SAFE_INTEGER;

function numberRange(node: JsonNode): Pick<CmsField, 'min' | 'max'> {
  return {
    ...(isSafeBound(node.minimum) ? { min: node.minimum } : {}),
    ...(isSafeBound(node.maximum) ? { max: node.maximum } : {}),
  };
}

function widgetFromOverride(
  context: Context,
  path: string,
  override: WidgetOverride,
  node: JsonNode,
  parent: JsonNode | undefined,
): Partial<CmsField> {
  const { locale } = context.options;
  const isList = node.type === 'array';
  const listLimits = isList && node.minItems ? { min: node.minItems } : {};
  switch (override.kind) {
    case 'relation':
      return {
        widget: 'relation',
        collection: override.collection,
        value_field: '{{slug}}',
        ...relationField(override.collection, locale),
        options_length: 100,
        ...(isList ? { multiple: true, ...listLimits } : {}),
      };
    case 'markdown':
      return {
        widget: 'markdown',
        buttons: MARKDOWN_BUTTONS,
        editor_components: [],
        modes: ['rich_text', 'raw'],
      };
    case 'text':
      return { widget: 'text' };
    case 'country':
      return {
        widget: 'select',
        options: [...COUNTRY_CODES]
          .map((code) => ({ label: `${countryName(code, locale)} (${code})`, value: code }))
          .sort((a, b) => a.label.localeCompare(b.label, locale)),
      };
    case 'web-address':
      return { widget: 'string', pattern: [WEB_ADDRESS_PATTERN, PATTERN_TEXT.webAddress[locale]] };
    case 'local-date-time':
      // Text, not Decap's date picker: the picker would convert to the editor's own time zone.
      return { widget: 'string', pattern: [LOCAL_DATE_TIME.source, PATTERN_TEXT.localDateTime[locale]] };
    case 'time-zone':
      return { widget: 'select', options: TIME_ZONES.map((zone) => ({ label: zone, value: zone })) };
    case 'target-groups':
      if (!isList) throw new CmsConfigError(`${context.spec.name}: "${path}" is marked as target groups but is not a list`);
      return {
        widget: 'select',
        multiple: true,
        ...listLimits,
        options: TARGET_GROUPS.map((group) => ({ label: t(locale, `targetGroup.${group}` as UiKey), value: group })),
      };
    case 'year-or-ongoing': {
      const firstYear = parent?.properties?.start?.minimum;
      if (!isSafeBound(firstYear)) {
        throw new CmsConfigError(`${context.spec.name}: "${path}" needs a sibling "start" with a minimum year`);
      }
      const years: { label: string; value: string | number }[] = [];
      for (let year = override.lastYear; year >= firstYear; year--) years.push({ label: String(year), value: year });
      return { widget: 'select', options: [{ label: optionLabel('ongoing', locale), value: 'ongoing' }, ...years] };
    }
    case 'text-list': {
      if (!isList) throw new CmsConfigError(`${context.spec.name}: "${path}" is marked as a list of texts but is not a list`);
      const item = fieldText(context, `${path}[]`);
      return {
        widget: 'list',
        collapsed: false,
        ...listLimits,
        field: { name: 'item', label: item.label[locale], widget: 'text' },
      };
    }
    case 'file':
      return {
        widget: 'file',
        choose_url: false,
        media_folder: `/public/${override.folder}`,
        public_folder: `/${override.folder}`,
      };
    case 'image':
      return {
        widget: 'image',
        choose_url: false,
        media_folder: `/public/${override.folder}`,
        public_folder: `/${override.folder}`,
      };
    case 'theme-scores': {
      const score = typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
      if (!score || score.type !== 'integer') {
        throw new CmsConfigError(`${context.spec.name}: "${path}" is marked as theme scores but is not a record of whole numbers`);
      }
      const themes = [...context.options.themes].sort((a, b) => a.order - b.order);
      return {
        widget: 'object',
        collapsed: false,
        fields: themes.map((theme) => ({
          name: theme.id,
          label: inLanguage(theme.label, locale),
          hint: SCORE_HINT[locale].replace('{versions}', theme.versions.map((version) => optionLabel(version, locale)).join(', ')),
          widget: 'number',
          value_type: 'int',
          ...numberRange(score),
          required: false,
        })),
      };
    }
  }
}

function inferredWidget(context: Context, path: string, node: JsonNode): Partial<CmsField> {
  const { locale } = context.options;
  const where = `${context.spec.name}: field "${path}"`;
  if (node.enum) {
    return { widget: 'select', options: node.enum.map((value) => ({ label: optionLabel(value, locale), value })) };
  }
  switch (node.type) {
    case 'string':
      if (node.pattern === DATE_PATTERN) {
        return { widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false, picker_utc: true };
      }
      if (node.pattern === EMAIL_PATTERN) return { widget: 'string', pattern: [EMAIL_PATTERN, PATTERN_TEXT.email[locale]] };
      if (node.pattern) {
        throw new CmsConfigError(
          `${where} must match ${node.pattern}, which the CMS form cannot offer: map it in src/lib/cms/collections.ts (a relation for ids)`,
        );
      }
      return { widget: 'string' };
    case 'integer':
      return { widget: 'number', value_type: 'int', ...numberRange(node) };
    case 'number':
      return { widget: 'number', value_type: 'float', step: 0.0001, ...numberRange(node) };
    case 'boolean':
      return { widget: 'boolean', default: false };
    case 'object':
      if (!node.properties) break;
      return { widget: 'object', collapsed: false, fields: fieldsOf(context, path, node) };
    case 'array': {
      const items = node.items ?? {};
      if (items.enum) {
        return {
          widget: 'select',
          multiple: true,
          ...(node.minItems ? { min: node.minItems } : {}),
          options: items.enum.map((value) => ({ label: optionLabel(value, locale), value })),
        };
      }
      if (items.type === 'object' && items.properties) {
        const fields = fieldsOf(context, path, items);
        const first = fields[0];
        return {
          widget: 'list',
          collapsed: false,
          ...(first ? { summary: `{{fields.${first.name}}}` } : {}),
          ...(node.minItems ? { min: node.minItems } : {}),
          fields,
        };
      }
      break;
    }
  }
  throw new CmsConfigError(
    `${where} has a type the CMS cannot edit without help (${JSON.stringify(node).slice(0, 120)}): add a widget for it in src/lib/cms/collections.ts`,
  );
}

function fieldFor(context: Context, path: string, name: string, node: JsonNode, required: boolean, parent?: JsonNode): CmsField {
  const { locale } = context.options;
  const text = fieldText(context, path);
  const override = context.spec.overrides[path];
  const widget = override ? widgetFromOverride(context, path, override, node, parent) : inferredWidget(context, path, node);
  const field: CmsField = {
    name,
    label: localized(text.label, locale),
    ...(text.hint ? { hint: localized(text.hint, locale) } : {}),
    widget: widget.widget!,
    ...widget,
  };
  if (!required) field.required = false;
  const initial = context.spec.defaults?.[path];
  if (initial !== undefined) field.default = initial;
  return field;
}

function fieldsOf(context: Context, parentPath: string, node: JsonNode): CmsField[] {
  const required = new Set(node.required ?? []);
  return Object.entries(node.properties ?? {}).map(([name, child]) =>
    fieldFor(context, parentPath ? `${parentPath}.${name}` : name, name, child, required.has(name), node),
  );
}

/**
 * Applies i18n flags: translated fields per language, shared fields copied from English. Decap
 * accepts only true/false on an object or list; its nested fields carry "duplicate". `shared`
 * holds field paths: a group (contact) may have shared parts (contact.email) and translated ones.
 */
function withI18n(field: CmsField, shared: readonly string[], path = field.name): CmsField {
  const flag = shared.includes(path) ? 'duplicate' : true;
  if (!field.fields) return { ...field, i18n: flag };
  const children = field.fields.map((child) => withI18n(child, flag === 'duplicate' ? [...shared, `${path}.${child.name}`] : shared, `${path}.${child.name}`));
  return { ...field, i18n: true, fields: children };
}

/** The JSON Schema of a collection's input, as zod describes it. */
export function jsonSchemaOf(schema: z.ZodType): JsonNode {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonNode;
}

function collectionConfig(spec: CmsCollectionSpec, options: GenerateOptions): CmsCollection {
  const context: Context = { spec, options };
  const { locale } = options;
  const root = jsonSchemaOf(spec.schema);
  const unknownInOrder = spec.formOrder.filter((name) => !root.properties?.[name]);
  if (unknownInOrder.length > 0) {
    throw new CmsConfigError(`${spec.name}: formOrder names fields the schema does not have: ${unknownInOrder.join(', ')}`);
  }
  let fields = fieldsOf(context, '', root);
  const position = (name: string) => {
    const index = spec.formOrder.indexOf(name);
    return index === -1 ? spec.formOrder.length : index;
  };
  fields = fields
    .map((field, index) => ({ field, index }))
    .sort((a, b) => position(a.field.name) - position(b.field.name) || a.index - b.index)
    .map(({ field }) => field);
  if (spec.body) {
    const text = fieldText(context, 'body');
    fields.push({
      name: 'body',
      label: localized(text.label, locale),
      ...(text.hint ? { hint: localized(text.hint, locale) } : {}),
      widget: 'markdown',
      buttons: ['bold', 'italic', 'link', 'heading-two', 'heading-three', 'bulleted-list', 'numbered-list', 'quote'],
      editor_components: [],
      modes: ['rich_text', 'raw'],
    });
  }
  if (spec.i18n) {
    fields = fields.map((field) => withI18n(field, spec.sharedFields));
  }
  const text = collectionText(spec.name);
  const previewPath = {
    practices: 'practices/{{slug}}/',
    cities: 'cities/{{slug}}/',
    'index-results': 'index/{{slug}}/',
    themes: 'themes/{{slug}}/',
    networks: 'networks/{{slug}}/',
    pages: '{{slug}}/',
    methods: 'methods/{{slug}}/',
    resources: 'resources/#{{slug}}',
    organisations: 'organisations/{{slug}}/',
    activities: 'activities/{{slug}}/',
  }[spec.name];
  return {
    name: spec.name,
    label: text.label[locale],
    label_singular: text.singular[locale],
    description: text.description[locale],
    folder: spec.folder,
    extension: spec.extension,
    format: spec.format,
    create: spec.create,
    delete: spec.delete,
    slug: spec.slug,
    identifier_field: spec.identifierField,
    summary: spec.summary.replaceAll('{locale}', locale),
    sortable_fields: spec.sortableFields.map((field, index) => (index === 0 ? { field, default_sort: true as const } : field)),
    ...(options.siteUrl ? { preview_path: `${locale}/${previewPath}` } : {}),
    ...(spec.i18n ? { i18n: true } : {}),
    editor: { preview: spec.preview },
    fields,
  };
}

/** The whole Decap configuration for one interface language. */
export function generateCmsConfig(options: GenerateOptions): CmsConfig {
  const specs = options.specs ?? cmsCollectionSpecs(options.currentYear);
  const { backend } = options;
  return {
    locale: options.locale,
    backend: backend.backend,
    local_backend: backend.localBackend,
    ...(backend.publishMode ? { publish_mode: backend.publishMode } : {}),
    ...(options.siteUrl ? { site_url: options.siteUrl, display_url: options.siteUrl } : {}),
    logo: { src: '/favicon.svg', show_in_header: true },
    media_folder: MEDIA_FOLDER,
    public_folder: MEDIA_PUBLIC_PATH,
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    i18n: { structure: 'multiple_folders', locales: [...REGISTERED_LANGUAGES], default_locale: SOURCE_LANGUAGE },
    collections: specs.map((spec) => collectionConfig(spec, options)),
  };
}
