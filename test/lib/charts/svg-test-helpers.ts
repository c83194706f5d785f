/** Test helpers for the chart builders: a strict little XML reader and queries over its tree. */
import { expect } from 'vitest';

/** One element of a parsed SVG. */
export interface SvgNode {
  name: string;
  attrs: Record<string, string>;
  children: SvgNode[];
  /** Text directly inside the element, entities decoded. */
  text: string;
  parent: SvgNode | undefined;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" };

function decode(text: string): string {
  return text.replace(/&([a-z]+|#\d+);/g, (match, name: string) => {
    const value = ENTITIES[name];
    if (value === undefined) throw new Error(`unknown entity ${match}`);
    return value;
  });
}

/**
 * Parses the SVG string, throwing if it is not well-formed XML of the simple kind the builders
 * write (no CDATA, no processing instructions, double-quoted attributes, escaped text).
 */
export function parseSvg(svg: string): SvgNode {
  const token = /<\/([A-Za-z][\w:-]*)>|<([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/y;
  const root: SvgNode = { name: '#document', attrs: {}, children: [], text: '', parent: undefined };
  let current = root;
  let position = 0;
  while (position < svg.length) {
    token.lastIndex = position;
    const match = token.exec(svg);
    if (!match) throw new Error(`not well-formed at ${position}: ${svg.slice(position, position + 40)}`);
    position = token.lastIndex;
    const [, closing, opening, attributeText, selfClosing, textContent] = match;
    if (textContent !== undefined) {
      if (/&(?!([a-z]+|#\d+);)/.test(textContent)) throw new Error(`unescaped & in text: ${textContent}`);
      current.text += decode(textContent);
    } else if (closing !== undefined) {
      if (closing !== current.name) throw new Error(`</${closing}> closes <${current.name}>`);
      current = current.parent ?? root;
    } else if (opening !== undefined) {
      const attrs: Record<string, string> = {};
      for (const [, name, value] of (attributeText ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)) {
        if (name === undefined || value === undefined) continue;
        if (name in attrs) throw new Error(`duplicate attribute ${name} on <${opening}>`);
        attrs[name] = decode(value);
      }
      const node: SvgNode = { name: opening, attrs, children: [], text: '', parent: current };
      current.children.push(node);
      if (!selfClosing) current = node;
    }
  }
  if (current !== root) throw new Error(`<${current.name}> is never closed`);
  const [svgRoot] = root.children;
  if (!svgRoot || svgRoot.name !== 'svg' || root.children.length !== 1) throw new Error('expected one <svg> root');
  return svgRoot;
}

/** Every element under node (depth first, node included) that matches. */
export function findAll(node: SvgNode, match: (candidate: SvgNode) => boolean): SvgNode[] {
  const found: SvgNode[] = match(node) ? [node] : [];
  for (const child of node.children) found.push(...findAll(child, match));
  return found;
}

/** Elements by tag name, optionally with a class. */
export function byName(node: SvgNode, name: string, className?: string): SvgNode[] {
  return findAll(
    node,
    (candidate) =>
      candidate.name === name &&
      (className === undefined || (candidate.attrs.class ?? '').split(/\s+/).includes(className)),
  );
}

/** Elements with a class, whatever their tag. */
export function byClass(node: SvgNode, className: string): SvgNode[] {
  return findAll(node, (candidate) => (candidate.attrs.class ?? '').split(/\s+/).includes(className));
}

/** All text under a node, in document order. */
export function textContent(node: SvgNode): string {
  return node.text + node.children.map(textContent).join('');
}

/** The texts of every <text> element under node. */
export function texts(node: SvgNode): string[] {
  return byName(node, 'text').map(textContent);
}

/** A numeric attribute, failing loudly when it is missing or not a number. */
export function num(node: SvgNode | undefined, attribute: string): number {
  const raw = node?.attrs[attribute];
  const value = Number(raw);
  if (raw === undefined || !Number.isFinite(value)) {
    throw new Error(`<${node?.name}> has no numeric ${attribute} (got ${raw})`);
  }
  return value;
}

/** Width and height of the viewBox. */
export function viewBox(svg: SvgNode): { width: number; height: number } {
  const [, , width, height] = (svg.attrs.viewBox ?? '').split(/\s+/).map(Number);
  if (width === undefined || height === undefined) throw new Error('svg has no viewBox');
  return { width, height };
}

/** Points of a polyline as [x, y] pairs. */
export function polylinePoints(node: SvgNode): [number, number][] {
  return (node.attrs.points ?? '')
    .trim()
    .split(/\s+/)
    .map((pair) => pair.split(',').map(Number) as [number, number]);
}

/** A hostile label: markup, an entity lookalike and quotes. */
export const HOSTILE = `<script>alert("x")</script> & 'quotes' &amp;`;

/**
 * Asserts the accessible frame every chart shares; returns the parsed root. `role` is "img"
 * for pictures and "group" for the map (which holds links).
 */
export function expectAccessibleFrame(
  svg: string,
  id: string,
  expectations: { title: string; description: string; role?: string },
): SvgNode {
  const root = parseSvg(svg);
  expect(root.attrs.role).toBe(expectations.role ?? 'img');
  expect(root.attrs.width).toBe('100%');
  expect(root.attrs.height).toBe(undefined);
  expect(/^0 0 \d+(\.\d+)? \d+(\.\d+)?$/.test(root.attrs.viewBox ?? '')).toBe(true);
  const titleId = root.attrs['aria-labelledby'];
  const descId = root.attrs['aria-describedby'];
  const [title] = byName(root, 'title').filter((node) => node.parent === root);
  const [desc] = byName(root, 'desc');
  expect(title?.attrs.id).toBe(titleId);
  expect(desc?.attrs.id).toBe(descId);
  expect(titleId?.startsWith(id)).toBe(true);
  expect(descId?.startsWith(id)).toBe(true);
  expect(titleId === descId).toBe(false);
  expect(title ? textContent(title) : undefined).toBe(expectations.title);
  expect(desc ? textContent(desc) : undefined).toBe(expectations.description);
  const ids = findAll(root, (node) => node.attrs.id !== undefined).map((node) => node.attrs.id);
  expect(new Set(ids).size).toBe(ids.length);
  return root;
}
