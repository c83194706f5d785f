/**
 * Joins the hard-wrapped paragraphs of a content file's Markdown fields once, in the file itself
 * (scripts/cms/unwrap-markdown.ts), so that the files, the CMS and the page agree. A field is
 * rewritten only when the page would show exactly the same text (its rendered HTML, white space
 * as a browser shows it); every other field keeps its text as written (formats.ts updateYaml).
 */
import { renderMarkdown } from '../markdown.ts';
import { parseFrontMatterFile, parseYamlFile, toFrontMatterFile, updateYaml } from './formats.ts';
import { unwrapSoftBreaks } from './soft-breaks.ts';

/** HTML as a browser shows it: runs of white space are one space. */
const shown = (html: string) => html.replace(/\s+/g, ' ').trim();

export interface Unwrapped {
  /** The new text of the file (the same text when nothing changed). */
  text: string;
  /** The fields whose paragraphs were joined. */
  fields: string[];
}

/** `text` (a `.md` or `.yaml` content file) with the paragraphs of its top-level `markdownFields` joined. */
export function unwrapContentFile(text: string, extension: 'md' | 'yaml', markdownFields: readonly string[]): Unwrapped {
  const data = extension === 'md' ? parseFrontMatterFile(text) : parseYamlFile(text);
  const fields: string[] = [];
  const next = { ...data };
  for (const field of markdownFields) {
    const value = data[field];
    if (typeof value !== 'string') continue;
    const joined = unwrapSoftBreaks(value);
    if (joined === value) continue;
    if (shown(renderMarkdown(joined)) !== shown(renderMarkdown(value))) {
      throw new Error(`${field}: joining its lines would change what the page shows; left for an editor to check`);
    }
    next[field] = joined;
    fields.push(field);
  }
  if (fields.length === 0) return { text, fields };
  return { text: extension === 'md' ? toFrontMatterFile(next, text) : updateYaml(text, next), fields };
}
