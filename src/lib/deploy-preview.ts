/**
 * A preview of a draft, for reviewers: what `npm run deploy:preview` does after `npm run build`,
 * decided here from the environment so that it can be tried (and tested) without any network.
 *
 * Decap's editorial workflow opens a pull request (GitHub) or merge request (GitLab) per draft.
 * The pipeline builds it; this uploads dist/ to a preview address on Netlify or Cloudflare Pages
 * (GitHub and GitLab Pages serve one site per project, at its root: no room for previews there),
 * then tells two readers where it is:
 *   - reviewers: a comment on the pull/merge request, updated on each push rather than repeated;
 *   - Decap CMS: a commit status whose name holds "deploy" and whose address is the preview.
 *     Decap reads the statuses of the draft's last commit and, with each collection's
 *     preview_path, links every entry to its page in the preview ("View preview" in the editor).
 *
 * Tokens never go on a command line: the host's CLI reads its own from the environment.
 */

/** The commit status Decap takes as the preview (its default rule: the first whose name holds "deploy"). */
export const PREVIEW_STATUS_CONTEXT = 'deploy/site-preview';

/** Marks the one comment this posts, so that the next push updates it. */
export const PREVIEW_COMMENT_MARKER = '<!-- icc-site-preview -->';

/** Pinned so that a pipeline never changes behaviour on its own (raise them on purpose). */
export const HOST_CLIS = { netlify: 'netlify-cli@27', cloudflare: 'wrangler@4' } as const;

export type PreviewHost = keyof typeof HOST_CLIS;

type Environment = Record<string, string | undefined>;

export class PreviewSettingsError extends Error {}

/** The pull or merge request being previewed, and how to write to it. */
export interface Change {
  forge: 'github' | 'gitlab';
  /** Pull request number or merge request IID. */
  number: number;
  /** The draft's last commit (the one Decap reads the statuses of). */
  sha: string;
  /** GitLab: the draft's branch (Decap reads the statuses of that ref). */
  branch?: string;
  /** API root: https://api.github.com or https://gitlab.example.org/api/v4. */
  api: string;
  /** owner/name on GitHub, the numeric project id on GitLab. */
  project: string;
  token: string;
}

export interface PreviewPlan {
  host: PreviewHost;
  /** The preview's name at the host: pr-12, mr-7, or what --alias said. */
  alias: string;
  /** The command that uploads dist/ (run from the project folder). */
  command: string[];
  /** Undefined on a laptop: the preview is deployed and printed, nobody is told. */
  change?: Change;
}

export type PreviewDecision = { skip: string } | PreviewPlan;

const value = (env: Environment, name: string) => env[name]?.trim() || undefined;

function required(env: Environment, name: string, why: string): string {
  const found = value(env, name);
  if (!found) throw new PreviewSettingsError(`${name} is not set: ${why}`);
  return found;
}

/** Netlify allows 37 characters of [a-z0-9-]; Cloudflare turns a branch into the same. */
export function previewAlias(raw: string): string {
  const alias = raw.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 37).replace(/-+$/, '');
  if (!alias) throw new PreviewSettingsError(`the preview name "${raw}" has no letter or digit: give --alias a name like "my-test"`);
  return alias;
}

