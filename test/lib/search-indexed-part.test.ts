import { createHash } from 'node:crypto';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { indexedPart } from '../../src/lib/search-indexed-part.ts';

/** A practice page as the site builds it: indexed body, skipped parts (similar practices, last change). */
const page = ({ similar = 'Shared gardens — Lisbon', changed = '3 May 2026', body = 'Volunteers question rumours in shops.', extra = '' } = {}) => `<!DOCTYPE html>
<html lang="en"><head><title>Anti-rumour agents</title></head><body>
<header class="site-header" data-pagefind-ignore="all"><nav><a href="/en/">Home</a></nav></header>
<main id="main" data-pagefind-body>
<span data-pagefind-filter="theme" data-pagefind-ignore>Anti-discrimination</span>
<h1>Anti-rumour agents</h1>
<p>${body}</p>
<p class="last-changed" data-pagefind-ignore>Last changed ${changed}</p>
<section aria-labelledby="similar-practices" class="similar-practices" data-pagefind-ignore>
<h2 id="similar-practices">Similar practices</h2>
<ul class="plain-list"><li><a href="/en/practices/gardens/">${similar}</a><span class="reasons">same target group</span></li></ul>
</section>${extra}
</main></body></html>`;

const digest = (files: { path: string; content: Uint8Array }[]) =>
  createHash('sha1')
    .update(JSON.stringify(files.map(({ path, content }) => [path, createHash('sha1').update(content).digest('hex')]).sort()))
    .digest('hex');

/** The files of the index Pagefind builds from these pages (in memory). */
async function indexOf(pages: Record<string, string>) {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(errors.join('; '));
  for (const [url, content] of Object.entries(pages)) await index.addHTMLFile({ url, content });
  const { files } = await index.getFiles();
  await index.deleteIndex();
  return digest(files);
}

afterAll(() => pagefind.close());

describe('indexedPart', () => {
  it('is the same for pages that differ only in parts Pagefind skips, and Pagefind builds the same index from them', async () => {
    const before = page();
    const after = page({ similar: 'Participatory budget — Oslo', changed: '4 May 2026' });
    expect(after).not.toBe(before);
    expect(indexedPart(after)).toBe(indexedPart(before));
    expect(await indexOf({ '/en/a/': after })).toBe(await indexOf({ '/en/a/': before }));
  });

  it('changes when the indexed text changes, and so does the index', async () => {
    const edited = page({ body: 'Volunteers question rumours in markets.' });
    expect(indexedPart(edited)).not.toBe(indexedPart(page()));
    expect(await indexOf({ '/en/a/': edited })).not.toBe(await indexOf({ '/en/a/': page() }));
  });

  it('is the same, and so is the index, when a skipped part appears or goes, anchors and all', async () => {
    const without = page().replace(/<section aria-labelledby="similar-practices"[\s\S]*?<\/section>/, '');
    expect(without).not.toContain('similar-practices');
    expect(indexedPart(without)).toBe(indexedPart(page()));
    expect(await indexOf({ '/en/a/': without })).toBe(await indexOf({ '/en/a/': page() }));
    // Inside another skipped part, as on practice pages (adapted, related and similar practices).
    const nested = (inner: string) => page().replace(/<section aria-labelledby="similar-practices"[\s\S]*?<\/section>/, `<div data-pagefind-ignore><p>Related practices</p>${inner}</div>`);
    const section = /<section aria-labelledby="similar-practices"[\s\S]*?<\/section>/.exec(page())![0];
    expect(indexedPart(nested(section))).toBe(indexedPart(nested('')));
    expect(await indexOf({ '/en/a/': nested(section) })).toBe(await indexOf({ '/en/a/': nested('') }));
    // The same section, not skipped, is indexed (its heading is an anchor).
    const shown = page().replace('class="similar-practices" data-pagefind-ignore', 'class="similar-practices"');
    expect(indexedPart(shown)).not.toBe(indexedPart(page()));
    expect(await indexOf({ '/en/a/': shown })).not.toBe(await indexOf({ '/en/a/': page() }));
  });

  it('keeps a skipped part that holds a filter, a heading or an image Pagefind reads', () => {
    const kept = (part: string) => indexedPart(page({ extra: part }));
    expect(kept('<div data-pagefind-ignore><span data-pagefind-meta="city">Oslo</span></div>')).not.toBe(
      kept('<div data-pagefind-ignore><span data-pagefind-meta="city">Bergen</span></div>'),
    );
    expect(kept('<div data-pagefind-ignore><h1>One</h1></div>')).not.toBe(kept('<div data-pagefind-ignore><h1>Two</h1></div>'));
    expect(kept('<div data-pagefind-ignore><img src="/a.png" alt=""></div>')).not.toBe(kept('<div data-pagefind-ignore><img src="/b.png" alt=""></div>'));
    expect(kept('<div data-pagefind-ignore><h2 id="one">x</h2></div>')).toBe(kept(''));
  });

  it('keeps a skipped part whole when it does not close, and skips nested parts of the same element', () => {
    const unclosed = (text: string) => indexedPart(`<main data-pagefind-body><div data-pagefind-ignore><p>${text}</p></main>`);
    expect(unclosed('one')).not.toBe(unclosed('two'));
    const nested = (text: string) => indexedPart(`<main data-pagefind-body><div data-pagefind-ignore><div><div>${text}</div></div></div><p>kept</p></main>`);
    expect(nested('one')).toBe(nested('two'));
    expect(nested('one')).toContain('<p>kept</p>');
    // A skipped part inside a skipped part (the similar practices inside the related-practices block).
    const inner = (text: string) => indexedPart(`<main data-pagefind-body><div data-pagefind-ignore><p>x</p>${text}</div><p>kept</p></main>`);
    expect(inner('<section data-pagefind-ignore><h2 id="similar">Similar</h2><a href="/a/">A</a></section>')).toBe(inner(''));
    expect(inner('')).toBe('<main data-pagefind-body><p>kept</p></main>');
  });
});
