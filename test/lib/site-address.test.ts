import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_URL, cmsSiteUrl, siteAddress } from '../../src/lib/site-address.ts';

describe('the site address (SITE_URL)', () => {
  it('defaults to the demonstration address when unset or empty, as pipelines pass unset variables', () => {
    expect(siteAddress(undefined)).toBe(DEFAULT_SITE_URL);
    expect(siteAddress('')).toBe(DEFAULT_SITE_URL);
    expect(siteAddress('  ')).toBe(DEFAULT_SITE_URL);
  });

  it.each([
    ['https://icc.example.org', 'https://icc.example.org'],
    ['https://icc.example.org/', 'https://icc.example.org'],
    [' https://coe.github.io ', 'https://coe.github.io'],
    ['http://localhost:4321/', 'http://localhost:4321'],
    ['https://icc-site-coe-1a2b3c.gitlab.io', 'https://icc-site-coe-1a2b3c.gitlab.io'],
  ])('accepts the root of a domain: %s', (raw, origin) => {
    expect(siteAddress(raw)).toBe(origin);
  });

  it('refuses a project address with a path, saying how to get a root address on GitHub and GitLab Pages', () => {
    expect(() => siteAddress('https://coe.github.io/icc-site/')).toThrow(
      'SITE_URL must be the root of a domain, as every link of the site starts at "/" (found "https://coe.github.io/icc-site/", whose path is "/icc-site/"). ' +
        'On GitHub Pages, give the site a custom domain (Settings → Pages → Custom domain) or publish from the repository <owner>.github.io; ' +
        'on GitLab Pages, turn on "Use unique domain" (Deploy → Pages). Then set SITE_URL to that address.',
    );
    expect(() => siteAddress('https://coe.gitlab.io/icc')).toThrow('whose path is "/icc"');
    expect(() => siteAddress('https://icc.example.org/?x=1')).toThrow('SITE_URL must be the root of a domain');
  });

  it.each([
    ['icc.example.org', 'SITE_URL must be the full address of the site, like "https://icc.example.org" (found "icc.example.org")'],
    ['ftp://icc.example.org', 'SITE_URL must start with https:// (found "ftp://icc.example.org")'],
  ])('explains a wrong address %s', (raw, message) => {
    expect(() => siteAddress(raw)).toThrow(message);
  });
});

describe('the address the CMS links to', () => {
  it('is CMS_SITE_URL, else SITE_URL, an empty variable (how pipelines pass an unset one) counting as unset', () => {
    expect(cmsSiteUrl({ CMS_SITE_URL: 'http://localhost:4322', SITE_URL: 'https://icc.example.org' })).toBe('http://localhost:4322');
    expect(cmsSiteUrl({ CMS_SITE_URL: '', SITE_URL: 'https://icc.example.org' })).toBe('https://icc.example.org');
    expect(cmsSiteUrl({ CMS_SITE_URL: ' ', SITE_URL: '' })).toBeUndefined();
  });
});
