/** WCAG 2.2 AA in a real browser: axe-core on every page of the sitemap, and keyboard checks. */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sitemapPaths } from '../helpers/dist.ts';
import { useBuiltSite } from '../helpers/site.ts';
import { LANGUAGES } from '../../src/lib/languages.ts';
import { budgetFor } from '../helpers/time-budget.ts';

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
  // A page takes about a second to load and audit; allow five, though two tabs share the work.
  const pageCount = existsSync('dist/sitemap-0.xml') ? sitemapPaths().length : 0;
  it('finds zero violations on every page of the sitemap, in English and French', { timeout: budgetFor(pageCount, 5_000) }, async () => {
    const paths = sitemapPaths();
    expect(paths.length).toBeGreaterThan(300);
    const failures: string[] = [];
    // Two tabs share the work (CI has two cores). CSP is bypassed only to inject axe itself.
    const queue = [...paths];
    const worker = async () => {
      const context = await site.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
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
    const context = await site.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
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

/** One page of every type, checked at 320 px in every registered language. */
const REFLOW_PATHS = [
  '', 'practices/', 'practices/?theme=education&theme=language', 'practices/advisory-council-elected-migrant-members/',
  'practices/for/newcomers/page/2/', 'search/?q=mediation', 'cities/', 'cities/bilbao/', 'cities/bilbao/dossier/', 'themes/', 'themes/education/',
  'index/', 'index/bilbao-2022/', 'index/compare/?city=bilbao&city=oslo', 'networks/', 'data/', 'programme/',
  'joining/', 'legal/', 'whats-new/', 'networks/morocco/', '404.html',
];

describe('reflow (WCAG 1.4.10)', () => {
  it('needs no horizontal scrolling at 320 CSS pixels on any page type, in every language', { timeout: budgetFor(REFLOW_PATHS.length * LANGUAGES.length, 5_000) }, async () => {
    const context = await site.newContext({ viewport: { width: 320, height: 800 } });
    const page = await context.newPage();
    const overflowing: string[] = [];
    for (const lang of LANGUAGES) {
      for (const path of REFLOW_PATHS) {
        await page.goto(`${site.url}/${lang}/${path}`, { waitUntil: 'networkidle' });
        const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        if (scroll > client) overflowing.push(`/${lang}/${path}: ${scroll} px wide`);
      }
    }
    await context.close();
    expect(overflowing).toEqual([]);
  });
});

describe('long unbroken strings at 320 px', () => {
  // A 200-character address as an editor pastes it (no hyphen, where browsers break by
  // themselves), and a long e-mail address.
  const longUrl = `https://www.interculturalcity.example.org/documents/download.aspx?file=${'InterculturalStrategy2026Annex'.repeat(4)}&token=${'Q2l0eUNvdW5jaWw'.repeat(2)}`;
  const longEmail = 'intercultural.cities.coordination.office@municipality-of-example-city.example.org';

  it('wraps a pasted 200-character web address and a long e-mail address inside the column', async () => {
    expect(longUrl.length).toBeGreaterThanOrEqual(200);
    const context = await site.browser.newContext({ viewport: { width: 320, height: 800 } });
    const page = await context.newPage();
    const overflowing: string[] = [];
    // The built pages, with editor text put where the components print it, as plain text: the
    // worst case (no <wbr>) that the style sheet alone must still wrap.
    const cases: [string, [string, string][]][] = [
      ['/en/cities/bilbao/', [['.prose', `Read the strategy at ${longUrl} before you visit.`], ['.facts a[href^="http"]', longUrl]]],
      ['/fr/practices/culturally-aware-home-care-older-migrants/', [['.facts a[href^="mailto:"]', longEmail], ['.prose', `Contact ${longEmail} or ${longUrl}`]]],
    ];
    for (const [path, replacements] of cases) {
      await page.goto(site.url + path, { waitUntil: 'load' });
      const replaced = await page.evaluate((pairs) => pairs.filter(([selector, text]) => {
        const element = document.querySelector(selector);
        if (element) element.textContent = text;
        return element !== null;
      }).length, replacements);
      expect(replaced, path).toBe(replacements.length);
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      if (scroll > client) overflowing.push(`${path}: ${scroll} px wide`);
    }
    await context.close();
    expect(overflowing).toEqual([]);
  });

  it('breaks an e-mail address only after "@" or before a dot, never mid-word', async () => {
    const context = await site.browser.newContext({ viewport: { width: 320, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/en/practices/culturally-aware-home-care-older-migrants/`, { waitUntil: 'load' });
    // Each line of the e-mail link as the browser laid it out, from the position of every character.
    const lines = await page.locator('.facts a[href^="mailto:"]').evaluate((link) => {
      const rows: { top: number; text: string }[] = [];
      const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let index = 0; index < node.textContent!.length; index++) {
          const range = document.createRange();
          range.setStart(node, index);
          range.setEnd(node, index + 1);
          const top = Math.round(range.getBoundingClientRect().top);
          const row = rows.at(-1);
          if (row && Math.abs(row.top - top) < 4) row.text += node.textContent![index];
          else rows.push({ top, text: node.textContent![index]! });
        }
      }
      return rows.map((row) => row.text);
    });
    await context.close();
    expect(lines.join('')).toBe('seniors.integration@neuchatel.example.org');
    expect(lines.length).toBeGreaterThan(1);
    for (const [index, line] of lines.entries()) {
      if (index < lines.length - 1) expect(line.endsWith('@') || lines[index + 1]!.startsWith('.'), lines.join(' | ')).toBe(true);
    }
  });
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
    await tabTo(page, `document.activeElement?.closest('.lang-switch') && document.activeElement.hreflang === 'fr'`);
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
