/**
 * Field builders shared by the content schemas. Every builder takes `what`: the field's meaning
 * in an editor's words. It documents the field and ends every validation message, so an error
 * says both what is wrong and what the field should hold.
 */
import { z } from 'zod';
import { COUNTRY_CODES } from '../countries.ts';
import { LANGUAGES, REGISTERED_LANGUAGES, SOURCE_LANGUAGE, languageName, type Lang, type SourceLang } from '../languages.ts';
import { markdownProblems } from '../markdown-check.ts';
import { SLUG_PATTERN } from '../slug.ts';

// The language list lives in the registry (src/lib/languages.ts); re-exported for the schemas' users.
export { LANGUAGES, type Lang };

/** The year the build runs in: years in the future are typos (2042 for 2024). */
export const CURRENT_YEAR = new Date().getUTCFullYear();

const missingOr = (wrongType: string, what: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? `is missing: ${what}` : `${wrongType}: ${what}`;

const PLACEHOLDER = /^\s*(todo|tbd|tba|xxx|lorem ipsum|\.\.\.|…|-)\b/i;

/** Non-empty text (leading and trailing spaces ignored). */
export const text = (what: string) =>
  z
    .string({ error: missingOr('must be text', what) })
    .trim()
    .min(1, `is empty: ${what}`)
    .refine((value) => !PLACEHOLDER.test(value), `still holds placeholder text: ${what}`)
    .describe(what);

/** Non-empty Markdown text: pictures from other websites and "//host" links are refused. */
export const markdownText = (what: string) =>
  text(what).check((context) => {
    for (const problem of markdownProblems(context.value)) {
      // No `input`: the message already quotes the address, the whole text would only be noise.
      context.issues.push({ code: 'custom', message: `${problem}: ${what}`, input: undefined, continue: true });
    }
  });

/** A whole number within a range. */
export const wholeNumber = (min: number, max: number, what: string) =>
  z
    .number({ error: missingOr('must be a number', what) })
    .int(`must be a whole number: ${what}`)
    .min(min, `must be ${min} or more: ${what}`)
    .max(max, `must be ${max} or less: ${what}`)
    .describe(what);

/** A number (decimals allowed) within a range. */
export const decimal = (min: number, max: number, what: string) =>
  z
    .number({ error: missingOr('must be a number', what) })
    .min(min, `must be ${min} or more: ${what}`)
    .max(max, `must be ${max} or less: ${what}`)
    .describe(what);

/** A year between `min` and `max` inclusive. */
export const year = (min: number, max: number, what: string) =>
  wholeNumber(min, max, `${what} (a year from ${min} to ${max})`);

/** A text field: plain (`text`) or Markdown (`markdownText`). */
type TextBuilder = (what: string) => TextSchema;
type TextSchema = ReturnType<typeof text>;
/** One text field per registered language: English required, the others optional. */
export type LocalizedShape = { [code in SourceLang]: TextSchema } & { [code in Exclude<Lang, SourceLang>]: z.ZodOptional<TextSchema> };

/** The fields of a text written in every registered language, for composing into an object. */
export function localizedShape(what: string, field: TextBuilder = text): LocalizedShape {
  return Object.fromEntries(
    REGISTERED_LANGUAGES.map((code) => {
      const schema = field(`${what}, in ${languageName(code, SOURCE_LANGUAGE)}`);
      return [code, code === SOURCE_LANGUAGE ? schema : schema.optional()];
    }),
  ) as LocalizedShape;
}

/** One optional text per language other than English (the English text lives elsewhere). */
export type TranslationsShape = { [code in Exclude<Lang, SourceLang>]: z.ZodOptional<TextSchema> };

/** The fields of a text's translations: every registered language but English, all optional. */
export function translationsShape(what: string, field: TextBuilder = text): TranslationsShape {
  return Object.fromEntries(
    REGISTERED_LANGUAGES.filter((code) => code !== SOURCE_LANGUAGE).map((code) => [code, field(`${what}, in ${languageName(code, SOURCE_LANGUAGE)}`).optional()]),
  ) as TranslationsShape;
}

const otherCodes = REGISTERED_LANGUAGES.filter((code) => code !== SOURCE_LANGUAGE).map((code) => `"${code}"`);
const localizedExpectation = `must have an "${SOURCE_LANGUAGE}" text${otherCodes.length ? ` (and optionally ${otherCodes.join(', ')})` : ''}`;

/**
 * Text in the registered languages (src/lib/languages.ts): English required, each other
 * language optional (the site shows the English text, marked, until it is translated). Plain text,
 * or Markdown with `field: markdownText`.
 */
export const localized = (what: string, field: TextBuilder = text) =>
  z.strictObject(localizedShape(what, field), { error: missingOr(localizedExpectation, what) }).describe(what);

/** The id of another entry (a file name without extension). */
export const id = (what: string) =>
  z
    .string({ error: missingOr('must be an id', what) })
    .regex(SLUG_PATTERN, `must be an id in lower case with hyphens, like "reggio-emilia": ${what}`)
    .describe(what);

/** A list with at least one id, without repeats. */
export const idList = (what: string) =>
  z
    .array(id(what), { error: missingOr('must be a list, like [a, b]', what) })
    .min(1, `needs at least one entry: ${what}`)
    .refine((ids) => new Set(ids).size === ids.length, `lists the same id twice: ${what}`)
    .describe(what);

/** An ISO 3166-1 alpha-2 country code. */
export const countryCode = (what: string) =>
  z
    .string({ error: missingOr('must be a country code', what) })
    .refine(
      (code) => COUNTRY_CODES.has(code),
      `must be a two-letter ISO 3166-1 country code in capitals, like "ES" or "GB": ${what}`,
    )
    .describe(what);

/** An absolute https:// address (plain http is refused: browsers warn on it). */
export const webAddress = (what: string) =>
  z
    .string({ error: missingOr('must be a web address', what) })
    .trim()
    .refine(
      (value) => /^https:\/\/[^\s/]/.test(value) && URL.canParse(value),
      `must be a full web address starting with https://: ${what}`,
    )
    .describe(what);

/**
 * One plain e-mail address: letters, digits, dots, hyphens, "_" and "+" before the "@", a domain
 * after it. Quotes, angle brackets, "?", "&", "%", spaces and commas are refused: in a mailto:
 * link they would add recipients, a subject or a message, or break out of the HTML attribute.
 */
export const EMAIL_PATTERN = String.raw`^[A-Za-z0-9_+\-]+(?:\.[A-Za-z0-9_+\-]+)*@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)+$`;
const EMAIL = new RegExp(EMAIL_PATTERN);
const NOT_IN_EMAIL = /[\s"'<>?&%,;:()[\]\\/#=!*{}|^~`$]/;

/** An e-mail address. */
export const emailAddress = (what: string) =>
  z
    .string({ error: missingOr('must be an e-mail address', what) })
    .trim()
    .regex(EMAIL, {
      error: (issue) => {
        const forbidden = typeof issue.input === 'string' ? NOT_IN_EMAIL.exec(issue.input)?.[0] : undefined;
        if (forbidden === undefined) return `must be an e-mail address like name@city.org: ${what}`;
        const shown = /\s/.test(forbidden) ? 'a space' : /["']/.test(forbidden) ? `the quote ${forbidden}` : `"${forbidden}"`;
        return `must be one e-mail address like name@city.org, without ${shown} (no spaces, quotes, <, >, ?, & or commas): ${what}`;
      },
    })
    .describe(what);

/**
 * A calendar date written YYYY-MM-DD. YAML readers turn unquoted dates into Date objects;
 * both forms are accepted and the output is always the YYYY-MM-DD string.
 */
export const calendarDate = (what: string) =>
  z.preprocess(
    (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
    z
      .string({ error: missingOr('must be a date written YYYY-MM-DD', what) })
      .regex(/^\d{4}-\d{2}-\d{2}$/, `must be a date written YYYY-MM-DD: ${what}`)
      .refine((value) => {
        const date = new Date(`${value}T00:00:00Z`);
        return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
      }, `is not a real calendar date: ${what}`)
      .refine(
        (value) => Number(value.slice(0, 4)) <= CURRENT_YEAR + 1,
        `is too far in the future: ${what}`,
      )
      .describe(what),
  );
