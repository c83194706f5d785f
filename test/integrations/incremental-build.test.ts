/**
 * Astro's incremental build (experimental.incrementalBuild with cache keys from
 * src/lib/page-key.ts) and the build's own caches (src/lib/build-cache.ts) on a copy of the
 * content, built three times: cold; after editing the text of one practice (only its page is
 * rendered again, the budgets gzip only the pages whose bytes changed, the languages whose pages
 * did not change keep their search index); after renaming it (every page that shows the title
 * is rendered again, lists, hubs and the city included, and no list, profile or Index result that
 * does not show it; the site is then the same, byte for byte, as a cold build's); then, as a
 * pipeline builds (from the cache, without the published site), after removing another practice
 * (its pages, moved into the staging folder with the others, are not published), and once more
 * with nothing changed (the same site, from a kept folder put back by copies).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetFor } from '../helpers/time-budget.ts';
import { buildConfigFile, writeBuildConfig } from '../helpers/build-config.ts';

const root = resolve(import.meta.dirname, '../..');
const work = join(root, '.cache/test-incremental');
const content = join(work, 'content');
const outDir = join(work, 'dist');
const config = buildConfigFile(work);
const slug = 'advisory-council-elected-migrant-members';
const source = join(content, `practices/en/${slug}.md`);

/** A cold build of the same content in a folder of its own, to compare the incremental build with. */
const coldWork = join(work, 'cold');
const coldOutDir = join(coldWork, 'dist');

