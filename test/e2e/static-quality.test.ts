/** Static checks over every built page: links, fragments, orphans, HTML validity, headings, link texts. */
import { HtmlValidate } from 'html-validate';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { fileFor, htmlPaths, readPage, sitemapPaths } from '../helpers/dist.ts';

const paths = htmlPaths();
const documents = new Map(paths.map((path) => [path, parse(readPage(path))]));
const BARE_LINK_TEXTS = /^(read more|more|click here|here|link|en savoir plus|lire la suite|cliquez ici|ici|plus)$/i;

/** Internal link targets of a page, resolved against the page's path. */
function internalLinks(path: string, document: HTMLElement): URL[] {
  return document
    .querySelectorAll('a[href]')
    .map((anchor) => anchor.getAttribute('href')!)
    .filter((href) => !/^(mailto:|https?:|tel:)/.test(href))
    .map((href) => new URL(href, `http://site${path}`));
}

describe(`every built page (${paths.length})`, () => {
  it('links only to pages and fragments that exist', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const [path, document] of documents) {
      for (const target of internalLinks(path, document)) {
        checked++;
        if (target.pathname.startsWith('/admin/')) continue; // The editor is checked by its own test.
        if (!fileFor(target.pathname)) {
          broken.push(`${path} → ${target.pathname} (no such page)`);
          continue;
        }
        if (target.hash) {
          const id = decodeURIComponent(target.hash.slice(1));
          const targetDocument = documents.get(target.pathname) ?? parse(readPage(target.pathname));
          if (!targetDocument.getElementById(id)) broken.push(`${path} → ${target.pathname}${target.hash} (no such fragment)`);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(10_000);
  });

  it('is reachable from the home pages by links (no orphans)', () => {
    const reached = new Set<string>();
    const queue = ['/en/', '/fr/'];
    while (queue.length > 0) {
      const path = queue.shift()!;
      if (reached.has(path) || !documents.has(path)) continue;
      reached.add(path);
      for (const target of internalLinks(path, documents.get(path)!)) queue.push(target.pathname);
    }
    const orphans = sitemapPaths().filter((path) => !reached.has(path));
    expect(orphans).toEqual([]);
  });

  it('has lang on <html> matching its language, and valid lang attributes inside', () => {
    for (const [path, document] of documents) {
      if (path === '/' || path === '/404.html') continue;
      expect(document.querySelector('html')!.getAttribute('lang'), path).toBe(path.slice(1, 3));
      for (const element of document.querySelectorAll('[lang]')) expect(['en', 'fr'], path).toContain(element.getAttribute('lang'));
    }
  });

  it('has one h1 and headings that do not skip levels', () => {
    const problems: string[] = [];
    for (const [path, document] of documents) {
      const levels = document.querySelectorAll('h1, h2, h3, h4, h5, h6').map((heading) => Number(heading.tagName[1]));
      if (levels.filter((level) => level === 1).length !== 1) problems.push(`${path}: ${levels.filter((level) => level === 1).length} h1`);
      levels.forEach((level, index) => {
        if (index > 0 && level > levels[index - 1]! + 1) problems.push(`${path}: h${levels[index - 1]} followed by h${level}`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('has link texts that say where they go and alt text on every image', () => {
    const problems: string[] = [];
    for (const [path, document] of documents) {
      for (const anchor of document.querySelectorAll('a')) {
        const name = (anchor.getAttribute('aria-label') ?? anchor.textContent).trim();
        const svgTitle = anchor.querySelector('title')?.textContent.trim();
        if (!name && !svgTitle) problems.push(`${path}: link to ${anchor.getAttribute('href')} has no text`);
        else if (BARE_LINK_TEXTS.test(name)) problems.push(`${path}: link text "${name}" does not say where it goes`);
      }
      for (const image of document.querySelectorAll('img')) {
        if (image.getAttribute('alt') === undefined) problems.push(`${path}: image ${image.getAttribute('src')} has no alt`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('runs no inline script and loads scripts only from the site itself', () => {
    for (const [path, document] of documents) {
      for (const script of document.querySelectorAll('script')) {
        const src = script.getAttribute('src');
        const type = script.getAttribute('type');
        expect(src ?? type, `${path}: inline script`).toBeTruthy();
        if (src) expect(src, path).toMatch(/^\/(?!\/)/);
        else expect(type, path).toMatch(/json/);
      }
      expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'), path).toContain("script-src 'self'");
    }
  });
});

describe('HTML validity', () => {
  it('finds zero errors with html-validate on every page', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: {
        // Astro writes void elements as <meta ... /> and attributes in its own style.
        'void-style': 'off',
        'no-trailing-whitespace': 'off',
        'attribute-boolean-style': 'off',
        'attribute-empty-style': 'off',
        // Long-form text legitimately contains apostrophes and quotes.
        'no-raw-characters': 'off',
        // SVG charts use inline presentation attributes, not style="".
        'no-inline-style': 'off',
        // Several <nav> and <section> share a role on purpose; each has its own label.
        'unique-landmark': 'off',
        // An SEO hint, not validity: practice titles plus the site name are often longer.
        'long-title': 'off',
        // Facets are groups of checkboxes sharing a name (?theme=a&theme=b).
        'form-dup-name': ['error', { shared: ['radio', 'button', 'reset', 'submit', 'checkbox'] }],
      },
    });
    const failures: string[] = [];
    for (const path of paths) {
      const report = await validator.validateString(readPage(path), path);
      for (const result of report.results) {
        for (const message of result.messages) failures.push(`${path}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
      }
    }
    expect(failures.slice(0, 40), `${failures.length} errors; rules: ${[...new Set(failures.map((line) => line.split(' ')[1]))].join(' ')}`).toEqual([]);
    // Validating every page takes tens of seconds on a busy machine: no timeout it could hit.
  }, 900_000);
});
