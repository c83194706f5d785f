/**
 * The kept folder put back after a build that moved it into its staging folder
 * (src/lib/kept-pages-refill.ts): from the pages the build rendered, the site the publishing
 * replaced, and the new site, each page checked against the one just published.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { digestOf } from '../../src/lib/build-cache.ts';
import { digestMovedPages, keptDigestsFile, keptPagesFolder, moveKeptPages, recordKeptDigests } from '../../src/lib/kept-pages.ts';
import { keyedOutputFiles, publishedPagesFile, recordPublishedPages, recordStagedPages, refillKeptPages, stagedPagesFile } from '../../src/lib/kept-pages-refill.ts';

let work = '';
afterEach(() => rmSync(work, { recursive: true, force: true }));

function write(root: string, files: Record<string, string>) {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
}
/** Every file under `root`, with its text. */
function contents(root: string): Record<string, string> {
  return Object.fromEntries(
    (readdirSync(root, { recursive: true, withFileTypes: true }) as Dirent[])
      .filter((entry) => entry.isFile())
      .map((entry): [string, string] => [join(entry.parentPath, entry.name).slice(root.length + 1), readFileSync(join(entry.parentPath, entry.name), 'utf8')])
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}
/** Astro's manifest naming these pages (URL-encoded, as Astro writes them). */
function manifest(cacheDir: string, files: string[]) {
  const paths = Object.fromEntries(files.map((file, index) => [`/p${index}`, { cacheKey: String(index), outputFile: encodeURI(file) }]));
  write(cacheDir, { 'incremental-build.json': JSON.stringify({ version: 1, routes: { 'src/pages/[x].astro': { dependencyHash: 'h', paths } } }) });
}

/** The site of one build: its keyed pages, and other files no kept folder holds. */
const PAGES = { 'en/a/index.html': 'a', 'en/b/index.html': 'b', 'en/café/index.html': 'café', 'fr/a/index.html': 'a fr' };
const OTHERS = { 'pagefind/en/index.pf': 'index', '_astro/site.js': 'js', 'en/unkeyed/index.html': 'always rendered', 'data/practices.json': '[]' };

/**
 * A build that moved its kept folder into staging and rendered `rendered` (written, as Astro does,
 * into the page and into a new kept folder), recorded and published over `published` (the
 * spare). Returns the folders.
 */
function build({ rendered, spare }: { rendered: Record<string, string>; spare?: Record<string, string> }) {
  work = mkdtempSync(join(tmpdir(), 'icc-kept-refill-'));
  const cacheDir = join(work, 'cache');
  const site = join(work, 'dist');
  const replaced = join(work, '.dist-replaced-1');
  const now = { ...PAGES, ...rendered };
  write(site, { ...now, ...OTHERS });
  write(keptPagesFolder(cacheDir), rendered);
  manifest(cacheDir, Object.keys(now));
  const later = new Date(Date.now() + 5000);
  for (const file of Object.keys(rendered)) utimesSync(join(keptPagesFolder(cacheDir), file), later, later);
  const digests = new Map(Object.entries(now).map(([file, text]) => [join(site, file), digestOf(text)]));
  recordKeptDigests(cacheDir, site, (path) => digests.get(path));
  if (spare) {
    // The site before: the same pages but for those rendered since, recorded when it was staged.
    write(replaced, { ...spare, ...OTHERS, 'en/gone/index.html': 'removed since' });
    manifest(cacheDir, [...Object.keys(spare), 'en/gone/index.html']);
    recordStagedPages(cacheDir, replaced, () => undefined);
    writeFileSync(publishedPagesFile(cacheDir), readFileSync(stagedPagesFile(cacheDir)));
    manifest(cacheDir, Object.keys(now));
  }
  recordStagedPages(cacheDir, site, (path) => digests.get(path));
  return { cacheDir, site, replaced, now };
}

describe('recordStagedPages', () => {
  it('records every page with a cache key in the staging folder, by the paths Astro encodes, and leaves out those not there', () => {
    work = mkdtempSync(join(tmpdir(), 'icc-kept-refill-'));
    const cacheDir = join(work, 'cache');
    const staging = join(work, 'staging');
    write(staging, PAGES);
    manifest(cacheDir, [...Object.keys(PAGES), 'en/404/index.html']);
    expect(keyedOutputFiles(cacheDir)).toContain('en/café/index.html');
    const known = join(staging, 'en/a/index.html');
    expect(recordStagedPages(cacheDir, staging, (path) => (path === known ? 'known digest' : undefined))).toBe(4);
    const pages = JSON.parse(readFileSync(stagedPagesFile(cacheDir), 'utf8')).pages as Record<string, string[]>;
    expect(Object.keys(pages).sort()).toEqual(Object.keys(PAGES).sort());
    expect(pages['en/a/index.html']![3]).toBe('known digest');
    expect(pages['en/café/index.html']![3]).toBe(digestOf('café'));
  });
});

describe('refillKeptPages', () => {
  it('makes the replaced site the kept folder: its pages, the pages this build rendered, and nothing else', async () => {
    const { cacheDir, site, replaced, now } = build({ rendered: { 'en/b/index.html': 'b, edited' }, spare: PAGES });
    const refill = await refillKeptPages(cacheDir, site, replaced);
    expect(refill).toEqual({ kept: 1, fromSpare: 3, copied: 0, left: 0 });
    expect(contents(keptPagesFolder(cacheDir))).toEqual(now);
    expect(existsSync(replaced)).toBe(false);
    // Once published, the record of the new site is the published one, for the next build's spare.
    recordPublishedPages(cacheDir);
    expect(existsSync(stagedPagesFile(cacheDir))).toBe(false);
    expect(Object.keys(JSON.parse(readFileSync(publishedPagesFile(cacheDir), 'utf8')).pages).sort()).toEqual(Object.keys(now).sort());
  });

  it('copies from the new site the pages the replaced site lacks, has with other bytes, or has changed since it was recorded', async () => {
    const spare = { ...PAGES, 'en/a/index.html': 'a, older' };
    delete (spare as Partial<typeof PAGES>)['fr/a/index.html'];
    const { cacheDir, site, replaced, now } = build({ rendered: { 'en/b/index.html': 'b, edited' }, spare });
    // Someone wrote into the replaced site after it was recorded: its page is not trusted.
    writeFileSync(join(replaced, 'en/café/index.html'), 'café');
    const refill = await refillKeptPages(cacheDir, site, replaced);
    expect(refill).toEqual({ kept: 1, fromSpare: 0, copied: 3, left: 0 });
    expect(contents(keptPagesFolder(cacheDir))).toEqual(now);
  });

  it('copies every page it lacks from the new site when there is no replaced site (a pipeline\'s build)', async () => {
    const { cacheDir, site, now } = build({ rendered: { 'en/b/index.html': 'b, edited' } });
    expect(await refillKeptPages(cacheDir, site)).toEqual({ kept: 1, fromSpare: 0, copied: 3, left: 0 });
    expect(contents(keptPagesFolder(cacheDir))).toEqual(now);
    expect(contents(site)).toEqual({ ...now, ...OTHERS });
  });

  it('leaves out a page of the new site that changed since it was recorded: the next build renders it', async () => {
    const { cacheDir, site, now } = build({ rendered: {} });
    writeFileSync(join(site, 'fr/a/index.html'), 'a fr, changed by hand');
    expect(await refillKeptPages(cacheDir, site)).toEqual({ kept: 0, fromSpare: 0, copied: 3, left: 1 });
    const { 'fr/a/index.html': _changed, ...others } = now;
    expect(contents(keptPagesFolder(cacheDir))).toEqual(others);
  });

  it('removes from the kept folder a page whose bytes are not the published ones', async () => {
    const { cacheDir, site, now } = build({ rendered: { 'en/b/index.html': 'b, edited' } });
    // The kept copy was written over after its digest was recorded.
    const kept = join(keptPagesFolder(cacheDir), 'en/b/index.html');
    writeFileSync(kept, 'b, other');
    utimesSync(kept, new Date(Date.now() + 9000), new Date(Date.now() + 9000));
    expect(await refillKeptPages(cacheDir, site)).toEqual({ kept: 0, fromSpare: 0, copied: 4, left: 0 });
    expect(contents(keptPagesFolder(cacheDir))).toEqual(now);
  });

  it('does nothing when the build recorded no pages', async () => {
    const { cacheDir, site, replaced } = build({ rendered: { 'en/b/index.html': 'b, edited' }, spare: PAGES });
    rmSync(stagedPagesFile(cacheDir));
    expect(await refillKeptPages(cacheDir, site, replaced)).toBeUndefined();
    expect(contents(keptPagesFolder(cacheDir))).toEqual({ 'en/b/index.html': 'b, edited' });
    expect(existsSync(replaced)).toBe(true);
  });

  it('leaves a kept folder the next build moves into its staging folder without reading a page', async () => {
    const { cacheDir, site, replaced, now } = build({ rendered: { 'en/b/index.html': 'b, edited' }, spare: PAGES });
    await refillKeptPages(cacheDir, site, replaced);
    const staging = join(work, '.dist-building-2');
    const moved = moveKeptPages(cacheDir, staging)!;
    expect(moved).toEqual(Object.keys(now).sort());
    expect(existsSync(keptPagesFolder(cacheDir))).toBe(false);
    const { pages, read } = await digestMovedPages(cacheDir, staging, moved);
    expect(read).toBe(0);
    expect(Object.fromEntries(pages.map((page) => [page.file, page.digest]))).toEqual(Object.fromEntries(Object.entries(now).map(([file, text]) => [file, digestOf(text)])));
    expect(existsSync(keptDigestsFile(cacheDir))).toBe(true);
  });
});

describe('moveKeptPages', () => {
  it('moves nothing into a staging folder that holds something, nor when there is no kept folder', () => {
    work = mkdtempSync(join(tmpdir(), 'icc-kept-refill-'));
    const cacheDir = join(work, 'cache');
    const staging = join(work, 'staging');
    expect(moveKeptPages(cacheDir, staging)).toBeUndefined();
    write(keptPagesFolder(cacheDir), PAGES);
    write(staging, { '.git/HEAD': 'ref' });
    expect(moveKeptPages(cacheDir, staging)).toBeUndefined();
    expect(contents(keptPagesFolder(cacheDir))).toEqual(PAGES);
  });
});
