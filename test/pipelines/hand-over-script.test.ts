/**
 * `npm run build:hand-over` as a pipeline runs it once the site is deployed: the published site
 * becomes the kept folder of Astro's incremental build (src/lib/kept-pages-refill.ts, tested in
 * test/lib/kept-pages-refill.test.ts), by renames; what it does not take is moved beside it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { digestOf } from '../../src/lib/build-cache.ts';
import { keptDigestsFile, keptPagesFolder } from '../../src/lib/kept-pages.ts';
import { publishedPagesFile } from '../../src/lib/kept-pages-refill.ts';

const script = resolve(import.meta.dirname, '../../scripts/hand-over.ts');
let work = '';
afterEach(() => rmSync(work, { recursive: true, force: true }));

const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { cwd: work, encoding: 'utf8' });

function write(root: string, files: Record<string, string>) {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
}

describe('npm run build:hand-over', () => {
  it('makes the deployed site the kept folder, moves the rest beside it, and leaves no dist/', () => {
    work = mkdtempSync(join(tmpdir(), 'icc-hand-over-'));
    const pages = { 'en/a/index.html': 'a', 'fr/a/index.html': 'a fr' };
    write(join(work, 'dist'), { ...pages, 'pagefind/en/x.pf': 'index', 'en/always/index.html': 'no key' });
    // The record the build wrote of the pages it published, with their files' identities.
    const record = Object.fromEntries(
      Object.entries(pages).map(([file, text]) => {
        const stats = statSync(join(work, 'dist', file), { bigint: true });
        return [file, [String(stats.size), String(stats.mtimeNs), String(stats.ino), digestOf(text)]];
      }),
    );
    write(join(work, '.cache/astro'), { 'icc-published-pages.json': JSON.stringify({ version: 1, pages: record }) });
    const result = run();
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toMatch(/^\[hand-over\] the published site is the kept folder of the next build, in [\d.]+ s: 2 pages taken from it, 0 already kept, 0 copied; the rest moved to dist-rest\/\n$/);
    const kept = keptPagesFolder(join(work, '.cache/astro'));
    expect(readdirSync(kept, { recursive: true }).filter((file) => String(file).endsWith('.html')).sort()).toEqual(Object.keys(pages).sort());
    expect(readFileSync(join(kept, 'fr/a/index.html'), 'utf8')).toBe('a fr');
    expect(existsSync(join(work, 'dist'))).toBe(false);
    expect(readdirSync(join(work, 'dist-rest'))).toHaveLength(2);
    expect(Object.keys(JSON.parse(readFileSync(keptDigestsFile(join(work, '.cache/astro')), 'utf8')).pages).sort()).toEqual(Object.keys(pages).sort());
    expect(existsSync(publishedPagesFile(join(work, '.cache/astro')))).toBe(true);
  });

  it('fails, saying what to run, when there is no published site', () => {
    work = mkdtempSync(join(tmpdir(), 'icc-hand-over-'));
    const result = run();
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('[hand-over] dist/ does not exist: there is no published site to hand over (run npm run build first).\n');
  });
});
