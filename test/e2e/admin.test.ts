/**
 * The editors' journey in a real browser: the built admin (dist/admin/), served with the host
 * policy of src/lib/security.ts on top of its own <meta> policy (both apply, as on a host that
 * reads _headers), with the guarded local content server writing into a temporary copy of the
 * content, so the repository stays clean. Then `npm run cms` itself: both servers start on
 * 127.0.0.1, every request that is not the editor's is refused, the editor lists, opens and
 * saves a practice (the file is restored afterwards), and Ctrl-C stops both.
 * DECAP_SERVER_PORT sets the local backend's port for the browser test (default 8081);
 * CMS_TEST_CONTENT_PORT, CMS_TEST_SITE_PORT and CMS_TEST_OTHER_PORT the ports of the
 * `npm run cms` test (default: free ports).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { backendSettings } from '../../src/lib/cms/backend.ts';
import { checkContent } from '../../src/lib/content/check-content.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { RASTER_ACCEPT } from '../../src/lib/media.ts';
import { hostingPolicy, sectionFor } from '../../src/lib/security.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { portOpen, waitFor } from '../helpers/wait.ts';
import { SAMPLES } from '../helpers/images.ts';
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

/**
 * dist/ over HTTP, with the admin's config pointing at this test's local backend and carrying
 * its secret (as `npm run cms` writes it), and, unless `headers` is false, the headers a host
 * sends with hosting/_headers (GitHub Pages sends none).
 */
function serveBuiltSite({ token, headers = true }: { token: string; headers?: boolean }): Promise<{ url: string; server: Server }> {
  const root = resolve('dist');
  const policy = hostingPolicy(backendSettings({ DECAP_SERVER_PORT: String(backendPort) }));
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let path = normalize(join(root, pathname));
    if (!path.startsWith(root)) return void response.writeHead(403).end();
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path)) return void response.writeHead(404).end('Not found');
    const sent: Record<string, string> = { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' };
    if (headers) for (const [name, value] of [...policy.common, ...sectionFor(pathname, policy).headers]) sent[name] = value;
    response.writeHead(200, sent);
    const port = (text: string) => text.replaceAll('localhost:8081', `localhost:${backendPort}`).replaceAll('127.0.0.1:8081', `127.0.0.1:${backendPort}`);
    if (/\/admin\/config\.\w+\.yml$/.test(path)) {
      response.end(port(readFileSync(path, 'utf8')).replace(/^(local_backend:\n  url: .*\n)/m, `$1  token: ${token}\n`));
    } else if (path === join(root, 'admin/index.html')) response.end(port(readFileSync(path, 'utf8')));
    else createReadStream(path).pipe(response);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server })));
}

