/**
 * The pipelines in the repository, checked offline: the GitHub workflows against the published
 * workflow schema (@action-validator/core), the GitLab CI file against GitLab's own schema and
 * rules (gitlab-ci-local, which bundles it and evaluates which jobs run), the Netlify and
 * Cloudflare files for what those hosts read; and what they run: only `npm` scripts that exist,
 * with every variable `npm run deploy:preview` needs, caching the folder the build caches into.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { parse as parseToml } from 'smol-toml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { previewPlan } from '../../src/lib/deploy-preview.ts';

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  jobs: Record<string, { steps: Step[]; permissions?: Record<string, string> }>;
}

const WORKFLOWS = '.github/workflows';
const workflowFiles = readdirSync(WORKFLOWS).filter((name) => name.endsWith('.yml'));
const workflow = (name: string) => parseYaml(readFileSync(join(WORKFLOWS, name), 'utf8')) as Workflow;
const steps = (name: string) => Object.values(workflow(name).jobs).flatMap((job) => job.steps);
const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;

/** Commands of a `run:` or `script:` line that are not an npm script (or npm ci). */
const notNpmScripts = (commands: string[]) => commands.filter((command) => !/^npm ci(?: --[\w-]+)*$/.test(command) && !(/^npm run ([\w:-]+)$/.exec(command)?.[1]! in scripts));

describe('the GitHub workflows', () => {
  it('are there: publish on main, daily and by hand; preview pull requests', () => {
    expect(workflowFiles.sort()).toEqual(['preview.yml', 'publish.yml']);
    expect(Object.keys(workflow('publish.yml').on)).toEqual(['push', 'schedule', 'workflow_dispatch']);
    expect(workflow('publish.yml').on.push).toEqual({ branches: ['main'] });
    expect(workflow('publish.yml').on.schedule).toEqual([{ cron: expect.stringMatching(/^\d+ \d+ \* \* \*$/) }]);
    expect(Object.keys(workflow('preview.yml').on)).toEqual(['pull_request']);
  });

  it.each(workflowFiles)('%s validates against the workflow schema', (name) => {
    expect(validateWorkflow(readFileSync(join(WORKFLOWS, name), 'utf8')).errors).toEqual([]);
  });

  it('the validator does catch a broken workflow (a misspelt key, a job without runs-on)', () => {
    const broken = readFileSync(join(WORKFLOWS, 'publish.yml'), 'utf8').replace('runs-on: ubuntu-24.04', 'run-on: ubuntu-24.04');
    expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0);
  });

  it.each(workflowFiles)('%s runs nothing but npm scripts, which work the same on a laptop', (name) => {
    const commands = steps(name).flatMap((step) => (step.run ? step.run.split('\n').map((line) => line.trim()).filter(Boolean) : []));
    expect(commands.length).toBeGreaterThan(2);
    expect(notNpmScripts(commands)).toEqual([]);
  });

  it.each(workflowFiles)('%s installs from the npm cache, then restores the build caches that npm ci would have emptied', (name) => {
    const all = steps(name);
    expect(all.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with).toMatchObject({ 'node-version-file': '.nvmrc', cache: 'npm' });
    const install = all.findIndex((step) => step.run?.startsWith('npm ci'));
    const cache = all.findIndex((step) => /^actions\/cache(?:\/restore)?@/.test(step.uses ?? ''));
    const build = all.findIndex((step) => step.run === 'npm run build');
    expect(install).toBeGreaterThanOrEqual(0);
    expect([install < cache, cache < build]).toEqual([true, true]);
    expect(all[cache]!.with!.path).toBe('.cache');
  });

  it('caches the folder Astro keeps its incremental build in (outside node_modules)', () => {
    // Read, not imported: loading the config and its integrations takes seconds.
    const cacheDir = /^\s*cacheDir: '([^']+)',/m.exec(readFileSync('astro.config.mjs', 'utf8'))?.[1];
    expect(cacheDir).toBe('./.cache/astro');
  });

  it('publishes the build to GitHub Pages with only the rights it needs', () => {
    const publish = workflow('publish.yml');
    expect(publish.permissions).toEqual({ contents: 'read' });
    expect(publish.jobs.build!.permissions).toEqual({ contents: 'read', pages: 'read' });
    expect(publish.jobs.deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(steps('publish.yml').map((step) => step.uses?.split('@')[0]).filter(Boolean)).toEqual([
      'actions/checkout',
      'actions/setup-node',
      'actions/configure-pages',
      'actions/cache',
      'actions/upload-pages-artifact',
      'actions/deploy-pages',
    ]);
    expect(steps('publish.yml').find((step) => step.uses?.startsWith('actions/upload-pages-artifact'))!.with).toEqual({ path: 'dist' });
  });

  it.each(['netlify', 'cloudflare'])('the preview step passes every variable `npm run deploy:preview` needs, for %s', (host) => {
    const preview = workflow('preview.yml');
    expect(preview.permissions).toEqual({ contents: 'read', 'pull-requests': 'write', statuses: 'write' });
    const step = steps('preview.yml').find((each) => each.run === 'npm run deploy:preview')!;
    expect(step.if).toBe('github.event.pull_request.head.repo.full_name == github.repository');
    // What GitHub sets itself, then every variable the step passes, given a value.
    const env: Record<string, string> = { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'coe/icc-site', GITHUB_API_URL: 'https://api.github.com' };
    for (const name of Object.keys(step.env!)) env[name] = name === 'PREVIEW_HOST' ? host : name === 'PREVIEW_CHANGE' ? '12' : `value-of-${name}`;
    expect(previewPlan(env)).toMatchObject({ host, alias: 'pr-12', change: { forge: 'github', number: 12 } });
  });
});

