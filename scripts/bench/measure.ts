/**
 * Measuring helpers for the scale benchmark: running a build step with its wall time and peak
 * memory, reading Astro's log, sizing files, and summarising a V8 CPU profile.
 */
import { isLang } from '../../src/lib/languages.ts';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export const TIME_BINARY = '/usr/bin/time';

export interface StepResult {
  command: string;
  ms: number;
  exitCode: number;
  /** Largest single-process resident set (GNU time's "Maximum resident set size"), bytes. */
  maxRss?: number;
  /** Largest sum of the resident sets of the whole process tree, sampled every 200 ms, bytes. */
  treePeakRss: number;
  /** CPU time (user + system) of the step, ms, from GNU time. */
  cpuMs?: number;
  /** 1-minute load average when the step started (other work on the machine skews wall times). */
  loadBefore: number;
  log: string;
}

const PAGE_SIZE = 4096;

/** Sum of RSS of `root` and all its descendants, read from /proc. */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return 0;
  }
  const rss = new Map<number, number>();
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name, which is in parentheses and may hold spaces.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(name);
      const ppid = Number(fields[1]);
      const list = children.get(ppid);
      if (list) list.push(pid);
      else children.set(ppid, [pid]);
      rss.set(pid, Number(fields[21]) * PAGE_SIZE);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    total += rss.get(pid) ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Process group of the step running now (each step runs in its own group). */
let activeGroup: number | undefined;

/** Stops the running step and everything it started (on Ctrl-C or SIGTERM of the benchmark). */
export function killActiveStep() {
  if (activeGroup === undefined) return;
  try {
    process.kill(-activeGroup, 'SIGTERM');
  } catch {
    // already gone
  }
}

