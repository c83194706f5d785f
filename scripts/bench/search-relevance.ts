/**
 * `npm run bench:search`: the search relevance benchmark (issue 11). Runs every query of
 * scripts/bench/search-queries.ts through the real search page of a built site in Chromium, the
 * way a visitor does: open /<lang>/search/, click into the box (Pagefind's engine loads), wait
 * until the network is quiet, type the query, press Enter. It records the results shown (their
 * order), the time from Enter until they are on screen (the browser's own clock) and the bytes
 * fetched meanwhile, each query in a fresh browser context so no query profits from another's
 * cache. Prints a table and writes the figures as JSON; --report renders every JSON of the
 * results folder into one Markdown file (BENCHMARKS-search.md).
 *
 *   npm run bench:search                                   # dist/, label "demo"
 *   npm run bench:search -- --site .cache/bench/dist --label 10k
 *   npm run bench:search -- --report BENCHMARKS-search.md  # render only, measure nothing
 *
 * Flags: --site <built site> --label <name> --only <lang> --results <folder, default
 * .cache/bench/search> --report <file> (render after measuring, or alone with no --site/--label).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { firstRelevantRank, median, summarizeRanks, withoutLanguage } from '../../src/lib/search-relevance.ts';
import { launchBrowser } from '../../test/helpers/browser.ts';
import { serveDirectory } from '../../test/helpers/static-server.ts';
import { RELEVANCE_QUERIES, type RelevanceQuery } from './search-queries.ts';

const { values: args } = parseArgs({
  options: {
    site: { type: 'string' },
    label: { type: 'string' },
    only: { type: 'string' },
    results: { type: 'string', default: '.cache/bench/search' },
    report: { type: 'string' },
  },
});

export interface QueryMeasure extends RelevanceQuery {
  skipped?: string;
  results: string[];
  rank?: number;
  /** Milliseconds from Enter until the first result of the query is on screen. */
  firstResultMs?: number;
  /** Milliseconds from Enter until the whole first page of results is on screen. */
  allResultsMs?: number;
  /** Bytes of index chunks and fragments received from Enter until the results are on screen. */
  bytes?: number;
  /** The same bytes by kind of Pagefind file (index chunks, fragments, filters, other). */
  bytesByKind?: Record<string, number>;
  /** The status line shown (e.g. "12 results for mediation"). */
  status?: string;
}

export interface RelevanceRun {
  label: string;
  site: string;
  date: string;
  commit: string;
  machine: string;
  pages: number;
  measures: QueryMeasure[];
}

