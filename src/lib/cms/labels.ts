/**
 * What editors read in the CMS: collection names, field labels and hints, in every language of
 * the registry (src/lib/languages.ts). The texts live in the UI translation files
 * (src/translations/<lang>.json) under `cms.` keys, so the CMS speaks a new language as soon as
 * its translation file exists:
 *   cms.collection.<collection>.label / .singular / .description
 *   cms.field.<collection>.<field path>.label / .hint   (`period.start`, `links.url`: list items have no index)
 *   cms.option.<value>, cms.pattern.<name>, cms.scoreHint, cms.admin.<name>
 * A text written in several languages (`profile.en`, `label.fr`) gets "In <language>" for each
 * language field. The config generator refuses a schema field without a label, so a field added
 * to a schema cannot reach the CMS unlabelled (see test/lib/cms/config-drift.ts).
 */
import { hasUiKey, t } from '../i18n.ts';
import { REGISTERED_LANGUAGES, isRegisteredLanguage, languageName, type Lang } from '../languages.ts';
import type { CmsCollectionName } from './collections.ts';

/** The CMS interface speaks every registered language. */
export const CMS_LOCALES: readonly Lang[] = REGISTERED_LANGUAGES;
export type CmsLocale = Lang;

/** A text in every interface language. */
export type Localized = Record<Lang, string>;

export interface FieldText {
  label: Localized;
  hint?: Localized;
}

export interface CollectionText {
  label: Localized;
  singular: Localized;
  description: Localized;
}

/** The text of `key` in every language, or undefined when en.json has no such key. */
function localizedKey(key: string): Localized | undefined {
  if (!hasUiKey(key)) return undefined;
  return Object.fromEntries(REGISTERED_LANGUAGES.map((code) => [code, t(code, key)])) as Localized;
}

/** A key that must exist (the admin's own texts): a missing one is a programming error. */
function requiredKey(key: string): Localized {
  const text = localizedKey(key);
  if (!text) throw new Error(`src/translations/en.json has no "${key}": add it (and its translation in every language file)`);
  return text;
}

/** The key that holds a field's label, for messages. */
export const fieldLabelKey = (collection: CmsCollectionName, path: string) => `cms.field.${collection}.${path}.label`;

/**
 * Label and hint of a form field, or undefined when the translation files have none. A language
 * field of a localized text (`profile.fr`) is labelled "In French" when its parent has a label.
 */
export function fieldText(collection: CmsCollectionName, path: string): FieldText | undefined {
  const label = localizedKey(fieldLabelKey(collection, path));
  if (label) {
    const hint = localizedKey(`cms.field.${collection}.${path}.hint`);
    return { label, ...(hint ? { hint } : {}) };
  }
  const parent = path.slice(0, path.lastIndexOf('.'));
  const code = path.slice(path.lastIndexOf('.') + 1);
  if (parent && isRegisteredLanguage(code) && localizedKey(fieldLabelKey(collection, parent))) {
    return {
      label: Object.fromEntries(REGISTERED_LANGUAGES.map((locale) => [locale, t(locale, 'cms.inLanguage', { language: languageName(code, locale) })])) as Localized,
    };
  }
  return undefined;
}

export function collectionText(collection: CmsCollectionName): CollectionText {
  return {
    label: requiredKey(`cms.collection.${collection}.label`),
    singular: requiredKey(`cms.collection.${collection}.singular`),
    description: requiredKey(`cms.collection.${collection}.description`),
  };
}

/** Label of a fixed option that is not content (the vocabulary lives in the schemas), if it has one. */
export function optionText(value: string): Localized | undefined {
  return localizedKey(`cms.option.${value}`);
}

/** Messages the CMS form shows for patterns it checks while typing. */
export const PATTERN_TEXT = {
  webAddress: requiredKey('cms.pattern.webAddress'),
  email: requiredKey('cms.pattern.email'),
  localDateTime: requiredKey('cms.pattern.localDateTime'),
};

/** Hint of each theme's score field in Index results ({versions}). */
export const SCORE_HINT: Localized = requiredKey('cms.scoreHint');

/** Text of the admin page itself (outside Decap's own interface). */
export const ADMIN_TEXT = {
  title: requiredKey('cms.admin.title'),
  switchLanguageLabel: requiredKey('cms.admin.switchLanguageLabel'),
  notSaved: requiredKey('cms.admin.notSaved'),
  noSlug: requiredKey('cms.admin.noSlug'),
  serverDownTitle: requiredKey('cms.admin.serverDownTitle'),
  serverDown: requiredKey('cms.admin.serverDown'),
  noGitBackend: requiredKey('cms.admin.noGitBackend'),
  reload: requiredKey('cms.admin.reload'),
  imageTypes: requiredKey('cms.admin.imageTypes'),
  framedTitle: requiredKey('cms.admin.framedTitle'),
  framed: requiredKey('cms.admin.framed'),
  previewUntitled: requiredKey('cms.admin.previewUntitled'),
  previewEmpty: requiredKey('cms.admin.previewEmpty'),
  versionIn: requiredKey('cms.admin.versionIn'),
};
