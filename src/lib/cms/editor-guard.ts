/**
 * The gate in front of the local content server of `npm run cms`. decap-server on its own writes
 * any file of the project for any page on any localhost port, whatever Host the request names
 * (so a web page could rewrite astro.config.mjs, which the dev server then runs). Every request
 * must therefore:
 *   - name this server in its Host header (127.0.0.1:<port> or localhost:<port>: no DNS rebinding);
 *   - come from the editor's own origin (the site started by `npm run cms`), and nothing else;
 *   - carry the secret made for this run (X-ICC-Editor-Token), which reaches the editor only
 *     through its generated config;
 *   - ask for an action the editor uses, on paths inside the content folders (each collection's
 *     folder, with its extension) or the media folder (raster images, made like one), after
 *     resolving links: no "..", absolute path, NUL, backslash or link leading out.
 * Answers listing files are filtered by the same rules, so a link planted in a content folder
 * cannot be read through it either.
 */
import { timingSafeEqual } from 'node:crypto';
import { lstat, realpath } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import { EDITOR_TOKEN_HEADER } from './backend.ts';
import { MAGIC_BYTES_LENGTH, MEDIA_FOLDER, extensionOf, mediaFileProblem } from '../media.ts';

export { EDITOR_TOKEN_HEADER };

/** A collection's folder (from the project root) and the extension of its files ("md", "yaml"). */
export interface ContentFolder {
  folder: string;
  extension: string;
}

export interface GuardOptions {
  /** The project root, the only tree decap-server sees. */
  root: string;
  /** Port of the content server: the only Host accepted is this port on 127.0.0.1 or localhost. */
  port: number;
  /** Origins of the editor, like "http://localhost:4321". */
  editorOrigins: readonly string[];
  /** The secret of this run. */
  token: string;
  contentFolders: readonly ContentFolder[];
  mediaFolder?: string;
}

export type Verdict = { ok: true } | { ok: false; status: 403 | 405 | 422; error: string };

export interface RequestHead {
  method: string;
  headers: Record<string, string | string[] | undefined>;
}

const OK: Verdict = { ok: true };
const refuse = (status: 403 | 405 | 422, error: string): Verdict => ({ ok: false, status, error: `Refused: ${error}` });

/** The actions Decap's editor sends to a local file-system backend. */
export const ALLOWED_ACTIONS = [
  'info',
  'entriesByFolder',
  'entriesByFiles',
  'getEntry',
  'persistEntry',
  'getMedia',
  'getMediaFile',
  'persistMedia',
  'deleteFile',
  'deleteFiles',
  'getDeployPreview',
] as const;