/** The pull or merge request of this pipeline run, from the variables GitHub Actions and GitLab CI set. */
export function changeFromEnvironment(env: Environment): Change | undefined {
  if (value(env, 'GITHUB_ACTIONS') === 'true') {
    const number = Number(required(env, 'PREVIEW_CHANGE', 'the workflow passes the pull request number (${{ github.event.pull_request.number }})'));
    if (!Number.isInteger(number) || number < 1) throw new PreviewSettingsError(`PREVIEW_CHANGE must be a pull request number (found "${env.PREVIEW_CHANGE}")`);
    return {
      forge: 'github',
      number,
      sha: required(env, 'PREVIEW_SHA', "the workflow passes the pull request's head commit (${{ github.event.pull_request.head.sha }})"),
      api: value(env, 'GITHUB_API_URL') ?? 'https://api.github.com',
      project: required(env, 'GITHUB_REPOSITORY', 'GitHub Actions sets it; outside Actions, leave GITHUB_ACTIONS unset'),
      token: required(env, 'GITHUB_TOKEN', 'the workflow passes ${{ secrets.GITHUB_TOKEN }}, with the statuses and pull-requests write permissions'),
    };
  }
  if (value(env, 'GITLAB_CI') === 'true') {
    const iid = value(env, 'CI_MERGE_REQUEST_IID');
    if (!iid) throw new PreviewSettingsError('CI_MERGE_REQUEST_IID is not set: run the preview job in merge request pipelines only (rules: if: $CI_PIPELINE_SOURCE == "merge_request_event")');
    return {
      forge: 'gitlab',
      number: Number(iid),
      // Merged-results pipelines build a merge commit: the draft's own commit is the source branch's.
      sha: value(env, 'CI_MERGE_REQUEST_SOURCE_BRANCH_SHA') ?? required(env, 'CI_COMMIT_SHA', 'GitLab CI sets it'),
      branch: required(env, 'CI_MERGE_REQUEST_SOURCE_BRANCH_NAME', 'GitLab CI sets it in merge request pipelines'),
      api: required(env, 'CI_API_V4_URL', 'GitLab CI sets it'),
      project: required(env, 'CI_PROJECT_ID', 'GitLab CI sets it'),
      token: required(
        env,
        'GITLAB_API_TOKEN',
        'create a project access token with the "api" scope and the Developer role (Settings → Access tokens) and store it as a masked CI/CD variable named GITLAB_API_TOKEN (the job token cannot post statuses or comments)',
      ),
    };
  }
  return undefined;
}

/** What to do, or why to do nothing. Throws PreviewSettingsError naming the variable to set. */
export function previewPlan(env: Environment, options: { alias?: string; dist?: string } = {}): PreviewDecision {
  const hostName = value(env, 'PREVIEW_HOST')?.toLowerCase();
  if (!hostName) {
    return { skip: 'No preview deployed: set PREVIEW_HOST to "netlify" or "cloudflare" (README, "Publish your own copy", Previews). The build above passed; its files are kept as the job\'s artifact.' };
  }
  if (!(hostName in HOST_CLIS)) throw new PreviewSettingsError(`PREVIEW_HOST must be "netlify" or "cloudflare" (found "${env.PREVIEW_HOST}")`);
  const host = hostName as PreviewHost;
  const change = changeFromEnvironment(env);
  const alias = previewAlias(options.alias ?? (change ? `${change.forge === 'github' ? 'pr' : 'mr'}-${change.number}` : 'local-preview'));
  const dist = options.dist ?? 'dist';
  const cli = HOST_CLIS[host];
  let command: string[];
  if (host === 'netlify') {
    required(env, 'NETLIFY_AUTH_TOKEN', 'create a personal access token (Netlify: User settings → Applications) and store it as a secret');
    const site = required(env, 'NETLIFY_SITE_ID', 'copy the project id (Netlify: Project configuration → General → Project ID)');
    command = ['npx', '--yes', cli, 'deploy', `--dir=${dist}`, `--site=${site}`, `--alias=${alias}`, '--no-build', '--json', `--message=Preview ${alias}`];
  } else {
    required(env, 'CLOUDFLARE_API_TOKEN', 'create an API token with the "Cloudflare Pages: Edit" permission and store it as a secret');
    required(env, 'CLOUDFLARE_ACCOUNT_ID', 'copy the account id (Cloudflare dashboard → Workers & Pages → Account details)');
    const project = required(env, 'CLOUDFLARE_PROJECT', 'name the Pages project (created once, e.g. with "npx wrangler pages project create")');
    command = ['npx', '--yes', cli, 'pages', 'deploy', dist, `--project-name=${project}`, `--branch=${alias}`, '--commit-dirty=true', ...(change ? [`--commit-hash=${change.sha}`] : [])];
  }
  return { host, alias, command, ...(change ? { change } : {}) };
}

