/**
 * `npm run deploy:preview`: uploads the built dist/ to a preview address on Netlify or Cloudflare
 * Pages and, in a pull or merge request pipeline, tells reviewers (a comment) and Decap CMS (a
 * commit status) where it is. What to do is decided by src/lib/deploy-preview.ts from the
 * environment (README, "Publish your own copy", Previews).
 *
 *   npm run deploy:preview -- --dry-run          # prints the plan and the requests, sends nothing
 *   PREVIEW_HOST=netlify NETLIFY_AUTH_TOKEN=… NETLIFY_SITE_ID=… npm run deploy:preview -- --alias my-test
 *
 * Without PREVIEW_HOST it says so and succeeds: the build is the check, the preview an extra.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  PreviewSettingsError,
  alreadyReported,
  commentRequest,
  commentText,
  describeRequest,
  listCommentsRequest,
  previewPlan,
  previewUrlFromOutput,
  statusRequest,
  type ApiRequest,
} from '../../src/lib/deploy-preview.ts';

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false }, alias: { type: 'string' } } });
const dryRun = values['dry-run'];

function fail(message: string): never {
  console.error(`Preview not deployed: ${message}`);
  process.exit(1);
}

async function send(request: ApiRequest): Promise<unknown> {
  const response = await fetch(request.url, {
    method: request.method,
    headers: { ...request.headers, ...(request.body ? { 'content-type': 'application/json' } : {}) },
    ...(request.body ? { body: JSON.stringify(request.body) } : {}),
  });
  if (!response.ok) {
    const text = await response.text();
    if (alreadyReported(request, response.status, text)) {
      console.log(`already reported: ${request.url} (${text.slice(0, 200)})`);
      return null;
    }
    fail(`${request.method} ${request.url} answered ${response.status}: ${text.slice(0, 500)}`);
  }
  return response.json();
}

let plan;
try {
  plan = previewPlan(process.env, values.alias ? { alias: values.alias } : {});
} catch (error) {
  if (error instanceof PreviewSettingsError) fail(error.message);
  throw error;
}
if ('skip' in plan) {
  console.log(plan.skip);
  process.exit(0);
}
if (!dryRun && !existsSync(resolve(root, 'dist/index.html'))) fail('dist/ holds no built site: run "npm run build" first');

console.log(`Preview "${plan.alias}" on ${plan.host}: ${plan.command.join(' ')}`);
let url: string;
if (dryRun) {
  url = plan.host === 'netlify' ? `https://${plan.alias}--<site>.netlify.app` : `https://${plan.alias}.<project>.pages.dev`;
} else {
  const run = spawnSync(plan.command[0]!, plan.command.slice(1), { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) fail(`${plan.command.slice(0, 3).join(' ')} exited with ${run.status ?? run.signal}:\n${run.stdout}`);
  try {
    url = previewUrlFromOutput(plan, run.stdout);
  } catch (error) {
    if (error instanceof PreviewSettingsError) fail(error.message);
    throw error;
  }
}
console.log(`Preview address: ${url}`);

if (plan.change) {
  const change = plan.change;
  const status = statusRequest(change, url);
  const list = listCommentsRequest(change);
  if (dryRun) {
    for (const request of [status, list]) console.log(`would send: ${describeRequest(request)}`);
    console.log(`would then post or update the comment:\n${commentText(url, change.sha)}`);
  } else {
    await send(status);
    const comments = (await send(list)) as { id: number; body?: string }[];
    await send(commentRequest(change, comments, commentText(url, change.sha)));
    console.log(`Reported on ${change.forge === 'github' ? 'pull request' : 'merge request'} ${change.number} (comment and commit status)`);
  }
}
if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, `### Preview\n\n${url}\n`);
