/**
 * Typography rules a language applies to its text once, when the UI strings are loaded. A
 * language's entry in the registry (src/lib/languages.ts) names its rule; translators type
 * ordinary spaces and the rule adds what the language's typesetting needs.
 */

/** A rule turning text as typed into text as typeset. */
export type Typography = (text: string) => string;

/** No change: the text is typeset as typed. */
export const plainTypography: Typography = (text) => text;

/**
 * French typography: a no-break space before ":" and a narrow no-break space before ";", "!",
 * "?" and "%", inside « guillemets », so that these signs never start a line.
 */
export const frenchTypography: Typography = (text) =>
  text
    .replace(/ :/g, '\u00A0:')
    .replace(/ ([;!?%»])/g, '\u202F$1')
    .replace(/« /g, '«\u202F');
