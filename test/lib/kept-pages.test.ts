/**
 * The pages Astro kept, put into the staging folder before it renders (src/lib/kept-pages.ts),
 * and the copies of pages a build did not generate, removed before anything reads the folder.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

/** A disk that fills up after `after` copies, as copyFile would find it: part of the file written, then ENOSPC. */
const diskFull = vi.hoisted(() => ({ after: Infinity, copies: 0 }));
/** The files the copy read (to hash them), by path. */
const reads = vi.hoisted(() => [] as string[]);
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  const copyFile: typeof fs.copyFile = async (from, to, mode) => {
    if (diskFull.copies++ >= diskFull.after) {
      await fs.writeFile(to, 'half');
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    }
    await fs.copyFile(from, to, mode);
  };
  const readFile = (async (path: string) => {
    reads.push(String(path));
    return fs.readFile(path);
  }) as typeof fs.readFile;
  return { ...fs, default: { ...fs, copyFile, readFile }, copyFile, readFile };
});
import { digestOf } from '../../src/lib/build-cache.ts';
import { keptDigestsFile, keptPagesFolder, recordKeptDigests, seedPages, sweepPages, unseedPages } from '../../src/lib/kept-pages.ts';

let work = '';
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** The files of a copy, in order. */
const seeded = async (cacheDir: string, staging: string) => (await seedPages(cacheDir, staging)).pages.map((page) => page.file);

