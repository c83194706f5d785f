/**
 * Content-Security-Policy of the site. Scripts only from the site itself (no inline scripts at
 * all); WebAssembly allowed for Pagefind's search; no inline styles. The admin (Decap CMS)
 * needs more and gets its own policy, served only by the host (see public/_headers).
 */
const SITE_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** For the <meta http-equiv> tag (frame-ancestors and upgrade-insecure-requests only work as headers). */
export const SITE_CSP = SITE_DIRECTIVES.join('; ');

/** For the HTTP header on the public site. */
export const SITE_CSP_HEADER = [...SITE_DIRECTIVES, "frame-ancestors 'none'", 'upgrade-insecure-requests'].join('; ');

/**
 * The admin: Decap CMS injects its styles at run time and talks to the git host's API (and to
 * the local decap-server while editing on a clone).
 */
export const ADMIN_CSP_HEADER = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "font-src 'self' data:",
  "connect-src 'self' http://localhost:8081 https://api.github.com https://gitlab.com https://*.githubusercontent.com",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** A `_headers` file (Netlify, Cloudflare Pages and others read this format). */
export function headersFile(): string {
  const common = ['X-Content-Type-Options: nosniff', 'Referrer-Policy: strict-origin-when-cross-origin', 'Permissions-Policy: camera=(), microphone=(), geolocation=()'];
  return [
    '/*',
    `  Content-Security-Policy: ${SITE_CSP_HEADER}`,
    ...common.map((line) => `  ${line}`),
    '',
    '/admin/*',
    `  ! Content-Security-Policy`,
    `  Content-Security-Policy: ${ADMIN_CSP_HEADER}`,
    '  X-Robots-Tag: noindex',
    '',
  ].join('\n');
}
