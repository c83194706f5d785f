/**
 * `npm run cms`: local editing in one command. Prepares the admin, starts the local content
 * server (decap-server behind the editor guard: scripts/cms/content-server.ts) and the live site
 * (astro dev), both on 127.0.0.1 only, prints the editor's address, and stops both on Ctrl-C.
 *
 * Each run makes a new secret: the content server requires it on every request, and the editor
 * gets it from its generated config (public/admin/config.*.yml), so a page on another origin,
 * which cannot read that file, cannot use the server.
 *
 * Each server runs in its own process group, so stopping kills everything it started (a server
 * started through npx would otherwise outlive its parent; see ../shared/STACK.md).
 * DECAP_SERVER_PORT (default 8081) and CMS_SITE_PORT (default 4321) change the ports.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createConnection } from 'node:net';
import { join, resolve } from 'node:path';
import { BackendSettingsError, localBackendPort } from '../../src/lib/cms/backend.ts';

const root = resolve(import.meta.dirname, '../..');
const node = process.execPath;

function portFromEnvironment(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    console.error(`${name} must be a port number (found "${process.env[name]}")`);
    process.exit(2);
  }
  return value;
}

let backendPort: number;
try {
  backendPort = localBackendPort(process.env);
} catch (error) {
  console.error(error instanceof BackendSettingsError ? error.message : error);
  process.exit(2);
}
const sitePort = portFromEnvironment('CMS_SITE_PORT', 4321);

function portInUse(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

for (const [port, what, variable] of [
  [backendPort, 'the local content server', 'DECAP_SERVER_PORT'],
  [sitePort, 'the site', 'CMS_SITE_PORT'],
] as const) {
  if (await portInUse(port)) {
    console.error(
      `Port ${port}, needed for ${what}, is already in use: is "npm run cms" already running in another window? ` +
        `Stop it, or choose another port with ${variable}=<port> npm run cms`,
    );
    process.exit(1);
  }
}

const editorToken = randomBytes(32).toString('base64url');
const editorOrigins = [`http://localhost:${sitePort}`, `http://127.0.0.1:${sitePort}`];

// The admin's config must point at the port the content server really uses, with this run's secret.
const prepared = spawnSync(node, [join(root, 'scripts/cms/prepare-admin.ts')], {
  cwd: root,
  stdio: 'inherit',
  // "View live" links in the editor open the local site.
  env: { ...process.env, DECAP_SERVER_PORT: String(backendPort), ICC_EDITOR_TOKEN: editorToken, CMS_SITE_URL: process.env.CMS_SITE_URL ?? `http://localhost:${sitePort}` },
});
if (prepared.status !== 0) process.exit(prepared.status ?? 1);

interface Service {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

const services: Service[] = [];
let stopping = false;

function startService(name: string, args: string[], env: Record<string, string>, echo: (line: string) => void): Service {
  const child = spawn(node, args, {
    cwd: root,
    env: { ...process.env, ...env },
    detached: true, // its own process group: killed as a whole, and Ctrl-C reaches only us
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let pending = '';
  const onData = (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) echo(line);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const service = { name, child, exited };
  services.push(service);
  void exited.then((code) => {
    if (!stopping) {
      console.error(`\n${name} stopped unexpectedly (exit code ${code}); stopping the rest.`);
      void stopAll(1);
    }
  });
  return service;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

async function stopAll(exitCode: number) {
  if (stopping) return;
  stopping = true;
  for (const { child } of services) signalGroup(child, 'SIGTERM');
  const timeout = new Promise((done) => setTimeout(done, 5000));
  await Promise.race([Promise.all(services.map((service) => service.exited)), timeout]);
  for (const { child } of services) {
    // Whatever did not stop in time, and any grandchild left in the group.
    if (child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }
  console.log('Stopped the content server and the site.');
  process.exit(exitCode);
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));
process.on('SIGHUP', () => void stopAll(0));

/** Routine dev-server chatter; content problems, warnings and errors still show. */
const QUIET_SITE_LINES = /\[(?:watch|vite|types|content)\]|use --host to expose|watching for file changes|^\s*┃/;

const siteUrl = `http://localhost:${sitePort}`;
let backendReady = false;
let siteReady = false;

function announce() {
  if (!backendReady || !siteReady) return;
  console.log(
    [
      '',
      '  Editor:  ' + `${siteUrl}/admin/index.html`,
      '  Site:    ' + `${siteUrl}/en/`,
      '',
      '  Changes are saved into this folder (src/content/). Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

startService(
  'The content server',
  [join(root, 'scripts/cms/content-server.ts')],
  {
    PORT: String(backendPort),
    GIT_REPO_DIRECTORY: root,
    ICC_EDITOR_TOKEN: editorToken,
    ICC_EDITOR_ORIGINS: editorOrigins.join(','),
  },
  (line) => {
    if (/listening on/i.test(line)) {
      backendReady = true;
      console.log(line);
      announce();
    } else if (/error|refused/i.test(line)) console.error(line.startsWith('content server:') ? line : `content server: ${line}`);
  },
);

startService(
  'The site (astro dev)',
  [join(root, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(sitePort)],
  { ASTRO_TELEMETRY_DISABLED: '1' },
  (line) => {
    const plain = line.replace(/\x1b\[[0-9;]*m/g, '');
    const local = /Local\s+(http:\/\/\S+?)\/?\s*$/.exec(plain);
    if (local) {
      // The content server accepts only the editor's origin, made from CMS_SITE_PORT.
      if (new URL(local[1]!).port !== String(sitePort)) {
        console.error(`The site started on ${local[1]} instead of port ${sitePort}; stopping (the editor would be refused).`);
        void stopAll(1);
        return;
      }
      siteReady = true;
      announce();
    } else if (plain.trim() !== '' && !QUIET_SITE_LINES.test(plain)) console.log(`site: ${plain.trimEnd()}`);
  },
);
