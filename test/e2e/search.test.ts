import { describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { htmlPaths, readPage } from '../helpers/dist.ts';
import { useBuiltSite } from '../helpers/site.ts';
import { PAGE_TYPES } from '../../src/lib/search-facets.ts';

const site = useBuiltSite();

/** Waits until the search reports its result count, and returns the count. */
async function resultCount(page: Page): Promise<number> {
  await page.waitForFunction(() => {
    const search = document.querySelector<HTMLElement>('faceted-search');
    return search?.dataset.rendered === location.search && !search.hasAttribute('aria-busy');
  });
  const text = await page.locator('[data-status]').innerText();
  return Number(/(\d+)/.exec(text)?.[1] ?? 0);
}

describe('what the search indexes', () => {
  it('gives every indexed page exactly one page type from the type facet', () => {
    const indexed = htmlPaths().filter((path) => readPage(path).includes('data-pagefind-body'));
    expect(indexed.length).toBeGreaterThan(400);
    for (const path of indexed) {
      const types = [...readPage(path).matchAll(/data-pagefind-filter="type:([a-z-]+)"/g)].map((match) => match[1]);
      expect(types.length === 1 && (PAGE_TYPES as readonly string[]).includes(types[0]!), `${path}: ${types.join(', ') || 'no type'}`).toBe(true);
    }
  });

  it('leaves lists that only repeat names out of the results', () => {
    for (const path of ['/en/', '/fr/', '/en/cities/', '/en/themes/', '/en/networks/', '/en/practices/']) {
      expect(readPage(path)).not.toContain('data-pagefind-body');
    }
  });
});

describe('site search', () => {
  it('finds a practice by a word of its title, first', async () => {
    const page = await site.newPage();
    await page.goto(`${site.url}/en/search/?q=storytelling`);
    expect(await resultCount(page)).toBeGreaterThan(0);
    const first = page.locator('[data-results] li').first();
    expect(await first.locator('a').getAttribute('href')).toBe('/en/practices/storytelling-circles-older-residents/');
    expect(await first.innerText()).toContain('Palermo · Italy');
    await page.context().close();
  });

  it('returns only French pages for a French query on the French site', async () => {
    const page = await site.newPage();
    await page.goto(`${site.url}/fr/search/?q=médiation`);
    expect(await resultCount(page)).toBeGreaterThan(3);
    const hrefs = await page.locator('[data-results] li h3 a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(3);
    for (const href of hrefs) expect(href).toMatch(/^\/fr\//);
    await page.context().close();
  });

  it('searches from the header box on any page, with the query in the URL', async () => {
    const page = await site.newPage();
    await page.goto(`${site.url}/en/cities/`);
    await page.getByLabel('Search the site').fill('welcome');
    await page.getByLabel('Search the site').press('Enter');
    await page.waitForURL(/\/en\/search\/\?q=welcome$/);
    expect(await resultCount(page)).toBeGreaterThan(0);
    expect(await page.getByLabel('Search words').inputValue()).toBe('welcome');
    await page.context().close();
  });

  it('shows the results before fetching the facet indexes, then counts for the query', async () => {
    const page = await site.newPage();
    // Pagefind fetches from a worker; the browser times each request on one clock. The shown
    // results' fragments are fetched before the results are drawn, the filter indexes after.
    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));
    await page.goto(`${site.url}/en/search/?q=mediation`);
    const total = await resultCount(page);
    expect(total).toBeGreaterThan(3);
    const started = (pattern: RegExp) => requests.filter((request) => pattern.test(request.url())).map((request) => request.timing().startTime);
    const fragments = started(/\/pagefind\/[a-z]+\/fragment\//);
    const filters = started(/\/pagefind\/[a-z]+\/filter\//);
    expect(fragments.length).toBeGreaterThan(0);
    expect(filters.length).toBeGreaterThan(0);
    expect(Math.min(...filters)).toBeGreaterThan(Math.max(...fragments));
    // The page-type counts of the query add up to its results.
    const typeCounts = await page.locator('[data-count^="type:"]').allInnerTexts();
    expect(typeCounts.reduce((sum, count) => sum + Number(count || 0), 0)).toBe(total);
    await page.context().close();
  });

  it('filters by page type', async () => {
    const page = await site.newPage();
    await page.goto(`${site.url}/en/search/?q=oslo`);
    const allTypes = await resultCount(page);
    await page.getByRole('checkbox', { name: /^City profile/ }).check();
    await page.waitForFunction(() => location.search.includes('type=city'));
    await page.locator('[data-results] li').first().waitFor();
    const cities = await resultCount(page);
    expect(cities).toBeLessThan(allTypes);
    expect(await page.locator('[data-results] li a').first().getAttribute('href')).toBe('/en/cities/oslo/');
    for (const badge of await page.locator('[data-results] .badge').allInnerTexts()) expect(badge).toBe('City profile');
    await page.context().close();
  });
});

describe('practice facets', () => {
  it('narrows the catalogue with two themes, keeps both in the URL, and restores them from it', async () => {
    const page = await site.newPage();
    await page.goto(`${site.url}/en/practices/`);
    const total = Number(/(\d+)/.exec(await page.locator('.static-list > h2').innerText())![1]);
    await page.getByRole('checkbox', { name: /^Education/ }).check();
    const educationOnly = await resultCount(page);
    expect(educationOnly).toBeLessThan(total);
    await page.getByRole('checkbox', { name: /^Language/ }).check();
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll('theme').length === 2);
    const both = await resultCount(page);
    expect(both).toBeLessThan(total);
    expect(both).toBeGreaterThanOrEqual(educationOnly);
    const url = page.url();
    expect(new URL(url).searchParams.getAll('theme').sort()).toEqual(['education', 'language']);
    expect(await page.locator('.static-list').isVisible()).toBe(false);

    const fresh = await site.newPage();
    await fresh.goto(url);
    expect(await resultCount(fresh)).toBe(both);
    expect(await fresh.getByRole('checkbox', { name: /^Education/ }).isChecked()).toBe(true);
    expect(await fresh.getByRole('checkbox', { name: /^Language/ }).isChecked()).toBe(true);
    await page.context().close();
    await fresh.context().close();
  });

  it('combines facets across fields and with free text', async () => {
    const page = await site.newPage();
    await page.goto(`${site.url}/en/practices/?country=es`);
    const spain = await resultCount(page);
    await page.getByRole('checkbox', { name: /^Ongoing only/ }).check();
    await page.waitForFunction(() => location.search.includes('status=ongoing'));
    const ongoing = await resultCount(page);
    expect(ongoing).toBeLessThanOrEqual(spain);
    const counts = await page.locator('[data-count^="theme:"]').allInnerTexts();
    expect(counts.some((count) => Number(count) > 0)).toBe(true);
    await page.context().close();
  });

  it('loads no search script on a practice page', async () => {
    const page = await site.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(`${site.url}/en/practices/storytelling-circles-older-residents/`, { waitUntil: 'networkidle' });
    expect(scripts).toEqual([]);
    await page.context().close();
  });

  it('fetches Pagefind on the practice list only once a filter is used', async () => {
    const page = await site.newPage();
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(`${site.url}/en/practices/`, { waitUntil: 'networkidle' });
    expect(fetched.filter((path) => path.startsWith('/pagefind/'))).toEqual([]);
    await page.getByRole('checkbox', { name: /^Education/ }).check();
    await resultCount(page);
    expect(fetched.some((path) => path.startsWith('/pagefind/'))).toBe(true);
    await page.context().close();
  });
});
