/**
 * `npm run deploy:preview` as a pipeline runs it, without network: --dry-run prints the upload and
 * the requests; without a preview host it says how to set one and succeeds; with a missing
 * setting it fails, naming the variable. (The decisions are tested in test/lib/deploy-preview.test.ts.)
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function run(env: Record<string, string>, ...args: string[]) {
  // A clean environment: the variables of the machine running the tests must not leak in.
  const result = spawnSync(process.execPath, ['scripts/deploy/preview.ts', ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

const pullRequest = { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'coe/icc-site', GITHUB_TOKEN: 'ghs_secret', PREVIEW_CHANGE: '12', PREVIEW_SHA: '0123456789abcdef' };

describe('npm run deploy:preview', () => {
  it('--dry-run prints the upload and what it would tell the pull request and Decap, never a token', () => {
    const result = run({ ...pullRequest, PREVIEW_HOST: 'cloudflare', CLOUDFLARE_API_TOKEN: 'cf_secret', CLOUDFLARE_ACCOUNT_ID: 'acc', CLOUDFLARE_PROJECT: 'icc-site' }, '--dry-run');
    expect([result.status, result.err]).toEqual([0, '']);
    expect(result.out).toContain('Preview "pr-12" on cloudflare: npx --yes wrangler@4 pages deploy dist --project-name=icc-site --branch=pr-12');
    expect(result.out).toContain('would send: POST https://api.github.com/repos/coe/icc-site/statuses/0123456789abcdef {"state":"success","context":"deploy/site-preview"');
    expect(result.out).toContain('would send: GET https://api.github.com/repos/coe/icc-site/issues/12/comments?per_page=100');
    expect(result.out).not.toMatch(/ghs_secret|cf_secret/);
  });

  it('succeeds without a preview host, saying how to set one', () => {
    const result = run(pullRequest);
    expect(result.status).toBe(0);
    expect(result.out).toContain('No preview deployed: set PREVIEW_HOST to "netlify" or "cloudflare"');
  });

  it('fails on a missing setting, naming it and where to find it', () => {
    const result = run({ ...pullRequest, PREVIEW_HOST: 'netlify', NETLIFY_AUTH_TOKEN: 'x' });
    expect(result.status).toBe(1);
    expect(result.err).toBe('Preview not deployed: NETLIFY_SITE_ID is not set: copy the project id (Netlify: Project configuration → General → Project ID)\n');
  });
});
