/**
 * The search index is built from the searchable pages alone (src/integrations/search-index.ts,
 * searchableTree): Pagefind drops the pages without data-pagefind-body once one page has it, so
 * the index of the linked searchable pages must be, byte for byte, the index of the whole site.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSearchIndexes, pageIdentity, searchableTree } from '../../src/integrations/search-index.ts';
import { PUBLISHED_REGISTRY } from '../../src/lib/languages.ts';
import { pageIdentities } from '../../src/lib/build-cache.ts';

const work = mkdtempSync(join(tmpdir(), 'icc-search-tree-'));
afterAll(async () => {
  await pagefind.close();
  rmSync(work, { recursive: true, force: true });
});

const practice = (title: string, theme: string) => `<!DOCTYPE html><html lang="en"><head><title>${title}</title></head><body>
<main data-pagefind-body><span data-pagefind-filter="theme">${theme}</span><h1>${title}</h1><p>${title} brings neighbours together in markets and schools.</p></main></body></html>`;
const listing = (title: string) => `<!DOCTYPE html><html lang="en"><head><title>${title}</title></head><body>
<main><h1>${title}</h1><p>Listing of practices about markets, schools and gardens, page two.</p></main></body></html>`;

function site(name: string, pages: Record<string, string>): string {
  const root = join(work, name);
  for (const [file, html] of Object.entries(pages)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), html);
  }
  return root;
}

/** The digest of every file Pagefind writes for the pages under `path`. */
async function indexOf(path: string): Promise<string> {
  const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
  await index!.addDirectory({ path, glob: 'en/**/*.html' });
  const { files } = await index!.getFiles();
  await index!.deleteIndex();
  const hash = createHash('sha1');
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) hash.update(`${file.path}\0`).update(file.content);
  return hash.digest('hex');
}

describe('indexing the searchable pages alone', () => {
  it('links only the searchable pages, under the same paths, and Pagefind builds the same index from them', async () => {
    const root = site('mixed', {
      'en/practices/markets/index.html': practice('Market mediators', 'Public space'),
      'en/practices/schools/index.html': practice('School twinning', 'Education'),
      'en/practices/page/2/index.html': listing('Practices, page 2'),
      'en/practices/theme/education/index.html': listing('Practices about education'),
    });
    const pages = pageIdentities(root, 'en', (path) => pageIdentity(readFileSync(path, 'utf8')));
    expect(Object.values(pages).filter((identity) => identity.startsWith('searchable '))).toHaveLength(2);
    const tree = searchableTree(root, pages, join(work, 'tree'))!;
    expect(tree).toBe(join(work, 'tree'));
    expect(existsSync(join(tree, 'en/practices/markets/index.html'))).toBe(true);
    expect(existsSync(join(tree, 'en/practices/page/2/index.html'))).toBe(false);
    // Linked, not copied, when both are on one disk.
    expect(statSync(join(tree, 'en/practices/schools/index.html')).ino).toBe(statSync(join(root, 'en/practices/schools/index.html')).ino);
    expect(await indexOf(tree)).toBe(await indexOf(root));
  });

  it('gives no tree when no page is searchable, since Pagefind then indexes every page', async () => {
    const root = site('unmarked', { 'en/a/index.html': listing('Practices'), 'en/b/index.html': listing('More practices') });
    const pages = pageIdentities(root, 'en', (path) => pageIdentity(readFileSync(path, 'utf8')));
    expect(searchableTree(root, pages, join(work, 'tree-unmarked'))).toBeUndefined();
    // Pagefind indexed them: their index is not that of no page at all.
    mkdirSync(join(work, 'no-pages', 'en'), { recursive: true });
    expect(await indexOf(root)).not.toBe(await indexOf(join(work, 'no-pages')));
  });

  it('tells a searchable page from a skipped one, and a page by what its index sees', () => {
    expect(pageIdentity(practice('A', 'B'))).toMatch(/^searchable [0-9a-f]+$/);
    expect(pageIdentity(listing('A'))).toMatch(/^skipped [0-9a-f]+$/);
    expect(pageIdentity(practice('A', 'B'))).not.toBe(pageIdentity(practice('A', 'C')));
  });
});

describe('building every language\'s index (what the build runs)', () => {
  const quiet = { info: () => {}, warn: () => {} };

  it('writes one index per published language with Pagefind\'s command line, the same as its Node API builds', async () => {
    const pages: Record<string, string> = {};
    for (const { code } of PUBLISHED_REGISTRY) {
      pages[`${code}/practices/markets/index.html`] = practice('Markets', 'culture').replace('lang="en"', `lang="${code}"`);
      pages[`${code}/practices/index.html`] = listing('Practices').replace('lang="en"', `lang="${code}"`);
    }
    const root = site('every-language', pages);
    const said: string[] = [];
    await buildSearchIndexes(root, join(work, 'cache-every-language'), { info: (message) => said.push(message), warn: (message) => said.push(message) });
    for (const { code } of PUBLISHED_REGISTRY) {
      expect(existsSync(join(root, 'pagefind', code, 'pagefind-entry.json')), code).toBe(true);
      expect(said).toContainEqual(expect.stringMatching(new RegExp(`^${code}: 1 pages?, \\d+ words, 1 filters? indexed in [\\d.]+ s$`)));
    }
    // The English index is the one the Node API builds from the same pages.
    const english = site('every-language-en', { 'en/practices/markets/index.html': pages['en/practices/markets/index.html']! });
    const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
    await index!.addDirectory({ path: english, glob: 'en/**/*.html' });
    await index!.writeFiles({ outputPath: join(work, 'api-en') });
    expect(readFileSync(join(work, 'api-en', 'pagefind-entry.json'), 'utf8')).toBe(readFileSync(join(root, 'pagefind', 'en', 'pagefind-entry.json'), 'utf8'));
  });

  it('stops with the language and Pagefind\'s own reason when a language has no page', async () => {
    const root = site('no-english', { 'fr/practices/markets/index.html': practice('Marchés', 'culture') });
    await expect(buildSearchIndexes(root, join(work, 'cache-no-english'), quiet)).rejects.toThrow(
      /^Pagefind could not index the "en" pages, nothing was published: pagefind ended with exit code 1: [\s\S]*Pagefind was not able to build an index/,
    );
  });
});
