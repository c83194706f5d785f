/**
 * What Markdown written by editors may not point to. The site loads nothing from other websites
 * (no tracking, no broken pictures when another site moves a file; the Content-Security-Policy
 * blocks them anyway), so a picture must be uploaded to the media folder; and a link written
 * "//host/page" (protocol-relative) is almost always a mangled address.
 * Each problem is a sentence ending in the fix; schemas add the field's meaning.
 */
import type { Definition, Nodes, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse).freeze();

/** Cheap test first: most texts hold no picture and no "//" right after "(", ":" or "=". */
const MAY_POINT_AWAY = /!\[|<img|(?:\(|\]:|=)\s*["'<]?\s*\/\//i;

const REMOTE = /^\s*(?:[a-z][a-z\d+.-]*:)?\/\//i;
const HTML_IMAGE_SOURCE = /<img\b[^>]*?\bsrc\s*=\s*["']?\s*([^"'\s>]+)/gi;

const uploadHint = (url: string) =>
  `shows a picture from another website (${url}), which the site does not load: upload the picture to the media folder (public/images/) and use its address, like /images/practices/picture.jpg`;
const protocolRelativeHint = (url: string) =>
  `links to "${url}", an address without "https:" in front: write the full address, starting with https://`;

function walk(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children) walk(child, visit);
}

/** The problems of one Markdown text: remote pictures, protocol-relative links. Empty when fine. */
export function markdownProblems(markdown: string): string[] {
  if (!MAY_POINT_AWAY.test(markdown)) return [];
  const tree: Root = parser.parse(markdown);
  const definitions = new Map<string, Definition>();
  walk(tree, (node) => {
    if (node.type === 'definition') definitions.set(node.identifier, node);
  });
  const problems = new Set<string>();
  walk(tree, (node) => {
    switch (node.type) {
      case 'image':
        if (REMOTE.test(node.url)) problems.add(uploadHint(node.url));
        break;
      case 'imageReference': {
        const url = definitions.get(node.identifier)?.url;
        if (url && REMOTE.test(url)) problems.add(uploadHint(url));
        break;
      }
      case 'link':
      case 'definition':
        if (node.url.trim().startsWith('//')) problems.add(protocolRelativeHint(node.url.trim()));
        break;
      case 'html':
        for (const [, url] of node.value.matchAll(HTML_IMAGE_SOURCE)) {
          if (url && REMOTE.test(url)) problems.add(uploadHint(url));
        }
        break;
    }
  });
  return [...problems];
}
