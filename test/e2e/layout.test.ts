/**
 * Layout on a phone and on a wide screen (issue 18), on one or more built pages of every page
 * type: every page route in src/pages (test/helpers/page-types.ts), in every registered language,
 * so a new route is checked without anyone adding it here.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/lib/languages.ts';
import { pageTypesIn } from '../helpers/page-types.ts';
import { useBuiltSite } from '../helpers/site.ts';
import { budgetFor } from '../helpers/time-budget.ts';

const site = useBuiltSite();
/** Pages per route: the first, the last and one between (the longest titles are not always first). */
const SAMPLES = 3;
const PHONE = { width: 390, height: 844 };
const H1_LIMIT = 250;

/** Elements that stick out of the viewport sideways, outside a frame that scrolls or clips them. */
function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const clipped = (element: Element): boolean => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if (style.overflowX !== 'visible' || style.clipPath !== 'none' || style.clip !== 'auto') return true;
      }
      return false;
    };
    const found: string[] = [];
    for (const element of document.body.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || !element.checkVisibility({ visibilityProperty: true })) continue;
      if ((box.right > width + 1 || box.left < -1) && !clipped(element)) {
        const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.classList.length ? `.${[...element.classList].join('.')}` : ''}`;
        found.push(`${name} (${Math.round(box.left)}–${Math.round(box.right)} px)`);
      }
    }
    return found.slice(0, 3);
  });
}

describe('every page type on a 390 px phone', () => {
  const samples = LANGUAGES.flatMap((lang) => pageTypesIn(lang, SAMPLES).map((sample) => ({ lang, ...sample })));

  it('has a built page for every page route, in every language', () => {
    const missing = samples.filter((sample) => sample.paths.length === 0).map(({ lang, route }) => `${lang}: ${route}`);
    expect(missing).toEqual([]);
    expect(new Set(samples.map((sample) => sample.route)).size).toBeGreaterThan(15);
  });

  it(`starts the <h1> within the first ${H1_LIMIT} px and is no wider than the screen`, { timeout: budgetFor(samples.length * SAMPLES, 5_000) }, async () => {
    const context = await site.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const problems: string[] = [];
    for (const path of new Set(samples.flatMap((sample) => sample.paths))) {
      await page.goto(site.url + path, { waitUntil: 'load' });
      const top = await page.evaluate(() => {
        const heading = document.querySelector('h1');
        return heading ? heading.getBoundingClientRect().top + window.scrollY : undefined;
      });
      if (top === undefined) problems.push(`${path}: no <h1>`);
      else if (top > H1_LIMIT) problems.push(`${path}: <h1> starts at ${Math.round(top)} px`);
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      if (scroll > client) problems.push(`${path}: the page is ${scroll} px wide`);
      for (const element of await overflowingElements(page)) problems.push(`${path}: ${element} sticks out of the screen`);
    }
    await context.close();
    expect(problems).toEqual([]);
  });
});

describe('the city profile on a 1280 px screen', () => {
  it('gives every chart more than 60% of the content width', { timeout: budgetFor(LANGUAGES.length * 40, 5_000) }, async () => {
    const context = await site.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    let charts = 0;
    for (const lang of LANGUAGES) {
      const cityRoute = pageTypesIn(lang, Number.MAX_SAFE_INTEGER).find((sample) => sample.route === '[lang]/cities/[city].astro')!;
      for (const path of cityRoute.paths) {
        await page.goto(site.url + path, { waitUntil: 'load' });
        // Each chart: the horizontal span of its drawings (one SVG, or a grid of small multiples).
        const measured = await page.evaluate(() => {
          const content = document.querySelector('main > .container')!;
          const style = getComputedStyle(content);
          const contentWidth = content.clientWidth - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd);
          return [...document.querySelectorAll('main figure.chart')].map((figure) => {
            const boxes = [...figure.querySelectorAll('svg')].map((svg) => svg.getBoundingClientRect());
            const span = Math.max(...boxes.map((box) => box.right)) - Math.min(...boxes.map((box) => box.left));
            return { label: figure.querySelector('svg title')?.textContent ?? '(chart)', share: span / contentWidth };
          });
        });
        for (const chart of measured) {
          charts++;
          if (!(chart.share > 0.6)) problems.push(`${path}: "${chart.label}" uses ${Math.round(chart.share * 100)}% of the content width`);
        }
      }
    }
    await context.close();
    expect(charts).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});

describe('the header folds on a phone', () => {
  it('opens the menu and the search with the keyboard alone, without JavaScript, one at a time', async () => {
    const context = await site.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/fr/cities/`);
    const menuLink = page.locator('.main-nav a', { hasText: 'Thèmes' });
    expect(await menuLink.isVisible()).toBe(false);
    await page.locator('.fold-menu > summary').focus();
    await page.keyboard.press('Enter');
    expect(await menuLink.isVisible()).toBe(true);
    expect(await page.locator('.lang-switch a[hreflang="en"]').isVisible()).toBe(true);
    // The open menu drops over the page and stays inside the screen.
    const panel = (await page.locator('.menu-panel').boundingBox())!;
    expect(panel.x).toBeGreaterThanOrEqual(0);
    expect(panel.x + panel.width).toBeLessThanOrEqual(PHONE.width);
    await page.locator('.fold-search > summary').focus();
    await page.keyboard.press('Enter');
    expect(await menuLink.isVisible()).toBe(false);
    const search = page.getByLabel('Rechercher sur le site');
    expect(await search.isVisible()).toBe(true);
    // The whole placeholder shows (it was cut off mid-word in French).
    const fits = await search.evaluate((element) => {
      const input = element as HTMLInputElement;
      const style = getComputedStyle(input);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      return context.measureText(input.placeholder).width <= input.clientWidth - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd);
    });
    expect(fits).toBe(true);
    await search.fill('médiation');
    await search.press('Enter');
    await page.waitForURL(/\/fr\/search\/\?q=m%C3%A9diation$/);
    await context.close();
  });

  it('shows the search and the menu without folds from 60rem', async () => {
    const page = await site.newPage({ width: 1280 });
    await page.goto(`${site.url}/en/cities/`);
    expect(await page.getByLabel('Search the site').isVisible()).toBe(true);
    expect(await page.locator('.main-nav a', { hasText: 'Themes' }).isVisible()).toBe(true);
    expect(await page.locator('.fold-menu > summary').isVisible()).toBe(false);
    await page.context().close();
  });
});
