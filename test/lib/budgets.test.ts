import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { budgetProblems, budgetSummary, isPageFacts, weighPage, weighSite } from '../../src/lib/budgets.ts';
import { openDigestCache } from '../../src/lib/build-cache.ts';

const assets: Record<string, Buffer> = {
  '/_astro/site.css': Buffer.from('body { color: black; }'),
  '/_astro/search.js': Buffer.from('console.log("search");'.repeat(10)),
};
const read = (url: string) => assets[url]!;

describe('page-weight budgets', () => {
  it('weighs a page with its stylesheets and scripts, gzipped', () => {
    const html = '<html><link rel="stylesheet" href="/_astro/site.css"><script type="module" src="/_astro/search.js"></script></html>';
    const weight = weighPage('/en/search/', html, read);
    expect(weight.htmlAndCss).toBeGreaterThan(40);
    expect(weight.javaScript).toBeGreaterThan(20);
  });

  it('fails a practice page that ships JavaScript, naming the page and the budget', () => {
    expect(budgetProblems([{ path: '/en/practices/anti-rumour/', htmlAndCss: 5000, javaScript: 2048 }])).toEqual([
      '/en/practices/anti-rumour/: JavaScript is 2.0 kB gzipped, over the 0.0 kB budget of a practice page',
    ]);
  });

  it('lets a city profile carry its charts and tables up to 26 kB of HTML and CSS, and fails it above', () => {
    expect(budgetProblems([{ path: '/fr/cities/oslo/', htmlAndCss: 25 * 1024, javaScript: 0 }])).toEqual([]);
    expect(budgetProblems([{ path: '/fr/cities/oslo/', htmlAndCss: 27 * 1024, javaScript: 0 }])).toEqual([
      '/fr/cities/oslo/: HTML+CSS is 27.0 kB gzipped, over the 26.0 kB budget of a city profile',
    ]);
  });

  it.each(['/en/themes/education/', '/fr/networks/spain/', '/en/practices/theme/education/', '/fr/practices/for/youth/page/12/', '/en/practices/city/lisbon/page/2/',
    '/en/practices/evidence/external-evaluation/', '/fr/practices/cost/10k-50k/page/2/', '/es/practices/partner/council-of-europe/'])(
    'holds the theme, network or practice list page %s to 20 kB of HTML and CSS and no JavaScript',
    (path) => {
      expect(budgetProblems([{ path, htmlAndCss: 20 * 1024, javaScript: 0 }])).toEqual([]);
      expect(budgetProblems([{ path, htmlAndCss: 21 * 1024, javaScript: 0 }])).toEqual([
        `${path}: HTML+CSS is 21.0 kB gzipped, over the 20.0 kB budget of a theme, network or practice list page`,
      ]);
    },
  );

  it('leaves the catalogue pages, with their search form, to the JavaScript budget of every page', () => {
    expect(budgetProblems([{ path: '/en/practices/page/2/', htmlAndCss: 25 * 1024, javaScript: 10 * 1024 }])).toEqual([]);
  });

  it('allows any public page up to 30 kB of JavaScript before interaction, and exempts the admin', () => {
    expect(budgetProblems([{ path: '/en/search/', htmlAndCss: 9000, javaScript: 30 * 1024 }])).toEqual([]);
    expect(budgetProblems([{ path: '/en/search/', htmlAndCss: 9000, javaScript: 31 * 1024 }])).toHaveLength(1);
    expect(budgetProblems([{ path: '/admin/', htmlAndCss: 9000, javaScript: 900 * 1024 }])).toEqual([]);
  });
});

