/**
 * The editors' journey in a real browser: the built admin (dist/admin/) with the local backend
 * (decap-server) writing into a temporary copy of the content, so the repository stays clean.
 * Then `npm run cms` itself: both servers start, and Ctrl-C stops both.
 * DECAP_SERVER_PORT sets the local backend's port for the browser test (default 8081).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createConnection, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkContent } from '../../src/lib/content/check-content.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { BROWSER_ACTION_MS, budgetFor, WAIT_MS } from '../helpers/time-budget.ts';

const projectRoot = resolve('.');

/** The environment of a terminal: without what vitest adds (MODE=test would even change decap-server's mode). */
const cleanEnvironment = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^(VITEST.*|TEST|MODE|NODE_ENV|DEV|PROD|SSR|BASE_URL|NODE_OPTIONS)$/.test(key)),
);
const node = process.execPath;
const backendPort = Number(process.env.DECAP_SERVER_PORT ?? 8081);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.yml': 'text/yaml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

/** dist/ over HTTP, with the admin's config pointing at this test's local backend. */
function serveBuiltSite(): Promise<{ url: string; server: Server }> {
  const root = resolve('dist');
  const server = createServer((request, response) => {
    let path = normalize(join(root, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
    if (!path.startsWith(root)) return void response.writeHead(403).end();
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path)) return void response.writeHead(404).end('Not found');
    response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
    if (/\/admin\/config\.\w+\.yml$/.test(path)) {
      response.end(readFileSync(path, 'utf8').replaceAll('http://localhost:8081/', `http://localhost:${backendPort}/`));
    } else createReadStream(path).pipe(response);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server })));
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

async function waitFor(condition: () => Promise<boolean> | boolean, what: string, timeout = WAIT_MS) {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

function freePort(): Promise<number> {
  const server = createServer();
  return new Promise((done) => server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    server.close(() => done(port));
  }));
}

/** Processes whose command line contains `text` and (when given) whose environment contains `variable`. */
function processesWith(text: string, variable?: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
        if (!command.includes(text)) return false;
        return variable ? readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(variable) : true;
      } catch {
        return false;
      }
    })
    .map(Number);
}

