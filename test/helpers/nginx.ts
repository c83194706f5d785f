/**
 * A real nginx for tests: runs a `server { }` (src/lib/nginx-site.ts) in its own process group on
 * 127.0.0.1, with every file it writes in a temporary folder, and stops it. It waits for the port
 * by asking until nginx answers, never by a fixed delay. `npm test` installs nginx first
 * (scripts/ensure-nginx.sh); without it, starting fails with what to install.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function findNginx(): string {
  const onPath = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).stdout.trim();
  const found = [process.env.NGINX_PATH, '/usr/sbin/nginx', onPath].find((path) => path && existsSync(path));
  if (!found) throw new Error('nginx was not found: run "bash scripts/ensure-nginx.sh" (installs Debian\'s nginx as root) or set NGINX_PATH');
  return found;
}

/** The first port of [from, to] nobody listens on (this helper's range: 4500-4599). */
export async function freePort(from = 4500, to = 4599): Promise<number> {
  for (let port = from; port <= to; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer().once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port from ${from} to ${to}`);
}

export interface Answer {
  status: number;
  /** Raw header lines, lower-case names, so a header sent twice shows twice. */
  headers: [string, string][];
  body: Buffer;
  /** Every value of one header. */
  all(name: string): string[];
  one(name: string): string | undefined;
}

/** A GET with exactly the headers given (fetch would add Accept-Encoding and decompress). */
export function get(base: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { headers: { 'accept-encoding': 'identity', ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const raw = response.rawHeaders;
        const pairs: [string, string][] = [];
        for (let index = 0; index < raw.length; index += 2) pairs.push([raw[index]!.toLowerCase(), raw[index + 1]!]);
        const all = (name: string) => pairs.filter(([key]) => key === name).map(([, value]) => value);
        resolve({ status: response.statusCode ?? 0, headers: pairs, body: Buffer.concat(chunks), all, one: (name) => all(name)[0] });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

export interface RunningNginx {
  url: string;
  /** nginx's error log so far (for failure messages). */
  log(): string;
  stop(): Promise<void>;
}

/** Starts nginx with `server` (a server block listening on 127.0.0.1:port) and waits until it answers. */
export async function startNginx(server: string, port: number): Promise<RunningNginx> {
  const binary = findNginx();
  const prefix = mkdtempSync(join(tmpdir(), 'icc-nginx-'));
  const errorLog = join(prefix, 'error.log');
  writeFileSync(join(prefix, 'site.conf'), server);
  writeFileSync(
    join(prefix, 'nginx.conf'),
    [
      // Only what a test run needs beside the server block: files in the temporary folder.
      // Started as root, nginx's workers would become "nobody", who may not read a clone under /root.
      ...(process.getuid?.() === 0 ? ['user root;'] : []),
      'worker_processes 1;',
      `pid ${join(prefix, 'nginx.pid')};`,
      `error_log ${errorLog} warn;`,
      'events { worker_connections 64; }',
      'http {',
      '    default_type application/octet-stream;',
      '    access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `    ${kind}_temp_path ${join(prefix, `${kind}-temp`)};`),
      `    include ${join(prefix, 'site.conf')};`,
      '}',
      '',
    ].join('\n'),
  );
  const check = spawnSync(binary, ['-t', '-p', prefix, '-c', join(prefix, 'nginx.conf')], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx refused the configuration:\n${check.stderr}`);
  const child: ChildProcess = spawn(binary, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-g', 'daemon off;'], { detached: true, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const log = () => (existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : '');
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      await exited;
    }
    rmSync(prefix, { recursive: true, force: true });
  };
  // Ask until it answers; give up only if nginx itself has stopped.
  for (;;) {
    if (child.exitCode !== null) {
      const message = log();
      await stop();
      throw new Error(`nginx stopped before answering:\n${message}`);
    }
    try {
      await get(url, '/');
      return { url, log, stop };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
