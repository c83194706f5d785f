import sitemap, { type LinkItem, type SitemapItem } from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { PUBLISHED_REGISTRY, SOURCE_LANGUAGE } from '../lib/languages.ts';

/** The order @astrojs/sitemap gives its addresses and their alternates (`localeCompare('en', { numeric: true })`), with one collator. */
const byAddress = new Intl.Collator('en', { numeric: true }).compare;

/**
 * Pages that are not for search engines: the editor, the editors' pages, the 404 pages and the
 * language chooser at the root.
 */
export function isListed(address: string): boolean {
  const path = new URL(address).pathname;
  return !path.startsWith('/admin/') && !/^\/[a-z]{2,3}\/(editors\/|404\/$)/.test(path) && path !== '/' && path !== '/404/';
}

/**
 * The same page in every language, grouped in one pass over the listed addresses. @astrojs/sitemap's
 * own `i18n` option finds each page's alternates by scanning every address again
 * (createGetI18nLinks), and keeps nothing for a page with no translation: time that grows with the
 * square of the pages (11.6 s of a three-language build of 10,000 practices, of which 8.9 s in that
 * scan). This gives the same `<xhtml:link>` alternates, in the same order, as that option: an
 * address under a language's prefix (/fr/…) is that language's version of the path after it, any
 * other address is the source language's, and a page is given alternates only when it has two or
 * more versions.
 */
export function languageAlternates(site: string, locales: Readonly<Record<string, string>>) {
  const base = new URL('/', site).href.replace(/\/$/, '');
  let listed: string[] = [];
  let groups: Map<string, LinkItem[]> | undefined;
  const versionOf = (address: string): { path: string; lang: string } | undefined => {
    if (!address.startsWith(base)) return undefined;
    const path = address.slice(base.length) || '/';
    const prefix = path.split('/')[1]!;
    if (Object.hasOwn(locales, prefix)) return { path: path.slice(1 + prefix.length) || '/', lang: locales[prefix]! };
    return { path, lang: locales[SOURCE_LANGUAGE]! };
  };
  return {
    /** Called for each address the sitemap lists, before the first `serialize`. */
    list(address: string): void {
      listed.push(address);
      groups = undefined;
    },
    /** The sitemap entry of an address, with its alternates. */
    serialize(item: SitemapItem): SitemapItem {
      if (!groups) {
        groups = new Map();
        for (const url of listed) {
          const version = versionOf(url);
          if (!version) continue;
          const group = groups.get(version.path);
          if (group) group.push({ url, lang: version.lang });
          else groups.set(version.path, [{ url, lang: version.lang }]);
        }
        for (const group of groups.values()) group.sort((a, b) => byAddress(a.url, b.url));
        listed = [];
      }
      const version = versionOf(item.url);
      const links = version && groups.get(version.path);
      return links && links.length > 1 ? { ...item, links } : item;
    },
  };
}

/** The sitemap of the published languages (src/lib/languages.ts), with their alternates. */
export function siteMap(site: string): AstroIntegration {
  const alternates = languageAlternates(site, Object.fromEntries(PUBLISHED_REGISTRY.map(({ code, locale }) => [code, locale])));
  return sitemap({
    filter: (address) => {
      if (!isListed(address)) return false;
      alternates.list(address);
      return true;
    },
    serialize: (item) => alternates.serialize(item),
  });
}