/** Console messages of a page that report a Content-Security-Policy violation. */
function collectPolicyViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/** Starts the guarded content server (scripts/cms/content-server.ts) for `root`. */
function startContentServer(port: number, root: string, token: string, origins: string[]): ChildProcess {
  return spawn(node, ['scripts/cms/content-server.ts'], {
    env: { ...cleanEnvironment, PORT: String(port), GIT_REPO_DIRECTORY: root, ICC_EDITOR_TOKEN: token, ICC_EDITOR_ORIGINS: origins.join(','), LOG_LEVEL: 'error' },
    detached: true,
    stdio: 'ignore',
  });
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

/** Clicks "Login" when the editor asks (the local backend), then waits for `ready`. */
async function signInIfAsked(page: Page, ready: ReturnType<Page['locator']>) {
  const login = page.getByRole('button', { name: 'Login' });
  await Promise.race([login.waitFor(), ready.waitFor()]);
  if (await login.isVisible()) await login.click();
  await ready.waitFor();
}

describe('the admin, with the local backend', () => {
  let site: { url: string; server: Server };
  let backend: ChildProcess;
  let browser: Browser;
  let page: Page;
  let contentRoot: string;
  let violations: string[];
  const token = randomBytes(32).toString('base64url');
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
    // The documents resources point to: the content check reads them too.
    cpSync('public/documents', join(contentRoot, 'public/documents'), { recursive: true });
    // A practice already named like the one the test creates: the CMS must not overwrite it.
    // Its text is its own (the content check refuses a near-identical copy of another practice).
    const [, front, ...rest] = readFileSync('src/content/practices/en/advisory-council-elected-migrant-members.md', 'utf8').split(/^---$/m);
    const namesake = {
      ...parse(front!),
      title: 'Choirs that welcome newcomers',
      purpose: 'Bring newcomers and long-time residents together in weekly neighbourhood choirs led by volunteer conductors.',
      stimulus: 'Newcomers said they had few places to meet neighbours outside work and school.',
      process: 'The culture office funded twelve choirs in libraries and recruited volunteer conductors.',
      results: 'About 400 singers joined in three years; half of them had arrived in the city recently.',
      transferability: 'Rehearsal rooms, a small fund for sheet music and one coordinator.',
    };
    writeFileSync(existingFile(), `---\n${stringify(namesake)}---${rest.join('---')}`);

    site = await serveBuiltSite({ token });
    backend = startContentServer(backendPort, contentRoot, token, [site.url]);
    browser = await launchBrowser();
    await waitFor(() => portOpen(backendPort), 'the content server');
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1400, height: 1000 } });
    context.setDefaultTimeout(BROWSER_ACTION_MS);
    context.setDefaultNavigationTimeout(BROWSER_ACTION_MS);
    page = await context.newPage();
    violations = collectPolicyViolations(page);
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
    // Nothing loaded from elsewhere (the policy names the git hosts it may connect to, not load from).
    expect(html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')).not.toMatch(/data-pagefind-body|https?:\/\/(?!localhost)/);
    expect(readFileSync('dist/robots.txt', 'utf8')).toContain('Disallow: /admin/');
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${site.url}/admin/`);
    await page.getByRole('button', { name: 'Login' }).click();
    await expect(page.getByText('Advisory council with elected migrant members').first().waitFor()).resolves.toBeUndefined();
    const foreign = requests.filter((url) => !url.startsWith(site.url) && !url.startsWith(`http://localhost:${backendPort}/`) && !url.startsWith('data:') && !url.startsWith('blob:'));
    expect(foreign).toEqual([]);
  });

  it('lists practices by title, with a "New" button whose plus sign every font has', async () => {
    await page.goto(`${site.url}/admin/#/collections/practices`);
    const entries = page.locator('a[href*="/collections/practices/entries/"]');
    await signInIfAsked(page, entries.first());
    const shown = (await entries.allTextContents()).slice(0, 5).map((text) => text.trim());
    const folder = join(contentRoot, 'src/content/practices/en');
    const titles = readdirSync(folder)
      .map((name) => /^title: (.*)$/m.exec(readFileSync(join(folder, name), 'utf8'))![1]!.replace(/^(['"])(.*)\1$/, '$2'))
      .sort((a, b) => a.localeCompare(b, 'en'));
    // Decap lists by file name unless told: the first titles would then start with "advisory-council...", "amadora...".
    for (const [index, text] of shown.entries()) expect(text).toContain(titles[index]);
    const newButton = page.locator('a[href$="/collections/practices/new"]').first();
    expect(await newButton.textContent()).toMatch(/^\+ /);
    expect(await newButton.textContent()).not.toContain('\uFF0B');
  });

  it('keeps the language switch off the list rows on a phone', async () => {
    const phone = await browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 844 } });
    phone.setDefaultTimeout(BROWSER_ACTION_MS);
    const small = await phone.newPage();
    await small.goto(`${site.url}/admin/#/collections/practices`);
    await signInIfAsked(small, small.locator('a[href*="/collections/practices/entries/"]').first());
    // Scrolled into the list, as an editor looking for a practice is.
    const overlaps = await small.evaluate(() => {
      window.scrollTo(0, 600);
      const box = document.querySelector('.icc-language-switch')!.getBoundingClientRect();
      return [...document.querySelectorAll('a[href*="/entries/"], input, textarea, button')].filter((element) => {
        const other = element.getBoundingClientRect();
        return other.width > 0 && box.left < other.right && other.left < box.right && box.top < other.bottom && other.top < box.bottom;
      }).length;
    });
    expect(overlaps).toBe(0);
    await phone.close();
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
    // Only shared fields (Decap's boolean widgets write their false too), which the site skips.
    expect(Object.keys(stub)).toEqual(['cities', 'themes', 'targetGroups', 'period', 'openToStudyVisits', 'openToMentoring']);
    expect(checkContent(contentRoot).problems.map(formatProblem)).toEqual([]);
  });

  it('uploads pictures, and only raster images: the file picker offers nothing else and refuses a script', async () => {
    const onePixelPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    page.setDefaultTimeout(BROWSER_ACTION_MS);
    await page.goto(`${site.url}/admin/#/collections/practices`);
    await page.getByRole('button', { name: 'Media' }).click();
    const picker = page.locator('input[type="file"]').first();
    await picker.waitFor({ state: 'attached' });
    await waitFor(async () => (await picker.getAttribute('accept')) === RASTER_ACCEPT, 'the narrowed file picker');

    const alerts: string[] = [];
    page.on('dialog', (dialog) => {
      alerts.push(dialog.message());
      void dialog.accept();
    });
    await picker.setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') });
    await waitFor(() => alerts.length > 0, 'the refusal');
    expect(alerts).toEqual(['Only PNG, JPEG, WebP, AVIF or GIF pictures can be added: convert the file, then add it again (logo.svg)']);

    await picker.setInputFiles({ name: 'pixel.png', mimeType: 'image/png', buffer: onePixelPng });
    const uploaded = join(contentRoot, 'public/images/pixel.png');
    await waitFor(() => existsSync(uploaded), 'the uploaded picture');
    expect(readFileSync(uploaded).equals(onePixelPng)).toBe(true);
    expect(readdirSync(join(contentRoot, 'public/images'))).toEqual(['pixel.png']);
    await page.keyboard.press('Escape');
  }, 2 * WAIT_MS);

  it('ran under its <meta> policy and the host\'s header policy at once, without a violation', async () => {
    const response = await page.request.get(`${site.url}/admin/`);
    expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(await response.text()).toContain('<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; script-src \'self\' \'unsafe-eval\'');
    expect(violations).toEqual([]);
  });

  it('cannot be framed: the header stops it, and where a host sends none the editor refuses to start', async () => {
    const bare = await serveBuiltSite({ token, headers: false });
    // Another origin (localhost rather than 127.0.0.1) frames the editor.
    const attacker = createServer((request, response) => {
      const target = new URL(request.url ?? '/', 'http://x').searchParams.get('frame') ?? '';
      response.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><iframe src="${target}/admin/" width="900" height="600"></iframe>`);
    });
    await new Promise<void>((done) => attacker.listen(0, '127.0.0.1', done));
    const attackerUrl = `http://localhost:${(attacker.address() as AddressInfo).port}/`;
    try {
      for (const [url, headers] of [[site.url, true], [bare.url, false]] as const) {
        const framing = await browser.newPage();
        await framing.goto(`${attackerUrl}?frame=${encodeURIComponent(url)}`);
        const frame = () => framing.frames()[1];
        if (headers) {
          // frame-ancestors 'none': the browser shows its error page instead of the editor.
          await waitFor(() => frame()?.url().startsWith('chrome-error:') ?? false, 'the refused frame');
        } else {
          await expect(frame()!.getByText('The editor does not open inside another page').waitFor()).resolves.toBeUndefined();
          expect(await frame()!.getByRole('button', { name: 'Login' }).count()).toBe(0);
        }
        await framing.close();
      }
    } finally {
      await new Promise((done) => bare.server.close(done));
      await new Promise((done) => attacker.close(done));
    }
  }, 2 * WAIT_MS);

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

/** A raw request to the content server: Host, Origin and the secret set (or left out) by hand. */
function postToContentServer(
  port: number,
  { host = `localhost:${port}`, origin, token, body, method = 'POST' }: { host?: string; origin?: string; token?: string; body: unknown; method?: string },
): Promise<{ status: number; json: { error?: string } & Record<string, unknown>; headers: Record<string, string | string[] | undefined> }> {
  const payload = JSON.stringify(body);
  const headers: Record<string, string> = { host, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) };
  if (origin) headers.origin = origin;
  if (token) headers['x-icc-editor-token'] = token;
  return new Promise((done, fail) => {
    const request = httpRequest({ host: '127.0.0.1', port, path: '/api/v1', method, headers, setHost: false }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => done({ status: response.statusCode ?? 0, json: text ? JSON.parse(text) : {}, headers: response.headers }));
    });
    request.on('error', fail);
    request.end(payload);
  });
}