function tree(files: Record<string, string>) {
  diskFull.copies = 0;
  reads.length = 0;
  work = mkdtempSync(join(tmpdir(), 'icc-kept-pages-'));
  const cacheDir = join(work, 'cache');
  for (const [file, text] of Object.entries(files)) {
    const path = join(keptPagesFolder(cacheDir), file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  const staging = join(work, 'staging');
  mkdirSync(staging);
  return { cacheDir, staging };
}

const KEPT = {
  'en/index.html': 'home',
  'en/practices/a/index.html': 'a',
  'en/practices/b/index.html': 'b',
  'fr/practices/a/index.html': 'a fr',
  'embed/en/a.svg': '<svg/>',
};

describe('seedPages and sweepPages', () => {
  it('copies every kept page into the staging folder, byte for byte, and lists them', async () => {
    const { cacheDir, staging } = tree(KEPT);
    const copied = await seeded(cacheDir, staging);
    expect(copied).toEqual(Object.keys(KEPT).sort());
    for (const [file, text] of Object.entries(KEPT)) expect(readFileSync(join(staging, file), 'utf8')).toBe(text);
  });

  it('says of each page the digest of its bytes and the size and modification time of its copy', async () => {
    const { cacheDir, staging } = tree(KEPT);
    const { pages, digestsProblem } = await seedPages(cacheDir, staging);
    expect(digestsProblem).toBeUndefined();
    for (const page of pages) {
      const copy = statSync(join(staging, page.file), { bigint: true });
      expect(page).toEqual({ file: page.file, digest: digestOf(KEPT[page.file as keyof typeof KEPT]), size: copy.size, mtimeNs: copy.mtimeNs });
    }
  });

  it('reads again, in the next build, only the kept pages written since the last copy, and keeps no digest of a page that is gone', async () => {
    const { cacheDir, staging } = tree(KEPT);
    await seedPages(cacheDir, staging);
    expect(reads).toHaveLength(Object.keys(KEPT).length);
    // Astro renders page a again (same length, other bytes) and no longer builds page b.
    const rendered = join(keptPagesFolder(cacheDir), 'en/practices/a/index.html');
    writeFileSync(rendered, 'A');
    utimesSync(rendered, new Date(), new Date(Date.now() + 5000));
    rmSync(join(keptPagesFolder(cacheDir), 'en/practices/b/index.html'));
    reads.length = 0;
    const { pages } = await seedPages(cacheDir, staging);
    expect(reads).toEqual([rendered]);
    expect(pages.find((page) => page.file === 'en/practices/a/index.html')?.digest).toBe(digestOf('A'));
    expect(pages.find((page) => page.file === 'en/index.html')?.digest).toBe(digestOf('home'));
    expect(Object.keys(JSON.parse(readFileSync(keptDigestsFile(cacheDir), 'utf8')).pages).sort()).toEqual(pages.map((page) => page.file));
  });

  it('records the digests of the pages Astro rendered, so the next copy reads none of them, from the page when its copy has its size, else from the copy', async () => {
    const { cacheDir, staging } = tree(KEPT);
    await seedPages(cacheDir, staging);
    // Astro renders a and b again, writing each page and its kept copy from the same bytes; a
    // kept copy of the home page is written with other bytes than the page (it must not be trusted).
    const later = new Date(Date.now() + 5000);
    const rendered = { 'en/practices/a/index.html': 'a, rendered again', 'en/practices/b/index.html': 'b, too', 'en/index.html': 'home, other' };
    for (const [file, text] of Object.entries(rendered)) {
      for (const root of [keptPagesFolder(cacheDir), staging]) {
        writeFileSync(join(root, file), file === 'en/index.html' && root === staging ? 'home, longer page' : text);
        utimesSync(join(root, file), later, later);
      }
    }
    const known = new Map(Object.keys(rendered).map((file) => [join(staging, file), digestOf(readFileSync(join(staging, file)))]));
    // The digest of b is not known to this build: its kept copy is read.
    known.delete(join(staging, 'en/practices/b/index.html'));
    expect(recordKeptDigests(cacheDir, staging, (path) => known.get(path))).toBe(3);
    reads.length = 0;
    const { pages } = await seedPages(cacheDir, join(work, 'next-staging'));
    expect(reads).toEqual([]);
    expect(pages.find((page) => page.file === 'en/practices/a/index.html')?.digest).toBe(digestOf('a, rendered again'));
    expect(pages.find((page) => page.file === 'en/practices/b/index.html')?.digest).toBe(digestOf('b, too'));
    expect(pages.find((page) => page.file === 'en/index.html')?.digest).toBe(digestOf('home, other'));
  });

  it('reads every kept page when the digests kept by the last copy cannot be read', async () => {
    const { cacheDir, staging } = tree(KEPT);
    await seedPages(cacheDir, staging);
    writeFileSync(keptDigestsFile(cacheDir), '{"version": 1, "pages": ');
    reads.length = 0;
    const { pages } = await seedPages(cacheDir, staging);
    expect(reads).toHaveLength(Object.keys(KEPT).length);
    expect(pages.map((page) => page.digest)).toEqual(Object.keys(KEPT).sort().map((file) => digestOf(KEPT[file as keyof typeof KEPT])));
  });

  it('copies nothing when no build kept pages', async () => {
    const { staging } = tree({});
    expect(await seedPages(join(work, 'no-cache'), staging)).toEqual({ pages: [], read: 0 });
    expect(readdirSync(staging)).toEqual([]);
  });

  it('empties the staging folder first, as Astro would have, but for .git', async () => {
    const { cacheDir, staging } = tree(KEPT);
    mkdirSync(join(staging, 'en/practices/old'), { recursive: true });
    writeFileSync(join(staging, 'en/practices/old/index.html'), 'an earlier build');
    mkdirSync(join(staging, '.git'));
    expect(await seeded(cacheDir, staging)).toEqual(Object.keys(KEPT).sort());
    expect(existsSync(join(staging, 'en/practices/old'))).toBe(false);
    expect(existsSync(join(staging, '.git'))).toBe(true);
  });

  it('removes what it copied, the half-written file included, when the disk fills up, then says why', async () => {
    const { cacheDir, staging } = tree(KEPT);
    // The fourth copy fills the disk after writing part of the file.
    diskFull.after = 3;
    try {
      await expect(seedPages(cacheDir, staging)).rejects.toThrow('ENOSPC: no space left on device');
    } finally {
      diskFull.after = Infinity;
    }
    expect(readdirSync(staging)).toEqual([]);
  });

  it('removes the copies of pages the build did not generate, with the folders they leave empty, and keeps the others', async () => {
    const { cacheDir, staging } = tree(KEPT);
    const copied = await seeded(cacheDir, staging);
    // This build generated everything but practice b (removed) and the French page of a (no longer published).
    const generated = new Set(['en/index.html', 'en/practices/a/index.html', 'embed/en/a.svg', 'en/practices/c/index.html']);
    expect(sweepPages(staging, copied, generated)).toEqual(['en/practices/b/index.html', 'fr/practices/a/index.html']);
    expect(existsSync(join(staging, 'en/practices/b'))).toBe(false);
    expect(existsSync(join(staging, 'fr'))).toBe(false);
    expect(readFileSync(join(staging, 'en/practices/a/index.html'), 'utf8')).toBe('a');
    expect(existsSync(join(staging, 'en/practices'))).toBe(true);
  });

  it('removes, after a copy that stopped without a word, every file it may have copied, and nothing else', async () => {
    const { cacheDir, staging } = tree(KEPT);
    await seedPages(cacheDir, staging);
    mkdirSync(join(staging, '_astro'));
    writeFileSync(join(staging, '_astro/site.css'), 'bundled');
    unseedPages(cacheDir, staging);
    expect(readdirSync(staging, { recursive: true, encoding: 'utf8' })).toEqual(['_astro', '_astro/site.css']);
  });
});
