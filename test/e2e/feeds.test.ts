/**
 * Every built feed, read with a real feed parser (@rowanmanning/feed-parser for Atom) and checked
 * against the JSON Feed 1.1 spec fields: permanent ids, dates from the content, links to pages
 * that exist, and every feed advertised by its page with <link rel="alternate">.
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { fallbackChain, LANGUAGES, type Lang } from '../../src/lib/languages.ts';
import { siteConfig } from '../../src/lib/site-config.ts';
import { DIST, fileFor, htmlPaths, readPage } from '../helpers/dist.ts';

const SITE = 'https://intercultural-cities.example.org';
const TAG = `tag:${siteConfig.feedTagAuthority}:`;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(directory, entry.name)) : [join(directory, entry.name)],
  );
}
const feedFiles = LANGUAGES.flatMap((lang) => filesUnder(join(DIST, lang, 'feeds')).map((file) => ({ lang, path: `/${file.slice(DIST.length + 1)}` })));
const atomFiles = feedFiles.filter((file) => file.path.endsWith('.xml'));
const jsonFiles = feedFiles.filter((file) => file.path.endsWith('.json'));

/** The site path of an absolute address on the site, or a failure. */
function sitePath(url: string | null | undefined): string {
  expect(url, 'a link').toBeTruthy();
  expect(url!.startsWith(`${SITE}/`), `${url} is on the site`).toBe(true);
  return new URL(url!).pathname;
}

/** The first-published and last-updated dates a practice's front matter gives. */
function practiceDates(lang: string, slug: string): { published: string; updated: string } {
  const text = readFileSync(`src/content/practices/${lang}/${slug}.md`, 'utf8');
  const published = /^published: (\S+)/m.exec(text)![1]!;
  return { published, updated: /^updated: (\S+)/m.exec(text)?.[1] ?? published };
}

describe(`the feeds (${atomFiles.length} Atom, ${jsonFiles.length} JSON Feed)`, () => {
  it('exist for every city, theme, network and target group and for Index editions, in every language, in both formats', () => {
    for (const lang of LANGUAGES) {
      const kinds = new Set(atomFiles.filter((file) => file.lang === lang).map((file) => file.path.split('/')[3]));
      expect([...kinds].sort()).toEqual(['city', 'for', 'index', 'network', 'theme']);
      expect(fileFor(`/${lang}/feeds/index/editions.xml`)).toBeDefined();
      expect(fileFor(`/${lang}/feeds/network/morocco.xml`)).toBeDefined();
    }
    expect(jsonFiles.map((file) => file.path.replace(/\.json$/, '')).sort()).toEqual(atomFiles.map((file) => file.path.replace(/\.xml$/, '')).sort());
  });

  it.each(atomFiles.map((file) => [file.path, file.lang] as const))('%s is Atom with tag: ids, content dates and links to built pages', (path, lang) => {
    const feed = parseFeed(readPage(path));
    expect(feed.meta.type).toBe('atom');
    expect(feed.language).toBe(lang);
    expect(feed.self).toBe(`${SITE}${path}`);
    expect(fileFor(sitePath(feed.url)), `the page of ${path}`).toBeDefined();
    expect(feed.updated, 'feed updated').toBeInstanceOf(Date);
    const ids = feed.items.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const item of feed.items) {
      expect(item.id!.startsWith(TAG), item.id!).toBe(true);
      const page = sitePath(item.url);
      expect(fileFor(page), page).toBeDefined();
      expect(item.published).toBeInstanceOf(Date);
      expect(item.updated!.getTime()).toBeGreaterThanOrEqual(item.published!.getTime());
      expect(item.updated!.getTime()).toBeLessThanOrEqual(feed.updated!.getTime());
      const practice = /^\/(\w+)\/practices\/([^/]+)\/$/.exec(page);
      if (practice) {
        const textLang = textLanguage(practice[1] as Lang, practice[2]!);
        const dates = practiceDates(textLang, practice[2]!);
        expect([item.published!.toISOString().slice(0, 10), item.updated!.toISOString().slice(0, 10)], item.id!).toEqual([dates.published, dates.updated]);
      }
    }
  });

  it.each(jsonFiles.map((file) => [file.path, file.lang] as const))('%s is JSON Feed 1.1 with the fields the spec requires', (path, lang) => {
    const feed = JSON.parse(readPage(path)) as Record<string, unknown> & { items: Record<string, unknown>[] };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(typeof feed.title).toBe('string');
    expect(feed.feed_url).toBe(`${SITE}${path}`);
    expect(fileFor(sitePath(feed.home_page_url as string))).toBeDefined();
    expect(feed.language).toBe(lang);
    expect(Array.isArray(feed.items)).toBe(true);
    const atom = parseFeed(readPage(path.replace(/\.json$/, '.xml')));
    expect(feed.items.map((item) => item.id)).toEqual(atom.items.map((item) => item.id));
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string');
      expect(typeof item.content_text === 'string' || typeof item.content_html === 'string').toBe(true);
      expect(item.date_published).toMatch(RFC3339);
      expect(item.date_modified).toMatch(RFC3339);
      expect(fileFor(sitePath(item.url as string))).toBeDefined();
    }
  });

  it('are advertised on their pages with <link rel="alternate">, and every advertised feed exists', () => {
    const advertised = new Set<string>();
    for (const page of htmlPaths()) {
      const links = parse(readPage(page)).querySelectorAll('link[rel="alternate"][type="application/atom+xml"], link[rel="alternate"][type="application/feed+json"]');
      for (const link of links) {
        const href = link.getAttribute('href')!;
        expect(fileFor(href), `${page} advertises ${href}`).toBeDefined();
        expect(link.getAttribute('title'), `${page}: the feed's title`).toBeTruthy();
        advertised.add(href);
      }
    }
    expect(feedFiles.map((file) => file.path).filter((path) => !advertised.has(path))).toEqual([]);
    const city = parse(readPage('/fr/cities/bilbao/'));
    expect(city.querySelector('link[type="application/atom+xml"]')!.getAttribute('href')).toBe('/fr/feeds/city/bilbao.xml');
    expect(city.querySelector('.feed-links a')!.getAttribute('href')).toBe('/fr/feeds/city/bilbao.xml');
  });
});

/** The language a practice's text is shown in: the first of the language's fallbacks with a complete file (not a stub without title). */
function textLanguage(lang: Lang, slug: string): Lang {
  return fallbackChain(lang).find((code) => {
    const file = `src/content/practices/${code}/${slug}.md`;
    return existsSync(file) && /^title:/m.test(readFileSync(file, 'utf8'));
  })!;
}
