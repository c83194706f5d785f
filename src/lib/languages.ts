/**
 * The languages of the site: the one list that routes, content folders, UI strings, schemas,
 * the CMS, hreflang, the sitemap, feeds, search indexes, open data and social cards read.
 *
 * Adding a language is an entry here and its translation file src/translations/<code>.json
 * (every key of en.json, translated): nothing else. English is the source language: every
 * entry is written in English first, and a text missing in another language falls back along
 * that language's `fallback` list, ending in English, marked as such on the page.
 */
import en from '../translations/en.json' with { type: 'json' };
import es from '../translations/es.json' with { type: 'json' };
import fr from '../translations/fr.json' with { type: 'json' };
import { frenchTypography, plainTypography, type Typography } from './typography.ts';

export interface LanguageDefinition {
  /** ISO 639-1 code: the URL prefix (/fr/), the content folder (practices/fr/) and the key in label objects. */
  readonly code: string;
  /** The language's name in itself, as the language switcher shows it. */
  readonly autonym: string;
  /** Writing direction, set on <html dir>. */
  readonly dir: 'ltr' | 'rtl';
  /** BCP 47 locale for numbers and dates (Intl), hreflang, the sitemap and Open Graph. */
  readonly locale: string;
  /** Applied to every UI string once, when loaded. */
  readonly typography: Typography;
  /** Language of the search index (Pagefind's stemming), normally the code. */
  readonly searchLanguage: string;
  /** Languages whose text is shown, in order, when this one has none; English comes last anyway. */
  readonly fallback: readonly string[];
  /** The UI strings, src/translations/<code>.json. */
  readonly strings: Readonly<Record<string, string>>;
}

/** The registry. English first: it is the source language. */
export const LANGUAGE_REGISTRY = [
  { code: 'en', autonym: 'English', dir: 'ltr', locale: 'en-GB', typography: plainTypography, searchLanguage: 'en', fallback: [], strings: en },
  { code: 'fr', autonym: 'Français', dir: 'ltr', locale: 'fr-FR', typography: frenchTypography, searchLanguage: 'fr', fallback: ['en'], strings: fr },
  { code: 'es', autonym: 'Español', dir: 'ltr', locale: 'es-ES', typography: plainTypography, searchLanguage: 'es', fallback: ['en'], strings: es },
] as const satisfies readonly LanguageDefinition[];

export type Lang = (typeof LANGUAGE_REGISTRY)[number]['code'];

/** The source language: required in every entry, the last fallback of every other language (the registry's first). */
export const SOURCE_LANGUAGE = LANGUAGE_REGISTRY[0].code;
export type SourceLang = typeof SOURCE_LANGUAGE;

/**
 * Every registered language code, the source language first: the languages content may be
 * written in. The schemas, the content check, the CMS and the import accept all of them, so a
 * text in a language the site does not publish (below) is still checked and never lost on save.
 */
export const REGISTERED_LANGUAGES: readonly Lang[] = LANGUAGE_REGISTRY.map((language) => language.code);

/** The registered languages other than English: the ones a translation may be written in. */
export const REGISTERED_TRANSLATION_LANGUAGES: readonly Lang[] = REGISTERED_LANGUAGES.filter((code) => code !== SOURCE_LANGUAGE);

/**
 * The languages a build publishes: every registered language, or the ones the SITE_LANGUAGES
 * variable names ("en,fr"), in registry order. English is always published (every other
 * language falls back to it). A wrong value stops the build with the registered codes.
 */
export function publishedLanguages(setting: string | undefined): Lang[] {
  const wanted = (setting ?? '')
    .split(',')
    .map((code) => code.trim())
    .filter(Boolean);
  if (wanted.length === 0) return [...REGISTERED_LANGUAGES];
  const unknown = wanted.filter((code) => !(REGISTERED_LANGUAGES as readonly string[]).includes(code));
  if (unknown.length > 0) {
    const named = unknown.map((code) => `"${code}"`).join(', ');
    throw new Error(
      `SITE_LANGUAGES="${setting}": ${named} ${unknown.length === 1 ? 'is not a registered language' : 'are not registered languages'}: use codes of src/lib/languages.ts (${REGISTERED_LANGUAGES.join(', ')}), separated by commas, or leave SITE_LANGUAGES unset to publish them all`,
    );
  }
  if (!wanted.includes(SOURCE_LANGUAGE)) {
    throw new Error(
      `SITE_LANGUAGES="${setting}" leaves out "${SOURCE_LANGUAGE}", the source language every other language falls back to: add it (for example SITE_LANGUAGES=${[SOURCE_LANGUAGE, ...wanted].join(',')})`,
    );
  }
  return REGISTERED_LANGUAGES.filter((code) => wanted.includes(code));
}

