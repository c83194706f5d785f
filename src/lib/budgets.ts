/**
 * Page-weight budgets, checked over the built site (gzipped bytes). A page over budget fails
 * the build with the page and the budget it exceeds.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { gzip, gzipSync } from 'node:zlib';
import { knownDigest, openDigestCache, readWithDigest, type DigestCache } from './build-cache.ts';
import { LANGUAGES } from './languages.ts';
import { FACT_FACET_NAMES } from './practice-facts.ts';

export interface Budget {
  /** Which pages: a test on the page's path. */
  applies: (path: string) => boolean;
  name: string;
  /** Gzipped HTML + CSS the page loads, in bytes. */
  maxHtmlAndCss?: number;
  /** Gzipped JavaScript the page loads before any interaction, in bytes. */
  maxJavaScript: number;
}

/** The language prefix of a page's path: /en/, /fr/... */
const LANG = `/(?:${LANGUAGES.join('|')})/`;
const PRACTICE = new RegExp(`^${LANG}practices/[a-z0-9-]+/$`);
const CITY_PROFILE = new RegExp(`^${LANG}cities/[a-z0-9-]+/$`);
const HUB = new RegExp(`^${LANG}(themes|networks)/[a-z0-9-]+/$`);
// The lists by a coded fact (evidence, cost...) are bounded the same way.
const PRACTICE_LIST = new RegExp(`^${LANG}practices/(theme|city|network|country|for|${FACT_FACET_NAMES.join('|')})/[a-z0-9-]+/(page/\\d+/)?$`);


/**
 * Pages that list practices of one theme, network, city, country or target group: theme hubs and
 * network pages show a capped preview, the full lists are paginated, so none grows with the catalogue.
 */
const isBoundedListPage = (path: string) => HUB.test(path) || PRACTICE_LIST.test(path);

export const BUDGETS: Budget[] = [
  { name: 'practice page', applies: (path) => PRACTICE.test(path), maxHtmlAndCss: 20 * 1024, maxJavaScript: 0 },
  /**
   * A city profile holds more than a practice by design: its Index results as charts with a data table
   * beside each, its journey and the people to ask. Every list on it is capped (practices, peers,
   * mentors, a year of the journey folds into one line), so it does not grow with the catalogue.
   */
  { name: 'city profile', applies: (path) => CITY_PROFILE.test(path), maxHtmlAndCss: 26 * 1024, maxJavaScript: 0 },
  { name: 'theme, network or practice list page', applies: isBoundedListPage, maxHtmlAndCss: 20 * 1024, maxJavaScript: 0 },
  { name: 'public page', applies: (path) => !path.startsWith('/admin/'), maxJavaScript: 30 * 1024 },
];

export interface PageWeight {
  path: string;
  htmlAndCss: number;
  javaScript: number;
}

const gzipped = (content: string | Buffer) => gzipSync(content, { level: 9 }).length;

/** What weighing a page needs from its HTML: its gzipped size and the stylesheets and scripts it loads. */
export interface PageFacts {
  gzipped: number;
  stylesheets: string[];
  scripts: string[];
}

/**
 * A copy of a piece of a larger string that does not keep the larger one alive. A regular
 * expression's match is a slice that V8 keeps pointing into the whole page: kept in the facts
 * cache, every address kept its page (1.3 GB of HTML held to the end of a 29,400-page build).
 */
const detached = (piece: string): string => Buffer.from(piece, 'utf8').toString('utf8');

export function pageFacts(html: string, gzippedSize = gzipped(html)): PageFacts {
  const assets = (pattern: RegExp) => [...new Set([...html.matchAll(pattern)].map((match) => detached(match[1]!)))];
  return {
    gzipped: gzippedSize,
    stylesheets: assets(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g),
    scripts: assets(/<script[^>]+src="([^"]+)"/g),
  };
}

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

/** Whether a value read back from a cache has the shape of PageFacts. */
export function isPageFacts(value: unknown): value is PageFacts {
  if (typeof value !== 'object' || value === null) return false;
  const facts = value as Record<string, unknown>;
  return Number.isInteger(facts.gzipped) && (facts.gzipped as number) > 0 && isStringList(facts.stylesheets) && isStringList(facts.scripts);
}

/**
 * Weighs a page: its HTML, its stylesheets and the scripts it loads by <script src>.
 * Pass the same `assetSizes` map for every page of a site so each shared asset is gzipped once.
 */