/** The preview's address, from what the host's CLI printed. */
export function previewUrlFromOutput(plan: Pick<PreviewPlan, 'host' | 'alias'>, output: string): string {
  if (plan.host === 'netlify') {
    const json = output.slice(output.indexOf('{'), output.lastIndexOf('}') + 1);
    try {
      const data = JSON.parse(json) as { site_name?: string; deploy_url?: string; deploy?: { deploy_ssl_url?: string; deploy_url?: string } };
      // The alias address stays the same across pushes; deploy_url names this one deploy.
      if (data.site_name) return `https://${plan.alias}--${data.site_name}.netlify.app`;
      const url = data.deploy_url ?? data.deploy?.deploy_ssl_url ?? data.deploy?.deploy_url;
      if (url) return url;
    } catch {
      // Reported below with the output.
    }
  } else {
    const urls = [...output.matchAll(/https:\/\/[a-z0-9.-]+\.pages\.dev\b/g)].map(([url]) => url);
    const alias = urls.find((url) => url.startsWith(`https://${plan.alias}.`));
    if (alias ?? urls[0]) return (alias ?? urls[0])!;
  }
  throw new PreviewSettingsError(`the ${plan.host} deploy printed no preview address; its output was:\n${output.slice(0, 2000)}`);
}

export interface ApiRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  url: string;
  headers: Record<string, string>;
  body?: Record<string, unknown>;
}

function authHeaders(change: Change): Record<string, string> {
  return change.forge === 'github'
    ? { authorization: `Bearer ${change.token}`, accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' }
    : { 'private-token': change.token };
}

const DESCRIPTION = 'Preview of this draft';

/** The commit status Decap reads. */
export function statusRequest(change: Change, url: string): ApiRequest {
  const headers = authHeaders(change);
  if (change.forge === 'github') {
    return {
      method: 'POST',
      url: `${change.api}/repos/${change.project}/statuses/${change.sha}`,
      headers,
      body: { state: 'success', context: PREVIEW_STATUS_CONTEXT, target_url: url, description: DESCRIPTION },
    };
  }
  return {
    method: 'POST',
    url: `${change.api}/projects/${encodeURIComponent(change.project)}/statuses/${change.sha}`,
    headers,
    body: { state: 'success', name: PREVIEW_STATUS_CONTEXT, target_url: url, description: DESCRIPTION, ...(change.branch ? { ref: change.branch } : {}) },
  };
}

export function commentText(url: string, sha: string): string {
  return [PREVIEW_COMMENT_MARKER, `**Preview:** ${url}`, '', `Built from ${sha.slice(0, 8)}. Editors see the same address under "View preview" in the CMS.`].join('\n');
}

/** Lists the comments, to find the one this posted before. */
export function listCommentsRequest(change: Change): ApiRequest {
  const headers = authHeaders(change);
  return change.forge === 'github'
    ? { method: 'GET', url: `${change.api}/repos/${change.project}/issues/${change.number}/comments?per_page=100`, headers }
    : { method: 'GET', url: `${change.api}/projects/${encodeURIComponent(change.project)}/merge_requests/${change.number}/notes?per_page=100&sort=asc`, headers };
}

/** Updates the earlier comment (found by its marker) or posts a new one. */
export function commentRequest(change: Change, existing: readonly { id: number; body?: string }[], text: string): ApiRequest {
  const headers = authHeaders(change);
  const earlier = existing.find((comment) => comment.body?.includes(PREVIEW_COMMENT_MARKER));
  if (change.forge === 'github') {
    return earlier
      ? { method: 'PATCH', url: `${change.api}/repos/${change.project}/issues/comments/${earlier.id}`, headers, body: { body: text } }
      : { method: 'POST', url: `${change.api}/repos/${change.project}/issues/${change.number}/comments`, headers, body: { body: text } };
  }
  const notes = `${change.api}/projects/${encodeURIComponent(change.project)}/merge_requests/${change.number}/notes`;
  return earlier ? { method: 'PUT', url: `${notes}/${earlier.id}`, headers, body: { body: text } } : { method: 'POST', url: notes, headers, body: { body: text } };
}

/**
 * A refusal that means "already done": GitLab answers 400 "Cannot transition status via :run from
 * :success" when a re-run of the same commit posts the same status again. The preview is reported.
 */
export function alreadyReported(request: ApiRequest, status: number, body: string): boolean {
  return request.method === 'POST' && request.url.includes('/statuses/') && status === 400 && /cannot transition status/i.test(body);
}

/** A request as a line of the log, without the token. */
export function describeRequest(request: ApiRequest): string {
  return `${request.method} ${request.url}${request.body ? ` ${JSON.stringify(request.body)}` : ''}`;
}