// Browser islands import this module too: there is no process there, and they publish nothing.
const siteLanguagesSetting = typeof process === 'undefined' ? undefined : process.env.SITE_LANGUAGES;

/** The languages this build publishes (routes, search indexes, hreflang, feeds, open data), English first. */
export const LANGUAGES: readonly Lang[] = publishedLanguages(siteLanguagesSetting);

/** The published languages other than English. */
export const TRANSLATION_LANGUAGES: readonly Lang[] = LANGUAGES.filter((code) => code !== SOURCE_LANGUAGE);

/** The registry entries of the published languages. */
export const PUBLISHED_REGISTRY = LANGUAGE_REGISTRY.filter(({ code }) => LANGUAGES.includes(code));

const BY_CODE = new Map<string, LanguageDefinition>(LANGUAGE_REGISTRY.map((language) => [language.code, language]));

/** A language this build publishes. */
export function isLang(value: string | undefined): value is Lang {
  return (LANGUAGES as readonly string[]).includes(value ?? '');
}

/** A registered language, published or not (content may be written in it). */
export function isRegisteredLanguage(value: string | undefined): value is Lang {
  return BY_CODE.has(value ?? '');
}

/** The registry entry of a language. */
export function language(code: Lang): LanguageDefinition {
  return BY_CODE.get(code)!;
}

/**
 * The languages whose text stands in for `code`, best first: the language itself, its
 * `fallback` list, then English. Unknown codes in a fallback list are skipped.
 */
export function fallbackChain(code: Lang): Lang[] {
  const chain = [code, ...language(code).fallback, SOURCE_LANGUAGE].filter(isLang);
  return [...new Set(chain)];
}

/** Text written in several languages: English required, the others optional. */
export type LocalizedText = { readonly [code in SourceLang]: string } & { readonly [code in Lang]?: string };

/** The text for a page in `lang` and the language it is actually written in (a fallback when untranslated). */
export function localizedText(text: LocalizedText, lang: Lang): { text: string; lang: Lang } {
  for (const code of fallbackChain(lang)) {
    const value = text[code];
    if (value) return { text: value, lang: code };
  }
  return { text: text.en, lang: SOURCE_LANGUAGE };
}

/** The text for a page in `lang`, falling back along the language's chain. */
export function inLanguage(text: LocalizedText, lang: Lang): string {
  return localizedText(text, lang).text;
}

/** Open Graph writes locales with an underscore: en_GB. */
export function openGraphLocale(code: Lang): string {
  return language(code).locale.replace('-', '_');
}

/** The language's name in another language ("French" / "français"), from the platform's data. */
export function languageName(code: Lang, inLang: Lang): string {
  return new Intl.DisplayNames([language(inLang).locale], { type: 'language' }).of(code) ?? code;
}

/** The versions of one entry, by language (a page or practice with one file per language). */
export type Versions<T> = Partial<Record<Lang, T>>;

/** Groups files `<lang>/<slug>` by slug. Ids outside a language folder are skipped. */
export function versionsBySlug<T>(entries: readonly { id: string; value: T }[]): Map<string, Versions<T>> {
  const bySlug = new Map<string, Versions<T>>();
  for (const { id, value } of entries) {
    const [code, slug] = id.split('/');
    if (!isLang(code) || !slug) continue;
    const versions = bySlug.get(slug) ?? {};
    versions[code] = value;
    bySlug.set(slug, versions);
  }
  return bySlug;
}

/** The version shown on the site in `lang` and its language: its own, else the first of its fallback chain. */
export function shownVersion<T>(versions: Versions<T>, lang: Lang): { lang: Lang; value: T } | undefined {
  const code = fallbackChain(lang).find((candidate) => versions[candidate] !== undefined);
  return code ? { lang: code, value: versions[code]! } : undefined;
}

/** The languages an entry is written in, in registry order. */
export function writtenIn<T>(versions: Versions<T>): Lang[] {
  return LANGUAGES.filter((code) => versions[code] !== undefined);
}

/**
 * Attributes for text written in `textLang` on a page in `pageLang`: none when they match; else
 * its `lang`, and its `dir` when the directions differ (English inside an Arabic page).
 */
export function textAttributes(textLang: Lang, pageLang: Lang): { lang?: Lang; dir?: 'ltr' | 'rtl' } {
  if (textLang === pageLang) return {};
  const dir = language(textLang).dir;
  return dir === language(pageLang).dir ? { lang: textLang } : { lang: textLang, dir };
}
