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

/** What Decap's Immutable.js Map offers for reading and updating a group's value. */
export interface GroupValue {
  has(key: string): boolean;
  get(key: string): unknown;
  set(key: string, value: unknown): GroupValue;
}

const isEmptyPart = (value: unknown) =>
  value === undefined || value === null || value === '' || (typeof value === 'object' && (value as { size?: number }).size === 0);

/**
 * A group's value in another language's pane with its shared parts taken from the default
 * language (Decap copies only whole top-level fields from English when it reads a translation,
 * and nothing at all for a language without a file): the period of a practice without Spanish
 * text shows the English years, greyed out, instead of empty fields. `local` is the pane's value
 * (undefined when the language has no file), `empty` an empty group to start from.
 */
export function withSharedParts(
  local: GroupValue | undefined,
  fallback: GroupValue | undefined,
  sharedParts: readonly string[],
  empty: GroupValue,
): GroupValue | undefined {
  if (!fallback) return local;
  let value = local ?? empty;
  let changed = false;
  for (const part of sharedParts) {
    if (!isEmptyPart(value.get(part)) || isEmptyPart(fallback.get(part))) continue;
    value = value.set(part, fallback.get(part));
    changed = true;
  }
  return changed ? value : local;
}
