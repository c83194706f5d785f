import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changedPages, digestOf, fileDigest, filesUnder, knownDigest, openDigestCache, openOutputCache, pageIdentities, digestOfPages, readWithDigest, rememberDigest } from '../../src/lib/build-cache.ts';
import { isPageFacts, weighSite } from '../../src/lib/budgets.ts';

let work = '';
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'icc-build-cache-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function write(path: string, content: string) {
  mkdirSync(dirname(join(work, path)), { recursive: true });
  writeFileSync(join(work, path), content);
}

/** A computation that counts its calls. */
function counter() {
  const calls: string[] = [];
  return { calls, compute: (text: string) => () => (calls.push(text), text.length * 10) };
}
const isNumber = (value: unknown): value is number => Number.isInteger(value) && (value as number) > 0;

describe('openDigestCache', () => {
  it('computes values for new bytes, reuses those an earlier build computed, and computes changed bytes again', () => {
    const file = join(work, 'cache/values.json');
    const first = counter();
    const cold = openDigestCache(file, isNumber);
    expect(cold.get(digestOf('<p>a</p>'), first.compute('<p>a</p>'))).toBe(80);
    expect(cold.get(digestOf('<p>b</p>'), first.compute('<p>b</p>'))).toBe(80);
    cold.save();
    expect(first.calls).toEqual(['<p>a</p>', '<p>b</p>']);

    const second = counter();
    const warm = openDigestCache(file, isNumber);
    expect(warm.get(digestOf('<p>a</p>'), second.compute('<p>a</p>'))).toBe(80);
    expect(warm.get(digestOf('<p>b, edited</p>'), second.compute('<p>b, edited</p>'))).toBe(160);
    expect(second.calls).toEqual(['<p>b, edited</p>']);
    expect([warm.hits, warm.misses]).toEqual([1, 1]);
    expect(warm.problem).toBeUndefined();
  });

  it('keeps only the values of the last build', () => {
    const file = join(work, 'values.json');
    const one = openDigestCache(file, isNumber);
    one.get(digestOf('old page'), counter().compute('old page'));
    one.save();
    const two = openDigestCache(file, isNumber);
    two.get(digestOf('new page'), counter().compute('new page'));
    two.save();
    const third = counter();
    openDigestCache(file, isNumber).get(digestOf('old page'), third.compute('old page'));
    expect(third.calls).toEqual(['old page']);
  });

  it('ignores a corrupt cache file, says so, and computes everything', () => {
    const file = join(work, 'values.json');
    writeFileSync(file, '{"version": 1, "values": {"abc": 12');
    const computed = counter();
    const cache = openDigestCache(file, isNumber);
    expect(cache.problem).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} could not be read \\(.+\\): ignored$`));
    expect(cache.get(digestOf('x'), computed.compute('x'))).toBe(10);
    expect(computed.calls).toEqual(['x']);
    cache.save();
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe(1);
  });

  it('ignores a cache of another version, and stored values that fail the check', () => {
    const file = join(work, 'values.json');
    writeFileSync(file, JSON.stringify({ version: 99, values: {} }));
    expect(openDigestCache(file, isNumber).problem).toBe(`${file} is from another version of the cache: ignored`);
    writeFileSync(file, JSON.stringify({ version: 1, values: { [digestOf('x')]: -5, [digestOf('y')]: 'big' } }));
    const computed = counter();
    const cache = openDigestCache(file, isNumber);
    expect(cache.get(digestOf('x'), computed.compute('x'))).toBe(10);
    expect(cache.get(digestOf('y'), computed.compute('y'))).toBe(10);
    expect(computed.calls).toEqual(['x', 'y']);
  });
});

describe('fileDigest and readWithDigest', () => {
  it('give the digest of the bytes, and notice a file rewritten since', () => {
    write('page.html', '<p>one</p>');
    const path = join(work, 'page.html');
    expect(readWithDigest(path)).toEqual({ content: Buffer.from('<p>one</p>'), digest: digestOf('<p>one</p>') });
    expect(fileDigest(path)).toBe(digestOf('<p>one</p>'));
    write('page.html', '<p>two, longer</p>');
    expect(fileDigest(path)).toBe(digestOf('<p>two, longer</p>'));
  });
});

/** Says a file was written with these bytes (as the kept pages' copy does), its size and modification time as they are now. */
function remember(path: string, content: string) {
  const { size, mtimeNs } = statSync(path, { bigint: true });
  rememberDigest(path, { digest: digestOf(content), size, mtimeNs });
}

/** Rewrites a file as a later step would: other bytes of the same length, a later modification time. */
function rewriteLater(path: string, content: string) {
  writeFileSync(path, content);
  utimesSync(path, new Date(), new Date(Date.now() + 5000));
}

describe('rememberDigest and knownDigest', () => {
  it('give the digest remembered while the file is as it was written, and none once it is written over', () => {
    write('page.html', '<p>one</p>');
    const path = join(work, 'page.html');
    expect(knownDigest(path)).toBeUndefined();
    remember(path, '<p>one</p>');
    expect(knownDigest(path)).toBe(digestOf('<p>one</p>'));
    rewriteLater(path, '<p>two</p>');
    expect(knownDigest(path)).toBeUndefined();
    expect(fileDigest(path)).toBe(digestOf('<p>two</p>'));
  });
});

describe('weighSite with a cache of page facts', () => {
  it('does not read a page whose digest is known and was weighed by an earlier build, and reads one written over since', async () => {
    const pages = { a: '<p>First page</p>', b: `<p>${'Second page '.repeat(50)}</p>`, c: '<p>Third page</p>' };
    for (const [name, html] of Object.entries(pages)) write(`site/en/${name}/index.html`, html);
    const site = join(work, 'site');
    const file = join(work, 'weights.json');
    const cold = openDigestCache(file, isPageFacts);
    await weighSite(site, cold);
    cold.save();
    // The next build copies a and b as they were; Astro then writes c and b over their copies.
    for (const name of ['a', 'b'] as const) remember(join(site, `en/${name}/index.html`), pages[name]);
    const b = `<p>${'Second PAGE '.repeat(50)}</p>`;
    rewriteLater(join(site, 'en/b/index.html'), b);
    write('site/en/c/index.html', '<p>Third page, edited at length</p>');
    const tally = { read: 0 };
    const weights = await weighSite(site, openDigestCache(file, isPageFacts), tally);
    expect(tally.read).toBe(2);
    expect(weights).toEqual(await weighSite(site));
    expect(weights.find((weight) => weight.path === '/en/b/')!.htmlAndCss).toBe(gzipSync(b, { level: 9 }).length);
  });


  it('gives the same weights as without it, cold and warm, and a changed page is weighed afresh', async () => {
    write('site/en/a/index.html', '<link rel="stylesheet" href="/_astro/s.css"><p>First page</p>');
    write('site/en/b/index.html', `<p>${'Second page '.repeat(50)}</p>`);
    write('site/_astro/s.css', 'p { color: red }');
    const site = join(work, 'site');
    const file = join(work, 'weights.json');
    const plain = await weighSite(site);
    const cold = openDigestCache(file, isPageFacts);
    expect(await weighSite(site, cold)).toEqual(plain);
    cold.save();
    const warm = openDigestCache(file, isPageFacts);
    expect(await weighSite(site, warm)).toEqual(plain);
    expect([warm.hits, warm.misses]).toEqual([2, 0]);

    write('site/en/b/index.html', `<link rel="stylesheet" href="/_astro/s.css"><p>${'Edited page '.repeat(400)}</p>`);
    const edited = openDigestCache(file, isPageFacts);
    const weights = await weighSite(site, edited);
    expect(weights).toEqual(await weighSite(site));
    const html = gzipSync(`<link rel="stylesheet" href="/_astro/s.css"><p>${'Edited page '.repeat(400)}</p>`, { level: 9 }).length;
    expect(weights.find((weight) => weight.path === '/en/b/')!.htmlAndCss).toBe(html + gzipSync('p { color: red }', { level: 9 }).length);
    expect([edited.hits, edited.misses]).toEqual([1, 1]);
  });

  it('weighs a stylesheet afresh even when the page is unchanged', async () => {
    write('site/en/a/index.html', '<link rel="stylesheet" href="/_astro/s.css"><p>Page</p>');
    write('site/_astro/s.css', 'p { color: red }');
    const site = join(work, 'site');
    const cache = openDigestCache(join(work, 'weights.json'), isPageFacts);
    await weighSite(site, cache);
    cache.save();
    write('site/_astro/s.css', `p { color: blue } ${'.x { margin: 0 } '.repeat(100)}`);
    expect(await weighSite(site, openDigestCache(join(work, 'weights.json'), isPageFacts))).toEqual(await weighSite(site));
  });
});

describe('digestOfPages of pageIdentities', () => {
  const settings = { pagefind: '1.6.0', forceLanguage: 'en' };
  beforeEach(() => {
    write('site/en/index.html', '<h1>Home</h1>');
    write('site/en/practices/a/index.html', '<h1>A</h1>');
    write('site/fr/index.html', '<h1>Accueil</h1>');
  });
  const digest = (folder = 'en', options: unknown = settings) => digestOfPages(options, pageIdentities(join(work, 'site'), folder));

  it('is the same for the same pages and settings', () => {
    expect(digest()).toBe(digest());
    expect(digest()).toMatch(/^[0-9a-f]{40}$/);
  });

  it('changes when a page of the folder changes, is added, removed or renamed, or the settings change', () => {
    const before = digest();
    write('site/en/practices/a/index.html', '<h1>A, edited</h1>');
    const edited = digest();
    expect(edited).not.toBe(before);
    write('site/en/practices/b/index.html', '<h1>B</h1>');
    const added = digest();
    expect(added).not.toBe(edited);
    rmSync(join(work, 'site/en/practices/b'), { recursive: true });
    expect(digest()).toBe(edited);
    rmSync(join(work, 'site/en/practices/a'), { recursive: true });
    write('site/en/practices/renamed/index.html', '<h1>A, edited</h1>');
    expect(digest()).not.toBe(edited);
    expect(digest('en', { ...settings, pagefind: '1.7.0' })).not.toBe(digest());
  });

  it('does not change with pages of another folder or files that are not pages', () => {
    const before = digest();
    write('site/fr/index.html', '<h1>Accueil modifié</h1>');
    write('site/en/data.json', '{}');
    write('site/pagefind/en/index.pf_meta', 'x');
    expect(digest()).toBe(before);
  });
});

describe('pageIdentities and changedPages', () => {
  it('say which pages of a folder were added, removed or changed, by their identity', () => {
    write('site/en/index.html', '<h1>Home</h1>');
    write('site/en/practices/a/index.html', '<h1>A</h1>');
    write('site/en/practices/b/index.html', '<h1>B</h1>');
    const site = join(work, 'site');
    const before = pageIdentities(site, 'en');
    expect(Object.keys(before)).toEqual(['en/index.html', 'en/practices/a/index.html', 'en/practices/b/index.html']);
    expect(changedPages(before, pageIdentities(site, 'en'))).toEqual([]);
    write('site/en/practices/a/index.html', '<h1>A, edited</h1>');
    rmSync(join(work, 'site/en/practices/b'), { recursive: true });
    write('site/en/practices/c/index.html', '<h1>C</h1>');
    expect(changedPages(before, pageIdentities(site, 'en'))).toEqual(['en/practices/a/index.html', 'en/practices/b/index.html', 'en/practices/c/index.html']);
    // By another identity (what the search reads of a page), an edit it does not read is no change.
    const firstWord = (path: string) => readFileSync(path, 'utf8').split(',')[0]!;
    write('site/en/practices/a/index.html', '<h1>A, first</h1>');
    const read = pageIdentities(site, 'en', firstWord);
    write('site/en/practices/a/index.html', '<h1>A, edited again</h1>');
    expect(changedPages(read, pageIdentities(site, 'en', firstWord))).toEqual([]);
    expect(changedPages(undefined, read)).toEqual(Object.keys(read));
  });
});

describe('openOutputCache', () => {
  beforeEach(() => {
    write('out/pagefind/en/pagefind.js', 'engine');
    write('out/pagefind/en/index/en_1.pf_index', 'chunk 1');
    write('out/pagefind/en/fragment/en_2.pf_fragment', 'fragment 2');
  });
  const cacheDir = () => join(work, 'cache');
  const target = () => join(work, 'next/pagefind/en');

  it('has nothing to restore before anything is stored', () => {
    const cache = openOutputCache(cacheDir());
    expect(cache.restore('en', 'key-1', target())).toBe(false);
    expect(cache.problems.size).toBe(0);
  });

  it('restores a stored output for the same key, file for file, and nothing for another key', () => {
    openOutputCache(cacheDir()).store('en', 'key-1', join(work, 'out/pagefind/en'));
    const cache = openOutputCache(cacheDir());
    expect(cache.restore('en', 'key-2', target())).toBe(false);
    expect(cache.restore('fr', 'key-1', target())).toBe(false);
    expect(cache.restore('en', 'key-1', target())).toBe(true);
    expect(filesUnder(target(), '')).toEqual(['fragment/en_2.pf_fragment', 'index/en_1.pf_index', 'pagefind.js']);
    expect(readFileSync(join(target(), 'index/en_1.pf_index'), 'utf8')).toBe('chunk 1');
  });

  it('keeps what an output was made from, to say later what changed since', () => {
    const cache = openOutputCache(cacheDir());
    expect(cache.storedInputs('en')).toBeUndefined();
    cache.store('en', 'key-1', join(work, 'out/pagefind/en'), { 'en/index.html': 'abc' });
    expect(openOutputCache(cacheDir()).storedInputs('en')).toEqual({ 'en/index.html': 'abc' });
    cache.store('en', 'key-2', join(work, 'out/pagefind/en'));
    expect(openOutputCache(cacheDir()).storedInputs('en')).toBeUndefined();
  });

  it('replaces what was stored before, so an older output is not restored', () => {
    const cache = openOutputCache(cacheDir());
    cache.store('en', 'key-1', join(work, 'out/pagefind/en'));
    write('out/pagefind/en/index/en_1.pf_index', 'chunk 1, rebuilt');
    rmSync(join(work, 'out/pagefind/en/fragment'), { recursive: true });
    cache.store('en', 'key-2', join(work, 'out/pagefind/en'));
    expect(cache.restore('en', 'key-1', target())).toBe(false);
    expect(cache.restore('en', 'key-2', target())).toBe(true);
    expect(filesUnder(target(), '')).toEqual(['index/en_1.pf_index', 'pagefind.js']);
  });

  it('ignores a stored copy that lost or changed a file, or whose manifest is corrupt, and says why', () => {
    const cache = openOutputCache(cacheDir());
    cache.store('en', 'key-1', join(work, 'out/pagefind/en'));
    rmSync(join(cacheDir(), 'en/files/index/en_1.pf_index'));
    expect(cache.restore('en', 'key-1', target())).toBe(false);
    expect(cache.problems.get('en')).toBe(`the stored copy in ${join(cacheDir(), 'en')} is incomplete: ignored`);

    cache.store('en', 'key-1', join(work, 'out/pagefind/en'));
    writeFileSync(join(cacheDir(), 'en/files/pagefind.js'), 'engine, truncated by a full disk');
    expect(openOutputCache(cacheDir()).restore('en', 'key-1', target())).toBe(false);

    cache.store('en', 'key-1', join(work, 'out/pagefind/en'));
    writeFileSync(join(cacheDir(), 'en/manifest.json'), 'not json');
    const corrupt = openOutputCache(cacheDir());
    expect(corrupt.restore('en', 'key-1', target())).toBe(false);
    expect(corrupt.problems.get('en')).toMatch(/manifest\.json could not be read \(.+\): ignored$/);
  });

  it('replaces whatever the target held with the stored output', () => {
    openOutputCache(cacheDir()).store('en', 'key-1', join(work, 'out/pagefind/en'));
    write('next/pagefind/en/stale.pf_index', 'from an older index');
    expect(openOutputCache(cacheDir()).restore('en', 'key-1', target())).toBe(true);
    expect(filesUnder(target(), '')).not.toContain('stale.pf_index');
  });
});