async function build(configFile = config): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--config', relative(root, configFile)], {
    cwd: root,
    // One build instant for the three builds: feeds and calendars are keyed by the build's day.
    env: { ...process.env, ICC_CONTENT_DIR: content, ICC_SKIP_CARDS: '1', ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', SOURCE_DATE_EPOCH: String(Date.UTC(2026, 11, 1, 9) / 1000) },
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}
const page = (path: string) => readFileSync(join(outDir, path, 'index.html'), 'utf8');
/** Astro's log without its colours (it colours the log even with FORCE_COLOR=0). */
const withoutColours = (log: string) => log.replace(/\x1b\[[0-9;]*m/g, '');
/** Pages copied from the previous build, as Astro's log reports them. */
const reused = (log: string) => (log.match(/\((cached|restored)\)/g) ?? []).length;

/**
 * The pages Astro rendered (not copied): Astro lists every page; a copied one is marked at once, a
 * rendered one gets its time later (with build.concurrency, after other pages' names or the next line's time).
 */
const renderedPaths = (log: string) =>
  [...withoutColours(log).matchAll(/[├└]─ (\/\S*?)(?=\s|\d\d:\d\d:\d\d|$)( \((?:cached|restored)\))?/g)].filter((match) => !match[2]).map((match) => match[1]!);

/** The first practice (other than the edited one and those in `taken`) linked from the part of these pages that starts at `marker`. */
function firstPracticeIn(paths: string[], marker: string, taken: readonly string[] = []): string {
  for (const path of paths) {
    const html = page(path);
    const start = html.indexOf(marker);
    if (start < 0) continue;
    const part = html.slice(start, html.indexOf('</section>', start));
    const linked = [...part.matchAll(/href="\/en\/practices\/([a-z0-9-]+)\/"/g)].map((match) => match[1]!).find((other) => other !== slug && !taken.includes(other));
    if (linked) return linked;
  }
  throw new Error(`no practice linked after ${marker} in ${paths.length} pages`);
}
/** Practices renamed with the edited one, and their titles before and after. */
const alsoRenamed: { slug: string; before: string; after: string }[] = [];

let first = '';
let textEdit = '';
let second = '';
const pagesBefore = new Map<string, string>();
/** Pages other than practice pages that show the practice's title, before the rename. */
const listsBefore = new Map<string, string>();
const htmlPages = (folder: string): string[] =>
  readdirSync(join(outDir, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('index.html'))
    .map((file) => join(folder, file.replace(/\/?index\.html$/, '')));

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  cpSync(join(root, 'src/content'), content, { recursive: true });
  writeBuildConfig(root, work, outDir);
  first = await build();
  for (const name of readdirSync(join(content, 'practices/en'))) {
    const path = `en/practices/${name.replace(/\.md$/, '')}`;
    pagesBefore.set(path, page(path));
  }
  writeFileSync(source, readFileSync(source, 'utf8').replace(/^stimulus: (\|-?\n {2})?/m, (start) => `${start}Edited for the incremental build test. `));
  textEdit = await build();
  // Renamed with it: a practice a city profile offers to learn from, one an Index result recommends
  // and one a method's page lists, whose pages are keyed by the practices they show (src/lib/page-key.ts).
  const others: string[] = [];
  others.push(firstPracticeIn(htmlPages('en').filter((path) => /^en\/cities\/[a-z-]+$/.test(path)), 'learn-sources', others));
  others.push(firstPracticeIn(htmlPages('en').filter((path) => /^en\/index\/(?!compare)[a-z0-9-]+$/.test(path)), 'id="recommendations"', others));
  others.push(firstPracticeIn(htmlPages('en').filter((path) => /^en\/methods\/[a-z0-9-]+$/.test(path)), 'id="method-practices"', others));
  for (const [index, other] of others.entries()) {
    const title = /<h1[^>]*>([^<]+)<\/h1>/.exec(page(`en/practices/${other}`))![1]!;
    alsoRenamed.push({ slug: other, before: title, after: `Renamed ${index + 1} for the incremental build test` });
  }
  const oldTitles = ['Advisory council with elected migrant members', ...alsoRenamed.map(({ before }) => before)];
  for (const path of ['en', 'fr', 'es'].flatMap(htmlPages).filter((path) => !/\/practices\/[a-z0-9-]+$/.test(path))) {
    const html = page(path);
    if (oldTitles.some((title) => html.includes(title))) listsBefore.set(path, html);
  }
  writeFileSync(source, readFileSync(source, 'utf8').replace(/^title: .*$/m, 'title: Renamed for the incremental build test'));
  for (const { slug: other, after } of alsoRenamed) {
    const file = join(content, `practices/en/${other}.md`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: ${after}`));
  }
  second = await build();
  mkdirSync(coldWork, { recursive: true });
  writeBuildConfig(root, coldWork, coldOutDir);
  await build(buildConfigFile(coldWork));
  // Four whole builds of a copy of src/content: a generous second per content file, each.
}, budgetFor(4 * readdirSync(join(root, 'src/content'), { recursive: true }).length, 1_000));

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('incremental build', () => {
  it('renders every page on the first build', () => {
    expect(reused(first)).toBe(0);
  });

  it('moves the pages Astro kept into the staging folder before it renders, so that it copies none itself, and puts them back from the replaced site', () => {
    expect(first).not.toMatch(/pages kept by the last build/);
    const seeded = /(\d+) pages kept by the last build put in the staging folder \(moved there in one rename\) in [\d.]+ s, while Astro started \((\d+) of them read to know their digests\)/.exec(textEdit);
    expect(seeded).not.toBeNull();
    // The first build recorded the digests of the pages it rendered: the copy reads none it could vouch for.
    expect(first).toMatch(/digests of \d+ pages Astro kept in this build recorded, for the next build's copy/);
    expect(Number(seeded![2])).toBe(0);
    // Every page Astro reuses is found in place ("cached"), none copied on its turn ("restored").
    expect(withoutColours(textEdit).match(/\(cached\)/g)?.length).toBeGreaterThan(100);
    expect(textEdit).not.toMatch(/\(restored\)/);
    // The kept folder was moved, not copied, and put back after publishing from the site it
    // replaced (src/lib/kept-pages-refill.ts): no page copied, the cold build's kept folder whole.
    expect(first).not.toMatch(/kept pages put back for the next build/);
    const refilled = /kept pages put back for the next build in [\d.]+ s: (\d+) rendered by this build, (\d+) taken from the site it replaced, (\d+) copied from the site/.exec(textEdit);
    expect(refilled, textEdit.slice(-3000)).not.toBeNull();
    expect(Number(refilled![2])).toBeGreaterThan(100);
    expect(Number(refilled![3])).toBe(0);
    expect(Number(refilled![1]) + Number(refilled![2])).toBe(Number(/(\d+) pages with a cache key recorded/.exec(textEdit)![1]));
    expect(Number(seeded![1])).toBeGreaterThanOrEqual(reused(textEdit));
  });

  it('after a text edit, renders the edited page again and copies every page that does not show the text', () => {
    expect(page(`en/practices/${slug}`)).toContain('Edited for the incremental build test.');
    const rendered = renderedPaths(textEdit);
    expect(rendered).toContain(`/en/practices/${slug}/index.html`);
    // Cities, Index results, lists, hubs and embeds share one key that a text edit leaves alone.
    // Feeds and calendars share that key with the build's day (same day here).
    for (const copied of [
      /\/cities\/[a-z-]+\/index\.html$/,
      /\/index\/(?!compare\/)[a-z0-9-]+\/index\.html$/,
      /\/themes\/[a-z-]+\/index\.html$/,
      /\/practices\/theme\//,
      /\/feeds\/(city|theme|network|for)\//,
      /\/calendars\//,
      /\/activities\/[a-z0-9-]+\.ics$/,
    ]) {
      expect(rendered.filter((path) => copied.test(path)), String(copied)).toEqual([]);
    }
    // The data files (endpoints) and the one-a-language pages are written on every build; of the pages, most are copied.
    const renderedPages = rendered.filter((path) => path.endsWith('/index.html'));
    const reusedPages = (withoutColours(textEdit).match(/\/index\.html \((cached|restored)\)/g) ?? []).length;
    expect(reusedPages).toBeGreaterThan(renderedPages.length * 5);
  });

  it('after a text edit, weighs only the pages whose bytes changed and re-indexes only the languages whose pages changed', () => {
    expect(textEdit).toMatch(/budgets checked in [\d.]+ s \((\d+) pages gzipped/);
    const gzippedPages = Number(/budgets checked in [\d.]+ s \((\d+) pages gzipped/.exec(textEdit)![1]);
    expect(gzippedPages).toBeGreaterThan(0);
    expect(gzippedPages).toBeLessThan(5);
    // The pages still as the kept pages' copy wrote them are weighed from its digests, unread.
    const [, weighedBefore, unread] = /the other (\d+) weighed by an earlier build; (\d+) of those not read/.exec(textEdit)!.map(Number);
    expect(unread).toBeGreaterThan(weighedBefore! * 0.8);
    expect(unread).toBeLessThanOrEqual(weighedBefore!);
    expect(first).toMatch(/\ben: \d+ pages, \d+ words, \d+ filters indexed in/);
    expect(textEdit).toMatch(/\ben: \d+ pages, \d+ words, \d+ filters indexed in/);
    // The practice is translated: no French or Spanish page shows its English text.
    expect(textEdit).toMatch(/\bfr: no page changed for the search since the last build, its index was reused/);
    expect(textEdit).toMatch(/\bes: no page changed for the search since the last build, its index was reused/);
  });

  it('after a rename, shows the new title on every list, hub and city page that showed the old one', () => {
    expect(listsBefore.size).toBeGreaterThan(3);
    expect([...listsBefore.keys()].some((path) => path.includes('/cities/'))).toBe(true);
    for (const [path, html] of listsBefore) {
      if (html.includes('Advisory council with elected migrant members')) expect(page(path).includes('Renamed for the incremental build test'), path).toBe(true);
      for (const { before, after } of alsoRenamed) if (html.includes(before)) expect(page(path).includes(after), `${path}: ${after}`).toBe(true);
    }
    // The renamed practices a city learns from, an Index result recommends and a method lists are listed there.
    expect(alsoRenamed.map(({ slug: other }) => other)).toHaveLength(3);
    expect([...listsBefore.keys()].some((path) => /^en\/index\//.test(path))).toBe(true);
    expect([...listsBefore.keys()].some((path) => /^en\/methods\//.test(path))).toBe(true);
  });

  it('after a rename, renders again only the lists, profiles, dossiers and Index results that showed the old title', () => {
    const rendered = renderedPaths(second).filter((path) => path.endsWith('/index.html'));
    const keyedByWhatTheyShow = /\/practices\/(page|theme|city|country|for|network)\/|\/cities\/[a-z-]+\/(dossier\/)?index\.html$|\/index\/(?!compare\/)[a-z0-9-]+\/index\.html$|\/methods\/[a-z0-9-]+\/index\.html$|\/resources\/[a-z]+\/[^/]+\/index\.html$/;
    const showedTitle = new Set([...listsBefore.keys()].map((path) => `/${path}/index.html`));
    const renderedLists = rendered.filter((path) => keyedByWhatTheyShow.test(path));
    expect(renderedLists.length).toBeGreaterThan(3);
    expect(renderedLists.filter((path) => !showedTitle.has(path))).toEqual([]);
    // The resources' pages name no practice: a rename leaves them as they were.
    expect(rendered.filter((path) => /\/resources\/[a-z]+\//.test(path))).toEqual([]);
    expect(rendered.filter((path) => /\/methods\/[a-z0-9-]+\/index\.html$/.test(path)).length).toBeGreaterThan(0);
    // Most of those pages show other practices only, and were copied.
    const copiedLists = (withoutColours(second).match(/[├└]─ \S*\/(practices\/(theme|city|country|for|network)\/|cities\/)\S*index\.html \((cached|restored)\)/g) ?? []).length;
    expect(copiedLists).toBeGreaterThan(renderedLists.length);
  });

  it('after a rename, publishes the same files, byte for byte, as a cold build of the same content', () => {
    const files = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => statSync(join(dir, file)).isFile()).sort();
    const incremental = files(outDir);
    expect(incremental).toEqual(files(coldOutDir));
    const differing = incremental.filter((file) => !readFileSync(join(outDir, file)).equals(readFileSync(join(coldOutDir, file))));
    expect(differing).toEqual([]);
  });

  it('copies the practice pages that show nothing that changed', () => {
    const practicePages = (first.match(/practices\/[a-z0-9-]+\/index\.html/g) ?? []).length;
    expect(practicePages).toBeGreaterThan(100);
    // Only the renamed practices (EN, and the languages where they fall back to English) and the
    // pages linking to them, relating to them or listing them among similar practices are rendered again.
    const reusedPracticePages = (withoutColours(second).match(/practices\/[a-z0-9-]+\/index\.html \((cached|restored)\)/g) ?? []).length;
    expect(reusedPracticePages).toBeGreaterThan(practicePages - 20 * (1 + alsoRenamed.length));
    expect(reusedPracticePages).toBeLessThan(practicePages);
  });

  it('shows the edit on the practice, on the pages that link to it and on pages always rendered', () => {
    const renamed = (path: string) => page(path).includes('Renamed for the incremental build test');
    expect(page(`en/practices/${slug}`)).toMatch(/<h1[^>]*>Renamed for the incremental build test<\/h1>/);
    const linking = [...pagesBefore]
      .filter(([path, html]) => !path.endsWith(slug) && html.includes('Advisory council with elected migrant members'))
      .map(([path]) => path);
    expect(linking.length).toBeGreaterThan(0);
    // A page that still lists it shows the new title; a similar-practices list may also drop it (the
    // title is part of the text compared): either way no page shows the old title.
    for (const path of linking) expect(renamed(path) || !page(path).includes('Advisory council with elected migrant members'), path).toBe(true);
    expect(linking.filter(renamed).length).toBeGreaterThan(0);
    // The open data is rendered on every build; the feeds of the practice's cities when a title changes.
    expect(readFileSync(join(outDir, 'data/practices.json'), 'utf8')).toContain('Renamed for the incremental build test');
    const city = /^cities:\s*\[?\s*-?\s*([a-z-]+)/m.exec(readFileSync(source, 'utf8'))![1]!;
    expect(readFileSync(join(outDir, `en/feeds/city/${city}.xml`), 'utf8')).toContain('Renamed for the incremental build test');
  });

  it('leaves the other pages byte for byte as they were', () => {
    const titles = ['Advisory council with elected migrant members', ...alsoRenamed.map(({ before }) => before)];
    const unchanged = [...pagesBefore].filter(([path, html]) => !titles.some((title) => html.includes(title)) && !alsoRenamed.some(({ slug: other }) => path.endsWith(`/${other}`)));
    expect(unchanged.length).toBeGreaterThan(50);
    for (const [path, html] of unchanged) expect(page(path) === html, path).toBe(true);
  });
});

/** Every file of a site, with the digest of its bytes. */
const siteFiles = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => statSync(join(dir, file)).isFile())
      .sort()
      .map((file) => [file, createHash('sha1').update(readFileSync(join(dir, file))).digest('hex')]),
  );

describe('incremental build after a practice is removed, as a pipeline builds', () => {
  let again = '';
  let siteAfterRemoval: Record<string, string> = {};
  let removed = '';
  let gone = '';
  beforeAll(async () => {
    // A practice no other file names (removing it leaves the content valid), in every language it is written in.
    const others = (name: string) =>
      readdirSync(content, { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.(md|ya?ml|json)$/.test(file) && !file.endsWith(`/${name}.md`))
        .some((file) => readFileSync(join(content, file), 'utf8').includes(name));
    gone = readdirSync(join(content, 'practices/en'))
      .map((file) => file.replace(/\.md$/, ''))
      .sort()
      .find((name) => name !== slug && !others(name))!;
    for (const lang of readdirSync(join(content, 'practices'))) rmSync(join(content, 'practices', lang, `${gone}.md`), { force: true });
    // As a pipeline builds: from the cache alone, without the published site.
    rmSync(outDir, { recursive: true, force: true });
    removed = await build();
    siteAfterRemoval = siteFiles(outDir);
    rmSync(outDir, { recursive: true, force: true });
    again = await build();
  }, budgetFor(2 * readdirSync(join(root, 'src/content'), { recursive: true }).length, 1_000));

  it('builds the same site again from the kept folder the copies put back, reading none of its pages', () => {
    const seeded = /(\d+) pages kept by the last build put in the staging folder \(moved there in one rename\) in [\d.]+ s, while Astro started \((\d+) of them read/.exec(again);
    expect(Number(seeded?.[1])).toBeGreaterThan(100);
    expect(Number(seeded?.[2])).toBe(0);
    expect(again).not.toMatch(/\(restored\)/);
    expect(siteFiles(outDir)).toEqual(siteAfterRemoval);
  });

  it('publishes none of its pages, although they were copied into the staging folder with the others', () => {
    expect(gone).toBeTruthy();
    // Without a site to take them from, the pages Astro did not render are copied back into the kept folder.
    const refilled = /kept pages put back for the next build in [\d.]+ s: \d+ rendered by this build, (\d+) taken from the site it replaced, (\d+) copied from the site/.exec(removed);
    expect(Number(refilled?.[1])).toBe(0);
    expect(Number(refilled?.[2])).toBeGreaterThan(100);
    expect(removed).toMatch(/\d+ pages kept by the last build put in the staging folder/);
    expect(removed).toMatch(new RegExp(`kept pages? (is|are) no longer built: removed \\([^)]*${gone}/index\\.html`));
    for (const lang of ['en', 'fr', 'es']) expect(existsSync(join(outDir, lang, 'practices', gone)), lang).toBe(false);
    expect(existsSync(join(outDir, 'en/practices', slug, 'index.html'))).toBe(true);
  });
});
