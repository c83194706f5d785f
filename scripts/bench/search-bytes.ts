/**
 * What a visitor's browser downloads to search: the search page itself; what it preloads when
 * the visitor clicks into the search box (Pagefind's engine); a first query typed into it, up to
 * the moment its results are on screen, then the facet counts that follow; a second query; and,
 * in a fresh browser, the search page opened with the query in its URL. Counted from the
 * responses Chromium receives (playwright-core, Debian's Chromium), each sized as served by the benchmark's plain static server and as gzip -9 (what
 * a host that compresses text would send; Pagefind's index and WebAssembly are already
 * compressed and counted as they are).
 */
import type { Browser, Page, Request } from 'playwright-core';
import { launchBrowser } from '../../test/helpers/browser.ts';
import { serveDirectory } from '../../test/helpers/static-server.ts';
import { gzipBytes } from './measure.ts';

export interface Transfer {
  requests: number;
  raw: number;
  gzip: number;
  /** Bytes by kind: page (HTML/CSS/site JS), pagefind-js, wasm, index, filter, fragment, meta, other. */
  byKind: Record<string, { requests: number; gzip: number }>;
}

export interface SearchBytes {
  query: string;
  secondQuery: string;
  results?: string;
  pageLoad: Transfer;
  /** Clicking into the search box: Pagefind's JS, WebAssembly and metadata load while one types. */
  focus: Transfer;
  /** From pressing Enter until the results are on screen. */
  firstQuery: Transfer;
  /** After the results: the filter indexes behind the facet counts. */
  firstQueryCounts: Transfer;
  secondQueryTransfer: Transfer;
  directUrl: Transfer;
}

const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml))|svg/;

