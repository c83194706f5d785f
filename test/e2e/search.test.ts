import { describe, expect, it } from 'vitest';
import { createServer, get } from 'node:http';
import type { AddressInfo } from 'node:net';
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

/** The result links on screen, in order. */
async function resultLinks(page: Page): Promise<string[]> {
  return page.locator('[data-results] > li h3 a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
}

describe('ranking pages by what they are about', () => {
  it.each([
    ['en', 'bilbao', '/en/cities/bilbao/'],
    ['en', 'norway', '/en/networks/norway/'],
    ['en', 'neighbourhoods', '/en/themes/neighbourhoods/'],
    ['fr', 'lisbonne', '/fr/cities/lisbon/'],
    ['fr', 'quartiers', '/fr/themes/neighbourhoods/'],
  ])('puts the page a %s query names first ("%s")', async (lang, query, expected) => {
    const page = await site.newPage();
    await page.goto(`${site.url}/${lang}/search/?q=${encodeURIComponent(query)}`);
    await resultCount(page);
    expect((await resultLinks(page))[0]).toBe(expected);
    await page.context().close();
  });

  it('leaves generated lists out of the index: only profiles about Bilbao match "bilbao"', async () => {
    const page = await site.newPage();
    await page.goto(`${site.url}/en/search/?q=bilbao&type=city`);
    // Bilbao's own profile and Getxo's, which lies on the Bilbao estuary; not every profile
    // whose "Learn from" or peer lists name Bilbao.
    expect(await resultCount(page)).toBeLessThanOrEqual(3);
    await page.context().close();
  });
});

describe('why a result matched', () => {
  it('names the query in the status and highlights its words in every top card, with deep links to sections', async () => {
    const page = await site.newPage();
    await page.goto(`${site.url}/en/search/?q=mediators&type=practice`);
    const total = await resultCount(page);
    expect(await page.locator('[data-status]').innerText()).toBe(`${total} results for “mediators”`);
    const cards = page.locator('[data-results] > li');
    for (let index = 0; index < 5; index++) expect(await cards.nth(index).locator('.excerpt mark').count()).toBeGreaterThan(0);
    const deepLinks = await page.locator('[data-results] .matched-sections a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(deepLinks.length).toBeGreaterThan(0);
    for (const href of deepLinks) expect(href).toMatch(/^\/en\/practices\/[a-z0-9-]+\/#(stimulus|process|results|transferability)$/);
    await page.context().close();
  });

  it('offers "Did you mean" from the site\'s own words when a word is unknown, and the corrected search', async () => {
    const page = await site.newPage();
    await page.goto(`${site.url}/fr/search/?q=médation`);
    await resultCount(page);
    const suggestion = page.locator('[data-suggestions] a', { hasText: 'médiation' });
    await suggestion.click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'médiation');
    expect(await resultCount(page)).toBeGreaterThan(3);
    await page.context().close();
  });

  it('suggests the filter a query names ("young people" → the Young people target group)', async () => {
    const page = await site.newPage();
    await page.goto(`${site.url}/en/search/?q=young%20people`);
    await resultCount(page);
    await page.locator('[data-suggestions] a', { hasText: 'Target group: Young people' }).click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('group') === 'youth');
    expect(await resultCount(page)).toBeGreaterThan(0);
    expect(await page.getByRole('checkbox', { name: /^Young people/ }).isChecked()).toBe(true);
    await page.context().close();
  });
});

describe('search behaviour', () => {
  it('never mixes a slow earlier query into the next one, and Show more then continues where the list stopped', async () => {
    const reference = await site.newPage();
    await reference.goto(`${site.url}/en/search/?q=police%20training`);
    const total = await resultCount(reference);
    expect(total).toBeGreaterThan(10);
    await reference.locator('[data-more]').click();
    // Cards are drawn one by one as their fragments arrive: wait for the whole second page.
    await reference.waitForFunction((count) => document.querySelectorAll('[data-results] > li').length === count, Math.min(total, 20));
    const expected = await resultLinks(reference);
    await reference.context().close();

    // A proxy in front of the site makes the first query's result fragments arrive late, after
    // the second query has been typed (Pagefind fetches from a worker, out of reach of page.route).
    let slow = true;
    const proxy = createServer((request, response) => {
      const late = slow && request.url!.includes('/fragment/');
      setTimeout(() => {
        get(`${site.url}${request.url}`, (upstream) => {
          response.writeHead(upstream.statusCode ?? 502, upstream.headers);
          upstream.pipe(response);
        });
      }, late ? 1500 : 0);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', () => resolve()));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const context = await site.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${proxyUrl}/en/search/`);
    const box = page.getByLabel('Search words');
    await box.fill('roma');
    const firstFragments = page.waitForRequest(/\/pagefind\/en\/fragment\//);
    await box.press('Enter');
    await firstFragments;
    slow = false;
    await box.fill('police training');
    await box.press('Enter');
    await resultCount(page);
    await page.waitForTimeout(2500);
    expect(await resultLinks(page)).toEqual(expected.slice(0, (await resultLinks(page)).length));
    await page.locator('[data-more]').click();
    await page.waitForFunction((count) => document.querySelectorAll('[data-results] > li').length === count, expected.length);
    expect(await resultLinks(page)).toEqual(expected);
    await context.close();
    await new Promise((resolve) => proxy.close(resolve));
  });

  it('filters without words return every page type that matches, and the type counts stay right', async () => {
    const page = await site.newPage();
    await page.goto(`${site.url}/en/search/?type=city`);
    const total = await resultCount(page);
    expect(total).toBe(htmlPaths().filter((path) => /^\/en\/cities\/[a-z-]+\/$/.test(path)).length);
    expect(await page.locator('[data-results] > li').count()).toBe(Math.min(total, 10));
    expect(await page.locator('[data-count="type:city"]').innerText()).toBe(String(total));
    expect(Number(await page.locator('[data-count="type:practice"]').innerText())).toBeGreaterThan(50);
    await page.context().close();
  });

  it('undoes a filter change with Back, and clears the filters but keeps the words', async () => {
    const page = await site.newPage();
    await page.goto(`${site.url}/en/search/?q=oslo`);
    const all = await resultCount(page);
    await page.getByRole('checkbox', { name: /^City profile/ }).check();
    await page.waitForFunction(() => location.search.includes('type=city'));
    expect(await resultCount(page)).toBeLessThan(all);
    await page.goBack();
    await page.waitForFunction(() => location.search === '?q=oslo');
    expect(await resultCount(page)).toBe(all);
    expect(await page.getByRole('checkbox', { name: /^City profile/ }).isChecked()).toBe(false);

    await page.getByRole('checkbox', { name: /^City profile/ }).check();
    await page.waitForFunction(() => location.search.includes('type=city'));
    await resultCount(page);
    await page.getByRole('button', { name: /^Clear the filters/ }).click();
    await page.waitForFunction(() => location.search === '?q=oslo');
    expect(await resultCount(page)).toBe(all);
    expect(await page.getByLabel('Search words').inputValue()).toBe('oslo');
    await page.context().close();
  });
});

describe('phones, keyboards and no JavaScript', () => {
  it('on a 390 px phone folds the filters, counts the active ones, shows them as removable chips, and the first result is one screen below the box', async () => {
    const context = await site.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/en/search/?q=mediation&type=practice`);
    await resultCount(page);
    expect(await page.locator('details.facets').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
    expect(await page.locator('details.facets summary').innerText()).toBe('Filters (1 active)');
    const box = (await page.getByLabel('Search words').boundingBox())!;
    const first = (await page.locator('[data-results] > li').first().boundingBox())!;
    expect(first.y - box.y).toBeLessThan(844);
    await page.getByRole('button', { name: 'Remove the filter Page type: Practice' }).click();
    await page.waitForFunction(() => location.search === '?q=mediation');
    expect(await page.locator('[data-chips] button').count()).toBe(0);
    await context.close();
  });

  it('reaches the first result from the search box in four key presses with a skip link', async () => {
    const page = await site.newPage();
    await page.goto(`${site.url}/en/search/?q=mediation`);
    await resultCount(page);
    await page.getByLabel('Search words').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the results');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const first = await resultLinks(page);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(first[0]);
    await page.context().close();
  });

  it('says that the 39-city list scrolls and narrows it by typing', async () => {
    const page = await site.newPage();
    await page.goto(`${site.url}/en/search/`);
    const cities = page.locator('fieldset', { has: page.locator('legend', { hasText: /^City$/ }) });
    const count = await cities.locator('input[type="checkbox"]').count();
    expect(count).toBeGreaterThan(10);
    expect(await cities.locator('.list-size').innerText()).toBe(`${count} choices: the list scrolls.`);
    await cities.getByLabel('Find in this list').fill('osl');
    expect(await cities.locator('.facet-options label:visible').allInnerTexts()).toEqual([expect.stringMatching(/^Oslo/)]);
    await page.context().close();
  });

  it('without JavaScript shows no dead form but the browse pages', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    await page.goto(`${site.url}/en/search/?q=education`);
    expect(await page.locator('faceted-search form').isVisible()).toBe(false);
    for (const href of ['/en/themes/education/', '/en/practices/country/es/', '/en/practices/for/youth/', '/en/cities/', '/en/networks/']) {
      expect(await page.locator(`main a[href="${href}"]`).first().isVisible(), href).toBe(true);
    }
    await page.context().close();
  });
});