function killGroup(child: ChildProcess | undefined) {
  if (child?.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

describe('the admin, with the local backend', () => {
  let site: { url: string; server: Server };
  let backend: ChildProcess;
  let browser: Browser;
  let page: Page;
  let contentRoot: string;
  const existingFile = () => join(contentRoot, 'src/content/practices/en/mediation-a-l-ecole.md');

  beforeAll(async () => {
    if (!existsSync('dist/admin/index.html')) {
      throw new Error('dist/admin/ is missing: run "npm run build" first (npm test does it for you).');
    }
    if (await portOpen(backendPort)) {
      throw new Error(`Port ${backendPort} is in use (is "npm run cms" running?): stop it or set DECAP_SERVER_PORT for the tests.`);
    }
    contentRoot = mkdtempSync(join(tmpdir(), 'icc-admin-'));
    cpSync('src/content', join(contentRoot, 'src/content'), { recursive: true });
    // A practice already named like the one the test creates: the CMS must not overwrite it.
    cpSync('src/content/practices/en/advisory-council-elected-migrant-members.md', existingFile());

    backend = spawn(node, ['node_modules/decap-server/dist/index.js'], {
      env: { ...cleanEnvironment, PORT: String(backendPort), GIT_REPO_DIRECTORY: contentRoot, BIND_HOST: '127.0.0.1', LOG_LEVEL: 'error' },
      detached: true,
      stdio: 'ignore',
    });
    site = await serveBuiltSite();
    browser = await launchBrowser();
    await waitFor(() => portOpen(backendPort), 'decap-server');
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1400, height: 1000 } });
    context.setDefaultTimeout(BROWSER_ACTION_MS);
    context.setDefaultNavigationTimeout(BROWSER_ACTION_MS);
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => site?.server.close(done));
    killGroup(backend);
    if (contentRoot) rmSync(contentRoot, { recursive: true, force: true });
  });

  it('is served from the site, not from a CDN, and hidden from search engines and site search', async () => {
    const html = readFileSync('dist/admin/index.html', 'utf8');
    expect(html).toContain('<meta name="robots" content="noindex, nofollow" />');
    expect(html).not.toMatch(/data-pagefind-body|https?:\/\/(?!localhost)/);
    expect(readFileSync('dist/robots.txt', 'utf8')).toContain('Disallow: /admin/');
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${site.url}/admin/`);
    await page.getByRole('button', { name: 'Login' }).click();
    await expect(page.getByText('Advisory council with elected migrant members').first().waitFor()).resolves.toBeUndefined();
    const foreign = requests.filter((url) => !url.startsWith(site.url) && !url.startsWith(`http://localhost:${backendPort}/`) && !url.startsWith('data:') && !url.startsWith('blob:'));
    expect(foreign).toEqual([]);
  });

  it('creates a practice through the form, checked before saving, without overwriting a namesake', async () => {
    const before = readFileSync(existingFile(), 'utf8');
    await page.goto(`${site.url}/admin/#/collections/practices/new`);
    const title = page.locator('input[id^="title-field"]').first();
    await title.waitFor();
    await title.fill("Médiation à l'école");

    async function choose(field: string, typed: string, option: RegExp) {
      const input = page.locator(`input[id^="${field}-field"]`).first();
      await input.click();
      await input.pressSequentially(typed);
      await page.locator('[class*="-option"]', { hasText: option }).first().click();
    }
    await choose('cities', 'Barcel', /^Barcelona$/);
    await choose('cities', 'Getx', /^Getxo$/);
    await choose('themes', 'Educ', /^Education$/);
    await choose('targetGroups', 'Young', /^Young people$/);
    await page.locator('input[id^="start-field"]').first().fill('2021');
    await choose('end', 'Ongo', /^Ongoing$/);
    await page.locator('textarea[id^="purpose-field"]').first().fill('TODO');
    const parts = {
      stimulus: 'Conflicts in the playground often ended in exclusions.',
      process: 'Teachers trained 40 pupils as mediators over six weeks.',
      results: 'Exclusions fell by a third in one year.',
      transferability: 'A trainer and two hours a week per school.',
    };
    for (const [part, text] of Object.entries(parts)) {
      const editor = page.locator(`label[for^="${part}-field"]`).first().locator('xpath=../..').locator('[data-slate-editor]');
      await editor.click();
      await editor.pressSequentially(text);
    }

    // The content check refuses placeholder text: the CMS says so and writes nothing.
    const publish = async () => {
      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      await page.getByText('Publish now').click();
    };
    await publish();
    await expect(
      page.getByText('English version: purpose still holds placeholder text: one or two sentences on what the practice sets out to do (found "TODO")').waitFor(),
    ).resolves.toBeUndefined();
    expect(readdirSync(join(contentRoot, 'src/content/practices/en')).filter((name) => name.startsWith('mediation'))).toEqual(['mediation-a-l-ecole.md']);

    await page.locator('textarea[id^="purpose-field"]').first().fill('Pupils trained as peer mediators settle conflicts by talking.');
    await publish();
    await page.waitForURL(/#\/collections\/practices\/entries\/mediation-a-l-ecole-2$/);

    const created = join(contentRoot, 'src/content/practices/en/mediation-a-l-ecole-2.md');
    await waitFor(() => existsSync(created), 'the new file');
    expect(readFileSync(existingFile(), 'utf8')).toBe(before);
    const data = parse(readFileSync(created, 'utf8').split('---')[1]!);
    expect(data).toMatchObject({
      title: "Médiation à l'école",
      cities: ['barcelona', 'getxo'],
      themes: ['education'],
      targetGroups: ['youth'],
      period: { start: 2021, end: 'ongoing' },
      purpose: 'Pupils trained as peer mediators settle conflicts by talking.',
      ...parts,
    });
    expect(data.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const stub = parse(readFileSync(join(contentRoot, 'src/content/practices/fr/mediation-a-l-ecole-2.md'), 'utf8').split('---')[1]!);
    expect(Object.keys(stub)).toEqual(['cities', 'themes', 'targetGroups', 'period']);
    expect(checkContent(contentRoot).problems.map(formatProblem)).toEqual([]);
  });

  it('shows the new practice on the rebuilt site', async () => {
    const outDir = join(contentRoot, 'dist');
    await promisify(execFile)(node, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
      cwd: projectRoot,
      env: { ...cleanEnvironment, ICC_CONTENT_DIR: join(contentRoot, 'src/content'), ASTRO_TELEMETRY_DISABLED: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    const html = readFileSync(join(outDir, 'en/practices/mediation-a-l-ecole-2/index.html'), 'utf8');
    expect(html).toMatch(/<h1[^>]*>Médiation à l(&#39;|'|&apos;)école<\/h1>/);
    expect(html).toContain('Pupils trained as peer mediators settle conflicts by talking.');
    expect(existsSync(join(outDir, 'fr/practices/mediation-a-l-ecole-2/index.html'))).toBe(true);
    // A whole build of (a copy of) src/content: a generous second per content file.
  }, budgetFor(readdirSync('src/content', { recursive: true }).length, 1_000));
});

describe('npm run cms', () => {
  let command: ChildProcess | undefined;
  const ports = { content: 0, site: 0 };

  afterAll(async () => {
    // If the test failed half-way: Ctrl-C first (the command stops its servers), then make sure.
    if (command?.pid !== undefined && command.exitCode === null) {
      process.kill(-command.pid, 'SIGINT');
      await new Promise((done) => setTimeout(done, 6000));
    }
    killGroup(command);
    for (const pid of [...processesWith('decap-server/dist/index.js', `PORT=${ports.content}`), ...processesWith(`astro.mjs dev --port ${ports.site}`)]) {
      process.kill(pid, 'SIGKILL');
    }
    // The command wrote the admin for its test ports; write it back for the default one.
    await promisify(execFile)(node, ['scripts/cms/prepare-admin.ts', '--quiet'], { cwd: projectRoot, env: cleanEnvironment });
  });

  it('starts the content server and the site, prints the editor’s address, and Ctrl-C stops both', async () => {
    const [contentPort, sitePort] = [await freePort(), await freePort()];
    Object.assign(ports, { content: contentPort, site: sitePort });
    command = spawn(node, ['scripts/cms/start.ts'], {
      cwd: projectRoot,
      env: { ...cleanEnvironment, DECAP_SERVER_PORT: String(contentPort), CMS_SITE_PORT: String(sitePort), ASTRO_TELEMETRY_DISABLED: '1' },
      detached: true, // like a terminal: Ctrl-C goes to this process group
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    command.stdout!.on('data', (chunk) => (output += chunk));
    command.stderr!.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((done) => command!.once('exit', (code) => done(code)));

    await waitFor(() => output.includes('Editor:'), `"Editor:" in the output of npm run cms:\n${output}`);
    expect(output).toContain(`Editor:  http://localhost:${sitePort}/admin/index.html`);
    const admin = await fetch(`http://localhost:${sitePort}/admin/index.html`, { headers: { accept: 'text/html' } });
    expect(admin.status).toBe(200);
    expect(await admin.text()).toContain('<script src="decap-cms.js"></script>');
    const info = await fetch(`http://127.0.0.1:${contentPort}/api/v1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"info"}' });
    expect(await info.json()).toMatchObject({ type: 'local_fs' });
    expect(processesWith('decap-server/dist/index.js', `PORT=${contentPort}`)).toHaveLength(1);

    process.kill(-command.pid!, 'SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('Stopped the content server and the site.');
    expect(processesWith('decap-server/dist/index.js', `PORT=${contentPort}`)).toEqual([]);
    expect(processesWith(`astro.mjs dev --port ${sitePort}`)).toEqual([]);
    expect(await portOpen(contentPort)).toBe(false);
    expect(await portOpen(sitePort)).toBe(false);
  }, 2 * WAIT_MS);
});