describe('the GitLab pipeline', () => {
  // A throwaway repository holding the pipeline, made only when these tests run.
  let work = '';
  let simulations: Promise<{ error?: string; running?: string[] }[]>;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'icc-gitlab-ci-'));
    cpSync('.gitlab-ci.yml', join(work, '.gitlab-ci.yml'));
    writeFileSync(join(work, 'broken.yml'), readFileSync('.gitlab-ci.yml', 'utf8').replace('  interruptible: true', '  interruptibel: true'));
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.email=ci@example.org', '-c', 'user.name=ci', ...args], { cwd: work, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('remote', 'add', 'origin', 'https://gitlab.example.org/coe/icc-site.git');
    git('add', '-A');
    git('commit', '-qm', 'pipeline');
    // The four simulations run side by side (each takes a few seconds).
    simulations = Promise.all([
      jobs(),
      jobs({}, 'broken.yml'),
      jobs({ CI_PIPELINE_SOURCE: 'schedule' }),
      jobs({ CI_PIPELINE_SOURCE: 'merge_request_event', CI_MERGE_REQUEST_IID: '7', CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'cms/practices/x' }),
    ]);
  });
  afterAll(async () => {
    await simulations?.catch(() => undefined);
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** Jobs gitlab-ci-local would run for a pipeline started with these variables (schema checked first). */
  async function jobs(variables: Record<string, string> = {}, file = '.gitlab-ci.yml'): Promise<{ error?: string; running?: string[] }> {
    // gitlab-ci-local reads the folder it runs in (its --cwd takes only relative paths).
    const args = ['--prefix', process.cwd(), 'gitlab-ci-local', '--file', file, '--list-json', '--ignore-predefined-vars', [...Object.keys(variables), 'CI_COMMIT_BRANCH'].join(',')];
    for (const [name, value] of Object.entries(variables)) args.push('--variable', `${name}=${value}`);
    // As on GitLab: a merge request pipeline has no CI_COMMIT_BRANCH (gitlab-ci-local would set it).
    if (variables.CI_PIPELINE_SOURCE === 'merge_request_event') args.push('--unset-variable', 'CI_COMMIT_BRANCH');
    const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn('npx', args, { cwd: work, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
    if (run.status !== 0) return { error: `${run.stdout}\n${run.stderr}` };
    const list = JSON.parse(run.stdout.slice(run.stdout.indexOf('['))) as { name: string; when: string }[];
    return { running: list.filter((job) => job.when !== 'never').map((job) => job.name) };
  }

  it('validates against GitLab’s CI schema, and the check does catch a misspelt key', async () => {
    const [push, broken] = await simulations;
    expect(push).toEqual({ running: ['check', 'pages'] });
    expect(broken!.error).toMatch(/schema/i);
  });

  it('checks and publishes to Pages on the default branch (pushed or scheduled); checks and previews a merge request', async () => {
    const [, , schedule, mergeRequest] = await simulations;
    expect(schedule).toEqual({ running: ['check', 'pages'] });
    expect(mergeRequest).toEqual({ running: ['check', 'preview'] });
  });

  const pipeline = parseYaml(readFileSync('.gitlab-ci.yml', 'utf8'), { merge: true }) as Record<string, { script?: string[]; pages?: unknown; cache?: { paths: string[]; policy?: string }[] }> & {
    default: { before_script: string[]; image: string };
  };
  const jobNames = Object.keys(pipeline).filter((name) => pipeline[name]?.script);

  it('names no job with "deploy", which Decap CMS would take for a draft’s preview', () => {
    expect(jobNames).toEqual(['check', 'pages', 'preview']);
    expect(jobNames.filter((name) => name.includes('deploy'))).toEqual([]);
  });

  it('runs nothing but npm scripts, on the Node of .nvmrc, with the npm and build caches', () => {
    expect(notNpmScripts([...pipeline.default.before_script, ...jobNames.flatMap((name) => pipeline[name]!.script!)])).toEqual([]);
    expect(pipeline.default.image).toMatch(new RegExp(`^node:${readFileSync('.nvmrc', 'utf8').trim()}-`));
    expect(pipeline.pages!.pages).toEqual({ publish: 'dist' });
    expect(pipeline.pages!.cache!.flatMap((cache) => cache.paths)).toEqual(['.npm/', '.cache/']);
    expect(pipeline.preview!.cache!.map((cache) => [cache.paths[0], cache.policy])).toEqual([['.npm/', 'pull-push'], ['.cache/', 'pull']]);
  });
});

describe('the Netlify and Cloudflare Pages files', () => {
  it('build with npm run build, publish dist/, on the Node of .nvmrc', () => {
    const netlify = parseToml(readFileSync('netlify.toml', 'utf8')) as { build: { command: string; publish: string; environment: Record<string, string> } };
    expect(netlify.build).toMatchObject({ command: 'npm run build', publish: 'dist', environment: { NODE_VERSION: readFileSync('.nvmrc', 'utf8').trim() } });
    expect(netlify.build.command.replace('npm run ', '') in scripts).toBe(true);
    const wrangler = parseToml(readFileSync('wrangler.toml', 'utf8')) as Record<string, unknown>;
    expect(wrangler).toMatchObject({ pages_build_output_dir: './dist', compatibility_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });
});
