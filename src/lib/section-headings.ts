/**
 * Jump links for a long page written in Markdown: gives each second-level heading of the rendered
 * HTML an id (from its text, made unique) and lists the headings, so the page can open with
 * "On this page" links to its sections. Works on the sanitised HTML that src/lib/markdown.ts
 * renders, whose <h2> carry no attributes.
 */
import { slugify } from './slug.ts';

const HEADING = /<h2>([\s\S]*?)<\/h2>/g;

const decode = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&')
    .trim();

/** The HTML with ids on its <h2>, and each heading's id and text, in order. */
export function withSectionIds(html: string, prefix = 'section'): { html: string; sections: { id: string; label: string }[] } {
  const sections: { id: string; label: string }[] = [];
  const used = new Set<string>();
  const out = html.replace(HEADING, (_, inner: string) => {
    const label = decode(inner);
    const base = `${prefix}-${slugify(label) || String(sections.length + 1)}`;
    let id = base;
    for (let suffix = 2; used.has(id); suffix++) id = `${base}-${suffix}`;
    used.add(id);
    sections.push({ id, label });
    return `<h2 id="${id}">${inner}</h2>`;
  });
  return { html: out, sections };
}
