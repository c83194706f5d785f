/**
 * Page types: one per page route in src/pages (an .astro file), matched against the paths of the
 * built site. Layout checks and review screenshots take their sample pages from here, so a route
 * added tomorrow is checked without anyone updating a hand-written list.
 *
 * A path belongs to the most specific route that matches it, as Astro decides: segment by
 * segment, a fixed name beats a [param], which beats a [...rest] (which also matches nothing).
 */

type Segment = { kind: 'static'; name: string } | { kind: 'param' } | { kind: 'rest' };

export interface PageRoute {
  /** The route file, relative to src/pages: "[lang]/cities/[city].astro". */
  file: string;
  segments: Segment[];
}

/** Parses a route file name (relative to src/pages); undefined for endpoints (.ts) and `_` helpers. */
export function pageRoute(file: string): PageRoute | undefined {
  const normalized = file.replaceAll('\\', '/');
  if (!normalized.endsWith('.astro') || normalized.split('/').some((part) => part.startsWith('_'))) return undefined;
  const parts = normalized.replace(/\.astro$/, '').split('/');
  if (parts.at(-1) === 'index') parts.pop();
  const segments = parts.map((part): Segment => {
    if (/^\[\.\.\.[^\]]+\]$/.test(part)) return { kind: 'rest' };
    if (/^\[[^\]]+\]$/.test(part)) return { kind: 'param' };
    if (part.includes('[')) throw new Error(`Route ${file}: a segment mixing text and [params] ("${part}") is not supported by page-types.ts.`);
    return { kind: 'static', name: part };
  });
  return { file: normalized, segments };
}

function matches(segments: Segment[], parts: string[]): boolean {
  const [head, ...tail] = segments;
  if (!head) return parts.length === 0;
  if (head.kind === 'rest') return parts.some((_, index) => matches(tail, parts.slice(index + 1))) || matches(tail, parts);
  const [part, ...others] = parts;
  if (part === undefined) return false;
  if (head.kind === 'static' && head.name !== part) return false;
  return matches(tail, others);
}

const RANK = { static: 0, param: 1, rest: 2 } as const;

/** Negative when route a is more specific than route b. */
function bySpecificity(a: PageRoute, b: PageRoute): number {
  for (let index = 0; index < Math.max(a.segments.length, b.segments.length); index++) {
    const left = a.segments[index];
    const right = b.segments[index];
    if (!left || !right) return left ? -1 : 1;
    if (RANK[left.kind] !== RANK[right.kind]) return RANK[left.kind] - RANK[right.kind];
  }
  return 0;
}

/** The route that serves a site path ("/en/cities/oslo/"), or undefined. */
export function routeOf(path: string, routes: readonly PageRoute[]): PageRoute | undefined {
  // A page written as a file of its own ("/en/404.html", from 404.astro) is its route's name plus .html.
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent).map((part, index, all) => (index === all.length - 1 ? part.replace(/\.html$/, '') : part));
  return [...routes].sort(bySpecificity).find((route) => matches(route.segments, parts));
}

export interface PageTypeSample {
  route: string;
  /** Built paths of this route, in the order given, at most `perRoute` spread across the list. */
  paths: string[];
}

/**
 * Up to `perRoute` sample paths for every route, spread over the route's pages in the order given
 * (first, last and between). Routes with no built page come back with no paths, so a caller can
 * fail on them.
 */
export function pageTypeSamples(routeFiles: readonly string[], paths: readonly string[], perRoute = 1): PageTypeSample[] {
  const routes = routeFiles.map(pageRoute).filter((route): route is PageRoute => route !== undefined);
  const byRoute = new Map<string, string[]>(routes.map((route) => [route.file, []]));
  for (const path of paths) {
    const route = routeOf(path, routes);
    if (route) byRoute.get(route.file)!.push(path);
  }
  return routes.map((route) => {
    const all = byRoute.get(route.file)!;
    const count = Math.min(perRoute, all.length);
    const picks = count <= 1 ? all.slice(0, count) : Array.from({ length: count }, (_, index) => all[Math.round((index * (all.length - 1)) / (count - 1))]!);
    return { route: route.file, paths: [...new Set(picks)] };
  });
}
