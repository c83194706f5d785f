/**
 * Publishing is all or nothing (src/integrations/atomic-publish.ts): `astro build` on a small
 * content tree, published once, then builds that fail a check or are killed while rendering.
 * Each must leave the published site byte for byte as it was; the next good build publishes and
 * clears what the killed ones left. Kills are triggered by what the build writes or logs (a
 * page staged, pages rendered), never by a delay.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSmallContent } from '../helpers/small-content.ts';
import { buildConfigFile, writeBuildConfig } from '../helpers/build-config.ts';

const root = resolve(import.meta.dirname, '../..');
const work = join(root, '.cache/test-atomic-build');
const content = join(work, 'content');
const outDir = join(work, 'dist');
const config = buildConfigFile(work);

interface BuildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  log: string;
}

/**
 * Runs `astro build`, or with `viaScript` the build of `npm run build` (scripts/build.ts, which
 * runs Astro in a process of its own, then the search index); `whenStarted` gets the process once
 * it runs (to kill it).
 */
function build(whenStarted?: (pid: number, progress: () => { exited: boolean; log: string }) => void, viaScript = false): Promise<BuildRun> {
  const command = viaScript ? ['scripts/build.ts'] : ['node_modules/astro/bin/astro.mjs', 'build'];
  const child = spawn(process.execPath, [...command, '--config', relative(root, config)], {
    cwd: root,
    env: { ...process.env, ICC_CONTENT_DIR: content, ICC_SKIP_CARDS: '1', ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk));
  let done = false;
  const finished = new Promise<BuildRun>((settle) => child.on('close', (code, signal) => ((done = true), settle({ code, signal, log }))));
  whenStarted?.(child.pid!, () => ({ exited: done, log }));
  return finished;
}

function files(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? [`${path}/`, ...files(path)] : [path];
  });
}

/** One hash over every path and every byte of the published site. */
function treeHash(directory = outDir): string {
  const hash = createHash('sha256');
  for (const path of files(directory).sort()) {
    hash.update(`${relative(directory, path)}\0`);
    if (!path.endsWith('/')) hash.update(readFileSync(path));
  }
  return hash.digest('hex');
}

/** The hand-off files of build scripts (scripts/build.ts) that are still there. */
const handoffs = () => readdirSync(tmpdir()).filter((name) => /^icc-build-\d+\.json/.test(name));

/** What builds left beside the published site. */
const leftovers = () => readdirSync(work).filter((name) => name.startsWith('.dist-'));

/** The paths under `directory`, or none once it is gone (the build being watched may be removing it). */
function filesNow(directory: string): string[] {
  try {
    return files(directory);
  } catch {
    return [];
  }
}

/** Sends `signal` to the build once `ready` (given its staging folder's files and its log) says so. */
function killWhen(signal: NodeJS.Signals, ready: (staged: string[], log: string) => boolean) {
  return (pid: number, progress: () => { exited: boolean; log: string }) => {
    const staging = join(work, `.dist-building-${pid}`);
    const look = () => {
      const { exited, log } = progress();
      if (exited) return;
      if (ready(filesNow(staging), log)) process.kill(pid, signal);
      else setTimeout(look, 5);
    };
    look();
  };
}

/** Pages the log shows rendered (not reused): the build is rendering. */
const renderedPages = (log: string) => (log.match(/[├└]─ \S+\.html(?! \((?:cached|restored)\))/g) ?? []).length;

/** Kills the build once it renders pages: its log shows some rendered. */
const killWhileRendering = (signal: NodeJS.Signals) => killWhen(signal, (_, log) => renderedPages(log) > 2);

/**
 * Kills the build as soon as a page is in its staging folder: the pages kept by the previous
 * build are being copied there while Astro starts (src/integrations/kept-pages.ts).
 */
const killOnFirstPage = (signal: NodeJS.Signals) => killWhen(signal, (staged) => staged.some((path) => path.endsWith('.html')));

/** Edits a content file for one build, then puts it back. */
async function withEdit<T>(file: string, edit: (text: string) => string, work: () => Promise<T>): Promise<T> {
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, edit(original));
  try {
    return await work();
  } finally {
    writeFileSync(file, original);
  }
}

/** Words that gzip poorly: letters drawn from SHA-256 digests, the same on every run. */
function incompressibleText(characters: number): string {
  let text = '';
  for (let block = 0; text.length < characters; block++) {
    const bytes = createHash('sha256').update(String(block)).digest();
    for (const [index, byte] of bytes.entries()) text += index % 7 === 6 ? ' ' : String.fromCharCode(97 + (byte % 26));
  }
  return text;
}

