/**
 * UI strings: one flat JSON file per registered language (src/lib/languages.ts) in
 * src/translations/, dotted keys, each typeset by its language's typography rule.
 * English defines the keys; every other language must have exactly the same keys with
 * non-empty text, or loading this module throws (and the build stops).
 */
import { LANGUAGE_REGISTRY, SOURCE_LANGUAGE, isLang, language, type Lang } from './languages.ts';
import en from '../translations/en.json' with { type: 'json' };
import { formatProblem, type Problem } from './content/problems.ts';
import { translationProblems } from './translation-problems.ts';
import { frenchTypography } from './typography.ts';

export { frenchTypography, isLang };
export type UiKey = keyof typeof en;
type Strings = Record<string, string>;

/** Every registered language's translation file checked against English. */
export function registryTranslationProblems(): Problem[] {
  const reference = language(SOURCE_LANGUAGE).strings;
  return LANGUAGE_REGISTRY.filter(({ code }) => code !== SOURCE_LANGUAGE).flatMap(({ code, strings }) =>
    translationProblems(reference, strings, `src/translations/${code}.json`),
  );
}

const problems = registryTranslationProblems();
if (problems.length > 0) {
  throw new Error(`UI translations are incomplete:\n${problems.map(formatProblem).join('\n')}`);
}

// Each language's typography is applied to its strings once.
const STRINGS = new Map<Lang, Strings>(
  LANGUAGE_REGISTRY.map(({ code, strings, typography }) => [
    code,
    Object.fromEntries(Object.entries(strings).map(([key, text]) => [key, typography(text)])),
  ]),
);

/** True when `key` is a UI string (every translation file has the keys of en.json). */
export function hasUiKey(key: string): key is UiKey {
  return Object.hasOwn(en, key);
}

/** Fills `{name}` placeholders. */
function interpolate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}

/** The UI string for `key` in `lang`, with `{placeholders}` filled in. */
export function t(lang: Lang, key: UiKey, values: Record<string, string | number> = {}): string {
  return interpolate(STRINGS.get(lang)![key]!, values);
}

/** A `t` bound to one language, for components. */
export function translator(lang: Lang) {
  return (key: UiKey, values?: Record<string, string | number>) => t(lang, key, values);
}

const locale = (lang: Lang) => language(lang).locale;

// Building an Intl formatter is costly (seconds over a large build), so each is made once.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<Lang, Intl.DateTimeFormat>();

/** Numbers written the reader's way: 1,620,000 / 1 620 000. */
export function formatNumber(lang: Lang, value: number, fractionDigits = 0): string {
  const key = `${lang}:${fractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale(lang), {
      maximumFractionDigits: fractionDigits,
      minimumFractionDigits: fractionDigits,
    });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** A percentage written the reader's way: 12.8% / 12,8 % (value in percent, not a fraction). */
export function formatPercent(lang: Lang, value: number, fractionDigits = 0): string {
  const key = `${lang}:%:${fractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    // The locale knows whether a space comes before the sign, and which one (12.8% / 12,8 %).
    format = new Intl.NumberFormat(locale(lang), {
      style: 'percent',
      maximumFractionDigits: fractionDigits,
      minimumFractionDigits: fractionDigits,
    });
    numberFormats.set(key, format);
  }
  // The language's typography decides which space precedes the sign (French: a narrow one).
  const typeset = language(lang).typography(' %');
  const text = format.format(value / 100);
  return typeset === ' %' ? text : text.replace(/\s%/u, typeset);
}

/** A YYYY-MM-DD date written in full: 1 March 2024 / 1 mars 2024. */
export function formatDate(lang: Lang, isoDate: string): string {
  let format = dateFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(locale(lang), { dateStyle: 'long', timeZone: 'UTC' });
    dateFormats.set(lang, format);
  }
  return format.format(new Date(`${isoDate}T00:00:00Z`));
}
