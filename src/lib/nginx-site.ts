/**
 * The whole nginx `server { }` of the self-hosting container (Dockerfile), made from the security
 * policy (src/lib/security.ts) and the cache policy (src/lib/cache-policy.ts): the same headers
 * as every other host, the caching rules, and compression. test/e2e/container-server.test.ts runs
 * it in Debian's nginx over the built site and asks for each kind of path.
 *
 * nginx quirks it is written around:
 *   - a location with its own add_header lines drops all the others, so every location repeats
 *     the full set: common headers, its part of the site's policy, its Cache-Control;
 *   - a `types` block replaces the inherited MIME types, so the server includes Debian's list
 *     again before adding the few it lacks (CSV and YAML of the open data and the editor);
 *   - `absolute_redirect off`: "/en" redirects to "/en/" without naming the container's own
 *     host and port, which are not the public ones behind a proxy or a CDN.
 */
import { cacheControlFor, cacheRules, type CacheRule } from './cache-policy.ts';
import { hostingPolicy, sectionFor, type HostingPolicy } from './security.ts';

export interface NginxSiteOptions {
  /** `listen` argument: "8080", or "127.0.0.1:4510" in the test. */
  listen: string;
  /** Absolute folder holding the built site (dist/). */
  root: string;
  /** Debian's list of MIME types. */
  mimeTypes?: string;
}

/** What the container uses (Dockerfile copies dist/ there). */
export const CONTAINER_SITE: NginxSiteOptions = { listen: '8080', root: '/srv/site', mimeTypes: '/etc/nginx/mime.types' };

/** Text types worth compressing (text/html always is); Pagefind's chunks are gzip already. */
const COMPRESSED_TYPES = [
  'text/css',
  'text/javascript',
  'application/javascript',
  'application/json',
  'application/xml',
  'text/xml',
  'application/rss+xml',
  'image/svg+xml',
  'text/plain',
  'text/csv',
  'text/yaml',
  'application/manifest+json',
];

/** Types Debian's mime.types lacks that the site serves. */
const EXTRA_TYPES: [type: string, extensions: string][] = [
  ['text/csv', 'csv'],
  ['text/yaml', 'yml yaml'],
  ['application/manifest+json', 'webmanifest'],
];

function quote(value: string): string {
  if (/["\\\n]/.test(value)) throw new Error(`nginx-site: header value ${JSON.stringify(value)} holds a quote, a backslash or a line break`);
  return `"${value}"`;
}

/** Every location the server needs: each part of the site, and each folder with its own caching. */
function locations(policy: HostingPolicy, rules: readonly CacheRule[]): string[] {
  const prefixes = new Set([...policy.sections.map((section) => section.prefix), ...rules.map((rule) => rule.prefix)]);
  // Longest first only to read well: nginx picks the longest matching prefix whatever the order.
  return [...prefixes].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

export function nginxSiteConf(options: NginxSiteOptions = CONTAINER_SITE, policy: HostingPolicy = hostingPolicy(), rules: readonly CacheRule[] = cacheRules()): string {
  if (!/^\//.test(options.root) || /[\s;{}"]/.test(options.root)) throw new Error(`nginx-site: root must be an absolute path without spaces or ;{}" (found "${options.root}")`);
  const lines = [
    '# Generated from src/lib/security.ts and src/lib/cache-policy.ts (npm run hosting): do not edit by hand.',
    '# The container (Dockerfile) serves dist/ with it; test/e2e/container-server.test.ts runs it in nginx.',
    'server {',
    `    listen ${options.listen};`,
    `    root ${options.root};`,
    '    index index.html;',
    '    server_tokens off;',
    '    absolute_redirect off;',
    '    charset utf-8;',
    '    charset_types text/css text/javascript application/javascript application/json application/xml text/xml application/rss+xml image/svg+xml text/plain text/csv text/yaml;',
    `    include ${options.mimeTypes ?? '/etc/nginx/mime.types'};`,
    '    types {',
    ...EXTRA_TYPES.map(([type, extensions]) => `        ${type} ${extensions};`),
    '    }',
    '',
    '    gzip on;',
    '    gzip_vary on;',
    '    gzip_comp_level 6;',
    '    gzip_min_length 256;',
    '    gzip_proxied any;',
    `    gzip_types ${COMPRESSED_TYPES.join(' ')};`,
    '',
  ];
  for (const prefix of locations(policy, rules)) {
    const headers = [...policy.common, ...sectionFor(prefix, policy).headers, ['Cache-Control', cacheControlFor(prefix, rules)] as const];
    // ^~: a folder's rules are final (no regular-expression location may take the path over).
    lines.push(`    location ${prefix === '/' ? '/' : `^~ ${prefix}`} {`);
    for (const [name, value] of headers) lines.push(`        add_header ${name} ${quote(value)} always;`);
    // An unknown page gets the site's page not found in every language (dist/404.html); a missing
    // file in a folder of its own (pictures, documents, search chunks) keeps that folder's plain 404
    // and policy, so the pictures' sandbox holds on a 404 too.
    if (prefix === '/') lines.push('        error_page 404 /404.html;');
    lines.push('        try_files $uri $uri/ =404;', '    }', '');
  }
  lines.push('}', '');
  return lines.join('\n');
}
