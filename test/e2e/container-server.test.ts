/**
 * The container's web server, for real: Debian's nginx runs the server block the Dockerfile
 * installs (src/lib/nginx-site.ts, only the port and the folder changed) over the built dist/,
 * and each kind of path is asked for: the security headers of its part of the site, exactly one
 * policy, its caching, and compression when the browser accepts it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendSettings } from '../../src/lib/cms/backend.ts';
import { CACHE_HOUR, CACHE_IMMUTABLE, CACHE_REVALIDATE } from '../../src/lib/cache-policy.ts';
import { nginxSiteConf } from '../../src/lib/nginx-site.ts';
import { MEDIA_CSP_HEADER, SITE_CSP_HEADER, adminCspHeader, hostingPolicy } from '../../src/lib/security.ts';
import { DIST } from '../helpers/dist.ts';
import { freePort, get, startNginx, type RunningNginx } from '../helpers/nginx.ts';

const root = resolve(DIST);
const first = (folder: string, test: (name: string) => boolean = () => true) => {
  const name = readdirSync(join(root, folder)).sort().find(test);
  if (!name) throw new Error(`dist/${folder} holds no file to ask for`);
  return `/${folder}/${name}`;
};

// The build's backend variables shape the editor's policy, as for dist/_headers.
const backend = backendSettings(process.env);
const editorPolicy = adminCspHeader(backend);

let server: RunningNginx;
beforeAll(async () => {
  if (!existsSync(join(root, 'index.html'))) throw new Error('dist/ holds no built site: run "npm run build" first');
  const port = await freePort();
  server = await startNginx(nginxSiteConf({ listen: `127.0.0.1:${port}`, root }, hostingPolicy(backend)), port);
});
afterAll(async () => {
  await server?.stop();
});

describe('the container web server over the built site', () => {
  const practice = () => `${first('en/practices', (name) => !name.endsWith('.html') && name !== 'page')}/`;
  const cases: [kind: string, path: () => string, policy: string, cache: string][] = [
    ['the language chooser', () => '/', SITE_CSP_HEADER, CACHE_REVALIDATE],
    ['a home page', () => '/fr/', SITE_CSP_HEADER, CACHE_REVALIDATE],
    ['a practice page', practice, SITE_CSP_HEADER, CACHE_REVALIDATE],
    ['a hashed stylesheet', () => first('_astro', (name) => name.endsWith('.css')), SITE_CSP_HEADER, CACHE_IMMUTABLE],
    ['a hashed script', () => first('_astro', (name) => name.endsWith('.js')), SITE_CSP_HEADER, CACHE_IMMUTABLE],
    ['a search index chunk', () => first('pagefind/en/index'), SITE_CSP_HEADER, CACHE_IMMUTABLE],
    ['a search fragment chunk', () => first('pagefind/fr/fragment'), SITE_CSP_HEADER, CACHE_IMMUTABLE],
    ['the search entry file (names the current chunks)', () => '/pagefind/en/pagefind-entry.json', SITE_CSP_HEADER, CACHE_REVALIDATE],
    ['the search script', () => '/pagefind/en/pagefind.js', SITE_CSP_HEADER, CACHE_REVALIDATE],
    ['a social card', () => first('cards/en/practice'), SITE_CSP_HEADER, CACHE_HOUR],
    ['a document', () => first('documents', (name) => name.endsWith('.pdf')), SITE_CSP_HEADER, CACHE_HOUR],
    ['open data', () => '/data/cities.csv', SITE_CSP_HEADER, CACHE_REVALIDATE],
    ['the feed', () => '/en/rss.xml', SITE_CSP_HEADER, CACHE_REVALIDATE],
    ['the editor', () => '/admin/', editorPolicy, CACHE_REVALIDATE],
    ['the editor’s configuration', () => '/admin/config.en.yml', editorPolicy, CACHE_REVALIDATE],
  ];

  it.each(cases)('serves %s with the security headers of its part of the site, once, and its caching', async (_kind, path, policy, cache) => {
    const answer = await get(server.url, path());
    expect(answer.status, server.log()).toBe(200);
    expect(answer.all('content-security-policy')).toEqual([policy]);
    expect(answer.all('x-frame-options')).toEqual(['DENY']);
    expect(answer.all('x-content-type-options')).toEqual(['nosniff']);
    expect(answer.all('referrer-policy')).toEqual(['strict-origin-when-cross-origin']);
    expect(answer.all('cache-control')).toEqual([cache]);
    expect(answer.one('server')).toBe('nginx');
  });

  it('sandboxes the pictures, and keeps the editor out of search engines', async () => {
    const images = join(root, 'images');
    const picture = existsSync(images) ? readdirSync(images, { recursive: true, withFileTypes: true }).find((entry) => entry.isFile()) : undefined;
    const path = picture ? `/${join(picture.parentPath, picture.name).slice(root.length + 1)}` : '/images/missing.png';
    const answer = await get(server.url, path);
    expect(answer.all('content-security-policy')).toEqual([MEDIA_CSP_HEADER]);
    if (picture) expect([answer.status, answer.all('cache-control')]).toEqual([200, [CACHE_HOUR]]);
    // A script file that slipped into the media folder would still run nothing: the sandbox holds on a 404 too.
    expect((await get(server.url, '/images/evil.html')).all('content-security-policy')).toEqual(["sandbox; default-src 'none'"]);
    expect((await get(server.url, '/admin/index.html')).all('x-robots-tag')).toEqual(['noindex']);
  });

  it.each([
    ['a page', () => '/en/', 'text/html; charset=utf-8'],
    ['a stylesheet', () => first('_astro', (name) => name.endsWith('.css')), 'text/css; charset=utf-8'],
    ['a script', () => first('_astro', (name) => name.endsWith('.js')), 'application/javascript; charset=utf-8'],
    ['JSON', () => '/data/cities.json', 'application/json; charset=utf-8'],
    ['CSV', () => '/data/cities.csv', 'text/csv; charset=utf-8'],
    ['the sitemap', () => '/sitemap-0.xml', 'text/xml; charset=utf-8'],
    ['an SVG', () => '/favicon.svg', 'image/svg+xml; charset=utf-8'],
  ])('compresses %s for a browser that accepts gzip, and sends it whole to one that does not', async (_kind, path, type) => {
    const file = readFileSync(join(root, path().replace(/\/$/, '/index.html')));
    const zipped = await get(server.url, path(), { 'accept-encoding': 'gzip, br' });
    expect([zipped.status, zipped.one('content-type'), zipped.one('content-encoding'), zipped.one('vary')]).toEqual([200, type, 'gzip', 'Accept-Encoding']);
    expect(gunzipSync(zipped.body).equals(file)).toBe(true);
    const plain = await get(server.url, path());
    expect(plain.one('content-encoding')).toBeUndefined();
    expect(plain.body.equals(file)).toBe(true);
  });

  it('does not compress again what is compressed already (search chunks, PNG, PDF)', async () => {
    for (const path of [first('pagefind/en/index'), first('cards/en/practice'), first('documents', (name) => name.endsWith('.pdf'))]) {
      const answer = await get(server.url, path, { 'accept-encoding': 'gzip' });
      expect([path, answer.status, answer.one('content-encoding')]).toEqual([path, 200, undefined]);
    }
  });

  it('redirects a folder without its slash to the same host, and answers a missing page 404 with the headers', async () => {
    const redirect = await get(server.url, '/en/practices');
    expect([redirect.status, redirect.one('location')]).toEqual([301, '/en/practices/']);
    const missing = await get(server.url, '/en/no-such-page/');
    expect(missing.status).toBe(404);
    // The page not found of every language (dist/404.html), not nginx's own.
    expect(missing.body.toString()).toContain('action="/en/search/"');
    expect(missing.all('content-security-policy')).toEqual([SITE_CSP_HEADER]);
    expect(missing.all('x-frame-options')).toEqual(['DENY']);
  });

  it('never serves a file from outside the built site', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json']) {
      const answer = await get(server.url, path);
      expect([path, answer.status === 400 || answer.status === 404]).toEqual([path, true]);
      expect(answer.body.toString()).not.toContain('"name": "intercultural-cities-network"');
    }
  });
});
