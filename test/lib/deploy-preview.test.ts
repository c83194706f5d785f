import { describe, expect, it } from 'vitest';
import {
  PREVIEW_COMMENT_MARKER,
  PREVIEW_STATUS_CONTEXT,
  alreadyReported,
  commentRequest,
  commentText,
  describeRequest,
  listCommentsRequest,
  previewAlias,
  previewPlan,
  previewUrlFromOutput,
  statusRequest,
  type Change,
  type PreviewPlan,
} from '../../src/lib/deploy-preview.ts';

const github = { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'coe/icc-site', GITHUB_API_URL: 'https://api.github.com', GITHUB_TOKEN: 'ghs_secret', PREVIEW_CHANGE: '12', PREVIEW_SHA: 'abcdef0123456789' };
const gitlab = {
  GITLAB_CI: 'true',
  CI_MERGE_REQUEST_IID: '7',
  CI_COMMIT_SHA: '0123456789abcdef',
  CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'cms/practices/welcome-desk',
  CI_API_V4_URL: 'https://gitlab.example.org/api/v4',
  CI_PROJECT_ID: '42',
  GITLAB_API_TOKEN: 'glpat-secret',
};
const netlify = { PREVIEW_HOST: 'netlify', NETLIFY_AUTH_TOKEN: 'nfp_secret', NETLIFY_SITE_ID: 'site-123' };
const cloudflare = { PREVIEW_HOST: 'Cloudflare', CLOUDFLARE_API_TOKEN: 'cf_secret', CLOUDFLARE_ACCOUNT_ID: 'acc', CLOUDFLARE_PROJECT: 'icc-site' };
const plan = (env: Record<string, string>, alias?: string) => previewPlan(env, alias ? { alias } : {}) as PreviewPlan;

describe('the preview plan', () => {
  it('deploys nothing, and says how to turn previews on, when no preview host is set', () => {
    expect(previewPlan({ ...github, PREVIEW_HOST: '' })).toEqual({
      skip: 'No preview deployed: set PREVIEW_HOST to "netlify" or "cloudflare" (README, "Publish your own copy", Previews). The build above passed; its files are kept as the job\'s artifact.',
    });
  });

  it('uploads a pull request’s build to a Netlify alias named after it, without a token on the command line', () => {
    const result = plan({ ...netlify, ...github });
    expect(result.alias).toBe('pr-12');
    expect(result.command).toEqual(['npx', '--yes', 'netlify-cli@27', 'deploy', '--dir=dist', '--site=site-123', '--alias=pr-12', '--no-build', '--json', '--message=Preview pr-12']);
    expect(result.command.join(' ')).not.toContain('secret');
    expect(result.change).toEqual({ forge: 'github', number: 12, sha: 'abcdef0123456789', api: 'https://api.github.com', project: 'coe/icc-site', token: 'ghs_secret' });
  });

  it('uploads a merge request’s build to a Cloudflare Pages branch of the draft’s own commit', () => {
    const result = plan({ ...cloudflare, ...gitlab, CI_MERGE_REQUEST_SOURCE_BRANCH_SHA: 'fedcba9876543210' });
    expect(result.alias).toBe('mr-7');
    expect(result.command).toEqual(['npx', '--yes', 'wrangler@4', 'pages', 'deploy', 'dist', '--project-name=icc-site', '--branch=mr-7', '--commit-dirty=true', '--commit-hash=fedcba9876543210']);
    expect(result.change).toMatchObject({ forge: 'gitlab', number: 7, sha: 'fedcba9876543210', branch: 'cms/practices/welcome-desk', project: '42' });
  });

  it('deploys from a laptop under the name given, telling nobody', () => {
    const result = plan(netlify, 'My Test!');
    expect([result.alias, result.change]).toEqual(['my-test', undefined]);
  });

  it.each([
    [{ PREVIEW_HOST: 'vercel' }, 'PREVIEW_HOST must be "netlify" or "cloudflare" (found "vercel")'],
    [{ PREVIEW_HOST: 'netlify', NETLIFY_SITE_ID: 'x' }, 'NETLIFY_AUTH_TOKEN is not set: create a personal access token (Netlify: User settings → Applications) and store it as a secret'],
    [{ PREVIEW_HOST: 'netlify', NETLIFY_AUTH_TOKEN: 'x' }, 'NETLIFY_SITE_ID is not set: copy the project id (Netlify: Project configuration → General → Project ID)'],
    [{ ...cloudflare, CLOUDFLARE_PROJECT: ' ' }, 'CLOUDFLARE_PROJECT is not set: name the Pages project (created once, e.g. with "npx wrangler pages project create")'],
    [{ ...netlify, ...github, PREVIEW_CHANGE: 'abc' }, 'PREVIEW_CHANGE must be a pull request number (found "abc")'],
    [{ ...netlify, ...github, GITHUB_TOKEN: '' }, 'GITHUB_TOKEN is not set: the workflow passes ${{ secrets.GITHUB_TOKEN }}, with the statuses and pull-requests write permissions'],
    [{ ...netlify, ...gitlab, CI_MERGE_REQUEST_IID: '' }, 'CI_MERGE_REQUEST_IID is not set: run the preview job in merge request pipelines only'],
    [{ ...netlify, ...gitlab, GITLAB_API_TOKEN: '' }, 'GITLAB_API_TOKEN is not set: create a project access token with the "api" scope'],
  ])('explains a missing or wrong setting %j', (env, message) => {
    expect(() => previewPlan(env)).toThrow(message);
  });

  it('makes names the hosts accept: lower case, letters, digits and hyphens, 37 at most', () => {
    expect(previewAlias('Feature/Été_2026')).toBe('feature-ete-2026');
    expect(previewAlias('x'.repeat(50))).toHaveLength(37);
    expect(() => previewAlias('---')).toThrow('the preview name "---" has no letter or digit: give --alias a name like "my-test"');
  });
});