/** Runs `command` with sh, logging to `logFile`; measures wall time and peak memory. */
export function runStep(command: string, env: NodeJS.ProcessEnv, logFile: string, cwd: string): Promise<StepResult> {
  // The files the previous step wrote (a cold build writes about 1 GB) are put on the disk first,
  // not timed: otherwise the kernel writes them back during this step, and times it too.
  spawnSync('sync');
  const useTime = existsSync(TIME_BINARY);
  const timeFile = `${logFile}.time`;
  const fd = openSync(logFile, 'w');
  const started = performance.now();
  const loadBefore = loadavg()[0]!;
  const child = useTime
    ? spawn(TIME_BINARY, ['-v', '-o', timeFile, 'sh', '-c', command], { cwd, env, stdio: ['ignore', fd, fd], detached: true })
    : spawn('sh', ['-c', command], { cwd, env, stdio: ['ignore', fd, fd], detached: true });
  let treePeakRss = 0;
  const poll = setInterval(() => {
    if (child.pid) treePeakRss = Math.max(treePeakRss, treeRss(child.pid));
  }, 200);
  activeGroup = child.pid;
  return new Promise((resolvePromise) => {
    child.on('close', (code, signal) => {
      clearInterval(poll);
      activeGroup = undefined;
      closeSync(fd);
      const ms = performance.now() - started;
      let maxRss: number | undefined;
      let cpuMs: number | undefined;
      let exitCode = code ?? (signal ? 128 : 1);
      if (useTime && existsSync(timeFile)) {
        const report = readFileSync(timeFile, 'utf8');
        const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
        if (match) maxRss = Number(match[1]) * 1024;
        const user = /User time \(seconds\): ([\d.]+)/.exec(report);
        const system = /System time \(seconds\): ([\d.]+)/.exec(report);
        if (user && system) cpuMs = (Number(user[1]) + Number(system[1])) * 1000;
        const status = /Exit status: (\d+)/.exec(report);
        if (status) exitCode = Number(status[1]);
        if (/Command terminated by signal/.test(report)) exitCode = exitCode || 128;
      }
      resolvePromise({ command, ms, exitCode, maxRss, treePeakRss, cpuMs, loadBefore, log: readFileSync(logFile, 'utf8') });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Astro's log

export interface AstroLog {
  pagesBuilt?: number;
  /** "[build] N page(s) built in X s" */
  reportedSeconds?: number;
  typesSeconds?: number;
  collectSeconds?: number;
  staticRoutesSeconds?: number;
  /** Per-route-family sums of the per-page times Astro prints, in ms. */
  routeFamilies: { family: string; pages: number; ms: number }[];
  /** Slowest individual pages. */
  slowest: { path: string; ms: number }[];
  /** Pages Astro's incremental build copied from the previous build ("(cached)", "(restored)"). */
  reusedPages: number;
  /** Pages rendered (not copied). */
  renderedPages: number;
  /** The page-weight check inside the build (src/integrations/page-budgets.ts). */
  budgetsSeconds?: number;
  /** The search index of each language (src/integrations/search-index.ts): indexed, or reused unchanged. */
  searchIndex: { lang: string; seconds: number; reused: boolean }[];
}

/** "/en/practices/x/index.html" → "practices/[slug]" (language folded). */
export function routeFamily(path: string): string {
  const parts = path.replace(/\/index\.html$|\.html$/, '').split('/').filter(Boolean);
  const [lang, first, second, third] = parts;
  if (!lang) return '/';
  // Files outside the language folders: /data/x.json stays itself, /cards/en/practice/x.png is "cards/[…]".
  if (!isLang(lang)) return parts.length > 2 ? `${lang}/[…]` : parts.join('/');
  if (!first) return '[lang] home';
  if (first === 'practices' && second && ['page', 'for', 'country', 'theme', 'city', 'network'].includes(second)) return `practices/${second}/[x]`;
  if (second) return third ? `${first}/[x]/${third}` : `${first}/[x]`;
  return first;
}

/** Astro writes durations as "906ms", "3.95s" or "2m 29s". */
const DURATION = String.raw`((?:\d+m\s*)?\d+(?:\.\d+)?(?:ms|s))`;
function seconds(duration: string | undefined): number | undefined {
  const match = duration && /^(?:(\d+)m\s*)?(\d+(?:\.\d+)?)(ms|s)$/.exec(duration);
  if (!match) return undefined;
  return Number(match[1] ?? 0) * 60 + Number(match[2]) / (match[3] === 'ms' ? 1000 : 1);
}

export function parseAstroLog(coloured: string): AstroLog {
  // eslint-disable-next-line no-control-regex
  const log = coloured.replace(/\x1b\[[0-9;]*m/g, '');
  const number = (pattern: RegExp) => {
    const match = pattern.exec(log);
    return match ? Number(match[1]) : undefined;
  };
  const duration = (pattern: string) => seconds(new RegExp(pattern).exec(log)?.[1]);
  const families = new Map<string, { pages: number; ms: number }>();
  const pages: { path: string; ms: number }[] = [];
  for (const match of log.matchAll(/[├└]─ (\S+) \(\+(\d+(?:\.\d+)?)(ms|s)\)/g)) {
    const ms = Number(match[2]) * (match[3] === 's' ? 1000 : 1);
    const family = routeFamily(match[1]!);
    const entry = families.get(family) ?? { pages: 0, ms: 0 };
    entry.pages++;
    entry.ms += ms;
    families.set(family, entry);
    pages.push({ path: match[1]!, ms });
  }
  const staticRoutes = log.indexOf('generating static routes');
  return {
    pagesBuilt: number(/(\d+) page\(s\) built in/),
    reportedSeconds: duration(String.raw`page\(s\) built in ${DURATION}`),
    typesSeconds: duration(String.raw`\[types\] Generated ${DURATION}`),
    collectSeconds: duration(String.raw`Collecting build info\.\.\.\s*\n.*?✓ Completed in ${DURATION}\.`),
    staticRoutesSeconds: staticRoutes < 0 ? undefined : seconds(new RegExp(String.raw`✓ Completed in ${DURATION}\.`).exec(log.slice(staticRoutes))?.[1]),
    routeFamilies: [...families.entries()]
      .map(([family, value]) => ({ family, ...value }))
      .sort((a, b) => b.ms - a.ms),
    slowest: pages.sort((a, b) => b.ms - a.ms).slice(0, 8),
    reusedPages: (log.match(/\((?:cached|restored)\)/g) ?? []).length,
    // A copied page is marked at once; a rendered one gets its time later, after other pages' names.
    renderedPages: [...log.matchAll(/[├└]─ \S+( \((?:cached|restored)\))?/g)].filter((match) => !match[1]).length,
    budgetsSeconds: number(/budgets checked in ([\d.]+) s/),
    searchIndex: [
      ...log.matchAll(/\b([a-z]{2,3}): (?:\d+ pages, \d+ words, \d+ filters indexed|no page changed for the search since the last build, its index was reused) in ([\d.]+) s/g),
    ].map((match) => ({ lang: match[1]!, seconds: Number(match[2]), reused: match[0].includes('reused') })),
  };
}

/** Pagefind's counts from its log; summed when the log holds several runs (one per language). */
/**
 * What Pagefind indexed, from its CLI output ("Indexed 204 pages") or from the lines the build's
 * search-index integration prints ("en: 204 pages, 3504 words, 7 filters indexed in 0.40 s").
 */
export function parsePagefindLog(log: string) {
  const integration = [...log.matchAll(/\b[a-z]{2}: (\d+) pages, (\d+) words, (\d+) filters indexed in ([\d.]+) s/g)];
  if (integration.length > 0) {
    const sum = (group: number) => integration.reduce((total, match) => total + Number(match[group]), 0);
    return { pages: sum(1), words: sum(2), filters: sum(3), languages: integration.length, seconds: sum(4) };
  }
  const number = (pattern: RegExp) => {
    const matches = [...log.matchAll(new RegExp(pattern.source, 'g'))];
    return matches.length > 0 ? matches.reduce((sum, match) => sum + Number(match[1]), 0) : undefined;
  };
  return {
    pages: number(/Indexed (\d+) pages?/),
    words: number(/Indexed (\d+) words?/),
    filters: number(/Indexed (\d+) filters?/),
    languages: number(/Indexed (\d+) languages?/),
    seconds: undefined as number | undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// Files

export function walk(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

export interface TreeSize {
  files: number;
  bytes: number;
}

export function treeSize(files: readonly string[]): TreeSize {
  return { files: files.length, bytes: files.reduce((sum, file) => sum + statSync(file).size, 0) };
}

export const gzipBytes = (data: Buffer | string) => gzipSync(data, { level: 9 }).length;

export interface PageWeight {
  path: string;
  html: { raw: number; gzip: number };
  css: { files: string[]; raw: number; gzip: number };
  js: { files: string[]; raw: number; gzip: number };
}

/** A page's own HTML plus the stylesheets and scripts it links (inline ones are in the HTML). */
export function pageWeight(outDir: string, path: string): PageWeight {
  const html = readFileSync(join(outDir, path));
  const text = html.toString('utf8');
  const attribute = (tag: string, name: string) => new RegExp(`\\s${name}=["']?([^"'\\s>]+)`).exec(tag)?.[1];
  const local = (href: string | undefined) => (href && href.startsWith('/') && !href.startsWith('//') ? href : undefined);
  const css = new Set<string>();
  const js = new Set<string>();
  for (const [tag] of text.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attribute(tag, 'rel');
    const href = local(attribute(tag, 'href'));
    if (!href) continue;
    if (rel === 'stylesheet') css.add(href);
    if (rel === 'modulepreload') js.add(href);
  }
  for (const [tag] of text.matchAll(/<script\b[^>]*>/gi)) {
    const src = local(attribute(tag, 'src'));
    if (src) js.add(src);
  }
  const sum = (files: Set<string>) => {
    const buffers = [...files].map((file) => readFileSync(join(outDir, decodeURIComponent(file.split(/[?#]/)[0]!))));
    return {
      files: [...files],
      raw: buffers.reduce((total, buffer) => total + buffer.length, 0),
      gzip: buffers.reduce((total, buffer) => total + gzipBytes(buffer), 0),
    };
  };
  return { path, html: { raw: html.length, gzip: gzipBytes(html) }, css: sum(css), js: sum(js) };
}

// ---------------------------------------------------------------------------------------------
// CPU profiles

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  functions: { name: string; ms: number }[];
  modules: { name: string; ms: number }[];
}

/** Groups a script URL by package (node_modules/<pkg>) or project file. */
function moduleOf(url: string, root: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const path = url.replace(/^file:\/\//, '');
  const nodeModules = path.lastIndexOf('node_modules/');
  if (nodeModules >= 0) {
    const rest = path.slice(nodeModules + 'node_modules/'.length).split('/');
    return `npm:${rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`;
  }
  if (path.startsWith('node:')) return path;
  const inside = relative(root, path).split(sep).join('/');
  // Astro bundles the site's own code (pages, components, src/lib) into hashed chunks of the output.
  const chunk = /\.prerender\/(?:chunks\/)?([^/]+?)(?:[_.][\w-]{8})?\.mjs$/.exec(inside);
  if (chunk) return `site bundle: ${chunk[1]}`;
  return inside.startsWith('..') ? path : inside;
}

/** Self time per function and per module over every profile in `directory`. */
export function summarizeProfiles(directory: string, root: string): ProfileSummary {
  const functions = new Map<string, number>();
  const modules = new Map<string, number>();
  let total = 0;
  for (const file of walk(directory).filter((name) => name.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    profile.samples.forEach((id, index) => {
      const delta = (profile.timeDeltas[index] ?? 0) / 1000;
      const node = byId.get(id);
      if (!node) return;
      total += delta;
      const { functionName, url, lineNumber } = node.callFrame;
      const module = moduleOf(url, root, functionName);
      const name = `${functionName || '(anonymous)'} ${module}${url ? `:${lineNumber + 1}` : ''}`;
      functions.set(name, (functions.get(name) ?? 0) + delta);
      modules.set(module, (modules.get(module) ?? 0) + delta);
    });
  }
  const top = (map: Map<string, number>, count: number) =>
    [...map.entries()].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms).slice(0, count);
  return { totalMs: total, functions: top(functions, 20), modules: top(modules, 15) };
}