/** Every file (with its content) and folder (null) under the folders the editor may write, to put back after the test. */
function snapshot(folders: string[]): Map<string, Buffer | null> {
  const entries = new Map<string, Buffer | null>();
  const visit = (folder: string) => {
    if (!existsSync(folder)) return;
    entries.set(folder, null);
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) visit(path);
      else entries.set(path, readFileSync(path));
    }
  };
  folders.forEach(visit);
  return entries;
}

function restore(saved: Map<string, Buffer | null>, folders: string[]) {
  const now = [...snapshot(folders)].sort(([a], [b]) => b.length - a.length); // files and sub-folders before their folders
  for (const [path, content] of now) {
    const before = saved.get(path);
    if (before === undefined) rmSync(path, { recursive: true, force: true });
    else if (before !== null && content !== null && !before.equals(content)) writeFileSync(path, before);
  }
  for (const [path, content] of saved) if (content !== null && !existsSync(path)) writeFileSync(path, content);
}

describe('npm run cms', () => {
  let command: ChildProcess | undefined;
  let browser: Browser | undefined;
  let other: Server | undefined;
  let output = '';
  let exited: Promise<number | null>;
  const ports = { content: 0, site: 0, other: 0 };
  const editor = () => `http://localhost:${ports.site}`;
  const written = ['src/content', 'public/images'].map((folder) => join(projectRoot, folder));
  let saved: Map<string, Buffer | null>;
  const protectedFiles = ['astro.config.mjs', 'package.json'].map((name) => [name, readFileSync(join(projectRoot, name))] as const);
  /** The secret of this run, read where the editor reads it. */
  const token = () => /^ {2}token: (\S+)$/m.exec(readFileSync(join(projectRoot, 'public/admin/config.en.yml'), 'utf8'))?.[1] ?? '';
  const info = { action: 'info' };

  beforeAll(async () => {
    const port = async (variable: string) => Number(process.env[variable] ?? (await freePort()));
    Object.assign(ports, { content: await port('CMS_TEST_CONTENT_PORT'), site: await port('CMS_TEST_SITE_PORT'), other: await port('CMS_TEST_OTHER_PORT') });
    saved = snapshot(written);
    command = spawn(node, ['scripts/cms/start.ts'], {
      cwd: projectRoot,
      env: { ...cleanEnvironment, DECAP_SERVER_PORT: String(ports.content), CMS_SITE_PORT: String(ports.site), ASTRO_TELEMETRY_DISABLED: '1' },
      detached: true, // like a terminal: Ctrl-C goes to this process group
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    command.stdout!.on('data', (chunk) => (output += chunk));
    command.stderr!.on('data', (chunk) => (output += chunk));
    exited = new Promise<number | null>((done) => command!.once('exit', (code) => done(code)));
    await waitFor(() => output.includes('Editor:'), `"Editor:" in the output of npm run cms:\n${output}`);
  }, 2 * WAIT_MS);

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => (other ? other.close(done) : done(undefined)));
    // If the test failed half-way: Ctrl-C first (the command stops its servers), then make sure.
    if (command?.pid !== undefined && command.exitCode === null) {
      process.kill(-command.pid, 'SIGINT');
      await Promise.race([exited, new Promise((done) => setTimeout(done, 6000))]);
    }
    killGroup(command);
    for (const pid of [...processesWith('scripts/cms/content-server.ts', `PORT=${ports.content}`), ...processesWith(`astro.mjs dev --host 127.0.0.1 --port ${ports.site}`)]) {
      process.kill(pid, 'SIGKILL');
    }
    // Whatever the editor saved goes back as it was.
    if (saved) restore(saved, written);
    // The command wrote the admin for its test ports and secret; write it back for the default one.
    await promisify(execFile)(node, ['scripts/cms/prepare-admin.ts', '--quiet'], { cwd: projectRoot, env: cleanEnvironment });
  });

  it('starts the content server and the site on 127.0.0.1 only and prints the editor’s address', async () => {
    expect(output).toContain(`Editor:  http://localhost:${ports.site}/admin/index.html`);
    const admin = await fetch(`${editor()}/admin/index.html`, { headers: { accept: 'text/html' } });
    expect(admin.status).toBe(200);
    expect(await admin.text()).toContain('<script src="decap-cms.js"></script>');
    expect(token()).toMatch(/^[\w-]{43}$/);
    const answer = await postToContentServer(ports.content, { origin: editor(), token: token(), body: info });
    expect(answer).toMatchObject({ status: 200, json: { type: 'local_fs' } });
    expect(answer.headers['access-control-allow-origin']).toBe(editor());
    expect(processesWith('scripts/cms/content-server.ts', `PORT=${ports.content}`)).toHaveLength(1);
    // Nothing listens on the other addresses of the machine.
    const listening = readFileSync('/proc/net/tcp', 'utf8') + (existsSync('/proc/net/tcp6') ? readFileSync('/proc/net/tcp6', 'utf8') : '');
    for (const port of [ports.content, ports.site]) {
      const hex = port.toString(16).toUpperCase().padStart(4, '0');
      const addresses = [...listening.matchAll(new RegExp(`^\\s*\\d+: ([0-9A-F]+):${hex} [0-9A-F]+:0000 0A`, 'gm'))].map((match) => match[1]);
      expect(addresses, `listening addresses of port ${port}`).toEqual(['0100007F']);
    }
  }, 2 * WAIT_MS);

  it('refuses every request that is not the editor’s, naming why', async () => {
    const good = { origin: editor(), token: token() };
    const refusal = async (request: Parameters<typeof postToContentServer>[1]) => {
      const answer = await postToContentServer(ports.content, request);
      return `${answer.status} ${answer.json.error}`;
    };
    const editorList = `http://localhost:${ports.site} or http://127.0.0.1:${ports.site}`;
    expect(await refusal({ ...good, origin: `http://localhost:${ports.other}`, body: info })).toBe(
      `403 Refused: the origin "http://localhost:${ports.other}" is not the editor (${editorList}): open the editor at the address "npm run cms" printed`,
    );
    expect(await refusal({ ...good, host: `attacker.example:${ports.content}`, body: info })).toBe(
      `403 Refused: the Host "attacker.example:${ports.content}" is not this server (expected 127.0.0.1:${ports.content} or localhost:${ports.content}): open the editor at the address "npm run cms" printed`,
    );
    expect(await refusal({ origin: editor(), body: info })).toBe(
      '403 Refused: no X-ICC-Editor-Token: reload the editor from the address this run of "npm run cms" printed (the secret changes each run)',
    );
    expect(await refusal({ origin: editor(), token: randomBytes(32).toString('base64url'), body: info })).toBe(
      '403 Refused: a wrong X-ICC-Editor-Token: reload the editor from the address this run of "npm run cms" printed (the secret changes each run)',
    );
    const outside = 'is outside the content folders: the editor reads and writes only the content folders (src/content/<collection>/, .md, .yaml) and public/images/ (PNG, JPEG, WebP, AVIF or GIF images)';
    const persist = (path: string) => ({
      action: 'persistEntry',
      params: { branch: 'main', dataFiles: [{ slug: 'x', path, raw: 'export default {};\n' }], assets: [], options: { commitMessage: 'x', useWorkflow: false, status: '' } },
    });
    expect(await refusal({ ...good, body: persist('astro.config.mjs') })).toBe(`403 Refused: "astro.config.mjs" ${outside}`);
    expect(await refusal({ ...good, body: persist('scripts/cms/start.ts') })).toBe(`403 Refused: "scripts/cms/start.ts" ${outside}`);
    expect(await refusal({ ...good, body: persist('src/content/practices/../../../package.json') })).toBe(
      '403 Refused: "src/content/practices/../../../package.json" contains "..", "." or an empty part: name the file directly',
    );
    expect(await refusal({ ...good, body: { action: 'getEntry', params: { branch: 'main', path: 'package.json' } } })).toBe(`403 Refused: "package.json" ${outside}`);
    const upload = (path: string, content: string | Uint8Array) => ({
      action: 'persistMedia',
      params: { branch: 'main', asset: { path, content: Buffer.from(content).toString('base64'), encoding: 'base64' }, options: { commitMessage: 'x' } },
    });
    const onlyImages = 'only PNG, JPEG, WebP, AVIF or GIF images may be in public/images/: remove it or convert it';
    expect(await refusal({ ...good, body: upload('public/images/x.js', 'alert(document.domain)') })).toBe(`403 Refused: "public/images/x.js" is a ".js" file: ${onlyImages}`);
    expect(await refusal({ ...good, body: upload('public/images/evil.html', '<script src="/images/x.js"></script>') })).toBe(`403 Refused: "public/images/evil.html" is a ".html" file: ${onlyImages}`);
    expect(await refusal({ ...good, body: upload('public/images/logo.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>') })).toBe(`403 Refused: "public/images/logo.svg" is a ".svg" file: ${onlyImages}`);
    // What the refusals would have written is not there, and what they would have replaced is intact.
    for (const name of ['x.js', 'evil.html', 'logo.svg']) expect(existsSync(join(projectRoot, 'public/images', name))).toBe(false);
    for (const [name, content] of protectedFiles) expect(readFileSync(join(projectRoot, name)).equals(content), name).toBe(true);
    // A picture is still accepted.
    const picture = await postToContentServer(ports.content, { ...good, body: upload('public/images/practices/icc-test-picture.png', SAMPLES.png) });
    expect(picture.status).toBe(200);
    expect(existsSync(join(projectRoot, 'public/images/practices/icc-test-picture.png'))).toBe(true);
  }, 2 * WAIT_MS);

  it('gives a page on another localhost port neither the secret nor the server', async () => {
    other = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>other</title>'));
    await new Promise<void>((done) => other!.listen(ports.other, '127.0.0.1', done));
    browser = await launchBrowser();
    const attacker = await browser.newPage();
    await attacker.goto(`http://localhost:${ports.other}/`);
    const attempts = await attacker.evaluate(
      async ({ site, content }) => {
        const attempt = async (run: () => Promise<Response>) => {
          try {
            return `read ${(await run()).status}`;
          } catch (error) {
            return `blocked (${(error as Error).name})`;
          }
        };
        return {
          config: await attempt(() => fetch(`${site}/admin/config.en.yml`)),
          server: await attempt(() =>
            fetch(`${content}/api/v1`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-icc-editor-token': 'guess' }, body: '{"action":"info"}' }),
          ),
        };
      },
      { site: editor(), content: `http://localhost:${ports.content}` },
    );
    expect(attempts).toEqual({ config: 'blocked (TypeError)', server: 'blocked (TypeError)' });
    // DNS rebinding: a name the attacker points at 127.0.0.1 is not a Host the site or the server answers.
    const rebound = await new Promise<number>((done, fail) =>
      httpRequest({ host: '127.0.0.1', port: ports.site, path: '/admin/config.en.yml', headers: { host: `attacker.example:${ports.site}` }, setHost: false }, (response) => {
        response.resume();
        done(response.statusCode ?? 0);
      })
        .on('error', fail)
        .end(),
    );
    expect(rebound).toBe(403);
  }, 2 * WAIT_MS);

  it('still lets the editor list, open and save a practice', async () => {
    const slug = readdirSync(join(projectRoot, 'src/content/practices/en')).sort()[0]!.replace(/\.md$/, '');
    const file = join(projectRoot, 'src/content/practices/en', `${slug}.md`);
    const title = /^title: (.*)$/m.exec(readFileSync(file, 'utf8'))![1]!.replace(/^["']|["']$/g, '');
    const page = await (await browser!.newContext({ locale: 'en-GB', viewport: { width: 1400, height: 1000 } })).newPage();
    page.setDefaultTimeout(BROWSER_ACTION_MS); // a busy machine: no step may fail for being slow
    const violations = collectPolicyViolations(page);
    await page.goto(`${editor()}/admin/index.html`);
    await page.getByRole('button', { name: 'Login' }).click();
    await page.getByText(title).first().waitFor({ timeout: BROWSER_ACTION_MS });
    await page.getByText(title).first().click();
    await page.waitForURL(new RegExp(`#/collections/practices/entries/${slug}$`));
    const purpose = page.locator('textarea[id^="purpose-field"]').first();
    await purpose.waitFor();
    const sentence = `Saved by the npm run cms test ${randomBytes(4).toString('hex')}.`;
    await purpose.fill(sentence);
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('Publish now').click();
    await waitFor(() => readFileSync(file, 'utf8').includes(sentence), `the saved purpose in ${file}`);
    // Back as it was at once: other test files read the content meanwhile.
    restore(saved, written);
    expect(violations).toEqual([]);
    await page.close();
  }, 2 * WAIT_MS);

  it('stops both servers on Ctrl-C', async () => {
    process.kill(-command!.pid!, 'SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('Stopped the content server and the site.');
    expect(processesWith('scripts/cms/content-server.ts', `PORT=${ports.content}`)).toEqual([]);
    expect(processesWith(`astro.mjs dev --host 127.0.0.1 --port ${ports.site}`)).toEqual([]);
    expect(await portOpen(ports.content)).toBe(false);
    expect(await portOpen(ports.site)).toBe(false);
  }, 2 * WAIT_MS);
});