describe('the preview address', () => {
  it('is the Netlify alias address, which stays the same across pushes', () => {
    const output = 'Deploying...\n{"site_id":"site-123","site_name":"icc-site","deploy_id":"d1","deploy_url":"https://d1--icc-site.netlify.app","logs":"x"}\n';
    expect(previewUrlFromOutput({ host: 'netlify', alias: 'pr-12' }, output)).toBe('https://pr-12--icc-site.netlify.app');
    expect(previewUrlFromOutput({ host: 'netlify', alias: 'pr-12' }, '{"deploy":{"deploy_ssl_url":"https://d2--x.netlify.app"}}')).toBe('https://d2--x.netlify.app');
  });

  it('is the Cloudflare branch alias when wrangler prints it, else the deployment’s own', () => {
    const output = '✨ Success! Uploaded 12 files\n✨ Deployment complete! Take a peek over at https://3f2a1b.icc-site.pages.dev\n✨ Deployment alias URL: https://mr-7.icc-site.pages.dev\n';
    expect(previewUrlFromOutput({ host: 'cloudflare', alias: 'mr-7' }, output)).toBe('https://mr-7.icc-site.pages.dev');
    expect(previewUrlFromOutput({ host: 'cloudflare', alias: 'mr-7' }, 'Take a peek over at https://3f2a1b.icc-site.pages.dev')).toBe('https://3f2a1b.icc-site.pages.dev');
  });

  it('is never guessed: output without an address stops with the output', () => {
    expect(() => previewUrlFromOutput({ host: 'netlify', alias: 'pr-1' }, 'Error: Unauthorized')).toThrow('the netlify deploy printed no preview address; its output was:\nError: Unauthorized');
  });
});

describe('telling reviewers and Decap CMS', () => {
  const githubChange = (plan({ ...netlify, ...github }).change)!;
  const gitlabChange: Change = (plan({ ...netlify, ...gitlab }).change)!;
  const url = 'https://pr-12--icc-site.netlify.app';

  it('posts a commit status whose name Decap takes for the preview link (it holds "deploy")', () => {
    expect(PREVIEW_STATUS_CONTEXT).toContain('deploy');
    expect(statusRequest(githubChange, url)).toEqual({
      method: 'POST',
      url: 'https://api.github.com/repos/coe/icc-site/statuses/abcdef0123456789',
      headers: { authorization: 'Bearer ghs_secret', accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' },
      body: { state: 'success', context: 'deploy/site-preview', target_url: url, description: 'Preview of this draft' },
    });
    // Decap asks GitLab for the statuses of the draft's branch: the status names it.
    expect(statusRequest(gitlabChange, url)).toMatchObject({
      url: 'https://gitlab.example.org/api/v4/projects/42/statuses/0123456789abcdef',
      headers: { 'private-token': 'glpat-secret' },
      body: { state: 'success', name: 'deploy/site-preview', target_url: url, ref: 'cms/practices/welcome-desk' },
    });
  });

  it('updates its earlier comment rather than adding one per push', () => {
    const text = commentText(url, 'abcdef0123456789');
    expect(text).toBe(`${PREVIEW_COMMENT_MARKER}\n**Preview:** ${url}\n\nBuilt from abcdef01. Editors see the same address under "View preview" in the CMS.`);
    expect(listCommentsRequest(githubChange).url).toBe('https://api.github.com/repos/coe/icc-site/issues/12/comments?per_page=100');
    expect(commentRequest(githubChange, [{ id: 5, body: 'LGTM' }], text)).toMatchObject({ method: 'POST', url: 'https://api.github.com/repos/coe/icc-site/issues/12/comments', body: { body: text } });
    expect(commentRequest(githubChange, [{ id: 5, body: 'LGTM' }, { id: 9, body: `${PREVIEW_COMMENT_MARKER}\nold` }], text)).toMatchObject({ method: 'PATCH', url: 'https://api.github.com/repos/coe/icc-site/issues/comments/9' });
    expect(commentRequest(gitlabChange, [{ id: 3, body: PREVIEW_COMMENT_MARKER }], text)).toMatchObject({ method: 'PUT', url: 'https://gitlab.example.org/api/v4/projects/42/merge_requests/7/notes/3' });
    expect(commentRequest(gitlabChange, [], text)).toMatchObject({ method: 'POST', url: 'https://gitlab.example.org/api/v4/projects/42/merge_requests/7/notes' });
  });

  it('takes GitLab’s refusal to post the same status twice (a re-run of one commit) as done, and nothing else', () => {
    const status = statusRequest(gitlabChange, url);
    expect(alreadyReported(status, 400, '{"message":"Cannot transition status via :run from :success"}')).toBe(true);
    expect(alreadyReported(status, 401, '{"message":"401 Unauthorized"}')).toBe(false);
    expect(alreadyReported(status, 400, '{"message":"target_url is invalid"}')).toBe(false);
    expect(alreadyReported(commentRequest(gitlabChange, [], 'x'), 400, 'Cannot transition status')).toBe(false);
  });

  it('logs requests without their token', () => {
    expect(describeRequest(statusRequest(githubChange, url))).not.toContain('ghs_secret');
  });
});
