/**
 * Markdown from content files is untrusted: editors are not developers. It is rendered with an
 * explicit allow-list (rehype-sanitize's GitHub-like default schema): raw HTML such as
 * <script>, <iframe> or <style>, event handlers and javascript:/data: URLs are dropped.
 * Web and e-mail addresses in the text get line-break opportunities (<wbr>) at their break
 * points, so a pasted address wraps on a phone instead of widening the page.
 */
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { addressBreaks } from './address-breaks.ts';

/** The part of a HTML syntax tree (hast) this file walks. */
interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  children?: HastNode[];
}

/** Puts a <wbr> between the pieces of every address in the text, outside code. */
function breakAddresses(node: HastNode): void {
  if (!node.children || node.tagName === 'code' || node.tagName === 'pre') return;
  node.children = node.children.flatMap((child): HastNode[] => {
    if (child.type !== 'text') {
      breakAddresses(child);
      return [child];
    }
    const pieces = addressBreaks(child.value ?? '');
    return pieces.flatMap((value, index) => [
      ...(index > 0 ? [{ type: 'element', tagName: 'wbr', properties: {}, children: [] }] : []),
      { type: 'text', value },
    ]);
  });
}

const processor = unified()
  .use(remarkParse)
  // Raw HTML is not parsed at all: it is dropped, so nothing an editor pastes can run.
  .use(remarkRehype)
  .use(rehypeSanitize)
  .use(() => breakAddresses)
  .use(rehypeStringify)
  .freeze();

/** Safe HTML for a Markdown string from a content file. */
export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}

/** Plain text of a Markdown string (for teasers, meta descriptions and social cards). */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, '')
    .replace(/[*_`#>]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
