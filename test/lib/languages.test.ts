import { describe, expect, it } from 'vitest';
import {
  LANGUAGES,
  LANGUAGE_REGISTRY,
  REGISTERED_LANGUAGES,
  SOURCE_LANGUAGE,
  fallbackChain,
  publishedLanguages,
  isLang,
  languageName,
  localizedText,
  openGraphLocale,
  shownVersion,
  versionsBySlug,
  textAttributes,
  writtenIn,
} from '../../src/lib/languages.ts';
import { pathInLanguage } from '../../src/lib/urls.ts';

describe('the language registry', () => {
  it('lists English first, as the source language, and every code once', () => {
    expect(LANGUAGES[0]).toBe(SOURCE_LANGUAGE);
    expect(new Set(LANGUAGES).size).toBe(LANGUAGES.length);
  });

  it.each(LANGUAGE_REGISTRY.map((entry) => [entry.code, entry] as const))('describes %s completely', (code, entry) => {
    expect(entry.autonym).toBeTruthy();
    expect(['ltr', 'rtl']).toContain(entry.dir);
    // The locale is a BCP 47 tag of the language itself (Intl accepts it).
    expect(Intl.getCanonicalLocales(entry.locale)[0]!.split('-')[0]).toBe(code);
    expect(entry.fallback.every((other) => isLang(other) && other !== code)).toBe(true);
  });

  it('recognises registered codes only', () => {
    expect(isLang('fr')).toBe(true);
    expect(isLang('de')).toBe(false);
    expect(isLang(undefined)).toBe(false);
  });
});

describe('the languages a build publishes (SITE_LANGUAGES)', () => {
  it('publishes every registered language when the variable is unset or empty', () => {
    expect(publishedLanguages(undefined)).toEqual(REGISTERED_LANGUAGES);
    expect(publishedLanguages(' ')).toEqual(REGISTERED_LANGUAGES);
  });

  it('publishes the languages named, in registry order, whatever order and spacing they are written in', () => {
    const last = REGISTERED_LANGUAGES.at(-1)!;
    expect(publishedLanguages(` ${last} , ${SOURCE_LANGUAGE}`)).toEqual([SOURCE_LANGUAGE, last]);
    expect(publishedLanguages(SOURCE_LANGUAGE)).toEqual([SOURCE_LANGUAGE]);
  });

  it('refuses a code that is not registered, naming it and the registered codes', () => {
    expect(() => publishedLanguages(`${SOURCE_LANGUAGE},xx`)).toThrow(
      `SITE_LANGUAGES="${SOURCE_LANGUAGE},xx": "xx" is not a registered language: use codes of src/lib/languages.ts (${REGISTERED_LANGUAGES.join(', ')})`,
    );
  });

  it('refuses to leave out English, which every other language falls back to', () => {
    const other = REGISTERED_LANGUAGES[1]!;
    expect(() => publishedLanguages(other)).toThrow(`leaves out "${SOURCE_LANGUAGE}"`);
    expect(() => publishedLanguages(other)).toThrow(`SITE_LANGUAGES=${SOURCE_LANGUAGE},${other}`);
  });
});

describe('fallback', () => {
  it('ends every chain in English and starts it with the language itself', () => {
    for (const code of LANGUAGES) {
      const chain = fallbackChain(code);
      expect(chain[0]).toBe(code);
      expect(chain.at(-1)).toBe(SOURCE_LANGUAGE);
    }
  });

  it('shows the text of the language, or the English one with its language named', () => {
    expect(localizedText({ en: 'Education', fr: 'Éducation' }, 'fr')).toEqual({ text: 'Éducation', lang: 'fr' });
    expect(localizedText({ en: 'Education' }, 'fr')).toEqual({ text: 'Education', lang: 'en' });
    expect(localizedText({ en: 'Education', fr: '' }, 'fr')).toEqual({ text: 'Education', lang: 'en' });
  });

  it('pairs files by name across language folders and picks the version shown', () => {
    const versions = versionsBySlug([
      { id: 'en/joining', value: 'Joining' },
      { id: 'fr/joining', value: 'Adhérer' },
      { id: 'en/programme', value: 'Programme' },
      { id: 'xx/stray', value: 'skipped' },
    ]);
    expect([...versions.keys()]).toEqual(['joining', 'programme']);
    expect(shownVersion(versions.get('joining')!, 'fr')).toEqual({ lang: 'fr', value: 'Adhérer' });
    expect(shownVersion(versions.get('programme')!, 'fr')).toEqual({ lang: 'en', value: 'Programme' });
    expect(writtenIn(versions.get('joining')!)).toEqual(['en', 'fr']);
  });
});

describe('names and addresses', () => {
  it('names languages in the reader\'s language and writes Open Graph locales', () => {
    expect(languageName('fr', 'en')).toBe('French');
    expect(languageName('en', 'fr')).toBe('anglais');
    expect(openGraphLocale('fr')).toBe('fr_FR');
  });

  it('moves a path to another language and leaves other paths alone', () => {
    expect(pathInLanguage('/fr/cities/lisbon/', 'en')).toBe('/en/cities/lisbon/');
    expect(pathInLanguage('/en/', 'fr')).toBe('/fr/');
    expect(pathInLanguage('/data/cities.csv', 'fr')).toBe('/data/cities.csv');
  });
});

describe('textAttributes', () => {
  it('marks text written in another language, and its direction only when it differs', () => {
    expect(textAttributes('fr', 'fr')).toEqual({});
    expect(textAttributes('en', 'fr')).toEqual({ lang: 'en' });
  });
});
