/**
 * The front door, read from the built site: nothing public leads to the editor, the home page's
 * figure is honest, the joining page ends with the next step, every network has a contact, the
 * 404 pages and the legal notice exist in every language, every page says when it last changed.
 */
import { readdirSync } from 'node:fs';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/lib/languages.ts';
import { siteConfig } from '../../src/lib/site-config.ts';
import { fileFor, htmlPaths, readPage, sitemapPaths } from '../helpers/dist.ts';
import { serveDirectory, type StaticServer } from '../helpers/static-server.ts';

const pages = htmlPaths();
const isPublic = (path: string) => !/^\/[a-z]{2,3}\/editors\//.test(path);
const dom = (path: string) => parse(readPage(path));
const networkIds = readdirSync('src/content/networks').map((file) => file.replace(/\.ya?ml$/, ''));
const cityCount = readdirSync('src/content/cities').length;

describe('the public site', () => {
  it('has no link to the editor and no message about a local server', () => {
    const offenders = pages.filter(isPublic).flatMap((path) => {
      const html = readPage(path);
      const links = parse(html).querySelectorAll('a[href]').map((a) => a.getAttribute('href')!).filter((href) => /^\/admin(\/|$)|localhost|127\.0\.0\.1/.test(href));
      const words = /local server|serveur local|servidor local/i.exec(parse(html).querySelector('main')?.text ?? '');
      return [...links.map((href) => `${path} links to ${href}`), ...(words ? [`${path} says "${words[0]}"`] : [])];
    });
    expect(offenders).toEqual([]);
  });

  it("home pages no longer promise the editors' interface", () => {
    for (const lang of LANGUAGES) expect(dom(`/${lang}/`).querySelector('main')!.text, lang).not.toMatch(/editors' interface|interface des éditeurs|interfaz de edición/);
  });

  it.each(LANGUAGES)('links the legal notice and what is new from the footer of every %s page', (lang) => {
    // Every page with the site's footer (printable dossiers have none).
    for (const path of pages.filter((page) => page.startsWith(`/${lang}/`) && isPublic(page))) {
      const footer = dom(path).querySelector('footer.site-footer');
      if (!footer) continue;
      expect(footer.querySelector(`a[href="/${lang}/legal/"]`), path).not.toBeNull();
      expect(footer.querySelector(`a[href="/${lang}/whats-new/"]`), path).not.toBeNull();
    }
    expect(fileFor(`/${lang}/legal/`)).toBeDefined();
    expect(dom(`/${lang}/legal/`).querySelector('main')!.text).toMatch(/Decap CMS/);
  });
});

describe('the home page', () => {
  it('sets the cities of this demonstration against the size of the network', () => {
    expect(dom('/en/').querySelector('.share-of-network')!.text).toBe(`${cityCount} of the network's ${siteConfig.networkMemberCities}+ cities appear in this demonstration.`);
    expect(dom('/fr/').querySelector('.share-of-network')!.text).toBe(`${cityCount} des plus de ${siteConfig.networkMemberCities} villes du réseau figurent dans cette démonstration.`);
  });

  it("leads to the joining page's next step", () => {
    for (const lang of LANGUAGES) expect(dom(`/${lang}/`).querySelector(`.entry-points a[href="/${lang}/joining/#apply"]`), lang).not.toBeNull();
  });
});

describe('the joining page', () => {
  it.each(LANGUAGES)('in %s ends with how to apply, the programme contact and the seven steps as a checklist', (lang) => {
    const apply = dom(`/${lang}/joining/`).querySelector('#apply')!;
    expect(apply).not.toBeNull();
    expect(apply.querySelector(`a[href="mailto:${siteConfig.programmeContact.email}"]`)).not.toBeNull();
    expect(apply.querySelector(`a[href="${siteConfig.programmeContact.website}"]`)).not.toBeNull();
    expect(apply.querySelectorAll('ol.checklist > li')).toHaveLength(7);
    expect(apply.querySelector(`a[href="/${lang}/networks/"]`)).not.toBeNull();
  });
});

describe('the national networks', () => {
  it.each(LANGUAGES)('in %s: all eight listed, each page with a contact to write to', (lang) => {
    expect(networkIds).toHaveLength(8);
    expect(dom(`/${lang}/networks/`).querySelectorAll('main .card')).toHaveLength(networkIds.length);
    for (const id of networkIds) {
      const page = dom(`/${lang}/networks/${id}/`);
      expect(page.querySelector('section[aria-labelledby="network-contact"] a[href^="mailto:"]'), id).not.toBeNull();
    }
    const morocco = dom(`/${lang}/networks/morocco/`);
    expect(morocco.querySelector('h1')!.text).toMatch(/Morocc|maroc|Marroqu/i);
    expect(morocco.querySelector('.notice')).not.toBeNull();
  });
});

describe('the 404 pages', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveDirectory('dist');
  });
  afterAll(() => server.close());

  it.each(LANGUAGES)('/%s/404.html offers a search of its language and links to browse', (lang) => {
    const page = dom(`/${lang}/404.html`);
    expect(page.querySelector('html')!.getAttribute('lang')).toBe(lang);
    expect(page.querySelector('meta[name="robots"]')!.getAttribute('content')).toBe('noindex');
    const form = page.querySelector('main form[role="search"]')!;
    expect(form.getAttribute('action')).toBe(`/${lang}/search/`);
    expect(form.querySelector('input[name="q"]')).not.toBeNull();
    for (const href of [`/${lang}/practices/`, `/${lang}/cities/`, `/${lang}/themes/`]) expect(page.querySelector(`main a[href="${href}"]`), href).not.toBeNull();
  });

  it('the root 404.html speaks every language, and is what an unknown address gets, with status 404', async () => {
    const root = dom('/404.html');
    for (const lang of LANGUAGES) expect(root.querySelector(`section[lang="${lang}"] form[action="/${lang}/search/"]`), lang).not.toBeNull();
    const response = await fetch(`${server.url}/fr/practices/no-such-practice/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('action="/fr/search/"');
  });

  it('stay out of the sitemap', () => {
    expect(sitemapPaths().filter((path) => /404/.test(path))).toEqual([]);
  });
});

describe('every content page', () => {
  it('says when it last changed, as a date', () => {
    for (const path of ['/en/practices/multilingual-neighbourhood-assemblies/', '/fr/cities/bilbao/', '/en/index/bilbao-2022/', '/es/joining/']) {
      const time = dom(path).querySelector('.last-changed time');
      expect(time, path).not.toBeNull();
      expect(time!.getAttribute('datetime'), path).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(dom('/en/practices/multilingual-neighbourhood-assemblies/').querySelector('.last-changed time')!.getAttribute('datetime')! >= '2024-03-18').toBe(true);
  });
});

describe("the What's new page", () => {
  it.each(LANGUAGES)('in %s lists months of changes, newest first', (lang) => {
    const months = dom(`/${lang}/whats-new/`).querySelectorAll('main section h2').map((heading) => heading.getAttribute('id')!);
    expect(months.length).toBeGreaterThan(0);
    expect([...months].sort().reverse()).toEqual(months);
  });
});
