/**
 * UI strings: one flat JSON file per language in src/translations/, dotted keys.
 * English defines the keys; every other language must have exactly the same keys with
 * non-empty text, or loading this module throws (and the build stops).
 */
import en from '../translations/en.json' with { type: 'json' };
import fr from '../translations/fr.json' with { type: 'json' };
import { formatProblem } from './content/problems.ts';
import { LANGUAGES, type Lang } from './schemas/fields.ts';
import { translationProblems } from './translation-problems.ts';

export type UiKey = keyof typeof en;
type Strings = Record<string, string>;

/**
 * French typography, applied to the French strings once: a no-break space before ":" and a
 * narrow no-break space before ";", "!", "?" and "%", inside « guillemets », so that these signs
 * never start a line. Translators can type ordinary spaces.
 */
export function frenchTypography(text: string): string {
  return text
    .replace(/ :/g, '\u00A0:')
    .replace(/ ([;!?%»])/g, '\u202F$1')
    .replace(/« /g, '«\u202F');
}

const STRINGS: Record<Lang, Strings> = {
  en,
  fr: Object.fromEntries(Object.entries(fr).map(([key, text]) => [key, frenchTypography(text)])),
};

const problems = translationProblems(en, fr, 'src/translations/fr.json');
if (problems.length > 0) {
  throw new Error(`UI translations are incomplete:\n${problems.map(formatProblem).join('\n')}`);
}

/** Fills `{name}` placeholders. */
function interpolate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}

/** The UI string for `key` in `lang`, with `{placeholders}` filled in. */
export function t(lang: Lang, key: UiKey, values: Record<string, string | number> = {}): string {
  return interpolate(STRINGS[lang][key]!, values);
}

/** A `t` bound to one language, for components. */
export function translator(lang: Lang) {
  return (key: UiKey, values?: Record<string, string | number>) => t(lang, key, values);
}

export function isLang(value: string | undefined): value is Lang {
  return (LANGUAGES as readonly string[]).includes(value ?? '');
}

/** The other language of the bilingual site. */
export function otherLang(lang: Lang): Lang {
  return lang === 'en' ? 'fr' : 'en';
}

const locale = (lang: Lang) => (lang === 'fr' ? 'fr-FR' : 'en-GB');

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
  const number = formatNumber(lang, value, fractionDigits);
  return lang === 'fr' ? `${number}\u202F%` : `${number}%`;
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