export function weighPage(
  path: string,
  html: string | PageFacts,
  readAsset: (url: string) => Buffer,
  assetSizes = new Map<string, number>(),
): PageWeight {
  const { gzipped: htmlSize, stylesheets, scripts } = typeof html === 'string' ? pageFacts(html) : html;
  const assetSize = (url: string) => {
    let size = assetSizes.get(url);
    if (size === undefined) {
      size = gzipped(readAsset(url));
      assetSizes.set(url, size);
    }
    return size;
  };
  return {
    path,
    htmlAndCss: htmlSize + stylesheets.reduce((sum, url) => sum + assetSize(url), 0),
    javaScript: scripts.reduce((sum, url) => sum + assetSize(url), 0),
  };
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** One message per budget a page exceeds. */
export function budgetProblems(weights: readonly PageWeight[], budgets: readonly Budget[] = BUDGETS): string[] {
  const problems: string[] = [];
  for (const weight of weights) {
    for (const budget of budgets.filter((candidate) => candidate.applies(weight.path))) {
      if (budget.maxHtmlAndCss !== undefined && weight.htmlAndCss > budget.maxHtmlAndCss) {
        problems.push(`${weight.path}: HTML+CSS is ${kB(weight.htmlAndCss)} gzipped, over the ${kB(budget.maxHtmlAndCss)} budget of a ${budget.name}`);
      }
      if (weight.javaScript > budget.maxJavaScript) {
        problems.push(`${weight.path}: JavaScript is ${kB(weight.javaScript)} gzipped, over the ${kB(budget.maxJavaScript)} budget of a ${budget.name}`);
      }
    }
  }
  return problems;
}

const gzipInThreadPool = promisify(gzip);
/** Pages gzipped at once: zlib works in libuv's thread pool, so a cold build gzips on every core. */
const GZIP_CONCURRENCY = 4;

/**
 * Every page of a built site (the editor in admin/ aside), weighed: the input of budgetProblems.
 * With a `facts` cache (src/lib/build-cache.ts), a page whose bytes were weighed by an earlier
 * build is neither gzipped nor parsed again; stylesheets and scripts are always weighed afresh. A
 * page whose digest this build already knows (build-cache.ts `knownDigest`: a kept page still as
 * it was copied) and that an earlier build weighed is not even read. The others are read one at
 * a time (at most GZIP_CONCURRENCY held), in the order of the folders; `tally.read` counts them.
 */
export async function weighSite(
  directory: string,
  facts: DigestCache<PageFacts> = openDigestCache(undefined, isPageFacts),
  tally: { read: number } = { read: 0 },
): Promise<PageWeight[]> {
  const htmlFiles = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return folder === directory && entry.name === 'admin' ? [] : htmlFiles(path);
      return entry.name.endsWith('.html') ? [path] : [];
    });
  const assetSizes = new Map<string, number>();
  const readAsset = (url: string) => readFileSync(join(directory, new URL(url, 'http://site/').pathname));
  const files = htmlFiles(directory);
  const weights: PageWeight[] = new Array(files.length);
  const gzipping = new Set<Promise<void>>();
  for (const [index, file] of files.entries()) {
    const path = `/${relative(directory, file).split(sep).join('/')}`.replace(/index\.html$/, '');
    const known = knownDigest(file);
    if (known !== undefined && facts.has(known)) {
      weights[index] = weighPage(path, facts.get(known, () => pageFacts(readFileSync(file, 'utf8'))), readAsset, assetSizes);
      continue;
    }
    const { content, digest } = readWithDigest(file);
    tally.read++;
    if (facts.has(digest)) {
      weights[index] = weighPage(path, facts.get(digest, () => pageFacts(content.toString('utf8'))), readAsset, assetSizes);
      continue;
    }
    const job = gzipInThreadPool(content, { level: 9 }).then((zipped) => {
      weights[index] = weighPage(path, facts.get(digest, () => pageFacts(content.toString('utf8'), zipped.length)), readAsset, assetSizes);
      gzipping.delete(job);
    });
    gzipping.add(job);
    if (gzipping.size >= GZIP_CONCURRENCY) await Promise.race(gzipping);
  }
  await Promise.all(gzipping);
  return weights;
}

/** The heaviest pages, for the build log of a site within its budgets. */
export function budgetSummary(weights: readonly PageWeight[]): string {
  if (weights.length === 0) return 'Budgets met: the site has no pages.';
  const heaviest = (key: 'htmlAndCss' | 'javaScript') => weights.reduce((max, weight) => (weight[key] > max[key] ? weight : max));
  const html = heaviest('htmlAndCss');
  const js = heaviest('javaScript');
  return (
    `Budgets met on ${weights.length} pages. Heaviest HTML+CSS: ${html.path} (${kB(html.htmlAndCss)}); ` +
    `heaviest JavaScript: ${js.path} (${kB(js.javaScript)}), gzipped.`
  );
}
