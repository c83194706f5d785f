/**
 * Markdown from content files is untrusted: editors are not developers. It is rendered with an
 * explicit allow-list (rehype-sanitize's GitHub-like default schema): raw HTML such as
 * <script>, <iframe> or <style>, event handlers and javascript:/data: URLs are dropped.
 */
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const processor = unified()
  .use(remarkParse)
  // Raw HTML is not parsed at all: it is dropped, so nothing an editor pastes can run.
  .use(remarkRehype)
  .use(rehypeSanitize)
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
