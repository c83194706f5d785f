import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { countryName } from '../../src/lib/countries.ts';
import { MEMBERSHIP_STEPS, membershipStepKey, networkContact, shareOfNetwork } from '../../src/lib/front-door.ts';
import { hasUiKey, t } from '../../src/lib/i18n.ts';
import { LANGUAGES } from '../../src/lib/languages.ts';
import { siteConfig } from '../../src/lib/site-config.ts';

describe('shareOfNetwork', () => {
  it('sets the cities shown against the network size, as a demonstration while the site is one', () => {
    expect(shareOfNetwork(42, 150, true)).toEqual({ key: 'frontdoor.home.shareDemo', values: { shown: 42, total: 150 } });
    expect(t('en', 'frontdoor.home.shareDemo', { shown: 42, total: 150 })).toBe("42 of the network's 150+ cities appear in this demonstration.");
    expect(t('fr', 'frontdoor.home.shareDemo', { shown: 42, total: 150 })).toBe('42 des plus de 150 villes du réseau figurent dans cette démonstration.');
  });

  it('speaks of the site, not a demonstration, once the content is real', () => {
    expect(shareOfNetwork(160, 150, false)).toEqual({ key: 'frontdoor.home.shareSite', values: { shown: 160, total: 160 } });
  });

  it('refuses a network size that is not a whole number of 1 or more, saying where to fix it', () => {
    expect(() => shareOfNetwork(42, 0, true)).toThrow(
      'siteConfig.networkMemberCities must be a whole number of 1 or more: the member cities of the network, as the programme states it (found 0)',
    );
    expect(() => shareOfNetwork(42, 150.5, true)).toThrow('(found 150.5)');
    expect(() => shareOfNetwork(-1, 150, true)).toThrow('citiesShown must be a whole number of 0 or more (found -1)');
  });
});

describe('the membership checklist', () => {
  it('has the seven steps in the programme order, each translated in every language', () => {
    expect(MEMBERSHIP_STEPS).toEqual(['request', 'questionnaire', 'report', 'intent', 'agreement', 'visit', 'profile']);
    for (const step of MEMBERSHIP_STEPS) expect(hasUiKey(membershipStepKey(step))).toBe(true);
  });
});

describe('networkContact', () => {
  it("gives the coordinator when the content names a way to reach them, the programme's address otherwise", () => {
    expect(networkContact({ name: 'RECI', email: 'reci@city.org' }, 'intercities@coe.int')).toEqual({ kind: 'coordinator', name: 'RECI', email: 'reci@city.org' });
    expect(networkContact({ url: 'https://reci.org' }, 'intercities@coe.int')).toEqual({ kind: 'coordinator', url: 'https://reci.org' });
    expect(networkContact(undefined, 'intercities@coe.int')).toEqual({ kind: 'programme', email: 'intercities@coe.int' });
    expect(networkContact({ name: 'Nobody to write to' }, 'intercities@coe.int')).toEqual({ kind: 'programme', email: 'intercities@coe.int' });
  });
});

describe('the demonstration content', () => {
  const networks = readdirSync('src/content/networks').map((file) => parse(readFileSync(`src/content/networks/${file}`, 'utf8')) as { country: string; coordinator?: unknown });
  /** The number word the joining page uses for the national networks, per language. */
  const NUMBER_WORDS: Record<string, Record<number, string>> = { en: { 8: 'eight' }, fr: { 8: 'huit' }, es: { 8: 'ocho' } };

  it('holds every national network the joining page speaks of, Morocco included, each with a coordinator', () => {
    expect(networks.map((network) => network.country).sort()).toEqual(['AU', 'ES', 'GB', 'IT', 'MA', 'NO', 'PT', 'UA']);
    for (const network of networks) expect(network.coordinator).toBeDefined();
  });

  it.each(LANGUAGES)('the %s joining page names as many networks as the content holds, and each of their countries', (lang) => {
    const text = readFileSync(`src/content/pages/${lang}/joining.md`, 'utf8');
    const word = NUMBER_WORDS[lang]?.[networks.length];
    expect(word, `add the number word for ${networks.length} in ${lang}`).toBeDefined();
    const sentence = text.split('\n').find((line) => line.includes(`**${word}**`));
    expect(sentence, `the ${lang} joining page should say "**${word}**" national networks`).toBeDefined();
    for (const network of networks) expect(sentence).toContain(countryName(network.country, lang).replace(/^the /, ''));
  });

  it("has the programme's contact to write to", () => {
    expect(siteConfig.programmeContact.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
    expect(siteConfig.networkMemberCities).toBeGreaterThanOrEqual(150);
  });
});
