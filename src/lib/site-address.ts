/**
 * The public address of the site (SITE_URL), as the build needs it: the site's links all start
 * at "/" (`/en/`, `/_astro/`, `/pagefind/en/`), so it must be served at the root of its domain.
 * A project address on GitHub Pages (`https://owner.github.io/repo/`) or GitLab Pages would give
 * a site whose every link and stylesheet 404s; the build refuses it, saying what to do instead.
 * An empty variable is an unset one (CI systems pass unset variables as empty strings).
 */
export const DEFAULT_SITE_URL = 'https://intercultural-cities.example.org';

export class SiteAddressError extends Error {}

export function siteAddress(raw: string | undefined): string {
  const value = raw?.trim();
  if (!value) return DEFAULT_SITE_URL;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SiteAddressError(`SITE_URL must be the full address of the site, like "https://icc.example.org" (found "${value}")`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SiteAddressError(`SITE_URL must start with https:// (found "${value}")`);
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new SiteAddressError(
      `SITE_URL must be the root of a domain, as every link of the site starts at "/" (found "${value}", whose path is "${url.pathname}"). ` +
        'On GitHub Pages, give the site a custom domain (Settings → Pages → Custom domain) or publish from the repository <owner>.github.io; ' +
        'on GitLab Pages, turn on "Use unique domain" (Deploy → Pages). Then set SITE_URL to that address.',
    );
  }
  return url.origin;
}

/** The address the CMS links to ("view live", previews): CMS_SITE_URL, else SITE_URL; empty means unset. */
export function cmsSiteUrl(env: Record<string, string | undefined>): string | undefined {
  return env.CMS_SITE_URL?.trim() || env.SITE_URL?.trim() || undefined;
}
