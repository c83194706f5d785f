/** WCAG 2.2 AA in a real browser: axe-core on every page of the sitemap, and keyboard checks. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sitemapPaths } from '../helpers/dist.ts';
import { useBuiltSite } from '../helpers/site.ts';

const site = useBuiltSite();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((violation) => `${violation.id}: ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(', ')}`);
  }, TAGS);
  return violations;
}

describe('axe-core, WCAG 2.2 AA', () => {
  it('finds zero violations on every page of the sitemap, in English and French', { timeout: 900_000 }, async () => {
    const paths = sitemapPaths();
    expect(paths.length).toBeGreaterThan(300);
    const failures: string[] = [];
    // Two tabs share the work (CI has two cores). CSP is bypassed only to inject axe itself.
    const queue = [...paths];
    const worker = async () => {
      const context = await site.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      for (let path = queue.shift(); path; path = queue.shift()) {
        await page.goto(site.url + path, { waitUntil: 'load' });
        for (const violation of await axeViolations(page)) failures.push(`${path} ${violation}`);
      }
      await context.close();
    };
    await Promise.all([worker(), worker()]);
    expect(failures).toEqual([]);
    console.log(`axe: ${paths.length} pages audited, ${failures.length} violations`);
  });

  it('finds zero violations in the interactive states: facets chosen, search results, cities compared, phone width', async () => {
    const context = await site.browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const failures: string[] = [];
    for (const path of ['/en/practices/?theme=education&theme=language', '/fr/search/?q=m%C3%A9diation', '/en/index/compare/?city=bilbao&city=oslo', '/fr/cities/lisbon/', '/en/practices/for/newcomers/page/2/']) {
      await page.goto(site.url + path, { waitUntil: 'networkidle' });
      await page.locator('details').evaluateAll((elements) => elements.forEach((element) => ((element as HTMLDetailsElement).open = true)));
      for (const violation of await axeViolations(page)) failures.push(`${path} ${violation}`);
    }
    await context.close();
    expect(failures).toEqual([]);
  });
});

describe('reflow (WCAG 1.4.10)', () => {
  it('needs no horizontal scrolling at 320 CSS pixels on any page type, in both languages', async () => {
    const context = await site.browser.newContext({ viewport: { width: 320, height: 800 } });
    const page = await context.newPage();
    const paths = [
      '', 'practices/', 'practices/?theme=education&theme=language', 'practices/advisory-council-elected-migrant-members/',
      'practices/for/newcomers/page/2/', 'search/?q=mediation', 'cities/', 'cities/bilbao/', 'cities/bilbao/dossier/', 'themes/', 'themes/education/',
      'index/', 'index/bilbao-2022/', 'index/compare/?city=bilbao&city=oslo', 'networks/', 'data/', 'programme/',
    ];
    const overflowing: string[] = [];
    for (const lang of ['en', 'fr']) {
      for (const path of paths) {
        await page.goto(`${site.url}/${lang}/${path}`, { waitUntil: 'networkidle' });
        const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        if (scroll > client) overflowing.push(`/${lang}/${path}: ${scroll} px wide`);
      }
    }
    await context.close();
    expect(overflowing).toEqual([]);
    // Thirty-odd page loads: no timeout a busy machine could hit.
  }, 600_000);
});

describe('keyboard', () => {
  /** Tabs until `predicate` holds for the focused element; fails after `limit` presses. */
  async function tabTo(page: Page, predicate: string, limit = 200) {
    for (let press = 0; press < limit; press++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(predicate)) return;
    }
    throw new Error(`never reached ${predicate}`);
  }
  const focusVisible = (page: Page) =>
    page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    });

  it('reaches and operates the practice facets, with a visible focus', async () => {
    const page = await site.newPage();
    await page.goto(`${site.url}/en/practices/`);
    await tabTo(page, `document.activeElement?.matches('input[name="theme"][value="education"]')`);
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press('Space');
    await page.waitForFunction(() => location.search === '?theme=education');
    await page.context().close();
  });

  it('searches from the header with the keyboard alone', async () => {
    const page = await site.newPage();
    await page.goto(`${site.url}/fr/themes/`);
    await tabTo(page, `document.activeElement?.id === 'header-search-q'`);
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.type('accueil');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/fr\/search\/\?q=accueil$/);
    await page.locator('[data-results] li').first().waitFor();
    await page.context().close();
  });

  it('chooses cities to compare with the keyboard', async () => {
    const page = await site.newPage();
    await page.goto(`${site.url}/en/index/compare/`);
    await tabTo(page, `document.activeElement?.id === 'compare-city-1'`);
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll('city').length === 2);
    await page.locator('city-compare table').waitFor();
    await page.context().close();
  });

  it('switches language with the keyboard', async () => {
    const page = await site.newPage();
    await page.goto(`${site.url}/en/cities/oslo/`);
    await tabTo(page, `document.activeElement?.classList.contains('lang-switch')`);
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/fr\/cities\/oslo\/$/);
    await page.context().close();
  });
});

describe('the browser console', () => {
  it('shows no errors or policy violations on any page type, with the Content-Security-Policy enforced', async () => {
    const page = await site.newPage();
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(`${page.url()}: ${message.text()}`));
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
    const paths = ['/', '/en/', '/fr/practices/', '/en/practices/?theme=education', '/en/practices/one-stop-welcome-desk-newcomers/', '/fr/cities/', '/en/cities/lisbon/', '/en/themes/mediation/', '/fr/index/', '/en/index/lisbon-2023/', '/en/index/compare/?city=oslo&city=bilbao', '/fr/search/?q=langue', '/en/networks/spain/', '/fr/practices/theme/education/', '/en/practices/city/lisbon/', '/fr/programme/', '/en/data/'];
    for (const path of paths) {
      await page.goto(site.url + path, { waitUntil: 'networkidle' });
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('renders the content of every page type with JavaScript disabled', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    for (const [path, text] of [
      ['/en/practices/', 'Good practices'],
      ['/en/practices/one-stop-welcome-desk-newcomers/', 'How it was done'],
      ['/fr/cities/lisbon/', 'Résultats de l'],
      ['/en/index/', 'How the Index works'],
      ['/fr/themes/education/', 'Pratiques sur ce thème'],
      ['/fr/practices/theme/education/', 'Pratiques sur le thème Éducation'],
      ['/en/practices/city/lisbon/', 'Practices from Lisbon'],
    ] as const) {
      await page.goto(site.url + path);
      expect(await page.locator('main').innerText()).toContain(text);
    }
    await page.context().close();
  });
});
