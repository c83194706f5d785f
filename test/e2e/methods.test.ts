/** Methods and resources in the built site: pages, links both ways, the spread chart, the library and the search. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { htmlPaths, readPage } from '../helpers/dist.ts';
import { useBuiltSite } from '../helpers/site.ts';

const site = useBuiltSite();

/** The text of the first element matching `pattern` in a built page. */
const section = (path: string, id: string) => {
  const html = readPage(path);
  const start = html.indexOf(`id="${id}"`);
  expect(start, `${path} has no #${id}`).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</section>', start));
};

describe('method pages', () => {
  it('exist in both languages for every method, with no script', () => {
    const english = htmlPaths().filter((path) => /^\/en\/methods\/[a-z0-9-]+\/$/.test(path));
    expect(english.length).toBeGreaterThanOrEqual(12);
    for (const path of english) {
      for (const page of [path, path.replace('/en/', '/fr/')]) {
        const html = readPage(page);
        expect(html, page).toContain('<h2 id="steps"');
        expect(html, page).not.toMatch(/<script(?![^>]*type="application\/ld\+json")/);
      }
    }
  });

  it('list the practices that apply the method, with cities, countries and start years', () => {
    const table = section('/en/methods/anti-rumour-strategy/', 'method-practices');
    expect(table).toContain('href="/en/practices/barcelona-anti-rumour-network/"');
    expect(table).toMatch(/Ballarat<\/a><\/td><td>Australia<\/td><td class="num">2021<\/td>/);
  });

  it('show how the method spread: one sentence, an SVG chart and a table of the cities', () => {
    const english = section('/en/methods/anti-rumour-strategy/', 'spread');
    expect(english).toContain('Barcelona 2010, then 8 cities in 7 countries by 2021.');
    expect(english).toMatch(/<svg[^>]+role="img"[^>]+aria-labelledby="spread-anti-rumour-strategy-title"/);
    expect(english).toMatch(/<td class="num">2018<\/td><th scope="row"><a href="\/en\/cities\/patras\/">Patras<\/a><\/th><td>Greece<\/td>/);
    expect(section('/fr/methods/anti-rumour-strategy/', 'spread')).toContain('Barcelone en 2010, puis 8 villes dans 7 pays en 2021.');
  });

  it('say so when a method is shown in English on the French site', () => {
    // Every demonstration method is translated; the notice appears only for an English fallback.
    expect(readPage('/fr/methods/anti-rumour-strategy/')).not.toContain('pas encore disponible en français');
  });
});

describe('methods elsewhere on the site', () => {
  it('appear on the practices that apply them', () => {
    expect(readPage('/en/practices/getxo-anti-rumour-agents/')).toMatch(/<dt>Methods applied<\/dt>\s*<dd>\s*(<ul>\s*<li>)?<a href="\/en\/methods\/anti-rumour-strategy\/">Anti-rumour strategy<\/a>/);
    expect(readPage('/fr/practices/getxo-anti-rumour-agents/')).toContain('<a href="/fr/methods/anti-rumour-strategy/">Stratégie anti-rumeurs</a>');
  });

  it('appear on the profiles of the cities that use them, with their practices', () => {
    const methods = section('/en/cities/lublin/', 'city-methods');
    expect(methods).toContain('Methods Lublin uses');
    expect(methods).toContain('href="/en/methods/anti-rumour-strategy/"');
    expect(methods).toContain('href="/en/practices/lublin-anti-rumour-library-network/"');
  });

  it('appear on theme hubs, beside the resources on the theme', () => {
    expect(section('/en/themes/anti-discrimination/', 'theme-methods')).toContain('href="/en/methods/anti-rumour-strategy/"');
    expect(section('/en/themes/anti-discrimination/', 'theme-resources')).toContain('Cities free of rumours');
  });
});

describe('the resource library', () => {
  it('lists every resource, grouped by kind, and labels demonstration links', () => {
    const html = readPage('/en/resources/');
    expect(html.match(/<li class="card" id="/g)?.length).toBeGreaterThanOrEqual(25);
    expect(html).toContain('<h3 id="kind-policy-brief">Policy briefs</h3>');
    expect(html).toMatch(/Cities free of rumours: a manual for anti-rumour strategies<\/a>\s*<span class="badge">demonstration link<\/span>/);
    expect(html).toContain('href="/documents/demonstration-resource-sheet.pdf"');
  });

  it('is browsable by kind, theme, language and year through static pages, without JavaScript', async () => {
    for (const path of ['/en/resources/kind/manual/', '/en/resources/theme/anti-discrimination/', '/fr/resources/language/es/', '/en/resources/year/2021/']) {
      expect(readPage(path), path).not.toMatch(/<script(?![^>]*type="application\/ld\+json")/);
    }
    const page = await site.newPage({ javaScriptEnabled: false, width: 390 });
    await page.goto(`${site.url}/fr/resources/`);
    await page.getByRole('link', { name: /^espagnol/ }).click();
    expect(new URL(page.url()).pathname).toBe('/fr/resources/language/es/');
    await expect.poll(() => page.locator('h1').innerText()).toBe('Ressources disponibles en espagnol');
    expect(await page.locator('main li.card').count()).toBeGreaterThan(2);
    await page.context().close();
  });
});

/** Waits until the search reports its results, and returns the result links in order. */
async function resultLinks(page: Page): Promise<string[]> {
  await page.waitForFunction(() => {
    const search = document.querySelector<HTMLElement>('faceted-search');
    return search?.dataset.rendered === location.search && !search.hasAttribute('aria-busy');
  });
  return page.locator('[data-results] li h3 a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
}

describe('searching for a method', () => {
  it.each([
    ['en', 'anti rumour', '/en/methods/anti-rumour-strategy/'],
    ['en', 'anti-rumour', '/en/methods/anti-rumour-strategy/'],
    ['fr', 'rumeurs', '/fr/methods/anti-rumour-strategy/'],
    ['fr', 'anti-rumeurs', '/fr/methods/anti-rumour-strategy/'],
  ])('on the %s site, "%s" leads to the method first', async (lang, query, expected) => {
    const page = await site.newPage();
    await page.goto(`${site.url}/${lang}/search/?q=${encodeURIComponent(query)}`);
    const links = await resultLinks(page);
    expect(links[0]).toBe(expected);
    expect(links.filter((link) => link === expected), 'the method is listed once').toHaveLength(1);
    expect(links.length).toBeGreaterThan(3);
    await page.context().close();
  });

  it('filters by page type "method"', async () => {
    const page = await site.newPage();
    await page.goto(`${site.url}/en/search/?q=city&type=method`);
    const links = await resultLinks(page);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).toMatch(/^\/en\/methods\/[a-z0-9-]+\/$/);
    await page.context().close();
  });
});
