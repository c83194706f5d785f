/**
 * The site's security policy, in one place, and every form a host needs it in: the <meta> tags of
 * the pages and of the editor, `_headers` (Netlify, Cloudflare Pages and others, with the caching
 * rules of src/lib/cache-policy.ts), an nginx `location` set and an Apache `.htaccess` (the
 * container's whole nginx server is src/lib/nginx-site.ts). They are all generated from the definitions below,
 * so they cannot drift apart (test/lib/security.test.ts also compares the files in hosting/).
 *
 * Three parts of the site, never two policies on one path (where a host sends two CSP headers,
 * or a header and a meta tag that disagree, the browser enforces both and the editor breaks):
 *   - the pages: scripts only from the site, no inline scripts or styles, WebAssembly for Pagefind;
 *   - the editor (/admin/): Decap CMS evaluates code and injects styles, and talks to the git
 *     host's API or to the local content server; its <meta> policy is the header policy without
 *     the header-only directive (frame-ancestors), so together they allow exactly the same;
 *   - the pictures (/images/): opened on their own, they get a sandbox and no rights at all, so
 *     even a file that slipped past the content check cannot run script on the site's origin.
 * Framing is refused everywhere (frame-ancestors 'none' and X-Frame-Options DENY). GitHub Pages
 * sends no custom headers: there only the <meta> policies apply (README, "Hosting").
 */
import { cacheRules, type CacheRule } from './cache-policy.ts';
import { DEFAULT_LOCAL_PORT, type BackendSettings } from './cms/backend.ts';
import { MEDIA_PUBLIC_PATH } from './media.ts';
import { LANGUAGES } from './schemas/fields.ts';

const SITE_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  // mailto:: the public share form (/<lang>/share/) sends its e-mail with no server and no script.
  "form-action 'self' mailto:",
];

/** Directives a browser ignores in a <meta> tag: they exist only as headers. */
const HEADER_ONLY = ["frame-ancestors 'none'"];

/** For the <meta http-equiv> tag (frame-ancestors and upgrade-insecure-requests only work as headers). */
export const SITE_CSP = SITE_DIRECTIVES.join('; ');

/** For the HTTP header on the public site. */
export const SITE_CSP_HEADER = [...SITE_DIRECTIVES, ...HEADER_ONLY, 'upgrade-insecure-requests'].join('; ');

/** The git hosts' APIs the editor may call, unless the build names its own (CMS_API_ROOT, CMS_AUTH_URL). */
const GIT_HOST_ORIGINS = ['https://api.github.com', 'https://gitlab.com', 'https://*.githubusercontent.com'];

