/**
 * Which value reports of a CMS widget the editor should ignore. Decap's widgets report their value
 * when they mount, not only when the editor types: the relation widget (cities, themes, methods...)
 * reports the very value it was given once its options have loaded, to attach their names. In
 * the default language that is harmless: Decap compares the form with the file and finds no
 * change. In another language's pane (the French column of a practice) Decap compares that
 * language's values with the wrong part of the stored entry (decap-cms-core 3.x, entryDraft.js:
 * `e.get(...dataPath)` where `e.getIn(dataPath)` was meant), so every report there, even of an
 * unchanged value, marks the entry "Unsaved changes" and asks for confirmation on leaving.
 * A report that repeats the current value changes nothing, in any language: it is dropped there.
 */

/** What Decap's Immutable.js values offer for comparing (Lists and Maps). */
interface Comparable {
  equals(other: unknown): boolean;
}

const isComparable = (value: unknown): value is Comparable =>
  typeof value === 'object' && value !== null && typeof (value as Partial<Comparable>).equals === 'function';

/** Whether two widget values are the same (Immutable.js values by content, others by identity). */
export function sameWidgetValue(current: unknown, next: unknown): boolean {
  if (Object.is(current, next)) return true;
  if (isComparable(current) && isComparable(next)) return current.equals(next);
  return false;
}

export interface WidgetReport {
  /** The value the widget was given. */
  current: unknown;
  /** The value it reports. */
  next: unknown;
  /** The language of the pane the widget is in (undefined in a collection without languages). */
  locale: string | undefined;
  defaultLocale: string;
}

/**
 * Whether a widget's report must not reach Decap: an unchanged value in another language than
 * the default one (in the default language Decap's own comparison is right, and the report may
 * carry the names of linked entries its preview shows).
 */
export function isIgnoredReport({ current, next, locale, defaultLocale }: WidgetReport): boolean {
  return locale !== undefined && locale !== defaultLocale && sameWidgetValue(current, next);
}
