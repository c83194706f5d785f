/**
 * Hard-wrapped Markdown, one paragraph on several lines, shows on the page as one paragraph (a
 * line break inside a paragraph is a space in HTML), but the CMS's rich-text editor shows every
 * line break (issue 15). `unwrapSoftBreaks` joins the lines of each paragraph, heading and list
 * item text: only the soft breaks inside text are touched, never code, the structure of lists,
 * quotes and tables, or an explicit hard break (two spaces or a backslash at the end of a line).
 * It checks its own work: if the result's Markdown tree is not the original's with those breaks
 * made spaces, the text is returned unchanged, so nothing an editor wrote can be lost.
 */
import remarkParse from 'remark-parse';
import { unified } from 'unified';

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
  [key: string]: unknown;
}

const parser = unified().use(remarkParse);
const parse = (markdown: string) => parser.parse(markdown) as unknown as MdNode;

function textNodes(node: MdNode, found: MdNode[] = []): MdNode[] {
  if (node.type === 'text') found.push(node);
  node.children?.forEach((child) => textNodes(child, found));
  return found;
}

/** The tree without positions, the soft breaks of its text as spaces (what the page shows). */
function shape(node: MdNode, breaksAsSpaces: boolean): unknown {
  const { position: _position, children, ...rest } = node;
  if (breaksAsSpaces && node.type === 'text' && typeof rest.value === 'string') rest.value = rest.value.replace(/\n/g, ' ');
  return { ...rest, ...(children ? { children: children.map((child) => shape(child, breaksAsSpaces)) } : {}) };
}

/** A line break inside text, with the spaces around it and a quote's markers on the next line. */
const SOFT_BREAK = /[ \t]*\r?\n[ \t>]*/g;

/** `markdown` with the line breaks inside its paragraphs' text joined into spaces. */
export function unwrapSoftBreaks(markdown: string): string {
  if (!markdown.includes('\n')) return markdown;
  const tree = parse(markdown);
  const edits = textNodes(tree)
    .filter((node) => node.value?.includes('\n') && node.position?.start.offset !== undefined && node.position.end.offset !== undefined)
    .map((node) => ({ start: node.position!.start.offset!, end: node.position!.end.offset! }))
    // A table (the page's Markdown knows none, the editor's does): its rows stay on their lines.
    .filter(({ start, end }) => !/(^|\n)[ \t>]*\|/.test(markdown.slice(start, end)));
  if (edits.length === 0) return markdown;
  let result = '';
  let last = 0;
  for (const { start, end } of edits) {
    result += markdown.slice(last, start) + markdown.slice(start, end).replace(SOFT_BREAK, ' ');
    last = end;
  }
  result += markdown.slice(last);
  const same = JSON.stringify(shape(parse(result), true)) === JSON.stringify(shape(tree, true));
  return same ? result : markdown;
}

/** Whether `markdown` has a paragraph written on several lines. */
export function hasSoftBreaks(markdown: string): boolean {
  return unwrapSoftBreaks(markdown) !== markdown;
}
