import { describe, expect, it } from 'vitest';
import { isIgnoredReport, sameWidgetValue, withSharedParts, type GroupValue } from '../../../src/lib/cms/widget-reports.ts';

/** Stands in for an Immutable.js List or Map (Decap's values): equal by content. */
const fromJS = (value: unknown) => ({ value, equals: (other: unknown) => JSON.stringify((other as { value?: unknown }).value) === JSON.stringify(value) });

describe('sameWidgetValue', () => {
  it('compares Immutable lists and maps by content, other values by identity', () => {
    expect(sameWidgetValue(fromJS(['leadership', 'participation']), fromJS(['leadership', 'participation']))).toBe(true);
    expect(sameWidgetValue(fromJS({ start: 2015, end: 'ongoing' }), fromJS({ start: 2015, end: 'ongoing' }))).toBe(true);
    expect(sameWidgetValue(fromJS(['leadership']), fromJS(['leadership', 'participation']))).toBe(false);
    expect(sameWidgetValue(fromJS(['a', 'b']), fromJS(['b', 'a']))).toBe(false);
    expect(sameWidgetValue('2015', 2015)).toBe(false);
    expect(sameWidgetValue(undefined, '')).toBe(false);
    expect(sameWidgetValue(Number.NaN, Number.NaN)).toBe(true);
    expect(sameWidgetValue(['a'], ['a'])).toBe(false);
  });
});

describe('isIgnoredReport', () => {
  const themes = () => fromJS(['leadership', 'participation']);
  it('drops an unchanged value reported in another language than the default one', () => {
    expect(isIgnoredReport({ current: themes(), next: themes(), locale: 'fr', defaultLocale: 'en' })).toBe(true);
    expect(isIgnoredReport({ current: 'Texte', next: 'Texte', locale: 'es', defaultLocale: 'en' })).toBe(true);
  });
  it('lets every change through, and every report in the default language or without languages', () => {
    expect(isIgnoredReport({ current: themes(), next: fromJS(['leadership']), locale: 'fr', defaultLocale: 'en' })).toBe(false);
    expect(isIgnoredReport({ current: 'Texte', next: 'Texte modifié', locale: 'fr', defaultLocale: 'en' })).toBe(false);
    expect(isIgnoredReport({ current: themes(), next: themes(), locale: 'en', defaultLocale: 'en' })).toBe(false);
    expect(isIgnoredReport({ current: 'x', next: 'x', locale: undefined, defaultLocale: 'en' })).toBe(false);
  });
});

/** Stands in for an Immutable.js Map: get, has and a set that returns a new map. */
function group(entries: Record<string, unknown>): GroupValue & { entries: Record<string, unknown> } {
  return {
    entries,
    has: (key) => key in entries,
    get: (key) => entries[key],
    set: (key, value) => group({ ...entries, [key]: value }),
  };
}
const contents = (value: GroupValue | undefined) => (value as { entries?: unknown } | undefined)?.entries;

describe('withSharedParts', () => {
  const english = group({ name: 'Welcome office', email: 'welcome@example.org', url: 'https://example.org' });
  it('fills the shared parts a language lacks from the default language, and only those', () => {
    expect(contents(withSharedParts(undefined, english, ['email', 'url'], group({})))).toEqual({ email: 'welcome@example.org', url: 'https://example.org' });
    expect(contents(withSharedParts(group({ name: 'Bureau d’accueil', email: '' }), english, ['email', 'url'], group({})))).toEqual({
      name: 'Bureau d’accueil',
      email: 'welcome@example.org',
      url: 'https://example.org',
    });
  });
  it('keeps what the language has, and returns the very same value when nothing is missing', () => {
    const french = group({ name: 'Bureau', email: 'accueil@example.org', url: 'https://example.org/fr' });
    expect(withSharedParts(french, english, ['email', 'url'], group({}))).toBe(french);
    expect(withSharedParts(undefined, undefined, ['email'], group({}))).toBeUndefined();
    expect(withSharedParts(undefined, group({ start: 2019 }), [], group({}))).toBeUndefined();
    // An empty shared part in English is not copied (nothing to show).
    const local = group({});
    expect(withSharedParts(local, group({ start: '', end: 'ongoing' }), ['start'], group({}))).toBe(local);
  });
});