let slugs: string[] = [];
const practice = (slug: string) => join(content, 'practices/en', `${slug}.md`);

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  slugs = writeSmallContent(root, content);
  writeBuildConfig(root, work, outDir);
  const first = await build();
  if (first.code !== 0) throw new Error(`The first build of the small site failed:\n${first.log}`);
}, 0);

afterAll(() => rmSync(work, { recursive: true, force: true }));

// The builds run one after another (as tests of a file do): each starts from what the one before
// left. No time limit: a build's time depends on the machine, and each one ends by itself.
describe('all-or-nothing publishing', { timeout: 0 }, () => {
  it('publishes a good build with its search index, sitemap and headers, leaving nothing beside it', () => {
    for (const file of ['en/index.html', 'pagefind/en/pagefind.js', 'pagefind/fr/pagefind.js', 'sitemap-index.xml', '_headers']) {
      expect(existsSync(join(outDir, file)), file).toBe(true);
    }
    expect(existsSync(join(outDir, 'en/practices', slugs[0]!, 'index.html'))).toBe(true);
    expect(leftovers()).toEqual([]);
  });

  it('stops a build with a page over its weight budget and leaves the published site byte for byte', async () => {
    const slug = slugs[0]!;
    const before = treeHash();
    const run = await withEdit(practice(slug), (text) => text.replace(/^stimulus: \|-\n/m, `stimulus: |-\n  ${incompressibleText(60_000)}\n\n`), () => build());
    expect(run.code).not.toBe(0);
    expect(run.log).toContain('Page-weight budgets exceeded, nothing was published:');
    expect(run.log).toMatch(new RegExp(`/en/practices/${slug}/: HTML\\+CSS is \\d+\\.\\d kB gzipped, over the 20\\.0 kB budget of a practice page`));
    expect(treeHash()).toBe(before);
    expect(leftovers()).toEqual([]);
  });

  it('stops a build with invalid content before building and leaves the published site byte for byte', async () => {
    const before = treeHash();
    const run = await withEdit(practice(slugs[1]!), (text) => text.replace(/^period: .*$/m, 'period: { start: 1890, end: ongoing }'), () => build());
    expect(run.code).not.toBe(0);
    expect(run.log).toContain('Content is invalid, nothing was built.');
    expect(run.log).toContain(`practices/en/${slugs[1]}.md: period.start must be 1990 or more`);
    expect(treeHash()).toBe(before);
    expect(leftovers()).toEqual([]);
  });

  it('stops a build whose content only the whole-tree check refuses (an unknown city) before rendering a page', async () => {
    const before = treeHash();
    const run = await withEdit(practice(slugs[1]!), (text) => text.replace(/^cities: \[[^\]]*\]/m, 'cities: [atlantis]'), () => build());
    expect(run.code).not.toBe(0);
    expect(run.log).toContain('Content is invalid, nothing was built.');
    expect(run.log).toMatch(new RegExp(`practices/en/${slugs[1]}\\.md: cities\\[0\\] "atlantis" is not a known city`));
    // The check stopped it once the site was bundled: no page was rendered.
    expect(run.log).not.toMatch(/generating static routes/);
    expect(treeHash()).toBe(before);
    expect(leftovers()).toEqual([]);
  });

  it('leaves the published site byte for byte when the build is stopped (SIGTERM) while rendering', async () => {
    const before = treeHash();
    const run = await withEdit(practice(slugs[0]!), (text) => text.replace(/^title: .*$/m, 'title: Stopped before publishing'), () => build(killWhileRendering('SIGTERM')));
    expect(run.signal, run.log).toBe('SIGTERM');
    expect(renderedPages(run.log)).toBeGreaterThan(2);
    expect(treeHash()).toBe(before);
    expect(leftovers()).toEqual([]);
  });

  it('leaves the published site byte for byte when the build is stopped (SIGTERM) as soon as a page is staged (the kept pages being copied)', async () => {
    const before = treeHash();
    const run = await withEdit(practice(slugs[0]!), (text) => text.replace(/^title: .*$/m, 'title: Stopped while copying'), () => build(killOnFirstPage('SIGTERM')));
    // The copy is stopped before the staging folder is removed: a folder written to while it is removed stays.
    expect(run.signal, run.log).toBe('SIGTERM');
    expect(treeHash()).toBe(before);
    expect(leftovers()).toEqual([]);
  });

  it('leaves the published site byte for byte when the build is killed (SIGKILL) while rendering', async () => {
    const before = treeHash();
    const run = await withEdit(practice(slugs[0]!), (text) => text.replace(/^title: .*$/m, 'title: Killed before publishing'), () => build(killWhileRendering('SIGKILL')));
    expect(run.signal).toBe('SIGKILL');
    expect(treeHash()).toBe(before);
    // Nothing could clean up after SIGKILL: its staging folder stays until the next build.
    expect(leftovers()).toHaveLength(1);
  });

  it('publishes the next good build and removes what the killed builds left', async () => {
    const before = treeHash();
    const run = await withEdit(practice(slugs[0]!), (text) => text.replace(/^title: .*$/m, 'title: Published after the kills'), () => build());
    expect(run.code, run.log).toBe(0);
    expect(run.log).toMatch(/removed \.dist-building-\d+, left by a build that did not finish/);
    expect(readFileSync(join(outDir, 'en/practices', slugs[0]!, 'index.html'), 'utf8')).toContain('Published after the kills');
    expect(treeHash()).not.toBe(before);
    expect(leftovers()).toEqual([]);
  });
  it('npm run build (scripts/build.ts) ends Astro\'s process before indexing, then publishes the site with its index', async () => {
    const before = treeHash();
    const run = await withEdit(practice(slugs[0]!), (text) => text.replace(/^title: .*$/m, 'title: Published by the build script'), () => build(undefined, true));
    expect(run.code, run.log).toBe(0);
    // Astro's own process finished (its last line) before the first language was indexed.
    const astroEnded = run.log.indexOf('[build] Complete!');
    const handedOver = run.log.indexOf("Astro's process has ended: its memory is free for the search index");
    const indexed = run.log.search(/\[icc:search-index\] en: (?:\d+ pages, \d+ words, \d+ filters indexed|no page changed)/);
    const published = run.log.indexOf('[icc:atomic-publish] every step passed: published');
    expect(run.log).toContain("the search index is built once Astro's process has ended (scripts/build.ts)");
    expect(astroEnded).toBeGreaterThan(-1);
    expect([astroEnded < handedOver, handedOver < indexed, indexed < published]).toEqual([true, true, true]);
    expect(readFileSync(join(outDir, 'en/practices', slugs[0]!, 'index.html'), 'utf8')).toContain('Published by the build script');
    for (const file of ['pagefind/en/pagefind.js', 'pagefind/fr/pagefind.js', 'sitemap-index.xml', '_headers']) expect(existsSync(join(outDir, file)), file).toBe(true);
    expect(treeHash()).not.toBe(before);
    expect(leftovers()).toEqual([]);
    expect(handoffs()).toEqual([]);
  });

  it('leaves the published site byte for byte when npm run build is stopped (SIGTERM) while it indexes', async () => {
    const before = treeHash();
    // Stopped once Astro's process has handed the site over: the edited page's language must be
    // indexed again (its index cannot be reused), so the script is still indexing.
    const stopWhileIndexing = (pid: number, progress: () => { exited: boolean; log: string }) => {
      const look = () => {
        const { exited, log } = progress();
        if (exited) return;
        if (log.includes("Astro's process has ended: its memory is free for the search index")) process.kill(pid, 'SIGTERM');
        else setTimeout(look, 5);
      };
      look();
    };
    const run = await withEdit(practice(slugs[0]!), (text) => text.replace(/^title: .*$/m, 'title: Stopped while indexing'), () => build(stopWhileIndexing, true));
    expect(run.signal, run.log).toBe('SIGTERM');
    expect(run.log).not.toContain('every step passed: published');
    expect(treeHash()).toBe(before);
    expect(leftovers()).toEqual([]);
    expect(handoffs()).toEqual([]);
  });

  it('publishes nothing and fails when the astro build of npm run build fails', async () => {
    const before = treeHash();
    const run = await withEdit(practice(slugs[1]!), (text) => text.replace(/^period: .*$/m, 'period: { start: 1890, end: ongoing }'), () => build(undefined, true));
    expect(run.code).not.toBe(0);
    expect(run.log).toContain('Content is invalid, nothing was built.');
    expect(run.log).not.toContain("Astro's process has ended: its memory is free");
    expect(treeHash()).toBe(before);
    expect(leftovers()).toEqual([]);
    expect(handoffs()).toEqual([]);
  });
});