/** Waits until no request has been in flight for `quietMs` (Pagefind loads in several steps). */
function quietNetwork(page: Page) {
  let inFlight = 0;
  let last = performance.now();
  page.on('request', () => {
    inFlight++;
    last = performance.now();
  });
  const done = () => {
    inFlight--;
    last = performance.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return async (quietMs = 600) => {
    while (inFlight > 0 || performance.now() - last < quietMs) await new Promise((resolve) => setTimeout(resolve, 50));
  };
}

async function measureQuery(browser: Browser, base: string, query: RelevanceQuery): Promise<QueryMeasure> {
  const context = await browser.newContext({ locale: query.lang, viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(120_000);
  try {
    const page = await context.newPage();
    const settle = quietNetwork(page);
    let counting = false;
    let bytes = 0;
    const bytesByKind: Record<string, number> = {};
    page.on('response', async (response) => {
      if (!counting) return;
      const body = await response.body().catch(() => Buffer.alloc(0));
      if (!counting) return;
      const kind = /\/(index|fragment|filter)\//.exec(new URL(response.url()).pathname)?.[1] ?? 'other';
      bytesByKind[kind] = (bytesByKind[kind] ?? 0) + body.length;
      // A query costs its index chunks and result fragments. Filter indexes (the facet counts) and
      // the vocabulary ("Did you mean") are fetched once per visit after the results are drawn:
      // they are counted apart, not as the query's bytes.
      if (kind === 'index' || kind === 'fragment') bytes += body.length;
    });
    await page.goto(`${base}/${query.lang}/search/`, { waitUntil: 'load' });
    const input = page.locator('faceted-search input[name="q"]');
    await input.click();
    await settle();
    await input.fill(query.query, { noWaitAfter: true });
    // Typing starts a delayed search; Enter starts it at once. The time is taken in the page,
    // from the submit to the moment the results of this query are in the list.
    counting = true;
    const { firstResultMs, allResultsMs } = await page.evaluate(
      (text) =>
        new Promise<{ firstResultMs: number; allResultsMs: number }>((resolve) => {
          const search = document.querySelector<HTMLElement>('faceted-search')!;
          const form = search.querySelector('form')!;
          const list = search.querySelector('ol[data-results]')!;
          const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
          input.value = text;
          const ours = () => new URLSearchParams(location.search).get('q') === text;
          let firstResultMs: number | undefined;
          const started = performance.now();
          // The first card of this query in the list, then the moment the whole first page is drawn.
          const observer = new MutationObserver(() => {
            if (!ours()) return;
            if (firstResultMs === undefined && list.querySelector('li')) firstResultMs = performance.now() - started;
            if (search.dataset.results === location.search) {
              observer.disconnect();
              const allResultsMs = performance.now() - started;
              resolve({ firstResultMs: firstResultMs ?? allResultsMs, allResultsMs });
            }
          });
          observer.observe(search, { attributes: true, attributeFilter: ['data-results'], childList: true, subtree: true });
          form.requestSubmit();
        }),
      query.query,
    );
    // Responses still arriving for the shown results are counted; the facet counts that follow are not.
    await page.waitForTimeout(100);
    counting = false;
    const results = await page.locator('[data-results] > li h3 a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    const status = (await page.locator('[data-status]').textContent())?.trim();
    return { ...query, results, rank: firstRelevantRank(results, query.expect), firstResultMs, allResultsMs, bytes, bytesByKind, status };
  } finally {
    await context.close();
  }
}

function pageExists(site: string, lang: string, path: string) {
  return existsSync(join(site, lang, path, 'index.html'));
}

async function measure(site: string, label: string): Promise<RelevanceRun> {
  const server = await serveDirectory(site);
  const browser = await launchBrowser();
  const measures: QueryMeasure[] = [];
  try {
    for (const query of RELEVANCE_QUERIES) {
      if (args.only && query.lang !== args.only) continue;
      if (!existsSync(join(site, query.lang, 'search', 'index.html'))) {
        measures.push({ ...query, results: [], skipped: `no /${query.lang}/search/ in this site` });
        continue;
      }
      const missing = query.expect.filter((path) => !pageExists(site, query.lang, path));
      if (missing.length === query.expect.length) {
        measures.push({ ...query, results: [], skipped: `expected pages absent from this site (${missing.join(', ')})` });
        continue;
      }
      const measured = await measureQuery(browser, server.url, query);
      measures.push(measured);
      const first = measured.results[0] ? withoutLanguage(measured.results[0]) : '—';
      console.log(
        `${query.lang} ${JSON.stringify(query.query).padEnd(42)} rank ${String(measured.rank ?? '-').padStart(2)}  ` +
          `${measured.firstResultMs?.toFixed(0).padStart(5)} ms  ${((measured.bytes ?? 0) / 1024).toFixed(1).padStart(6)} kB ` +
          `(${Object.entries(measured.bytesByKind ?? {}).map(([kind, size]) => `${kind} ${(size / 1024).toFixed(0)}`).join(', ')})  first: ${first}`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim();
  } catch {
    // Not a git checkout: the commit stays unknown.
  }
  const pages = readdirSync(join(site, 'en', 'practices')).length;
  return { label, site, date: new Date().toISOString(), commit, machine: `${cpus().length} cores (${cpus()[0]?.model ?? '?'})`, pages, measures };
}

const pct = (value: number) => `${(value * 100).toFixed(0)} %`;
const ms = (value: number | undefined) => (value === undefined ? '—' : `${value.toFixed(0)} ms`);
const kB = (value: number | undefined) => (value === undefined ? '—' : `${(value / 1024).toFixed(1)} kB`);

export function summaryRow(run: RelevanceRun, filter: (measure: QueryMeasure) => boolean = () => true) {
  const measured = run.measures.filter((measure) => !measure.skipped && filter(measure));
  const summary = summarizeRanks(measured.map((measure) => measure.rank));
  const times = measured.flatMap((measure) => (measure.firstResultMs === undefined ? [] : [measure.firstResultMs]));
  // Index chunks and fragments only (runs recorded before that rule counted every file but filters).
  const queryBytes = (measure: QueryMeasure) => (measure.bytesByKind ? (measure.bytesByKind.index ?? 0) + (measure.bytesByKind.fragment ?? 0) : measure.bytes);
  const bytes = measured.flatMap((measure) => { const value = queryBytes(measure); return value === undefined ? [] : [value]; });
  const pages = measured.flatMap((measure) => (measure.allResultsMs === undefined ? [] : [measure.allResultsMs]));
  return { summary, medianPageMs: median(pages), medianMs: median(times), maxMs: times.length ? Math.max(...times) : undefined, medianBytes: median(bytes), maxBytes: bytes.length ? Math.max(...bytes) : undefined, skipped: run.measures.filter((measure) => measure.skipped && filter(measure)).length };
}

function render(runs: RelevanceRun[]): string {
  const lines = [
    '# Search relevance benchmark',
    '',
    'Generated by `npm run bench:search` (scripts/bench/search-relevance.ts) from the JSON files in `.cache/bench/search/`;',
    'queries in scripts/bench/search-queries.ts. Each query runs on the real search page in Chromium, in a fresh browser context:',
    'the box is clicked (the engine loads), the network settles, the query is typed and Enter pressed. "First result" is the time',
    'from Enter until the first card of the query is in the list (median; "first page" until all ten are); "bytes" is what was received for them: index chunks and result',
    'fragments (the filter indexes behind the facet counts and the "Did you mean" vocabulary, each fetched once per visit after the results, are not counted). Rank: position of the first expected page among the shown results (— when none is shown). Targets (issue 11):',
    'MRR ≥ 0.95 on the demo site; first result ≤ 150 ms median; ≤ 100 kB per query at 10,000 practices.',
    '',
    '## Summary',
    '',
    '| Run | Site | Site built from | Entries in /en/practices/ | Queries (skipped) | MRR | success@1 | success@3 | First result, median (max) | First page, median | Bytes per query, median (max) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const run of runs) {
    const row = summaryRow(run);
    lines.push(
      `| ${run.label} | \`${run.site}\` | ${run.commit} | ${run.pages} | ${row.summary.queries} (${row.skipped}) | ${row.summary.mrr.toFixed(3)} | ${pct(row.summary.successAt1)} | ${pct(row.summary.successAt3)} | ${ms(row.medianMs)} (${ms(row.maxMs)}) | ${ms(row.medianPageMs)} | ${kB(row.medianBytes)} (${kB(row.maxBytes)}) |`,
    );
  }
  lines.push('', '### By language and kind of query', '', '| Run | Queries | MRR | success@1 | success@3 |', '| --- | --- | --- | --- | --- |');
  for (const run of runs) {
    const groups = [...new Set(run.measures.map((measure) => `${measure.lang} ${measure.kind}`))];
    for (const group of groups) {
      const row = summaryRow(run, (measure) => `${measure.lang} ${measure.kind}` === group);
      if (row.summary.queries === 0) continue;
      lines.push(`| ${run.label}: ${group} | ${row.summary.queries} | ${row.summary.mrr.toFixed(3)} | ${pct(row.summary.successAt1)} | ${pct(row.summary.successAt3)} |`);
    }
  }
  lines.push('', '## Every query', '');
  const labels = runs.map((run) => run.label);
  lines.push(`| Lang | Query | Expected first | ${labels.map((label) => `${label}: rank (first result)`).join(' | ')} |`, `| --- | --- | --- | ${labels.map(() => '---').join(' | ')} |`);
  for (const query of RELEVANCE_QUERIES) {
    const cells = runs.map((run) => {
      const measure = run.measures.find((candidate) => candidate.lang === query.lang && candidate.query === query.query);
      if (!measure) return 'not run';
      if (measure.skipped) return 'skipped';
      const first = measure.results[0] ? withoutLanguage(measure.results[0]) : 'no result';
      return `${measure.rank ?? '—'} (${measure.rank === 1 ? 'ok' : first})`;
    });
    lines.push(`| ${query.lang} | ${query.query} | ${query.expect.join(', ')} | ${cells.join(' | ')} |`);
  }
  const first = runs[0];
  if (first) lines.push('', `Machine: ${first.machine}. Dates: ${runs.map((run) => `${run.label} ${run.date}`).join('; ')}.`);
  return lines.join('\n') + '\n';
}

const resultsDir = resolve(args.results!);
if (args.site || args.label || !args.report) {
  const site = resolve(args.site ?? 'dist');
  if (!existsSync(join(site, 'en', 'index.html'))) throw new Error(`${site} holds no built site: run "npm run build" first, or give --site <folder>.`);
  const label = args.label ?? 'demo';
  const run = await measure(site, label);
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, `${label}.json`), JSON.stringify({ ...run, site: args.site ?? 'dist' }, null, 2));
  const row = summaryRow(run);
  console.log(
    `\n${label}: ${row.summary.queries} queries (${row.skipped} skipped): MRR ${row.summary.mrr.toFixed(3)}, success@1 ${pct(row.summary.successAt1)}, ` +
      `success@3 ${pct(row.summary.successAt3)}, first result ${ms(row.medianMs)} median, ${kB(row.medianBytes)} per query median`,
  );
}
if (args.report) {
  const runs = readdirSync(resultsDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(resultsDir, name), 'utf8')) as RelevanceRun)
    .sort((a, b) => a.date.localeCompare(b.date));
  // The hand-written analysis between the markers survives a new rendering.
  const previous = existsSync(resolve(args.report)) ? readFileSync(resolve(args.report), 'utf8') : '';
  const analysis = /<!-- analysis:start -->[\s\S]*<!-- analysis:end -->/.exec(previous)?.[0] ?? '<!-- analysis:start -->\n<!-- analysis:end -->';
  writeFileSync(resolve(args.report), render(runs).replace('## Summary', `${analysis}\n\n## Summary`));
  console.log(`wrote ${args.report} from ${runs.length} run(s)`);
}
