/**
 * The pages Astro kept, put into the staging folder before it renders (src/lib/kept-pages.ts),
 * and the copies of pages a build did not generate, removed before anything reads the folder.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

/** A disk that fills up after `after` copies, as copyFile would find it: part of the file written, then ENOSPC. */
const diskFull = vi.hoisted(() => ({ after: Infinity, copies: 0 }));
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  const copyFile: typeof fs.copyFile = async (from, to, mode) => {
    if (diskFull.copies++ >= diskFull.after) {
      await fs.writeFile(to, 'half');
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    }
    await fs.copyFile(from, to, mode);
  };
  return { ...fs, default: { ...fs, copyFile }, copyFile };
});
import { keptPagesFolder, seedPages, sweepPages, unseedPages } from '../../src/lib/kept-pages.ts';

let work = '';
afterEach(() => rmSync(work, { recursive: true, force: true }));

function tree(files: Record<string, string>) {
  diskFull.copies = 0;
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
    const copied = await seedPages(cacheDir, staging);
    expect(copied).toEqual(Object.keys(KEPT).sort());
    for (const [file, text] of Object.entries(KEPT)) expect(readFileSync(join(staging, file), 'utf8')).toBe(text);
  });

  it('copies nothing when no build kept pages', async () => {
    const { staging } = tree({});
    expect(await seedPages(join(work, 'no-cache'), staging)).toEqual([]);
    expect(readdirSync(staging)).toEqual([]);
  });

  it('empties the staging folder first, as Astro would have, but for .git', async () => {
    const { cacheDir, staging } = tree(KEPT);
    mkdirSync(join(staging, 'en/practices/old'), { recursive: true });
    writeFileSync(join(staging, 'en/practices/old/index.html'), 'an earlier build');
    mkdirSync(join(staging, '.git'));
    expect(await seedPages(cacheDir, staging)).toEqual(Object.keys(KEPT).sort());
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
    const copied = await seedPages(cacheDir, staging);
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
