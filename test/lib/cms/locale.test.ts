import { describe, expect, it } from 'vitest';
import { chooseLocale } from '../../../src/lib/cms/locale.ts';

describe('the language of the admin', () => {
  it.each([
    [{ requested: 'fr', stored: 'en', browser: ['en-GB'] }, 'fr'],
    [{ requested: 'de', stored: 'fr', browser: ['en-GB'] }, 'fr'],
    [{ stored: 'en', browser: ['fr-FR'] }, 'en'],
    [{ browser: ['de-DE', 'fr-CH', 'en'] }, 'fr'],
    [{ browser: ['de-DE'] }, 'en'],
    [{}, 'en'],
  ])('%j → %s', (sources, locale) => {
    expect(chooseLocale(sources)).toBe(locale);
  });
});