function kindOf(url: string): string {
  const path = new URL(url).pathname;
  if (!path.startsWith('/pagefind/')) return 'page';
  if (/\.js$/.test(path)) return 'pagefind-js';
  if (/wasm/.test(path)) return 'wasm';
  if (/\/index\//.test(path) || /\.pf_index$/.test(path)) return 'index';
  if (/\/filter\//.test(path) || /\.pf_filter$/.test(path)) return 'filter';
  if (/\/fragment\//.test(path) || /\.pf_fragment$/.test(path)) return 'fragment';
  if (/pf_meta|entry\.json/.test(path)) return 'meta';
  return 'other';
}

/** Records every response of `page`, tagged with the phase current when it was requested. */
class Recorder {
  phase = 'load';
  private records: { phase: string; url: string; raw: number; gzip: number; startedAt: number }[] = [];
  private pending = new Set<Promise<void>>();
  private phases = new WeakMap<Request, string>();
  private inFlight = 0;
  private lastActivity = performance.now();

  constructor(page: Page) {
    page.on('request', (request) => {
      this.phases.set(request, this.phase);
      this.inFlight++;
      this.lastActivity = performance.now();
    });
    const done = (request: Request) => {
      this.inFlight--;
      this.lastActivity = performance.now();
      const phase = this.phases.get(request) ?? this.phase;
      const task = (async () => {
        const response = await request.response();
        if (!response) return;
        const body = await response.body().catch(() => Buffer.alloc(0));
        const type = response.headers()['content-type'] ?? '';
        const gzip = COMPRESSIBLE.test(type) && body.length > 0 ? gzipBytes(body) : body.length;
        this.records.push({ phase, url: request.url(), raw: body.length, gzip, startedAt: request.timing().startTime });
      })();
      this.pending.add(task);
      void task.finally(() => this.pending.delete(task));
    };
    page.on('requestfinished', done);
    page.on('requestfailed', () => {
      this.inFlight--;
      this.lastActivity = performance.now();
    });
  }

  /** Waits until no request has been in flight for `quietMs`. */
  async settle(quietMs = 750) {
    while (this.inFlight > 0 || performance.now() - this.lastActivity < quietMs) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await Promise.all(this.pending);
  }

  /**
   * Moves to `later` the requests of `phase` that the browser started after the last request of
   * `kind` in that phase (on the browser's own clock: the test process learns of a change on the
   * page a little after the page's next requests have started).
   */
  splitAfterLast(phase: string, kind: string, later: string) {
    const inPhase = this.records.filter((record) => record.phase === phase);
    const boundary = Math.max(...inPhase.filter((record) => kindOf(record.url) === kind).map((record) => record.startedAt));
    if (!Number.isFinite(boundary)) throw new Error(`no ${kind} request in the ${phase} phase`);
    for (const record of inPhase) if (record.startedAt > boundary) record.phase = later;
  }

  transfer(phase: string): Transfer {
    const records = this.records.filter((record) => record.phase === phase);
    const byKind: Transfer['byKind'] = {};
    for (const record of records) {
      const kind = (byKind[kindOf(record.url)] ??= { requests: 0, gzip: 0 });
      kind.requests++;
      kind.gzip += record.gzip;
    }
    return {
      requests: records.length,
      raw: records.reduce((sum, record) => sum + record.raw, 0),
      gzip: records.reduce((sum, record) => sum + record.gzip, 0),
      byKind,
    };
  }
}

/** Until the results of `query` are on screen (the facet counts may still be loading). */
async function waitForFirstResults(page: Page, query: string) {
  await page.waitForFunction(
    (q) => new URLSearchParams(location.search).get('q') === q && document.querySelector<HTMLElement>('faceted-search')?.dataset.results === location.search,
    query,
    { timeout: 120_000 },
  );
}

/** Until the results of `query` and their facet counts are on screen. */
async function waitForResults(page: Page, query: string) {
  await page.waitForFunction(
    (q) => {
      const search = document.querySelector<HTMLElement>('faceted-search');
      return (
        new URLSearchParams(location.search).get('q') === q &&
        search?.dataset.rendered === location.search &&
        !search.hasAttribute('aria-busy')
      );
    },
    query,
    { timeout: 120_000 },
  );
}

export async function measureSearchBytes(outDir: string, query: string, secondQuery: string): Promise<SearchBytes> {
  const server = await serveDirectory(outDir);
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    // 1. Open the search page, then type a first and a second query.
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    const recorder = new Recorder(page);
    await page.goto(`${server.url}/en/search/`, { waitUntil: 'load' });
    await recorder.settle();
    const input = page.locator('faceted-search input[name="q"]');
    recorder.phase = 'focus';
    await input.click();
    await recorder.settle();
    recorder.phase = 'first';
    await input.fill(query);
    await input.press('Enter');
    await waitForFirstResults(page, query);
    recorder.phase = 'counts';
    await waitForResults(page, query);
    await recorder.settle();
    // The shown results' fragments are fetched before they are drawn; what the browser started
    // after the last of them is the facet counts'.
    recorder.splitAfterLast('first', 'fragment', 'counts');
    const results = (await page.locator('faceted-search [data-status]').textContent())?.trim();
    recorder.phase = 'second';
    await input.fill(secondQuery);
    await input.press('Enter');
    await waitForResults(page, secondQuery);
    await recorder.settle();
    await context.close();

    // 2. A fresh browser context opening the search page with the query in the URL.
    const direct = await browser.newContext({ locale: 'en-GB' });
    const directPage = await direct.newPage();
    const directRecorder = new Recorder(directPage);
    directRecorder.phase = 'direct';
    await directPage.goto(`${server.url}/en/search/?q=${encodeURIComponent(query)}`, { waitUntil: 'load' });
    await waitForResults(directPage, query);
    await directRecorder.settle();
    await direct.close();

    return {
      query,
      secondQuery,
      results,
      pageLoad: recorder.transfer('load'),
      focus: recorder.transfer('focus'),
      firstQuery: recorder.transfer('first'),
      firstQueryCounts: recorder.transfer('counts'),
      secondQueryTransfer: recorder.transfer('second'),
      directUrl: directRecorder.transfer('direct'),
    };
  } finally {
    await browser?.close();
    await server.close();
  }
}