describe('weighing a built site', () => {
  it('weighs every page as a site path, shares assets and leaves the editor out', async () => {
    const site = mkdtempSync(join(tmpdir(), 'icc-budgets-'));
    try {
      for (const [file, text] of Object.entries({
        '_astro/site.css': 'body { color: black; }',
        'en/index.html': '<link rel="stylesheet" href="/_astro/site.css">',
        'en/practices/anti-rumour/index.html': '<link rel="stylesheet" href="/_astro/site.css"><h1>Anti-rumour</h1>',
        'admin/index.html': '<script src="/admin/huge.js"></script>',
      })) {
        mkdirSync(join(site, file, '..'), { recursive: true });
        writeFileSync(join(site, file), text);
      }
      const weights = await weighSite(site);
      expect(weights.map((weight) => weight.path).sort()).toEqual(['/en/', '/en/practices/anti-rumour/']);
      expect(budgetProblems(weights)).toEqual([]);
      expect(budgetSummary(weights)).toMatch(/^Budgets met on 2 pages\. Heaviest HTML\+CSS: \/en\/practices\/anti-rumour\/ \(0\.\d kB\); heaviest JavaScript: \/en\/ \(0\.0 kB\), gzipped\.$/);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });

  it('weighs a page again only when its bytes changed, with the facts an earlier build kept', async () => {
    const site = mkdtempSync(join(tmpdir(), 'icc-budgets-'));
    const cacheFile = join(site, '..', `${basename(site)}-weights.json`);
    try {
      for (let page = 0; page < 20; page++) {
        mkdirSync(join(site, 'en', `p${page}`), { recursive: true });
        writeFileSync(join(site, 'en', `p${page}`, 'index.html'), `<h1>Page ${page}</h1>`);
      }
      const cold = openDigestCache(cacheFile, isPageFacts);
      const first = await weighSite(site, cold);
      cold.save();
      expect([cold.hits, cold.misses]).toEqual([0, 20]);
      writeFileSync(join(site, 'en', 'p7', 'index.html'), '<h1>Page 7, edited</h1>');
      const warm = openDigestCache(cacheFile, isPageFacts);
      const second = await weighSite(site, warm);
      expect([warm.hits, warm.misses]).toEqual([19, 1]);
      expect(second.map((weight) => weight.path)).toEqual(first.map((weight) => weight.path));
      const byPath = (weights: typeof first) => new Map(weights.map((weight) => [weight.path, weight.htmlAndCss]));
      expect(byPath(second).get('/en/p7/')).toBeGreaterThan(byPath(first).get('/en/p7/')!);
      expect(byPath(second).get('/en/p3/')).toBe(byPath(first).get('/en/p3/'));
    } finally {
      rmSync(site, { recursive: true, force: true });
      rmSync(cacheFile, { force: true });
    }
  });

  it('keeps nothing of a page once weighed: a site larger than the memory it is weighed in passes', async () => {
    // 300 pages of 400 kB (120 MB of HTML), weighed in a worker allowed 48 MB of heap: a kept
    // stylesheet address that still pointed into its page (a regular expression's slice) kept
    // every page, and the worker ran out of memory.
    const site = mkdtempSync(join(tmpdir(), 'icc-budgets-'));
    try {
      mkdirSync(join(site, '_astro'));
      writeFileSync(join(site, '_astro/site.css'), 'body { color: black; }');
      for (let page = 0; page < 300; page++) {
        mkdirSync(join(site, 'en', `p${page}`), { recursive: true });
        writeFileSync(join(site, 'en', `p${page}`, 'index.html'), `<link rel="stylesheet" href="/_astro/site.css"><p>${`page ${page} `.repeat(40_000)}</p>`.slice(0, 400_000));
      }
      const budgets = new URL('../../src/lib/budgets.ts', import.meta.url).href;
      const worker = new Worker(
        `const { parentPort, workerData } = require('node:worker_threads');
         import(workerData.budgets).then(({ weighSite }) => weighSite(workerData.site)).then((weights) => parentPort.postMessage(weights.length));`,
        { eval: true, workerData: { budgets, site }, resourceLimits: { maxOldGenerationSizeMb: 48 } },
      );
      const weighed = await new Promise((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      expect(weighed).toBe(300);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});
