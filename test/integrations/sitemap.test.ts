/**
 * The sitemap's alternates between languages (src/integrations/sitemap.ts) are grouped in one pass
 * instead of @astrojs/sitemap's scan of every address per page: the files it writes must be the
 * ones that integration's own `i18n` option writes, byte for byte.
 */
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { isListed, languageAlternates, siteMap } from '../../src/integrations/sitemap.ts';
import { PUBLISHED_REGISTRY, REGISTERED_LANGUAGES, SOURCE_LANGUAGE } from '../../src/lib/languages.ts';

const SITE = 'https://icc.example.org';
const work = mkdtempSync(join(tmpdir(), 'icc-sitemap-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const logger = { info: () => {}, warn: (message: string) => { throw new Error(message); }, error: (message: string) => { throw new Error(message); } };

/** Runs an @astrojs/sitemap integration's hooks as `astro build` does and returns the files it wrote. */
async function writtenBy(integration: AstroIntegration, pathnames: string[], name: string): Promise<Record<string, string>> {
  const dir = join(work, name);
  const hooks = integration.hooks as Record<string, (options: unknown) => unknown>;
  await hooks['astro:routes:resolved']!({ routes: [] });
  await hooks['astro:config:done']!({ config: { site: SITE, base: '/', trailingSlash: 'always', build: { format: 'directory' } } });
  await hooks['astro:build:done']!({ dir: pathToFileURL(`${dir}/`), pages: pathnames.map((pathname) => ({ pathname })), logger });
  return Object.fromEntries(readdirSync(dir).sort().map((file) => [file, readFileSync(join(dir, file), 'utf8')]));
}

const languages = PUBLISHED_REGISTRY.map(({ code }) => code);
/** Pages in every language, some in the source language only, numbered ones (sorted as numbers), and pages left out. */
function pages(): string[] {
  const list = ['', '404/', 'admin/', 'admin/preview/'];
  for (const lang of languages) {
    list.push(`${lang}/`, `${lang}/404/`, `${lang}/editors/`, `${lang}/editors/translations/`, `${lang}/practices/`, `${lang}/cities/lisbon/`);
    for (const page of [2, 10, 1]) list.push(`${lang}/practices/page/${page}/`);
  }
  list.push(`${SOURCE_LANGUAGE}/practices/only-in-the-source-language/`, `${SOURCE_LANGUAGE}/about/`);
  if (languages[1]) list.push(`${languages[1]}/about/`, `${languages[1]}/only-translated/`);
  return list;
}

describe('sitemap', () => {
  it('writes the files of @astrojs/sitemap’s own i18n option, byte for byte', async () => {
    const reference = sitemap({
      filter: isListed,
      i18n: { defaultLocale: SOURCE_LANGUAGE, locales: Object.fromEntries(PUBLISHED_REGISTRY.map(({ code, locale }) => [code, locale])) },
    });
    const expected = await writtenBy(reference, pages(), 'reference');
    const written = await writtenBy(siteMap(SITE), pages(), 'ours');
    expect(Object.keys(written)).toEqual(['sitemap-0.xml', 'sitemap-index.xml']);
    expect(written).toEqual(expected);
    if (languages.length > 1) expect(written['sitemap-0.xml']).toContain(`hreflang="${PUBLISHED_REGISTRY[1]!.locale}" href="${SITE}/${languages[1]}/cities/lisbon/"`);
    expect(written['sitemap-0.xml']).not.toMatch(/\/admin\/|\/editors\/|\/404\/|<loc>https:\/\/icc\.example\.org\/<\/loc>/);
  });

  it('gives a page its versions in every language, in address order, and nothing to a page in one language', () => {
    const alternates = languageAlternates(SITE, { en: 'en', fr: 'fr-FR', es: 'es' });
    for (const address of ['/fr/a/', '/en/a/', '/es/a/', '/en/b/', '/en/c/', '/ar/c/', '/d/'].map((path) => SITE + path)) alternates.list(address);
    const links = (path: string) => alternates.serialize({ url: SITE + path }).links;
    expect(links('/en/a/')).toEqual([
      { url: `${SITE}/en/a/`, lang: 'en' },
      { url: `${SITE}/es/a/`, lang: 'es' },
      { url: `${SITE}/fr/a/`, lang: 'fr-FR' },
    ]);
    expect(links('/fr/a/')).toEqual(links('/en/a/'));
    expect(links('/en/b/')).toBeUndefined();
    // A prefix that is not a published language is part of the path, in the source language.
    expect(links('/ar/c/')).toBeUndefined();
    expect(links('/en/c/')).toBeUndefined();
  });

  it('starts again with the addresses of the next build', () => {
    const alternates = languageAlternates(SITE, { en: 'en', fr: 'fr' });
    for (const path of ['/en/a/', '/fr/a/']) alternates.list(SITE + path);
    expect(alternates.serialize({ url: `${SITE}/en/a/` }).links).toHaveLength(2);
    alternates.list(`${SITE}/en/a/`);
    expect(alternates.serialize({ url: `${SITE}/en/a/` }).links).toBeUndefined();
  });

  it('lists every registered language’s pages but not the editor, the editors’ pages, 404s or the chooser', () => {
    for (const lang of REGISTERED_LANGUAGES) {
      expect(isListed(`${SITE}/${lang}/practices/`)).toBe(true);
      for (const path of [`/${lang}/editors/`, `/${lang}/404/`]) expect(isListed(SITE + path)).toBe(false);
    }
    for (const path of ['/', '/404/', '/admin/', '/admin/config.yml']) expect(isListed(SITE + path)).toBe(false);
  });
});