function header(request: RequestHead, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(',') : value;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The origin a browser must be given in Access-Control-Allow-Origin, when it is the editor's. */
export function allowedOrigin(request: RequestHead, options: GuardOptions): string | undefined {
  const origin = header(request, 'origin');
  return origin !== undefined && options.editorOrigins.includes(origin) ? origin : undefined;
}

/** Host, origin, method and secret; for a preflight (OPTIONS), everything but the secret. */
export function checkRequestHead(request: RequestHead, options: GuardOptions): Verdict {
  const host = header(request, 'host')?.toLowerCase();
  const hosts = [`127.0.0.1:${options.port}`, `localhost:${options.port}`];
  if (!host || !hosts.includes(host)) {
    return refuse(403, `the Host "${host ?? ''}" is not this server (expected ${hosts.join(' or ')}): open the editor at the address "npm run cms" printed`);
  }
  const origin = header(request, 'origin');
  if (origin === undefined) {
    return refuse(403, `the request has no Origin: only the editor (${options.editorOrigins.join(' or ')}) may use this server`);
  }
  if (!options.editorOrigins.includes(origin)) {
    return refuse(403, `the origin "${origin}" is not the editor (${options.editorOrigins.join(' or ')}): open the editor at the address "npm run cms" printed`);
  }
  if (request.method === 'OPTIONS') return OK;
  if (request.method !== 'POST') return refuse(405, `${request.method} requests are not accepted: the editor only sends POST`);
  const token = header(request, EDITOR_TOKEN_HEADER);
  if (token === undefined || !sameSecret(token, options.token)) {
    return refuse(403, `${token === undefined ? 'no' : 'a wrong'} ${EDITOR_TOKEN_HEADER}: reload the editor from the address this run of "npm run cms" printed (the secret changes each run)`);
  }
  return OK;
}

type PathKind = 'entry' | 'entry-folder' | 'media' | 'media-folder';

interface Place {
  /** The allowed folder the path lies in, from the root. */
  base: string;
}

function describeAllowed(options: GuardOptions): string {
  const extensions = [...new Set(options.contentFolders.map((folder) => `.${folder.extension}`))].join(', ');
  return `the editor reads and writes only the content folders (src/content/<collection>/, ${extensions}) and ${options.mediaFolder ?? MEDIA_FOLDER}/ (PNG, JPEG, WebP, AVIF or GIF images)`;
}

/** The written form of a path, before looking at the disk. Returns the allowed folder it lies in, or why not. */
function placeOf(path: unknown, kind: PathKind, options: GuardOptions): Place | string {
  if (typeof path !== 'string' || path === '') return 'a path is missing or is not text';
  const shown = JSON.stringify(path.length > 200 ? `${path.slice(0, 200)}…` : path);
  if (/[\0-\x1f\x7f]/.test(path)) return `${shown} contains a control character (NUL, line break...)`;
  if (path.includes('\\')) return `${shown} contains a backslash: paths use "/"`;
  if (path.startsWith('/') || /^[a-z]:/i.test(path)) return `${shown} is absolute: paths start at the project folder`;
  const segments = path.split('/');
  if (segments.some((segment) => segment === '..' || segment === '.' || segment === '')) {
    return `${shown} contains "..", "." or an empty part: name the file directly`;
  }
  const media = options.mediaFolder ?? MEDIA_FOLDER;
  const outside = `${shown} is outside the content folders: ${describeAllowed(options)}`;
  const inside = (folder: string, asFolder: boolean) => (asFolder ? path === folder || path.startsWith(`${folder}/`) : path.startsWith(`${folder}/`));
  switch (kind) {
    case 'entry': {
      const folder = options.contentFolders.find((candidate) => inside(candidate.folder, false));
      if (!folder) return outside;
      if (extensionOf(path) !== folder.extension) return `${shown} is not a .${folder.extension} file: ${folder.folder}/ holds only .${folder.extension} files`;
      return { base: folder.folder };
    }
    case 'entry-folder': {
      const folder = options.contentFolders.find((candidate) => inside(candidate.folder, true));
      return folder ? { base: folder.folder } : outside;
    }
    case 'media': {
      if (!inside(media, false)) return outside;
      const problem = mediaFileProblem(path, new Uint8Array(0), media);
      // The name alone here; the content is checked where there is one.
      if (problem && !problem.startsWith('is named like')) return `${shown} ${problem}`;
      return { base: media };
    }
    case 'media-folder':
      return inside(media, true) ? { base: media } : outside;
  }
}

/** Where `path` really is: links resolved in the part that exists, the rest appended. */
async function realLocation(path: string): Promise<string> {
  const missing: string[] = [];
  let existing = path;
  for (;;) {
    try {
      await lstat(existing);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      const parent = dirname(existing);
      if (parent === existing) throw error;
      missing.unshift(basename(existing));
      existing = parent;
    }
  }
  // A link whose target is missing throws here, and is refused: writing through it would create the target.
  return join(await realpath(existing), ...missing);
}

/** True when `path` (from the root) is, links resolved, inside `base` under the real root. */
async function reallyInside(path: string, base: string, root: string): Promise<boolean> {
  try {
    const realBase = join(await realpath(root), base);
    const real = await realLocation(join(root, path));
    return real === realBase || real.startsWith(realBase + sep);
  } catch {
    return false;
  }
}

async function checkPath(path: unknown, kinds: readonly PathKind[], options: GuardOptions): Promise<string | undefined> {
  let reason = '';
  for (const kind of kinds) {
    const place = placeOf(path, kind, options);
    if (typeof place === 'string') {
      reason ||= place;
      continue;
    }
    if (await reallyInside(path as string, place.base, options.root)) return undefined;
    return `${JSON.stringify(path)} leads out of ${place.base}/ through a link: ${describeAllowed(options)}`;
  }
  return reason;
}

function mediaContentProblem(path: string, content: unknown, encoding: unknown, options: GuardOptions): string | undefined {
  if (typeof content !== 'string' || encoding !== 'base64') return `${JSON.stringify(path)}: the picture must be sent as base64 text`;
  const head = new Uint8Array(Buffer.from(content.slice(0, Math.ceil((MAGIC_BYTES_LENGTH * 4) / 3) + 4), 'base64')).subarray(0, MAGIC_BYTES_LENGTH);
  const problem = mediaFileProblem(path, head, options.mediaFolder ?? MEDIA_FOLDER);
  return problem ? `${JSON.stringify(path)} ${problem}` : undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] | undefined => (Array.isArray(value) ? value : undefined);

/** The action and every path it touches, checked before decap-server sees the request. */
export async function checkRequestBody(body: unknown, options: GuardOptions): Promise<Verdict> {
  if (!isRecord(body) || typeof body.action !== 'string') return refuse(422, 'the request must be JSON with an "action"');
  const action = body.action;
  if (!(ALLOWED_ACTIONS as readonly string[]).includes(action)) {
    return refuse(422, `the action "${action}" is not one the editor uses here (${ALLOWED_ACTIONS.join(', ')})`);
  }
  const params = isRecord(body.params) ? body.params : {};
  const problems: (string | undefined)[] = [];
  const path = async (value: unknown, ...kinds: PathKind[]) => problems.push(await checkPath(value, kinds, options));
  const malformed = (what: string) => problems.push(`${what} must be a list`);

  switch (action) {
    case 'entriesByFolder': {
      await path(params.folder, 'entry-folder');
      const folder = options.contentFolders.find((candidate) => candidate.folder === params.folder || String(params.folder).startsWith(`${candidate.folder}/`));
      if (folder && params.extension !== folder.extension) {
        problems.push(`${folder.folder}/ holds only .${folder.extension} files (asked for ${JSON.stringify(params.extension)})`);
      }
      break;
    }
    case 'entriesByFiles': {
      const files = list(params.files);
      if (!files) malformed('files');
      for (const file of files ?? []) await path(isRecord(file) ? file.path : undefined, 'entry');
      break;
    }
    case 'getEntry':
      await path(params.path, 'entry');
      break;
    case 'persistEntry': {
      const dataFiles = params.dataFiles === undefined ? [params.entry] : list(params.dataFiles);
      if (!dataFiles) malformed('dataFiles');
      if (params.dataFiles !== undefined && params.entry !== undefined) problems.push('send either "entry" or "dataFiles", not both');
      for (const file of dataFiles ?? []) {
        const record = isRecord(file) ? file : {};
        await path(record.path, 'entry');
        if (record.newPath !== undefined) {
          await path(record.newPath, 'entry');
          const folderOf = (value: unknown) => options.contentFolders.find((candidate) => String(value).startsWith(`${candidate.folder}/`))?.folder;
          if (folderOf(record.path) !== folderOf(record.newPath)) problems.push(`${JSON.stringify(record.newPath)}: an entry moves only within its own collection folder`);
        }
      }
      const assets = list(params.assets ?? []);
      if (!assets) malformed('assets');
      for (const asset of assets ?? []) {
        const record = isRecord(asset) ? asset : {};
        await path(record.path, 'media');
        if (typeof record.path === 'string') problems.push(mediaContentProblem(record.path, record.content, record.encoding, options));
      }
      break;
    }
    case 'getMedia':
      await path(params.mediaFolder, 'media-folder');
      break;
    case 'getMediaFile':
      await path(params.path, 'media');
      break;
    case 'persistMedia': {
      const asset = isRecord(params.asset) ? params.asset : {};
      await path(asset.path, 'media');
      if (typeof asset.path === 'string') problems.push(mediaContentProblem(asset.path, asset.content, asset.encoding, options));
      break;
    }
    case 'deleteFile':
      await path(params.path, 'entry', 'media');
      break;
    case 'deleteFiles': {
      const paths = list(params.paths);
      if (!paths) malformed('paths');
      for (const value of paths ?? []) await path(value, 'entry', 'media');
      break;
    }
  }
  const first = problems.find((problem) => problem !== undefined);
  return first === undefined ? OK : refuse(403, first);
}

/**
 * Drops from an answer the files the rules would not let the editor ask for by name: files found
 * by listing a folder (entriesByFolder, getMedia) may be links or stray files.
 */
export async function filterAnswer(action: string, answer: unknown, options: GuardOptions): Promise<unknown> {
  if (!Array.isArray(answer)) return answer;
  if (action === 'entriesByFolder' || action === 'entriesByFiles') {
    const kept = await Promise.all(answer.map(async (item) => isRecord(item) && isRecord(item.file) && (await checkPath(item.file.path, ['entry'], options)) === undefined));
    return answer.filter((_, index) => kept[index]);
  }
  if (action === 'getMedia') {
    const kept = await Promise.all(
      answer.map(async (item) => {
        if (!isRecord(item) || typeof item.path !== 'string') return false;
        if ((await checkPath(item.path, ['media'], options)) !== undefined) return false;
        return mediaContentProblem(item.path, item.content, item.encoding, options) === undefined;
      }),
    );
    return answer.filter((_, index) => kept[index]);
  }
  return answer;
}
