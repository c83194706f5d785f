/** Reading the built site in dist/ for static checks. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const DIST = 'dist';

/** Public page paths listed in the sitemap, like "/en/practices/x/". */
export function sitemapPaths(): string[] {
  const xml = readFileSync(join(DIST, 'sitemap-0.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
}

/** Every HTML file of the public site (admin and Pagefind excluded), as site paths. */
export function htmlPaths(directory = DIST): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) {
      return ['admin', 'pagefind', '_astro'].includes(name) && directory === DIST ? [] : htmlPaths(path);
    }
    return name.endsWith('.html') ? [`/${relative(DIST, path).split(sep).join('/')}`.replace(/index\.html$/, '')] : [];
  });
}

/** The file serving a site path, or undefined. */
export function fileFor(path: string): string | undefined {
  const clean = decodeURIComponent(path);
  const candidates = clean.endsWith('/') ? [join(DIST, clean, 'index.html')] : [join(DIST, clean), join(DIST, clean, 'index.html')];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

export function readPage(path: string): string {
  return readFileSync(fileFor(path)!, 'utf8');
}
