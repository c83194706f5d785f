import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backendSettings } from '../../src/lib/cms/backend.ts';
import {
  MEDIA_CSP_HEADER,
  SITE_CSP,
  SITE_CSP_HEADER,
  adminCspHeader,
  adminCspMeta,
  headersFile,
  hostingFiles,
  hostingPolicy,
  htaccess,
  nginxConf,
  sectionFor,
} from '../../src/lib/security.ts';
import { CACHE_IMMUTABLE, CACHE_REVALIDATE, cacheControlFor, cacheRules } from '../../src/lib/cache-policy.ts';
import { apacheHost, headersHost, nginxHost } from '../helpers/hosts.ts';

const PATHS = ['/', '/index.html', '/404.html', '/en/', '/en/practices/anti-rumour/', '/fr/villes/', '/admin/', '/admin/index.html', '/admin/config.en.yml', '/images/evil.html', '/images/practices/photo.png'];
const expectedPolicy = (path: string) => (path.startsWith('/admin/') ? adminCspHeader() : path.startsWith('/images/') ? MEDIA_CSP_HEADER : SITE_CSP_HEADER);

describe('the host configurations', () => {
  it('are the files in hosting/, generated from the policy (run "npm run hosting" after changing it)', () => {
    for (const [name, text] of Object.entries(hostingFiles())) expect(readFileSync(`hosting/${name}`, 'utf8'), `hosting/${name}`).toBe(text);
  });

  describe.each([
    ['_headers, last rule wins (Netlify)', (path: string) => headersHost(headersFile(), path, 'last-wins')],
    ['_headers, rules joined, "!" detaches (Cloudflare Pages)', (path: string) => headersHost(headersFile(), path, 'join-with-detach')],
    ['_headers, rules joined (other hosts)', (path: string) => headersHost(headersFile(), path, 'join')],
    ['nginx', (path: string) => nginxHost(nginxConf(), path)],
    ['Apache', (path: string) => apacheHost(htaccess(), path)],
  ])('on %s', (_host, send) => {
    it.each(PATHS)('send exactly one policy for %s, the one of its part of the site', (path) => {
      const headers = send(path);
      expect(headers['content-security-policy']).toEqual([expectedPolicy(path)]);
      expect(headers['x-content-type-options']).toEqual(['nosniff']);
      expect(headers['x-frame-options']).toEqual(['DENY']);
    });

    it('keep the editor out of search engines and sandbox the pictures', () => {
      expect(send('/admin/')['x-robots-tag']).toEqual(['noindex']);
      expect(send('/images/evil.html')['content-security-policy']).toEqual(["sandbox; default-src 'none'"]);
    });
  });

  it('refuse framing of the editor and of the pages', () => {
    expect(adminCspHeader()).toContain("frame-ancestors 'none'");
    expect(SITE_CSP_HEADER).toContain("frame-ancestors 'none'");
    expect(sectionFor('/admin/index.html').prefix).toBe('/admin/');
    expect(sectionFor('/images/x.png').prefix).toBe('/images/');
    expect(sectionFor('/en/').prefix).toBe('/');
  });
});

describe('the caching rules in _headers', () => {
  const paths = ['/_astro/a.B1c2.css', '/pagefind/fr/index/fr_1.pf_index', '/pagefind/en/pagefind-entry.json', '/images/x.png', '/cards/en/practice/x.png', '/en/', '/admin/'];

  it.each(['last-wins', 'join-with-detach', 'join'] as const)('give each path its one Cache-Control, or the host’s revalidating default, where rules %s', (kind) => {
    for (const path of paths) {
      const expected = cacheControlFor(path) === CACHE_REVALIDATE ? undefined : [cacheControlFor(path)];
      expect([path, headersHost(headersFile(), path, kind)['cache-control']]).toEqual([path, expected]);
    }
    expect(headersHost(headersFile(), '/_astro/a.css', kind)['cache-control']).toEqual([CACHE_IMMUTABLE]);
  });

  it('keep to folders none of which is inside another (a host that joins rules would send two values)', () => {
    const prefixes = cacheRules().map((rule) => rule.prefix);
    expect(prefixes.filter((prefix) => prefixes.some((other) => other !== prefix && prefix.startsWith(other)))).toEqual([]);
  });
});

describe('the <meta> policies and the header policies', () => {
  const directives = (policy: string) => new Map(policy.split(';').map((part) => part.trim()).filter(Boolean).map((part) => [part.split(/\s+/)[0]!, part] as const));

  it.each([
    ['the editor', adminCspMeta(), adminCspHeader()],
    ['the pages', SITE_CSP, SITE_CSP_HEADER],
  ])('for %s agree on every directive, the header adding only what a <meta> cannot say', (_part, meta, header) => {
    const inMeta = directives(meta);
    const inHeader = directives(header);
    for (const [name, value] of inMeta) expect(inHeader.get(name), name).toBe(value);
    const headerOnly = [...inHeader.keys()].filter((name) => !inMeta.has(name));
    expect(headerOnly.every((name) => ['frame-ancestors', 'upgrade-insecure-requests'].includes(name))).toBe(true);
    expect([...inMeta.keys()].filter((name) => ['frame-ancestors', 'sandbox', 'report-uri'].includes(name))).toEqual([]);
  });

  it('let the editor reach the backend of the build: the local server port, a self-hosted git API', () => {
    const local = backendSettings({ DECAP_SERVER_PORT: '8400' });
    expect(adminCspMeta(local)).toContain("connect-src 'self' blob: http://localhost:8400 http://127.0.0.1:8400 https://api.github.com");
    const gitlab = backendSettings({ CMS_BACKEND: 'gitlab', CMS_REPO: 'coe/icc', CMS_APP_ID: '42', CMS_AUTH_URL: 'https://git.coe.int', CMS_API_ROOT: 'https://git.coe.int/api/v4' });
    expect(adminCspHeader(gitlab)).toMatch(/connect-src [^;]* https:\/\/git\.coe\.int[ ;]/);
    expect(hostingPolicy(gitlab).sections[0]!.headers[0]![1]).toBe(adminCspHeader(gitlab));
  });
});

describe('the page not found', () => {
  it('is what nginx and Apache answer for an unknown address: the root 404.html, in every language', () => {
    expect(nginxConf().split('\n')).toContain('error_page 404 /404.html;');
    expect(htaccess().split('\n')).toContain('ErrorDocument 404 /404.html');
  });
});