/** The origins the editor connects to, for a backend (default: the local server on its default port). */
export function adminConnectSources(backend?: BackendSettings): string[] {
  const local = new URL(backend?.localBackend.url ?? `http://localhost:${DEFAULT_LOCAL_PORT}/api/v1`);
  // blob:: Decap reads a picture being uploaded with fetch(blob URL) to encode it.
  const sources = ["'self'", 'blob:', `http://localhost:${local.port}`, `http://127.0.0.1:${local.port}`, ...GIT_HOST_ORIGINS];
  for (const key of ['api_root', 'base_url']) {
    const value = backend?.backend[key];
    if (typeof value === 'string' && /^https:\/\//.test(value)) sources.push(new URL(value).origin);
  }
  return [...new Set(sources)];
}

function adminDirectives(backend?: BackendSettings): string[] {
  return [
    "default-src 'self'",
    // Decap CMS compiles its config schema (ajv) with new Function.
    "script-src 'self' 'unsafe-eval'",
    // Decap CMS injects its styles at run time (emotion).
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    `connect-src ${adminConnectSources(backend).join(' ')}`,
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ];
}

/** The editor's <meta> policy (prepare-admin writes it into admin/index.html). */
export function adminCspMeta(backend?: BackendSettings): string {
  return adminDirectives(backend).join('; ');
}

/** The editor's header policy: the <meta> policy plus what only a header can say. */
export function adminCspHeader(backend?: BackendSettings): string {
  return [...adminDirectives(backend), ...HEADER_ONLY].join('; ');
}

/** Pictures opened on their own: no script, no plugin, no form, no same-origin rights. */
export const MEDIA_CSP_HEADER = "sandbox; default-src 'none'";

type Header = readonly [name: string, value: string];

/** One part of the site: a path prefix and the headers it gets on top of the common ones. */
export interface PolicySection {
  /** "/admin/", "/images/", or "/" for everything else. */
  prefix: string;
  headers: readonly Header[];
}

export interface HostingPolicy {
  /** Sent with every response. */
  common: readonly Header[];
  /** Most specific first; every path belongs to exactly one. */
  sections: readonly PolicySection[];
}

/** The policy every host configuration is made from. */
export function hostingPolicy(backend?: BackendSettings): HostingPolicy {
  return {
    common: [
      ['X-Content-Type-Options', 'nosniff'],
      ['X-Frame-Options', 'DENY'],
      ['Referrer-Policy', 'strict-origin-when-cross-origin'],
      ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
    ],
    sections: [
      { prefix: '/admin/', headers: [['Content-Security-Policy', adminCspHeader(backend)], ['X-Robots-Tag', 'noindex']] },
      { prefix: `${MEDIA_PUBLIC_PATH}/`, headers: [['Content-Security-Policy', MEDIA_CSP_HEADER]] },
      { prefix: '/', headers: [['Content-Security-Policy', SITE_CSP_HEADER]] },
    ],
  };
}

/** The section a site path belongs to (what every host configuration implements). */
export function sectionFor(path: string, policy: HostingPolicy = hostingPolicy()): PolicySection {
  return policy.sections.find((section) => path.startsWith(section.prefix))!;
}

const GENERATED = 'Generated from src/lib/security.ts (npm run hosting): do not edit by hand.';
/** Unknown addresses get the root 404.html, which speaks every language (src/pages/404.astro). */
const NOT_FOUND_NOTE = 'Unknown addresses get the page not found in every language (dist/404.html).';

/**
 * A `_headers` file. Its rules cannot say "everything but /admin/", and hosts differ when two
 * rules set one header (Netlify keeps the last, Cloudflare Pages joins them: two policies), so
 * the pages' policy goes on the pages' own paths (the language chooser, the root page not found
 * and one folder per language) and each part gets its own rule. test/e2e/hosting.test.ts checks every built page is covered.
 */
export function headersFile(policy: HostingPolicy = hostingPolicy(), caching: readonly CacheRule[] = cacheRules()): string {
  const block = (path: string, headers: readonly Header[]) => [path, ...headers.map(([name, value]) => `  ${name}: ${value}`), ''];
  const lines = [`# ${GENERATED}`, ...block('/*', policy.common)];
  for (const section of policy.sections) {
    if (section.prefix === '/') {
      for (const path of ['/', '/index.html', '/404.html', ...LANGUAGES.map((lang) => `/${lang}/*`)]) lines.push(...block(path, section.headers));
    } else lines.push(...block(`${section.prefix}*`, section.headers));
  }
  // Caching (src/lib/cache-policy.ts): the folders with a rule of their own, none inside another, so no
  // path gets two Cache-Control values; every other path keeps these hosts' default, which revalidates.
  for (const rule of caching) lines.push(...block(`${rule.prefix}*`, [['Cache-Control', rule.cacheControl]]));
  return lines.join('\n');
}

/**
 * nginx: `include` it in the site's `server { }` block (with `root` at dist/). nginx drops the
 * server's add_header lines in any location that has its own, so each location repeats them all.
 */
export function nginxConf(policy: HostingPolicy = hostingPolicy()): string {
  const lines = [
    `# ${GENERATED}`,
    '# Include inside the server { } block whose root is dist/, e.g. include /etc/nginx/icc-site.conf;',
    '',
    `# ${NOT_FOUND_NOTE}`,
    'error_page 404 /404.html;',
    '',
  ];
  for (const section of policy.sections) {
    lines.push(`location ${section.prefix} {`);
    for (const [name, value] of [...policy.common, ...section.headers]) lines.push(`    add_header ${name} "${value}" always;`);
    lines.push('    try_files $uri $uri/ =404;', '}', '');
  }
  return lines.join('\n');
}

/** Apache (2.4): a `.htaccess` for dist/ (needs mod_headers; AllowOverride FileInfo). */
export function htaccess(policy: HostingPolicy = hostingPolicy()): string {
  const set = (indent: string, [name, value]: Header) => `${indent}Header always set ${name} "${value}"`;
  const lines = [
    `# ${GENERATED}`,
    '# Copy it into dist/ after each build (or into public/, which the build copies to dist/).',
    `# ${NOT_FOUND_NOTE}`,
    'ErrorDocument 404 /404.html',
    '<IfModule mod_headers.c>',
  ];
  lines.push(...policy.common.map((header) => set('  ', header)));
  policy.sections.forEach((section, index) => {
    const escaped = section.prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const condition = `"%{REQUEST_URI} =~ m#^${escaped}#"`;
    if (section.prefix === '/') lines.push('  <Else>');
    else lines.push(index === 0 ? `  <If ${condition}>` : `  <ElseIf ${condition}>`);
    lines.push(...section.headers.map((header) => set('    ', header)));
    lines.push(section.prefix === '/' ? '  </Else>' : index === 0 ? '  </If>' : '  </ElseIf>');
  });
  lines.push('</IfModule>', '');
  return lines.join('\n');
}

/** The files of hosting/, by name. */
export function hostingFiles(policy: HostingPolicy = hostingPolicy()): Record<string, string> {
  return { _headers: headersFile(policy), 'nginx.conf': nginxConf(policy), '.htaccess': htaccess(policy) };
}
