/**
 * The built site and its generated _headers: every page gets the pages' policy and nothing else,
 * the editor its own, whatever way the host combines rules (src/lib/security.ts says why).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backendSettings } from '../../src/lib/cms/backend.ts';
import { adminCspHeader, SITE_CSP_HEADER } from '../../src/lib/security.ts';
import { htmlPaths } from '../helpers/dist.ts';
import { headersHost } from '../helpers/hosts.ts';

describe('dist/_headers', () => {
  const headers = readFileSync('dist/_headers', 'utf8');
  const pages = htmlPaths();
  // The build's backend variables (CMS_API_ROOT...) shape the editor's policy; the tests see the same environment.
  const editorPolicy = adminCspHeader(backendSettings(process.env));

  it.each(['last-wins', 'join-with-detach', 'join'] as const)('gives every built page exactly the pages’ policy, on a host where rules %s', (kind) => {
    expect(pages.length).toBeGreaterThan(100);
    const wrong = pages.filter((path) => JSON.stringify(headersHost(headers, path, kind)['content-security-policy']) !== JSON.stringify([SITE_CSP_HEADER]));
    expect(wrong).toEqual([]);
    for (const path of ['/admin/', '/admin/index.html']) expect(headersHost(headers, path, kind)['content-security-policy']).toEqual([editorPolicy]);
  });

  it('matches the editor policy in the built admin page', () => {
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(readFileSync('dist/admin/index.html', 'utf8'))![1]!.replaceAll('&#39;', "'");
    expect(`${meta}; frame-ancestors 'none'`).toBe(editorPolicy);
  });
});
