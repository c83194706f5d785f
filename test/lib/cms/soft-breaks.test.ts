import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hasSoftBreaks, unwrapSoftBreaks } from '../../../src/lib/cms/soft-breaks.ts';
import { renderMarkdown } from '../../../src/lib/markdown.ts';

/** HTML as a browser shows it: runs of white space outside <pre> are one space. */
const shown = (html: string) => html.replace(/\s+/g, ' ').trim();

describe('unwrapSoftBreaks', () => {
  it('joins the lines of a paragraph, a list item and a quote, spaces around the break included', () => {
    expect(unwrapSoftBreaks('Before 2015 the city consulted \nmigrant associations\n   only now and then.')).toBe(
      'Before 2015 the city consulted migrant associations only now and then.',
    );
    expect(unwrapSoftBreaks('- one item written\n  on two lines\n- another')).toBe('- one item written on two lines\n- another');
    expect(unwrapSoftBreaks('> a quote written\n> on two lines')).toBe('> a quote written on two lines');
    expect(unwrapSoftBreaks('First paragraph\non two lines.\n\nSecond\none.')).toBe('First paragraph on two lines.\n\nSecond one.');
    expect(unwrapSoftBreaks('*emphasis across\nthe break* and [a link\nlabel](https://example.org)')).toBe(
      '*emphasis across the break* and [a link label](https://example.org)',
    );
  });

  it('keeps hard breaks, code, list structure and tables as they are', () => {
    const kept = [
      'Two spaces make a hard break  \nthat stays.',
      'A backslash too\\\nstays.',
      '```\ncode on\ntwo lines\n```',
      '    indented code\n    on two lines',
      'Inline `code across\na break` stays.',
      '- one\n- two\n\n1. first\n2. second',
      '| a | b |\n| - | - |\n| 1 | 2 |',
      '# Heading\n\nText.',
      'No line break at all.',
      '',
    ];
    for (const markdown of kept) expect(unwrapSoftBreaks(markdown)).toBe(markdown);
    expect(unwrapSoftBreaks('Text\nthen `code\nspan` and more\ntext')).toBe('Text then `code\nspan` and more text');
  });

  it('tells which texts have a paragraph on several lines', () => {
    expect(hasSoftBreaks('one\ntwo')).toBe(true);
    expect(hasSoftBreaks('one\n\ntwo')).toBe(false);
  });

  it('never changes what the page shows, for every Markdown field of every content file', () => {
    const folder = 'src/content/practices';
    let checked = 0;
    for (const language of readdirSync(folder)) {
      for (const name of readdirSync(join(folder, language))) {
        const text = readFileSync(join(folder, language, name), 'utf8');
        const data = parse(/^---\n([\s\S]*?)\n---/.exec(text)![1]!) as Record<string, unknown>;
        for (const field of ['stimulus', 'process', 'results', 'transferability']) {
          const markdown = data[field];
          if (typeof markdown !== 'string') continue;
          expect(shown(renderMarkdown(unwrapSoftBreaks(markdown))), `${language}/${name}: ${field}`).toBe(shown(renderMarkdown(markdown)));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
  });
});
