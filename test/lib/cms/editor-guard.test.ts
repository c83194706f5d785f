import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRequestBody, checkRequestHead, filterAnswer, type GuardOptions } from '../../../src/lib/cms/editor-guard.ts';
import { SAMPLES } from '../../helpers/images.ts';

let root: string;
let options: GuardOptions;
const outsideRoot = mkdtempSync(join(tmpdir(), 'icc-guard-outside-'));

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'icc-guard-'));
  mkdirSync(join(root, 'src/content/practices/en'), { recursive: true });
  mkdirSync(join(root, 'src/content/cities'), { recursive: true });
  mkdirSync(join(root, 'public/images/practices'), { recursive: true });
  writeFileSync(join(root, 'src/content/practices/en/a.md'), '---\ntitle: A\n---\n');
  writeFileSync(join(outsideRoot, 'secret.md'), 'secret');
  symlinkSync(join(outsideRoot, 'secret.md'), join(root, 'src/content/practices/en/linked.md'));
  symlinkSync(outsideRoot, join(root, 'src/content/practices/out'));
  symlinkSync(join(outsideRoot, 'missing.md'), join(root, 'src/content/practices/en/dangling.md'));
  symlinkSync(join(root, 'package.json'), join(root, 'public/images/practices/pkg.png'));
  options = {
    root,
    port: 8400,
    editorOrigins: ['http://localhost:4400', 'http://127.0.0.1:4400'],
    token: 'secret-of-this-run',
    contentFolders: [
      { folder: 'src/content/practices', extension: 'md' },
      { folder: 'src/content/cities', extension: 'yaml' },
    ],
  };
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outsideRoot, { recursive: true, force: true });
});

const editorRequest = (headers: Record<string, string> = {}, method = 'POST') => ({
  method,
  headers: { host: 'localhost:8400', origin: 'http://localhost:4400', 'x-icc-editor-token': 'secret-of-this-run', ...headers },
});
const base64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

describe('the local content server accepts only the editor', () => {
  it('accepts the editor, on either local name', () => {
    expect(checkRequestHead(editorRequest(), options)).toEqual({ ok: true });
    expect(checkRequestHead(editorRequest({ host: '127.0.0.1:8400', origin: 'http://127.0.0.1:4400' }), options)).toEqual({ ok: true });
  });

  it.each([
    [{ host: 'evil.example:8400' }, 'Refused: the Host "evil.example:8400" is not this server (expected 127.0.0.1:8400 or localhost:8400): open the editor at the address "npm run cms" printed'],
    [{ host: 'localhost:8401' }, 'Refused: the Host "localhost:8401" is not this server (expected 127.0.0.1:8400 or localhost:8400): open the editor at the address "npm run cms" printed'],
    [{ origin: 'http://localhost:4419' }, 'Refused: the origin "http://localhost:4419" is not the editor (http://localhost:4400 or http://127.0.0.1:4400): open the editor at the address "npm run cms" printed'],
    [{ origin: 'null' }, 'Refused: the origin "null" is not the editor (http://localhost:4400 or http://127.0.0.1:4400): open the editor at the address "npm run cms" printed'],
    [{ 'x-icc-editor-token': 'guess' }, 'Refused: a wrong X-ICC-Editor-Token: reload the editor from the address this run of "npm run cms" printed (the secret changes each run)'],
    [{ 'x-icc-editor-token': 'secret-of-this-run ' }, 'Refused: a wrong X-ICC-Editor-Token: reload the editor from the address this run of "npm run cms" printed (the secret changes each run)'],
  ])('refuses %o', (headers, error) => {
    expect(checkRequestHead(editorRequest(headers), options)).toEqual({ ok: false, status: 403, error });
  });

  it('refuses a request without Origin or secret, and other methods', () => {
    const { origin: _origin, ...noOrigin } = editorRequest().headers;
    expect(checkRequestHead({ method: 'POST', headers: noOrigin }, options)).toMatchObject({ ok: false, status: 403, error: 'Refused: the request has no Origin: only the editor (http://localhost:4400 or http://127.0.0.1:4400) may use this server' });
    const { 'x-icc-editor-token': _token, ...noToken } = editorRequest().headers;
    expect(checkRequestHead({ method: 'POST', headers: noToken }, options)).toMatchObject({ status: 403, error: expect.stringMatching(/^Refused: no X-ICC-Editor-Token: /) });
    expect(checkRequestHead(editorRequest({}, 'PUT'), options)).toMatchObject({ status: 405, error: 'Refused: PUT requests are not accepted: the editor only sends POST' });
  });

  it('answers a preflight from the editor without the secret (browsers send none), but not one from another page', () => {
    expect(checkRequestHead({ method: 'OPTIONS', headers: { host: 'localhost:8400', origin: 'http://localhost:4400' } }, options)).toEqual({ ok: true });
    expect(checkRequestHead({ method: 'OPTIONS', headers: { host: 'localhost:8400', origin: 'http://localhost:3000' } }, options)).toMatchObject({ ok: false });
  });
});

describe('the local content server touches only content and pictures', () => {
  const outside = 'is outside the content folders: the editor reads and writes only the content folders (src/content/<collection>/, .md, .yaml) and public/images/ (PNG, JPEG, WebP, AVIF or GIF images)';
  const persist = (path: string, extra: Record<string, unknown> = {}) => ({
    action: 'persistEntry',
    params: { branch: 'main', dataFiles: [{ slug: 'x', path, raw: 'x', ...extra }], assets: [], options: { commitMessage: 'x', useWorkflow: false, status: '' } },
  });

  it.each([
    { action: 'info' },
    { action: 'entriesByFolder', params: { branch: 'main', folder: 'src/content/practices', extension: 'md', depth: 2 } },
    { action: 'entriesByFiles', params: { branch: 'main', files: [{ path: 'src/content/cities/bilbao.yaml' }] } },
    { action: 'getEntry', params: { branch: 'main', path: 'src/content/practices/fr/new.md' } },
    persist('src/content/practices/en/a.md'),
    persist('src/content/practices/en/a.md', { newPath: 'src/content/practices/en/b.md' }),
    { action: 'getMedia', params: { branch: 'main', mediaFolder: 'public/images/practices' } },
    { action: 'persistMedia', params: { branch: 'main', asset: { path: 'public/images/practices/p.png', content: base64(SAMPLES.png), encoding: 'base64' }, options: { commitMessage: 'x' } } },
    { action: 'deleteFile', params: { branch: 'main', path: 'public/images/practices/p.png', options: { commitMessage: 'x' } } },
    { action: 'deleteFiles', params: { branch: 'main', paths: ['src/content/practices/en/a.md', 'src/content/practices/fr/a.md'], options: { commitMessage: 'x' } } },
  ])('lets the editor $action', async (body) => {
    expect(await checkRequestBody(body, options)).toEqual({ ok: true });
  });

  it.each([
    ['astro.config.mjs', `"astro.config.mjs" ${outside}`],
    ['package.json', `"package.json" ${outside}`],
    ['scripts/cms/start.ts', `"scripts/cms/start.ts" ${outside}`],
    ['src/pages/index.astro', `"src/pages/index.astro" ${outside}`],
    ['src/content/practices/../../../astro.config.mjs', '"src/content/practices/../../../astro.config.mjs" contains "..", "." or an empty part: name the file directly'],
    ['src/content/practices//a.md', '"src/content/practices//a.md" contains "..", "." or an empty part: name the file directly'],
    ['/etc/passwd', '"/etc/passwd" is absolute: paths start at the project folder'],
    ['C:/x/a.md', '"C:/x/a.md" is absolute: paths start at the project folder'],
    ['src\\content\\practices\\a.md', '"src\\\\content\\\\practices\\\\a.md" contains a backslash: paths use "/"'],
    ['src/content/practices/en/a.md\0.png', '"src/content/practices/en/a.md\\u0000.png" contains a control character (NUL, line break...)'],
    ['src/content/practices/en/a.js', '"src/content/practices/en/a.js" is not a .md file: src/content/practices/ holds only .md files'],
    ['src/content/cities/a.md', '"src/content/cities/a.md" is not a .yaml file: src/content/cities/ holds only .yaml files'],
    ['src/content/practices/en/linked.md', '"src/content/practices/en/linked.md" leads out of src/content/practices/ through a link'],
    ['src/content/practices/out/new.md', '"src/content/practices/out/new.md" leads out of src/content/practices/ through a link'],
    ['src/content/practices/en/dangling.md', '"src/content/practices/en/dangling.md" leads out of src/content/practices/ through a link'],
  ])('refuses to write %s', async (path, error) => {
    const verdict = await checkRequestBody(persist(path), options);
    expect(verdict).toMatchObject({ ok: false, status: 403 });
    expect(verdict.ok ? '' : verdict.error).toContain(`Refused: ${error}`);
  });

  it('refuses to read, list, move or delete outside the content folders', async () => {
    const refused = async (body: unknown) => {
      const verdict = await checkRequestBody(body, options);
      return verdict.ok ? 'accepted' : verdict.error;
    };
    expect(await refused({ action: 'getEntry', params: { branch: 'main', path: '.env' } })).toBe(`Refused: ".env" ${outside}`);
    expect(await refused({ action: 'entriesByFiles', params: { branch: 'main', files: [{ path: 'src/content/practices/en/a.md' }, { path: 'package.json' }] } })).toBe(`Refused: "package.json" ${outside}`);
    expect(await refused({ action: 'entriesByFolder', params: { branch: 'main', folder: 'src', extension: 'ts', depth: 9 } })).toBe(`Refused: "src" ${outside}`);
    expect(await refused({ action: 'entriesByFolder', params: { branch: 'main', folder: 'src/content/practices', extension: 'mjs', depth: 2 } })).toBe('Refused: src/content/practices/ holds only .md files (asked for "mjs")');
    expect(await refused(persist('src/content/practices/en/a.md', { newPath: 'src/content/cities/a.md' }))).toMatch(/^Refused: "src\/content\/cities\/a.md" is not a .yaml file/);
    expect(await refused(persist('src/content/cities/a.yaml', { newPath: 'src/content/practices/a.md' }))).toBe('Refused: "src/content/practices/a.md": an entry moves only within its own collection folder');
    expect(await refused({ action: 'getMedia', params: { branch: 'main', mediaFolder: '.' } })).toBe('Refused: "." contains "..", "." or an empty part: name the file directly');
    expect(await refused({ action: 'getMedia', params: { branch: 'main', mediaFolder: 'public' } })).toBe(`Refused: "public" ${outside}`);
    expect(await refused({ action: 'deleteFile', params: { branch: 'main', path: 'astro.config.mjs' } })).toBe(`Refused: "astro.config.mjs" ${outside}`);
    expect(await refused({ action: 'deleteFiles', params: { branch: 'main', paths: ['src/content/practices/en/a.md', 'README.md'] } })).toBe(`Refused: "README.md" ${outside}`);
    expect(await refused({ action: 'deleteFiles', params: { branch: 'main', paths: 'README.md' } })).toBe('Refused: paths must be a list');
    expect(await refused({ action: 'getMediaFile', params: { branch: 'main', path: 'public/images/practices/pkg.png' } })).toMatch(/^Refused: "public\/images\/practices\/pkg.png" leads out of public\/images\/ through a link/);
  });

  it.each([
    ['public/images/evil.html', '<!doctype html><script src="/images/x.js"></script>', '"public/images/evil.html" is a ".html" file: only PNG, JPEG, WebP, AVIF or GIF images may be in public/images/: remove it or convert it'],
    ['public/images/x.js', 'alert(1)', '"public/images/x.js" is a ".js" file: only PNG, JPEG, WebP, AVIF or GIF images may be in public/images/: remove it or convert it'],
    ['public/images/logo.svg', '<svg/>', '"public/images/logo.svg" is a ".svg" file: only PNG, JPEG, WebP, AVIF or GIF images may be in public/images/: remove it or convert it'],
    ['public/images/photo.png', '<svg onload="alert(1)"/>', '"public/images/photo.png" is named like a PNG image but holds SVG, XML or HTML text: only PNG, JPEG, WebP, AVIF or GIF images may be in public/images/: remove it or convert it'],
    ['public/photo.png', SAMPLES.png, `"public/photo.png" ${outside}`],
  ])('refuses the upload %s', async (path, content, error) => {
    const upload = { action: 'persistMedia', params: { branch: 'main', asset: { path, content: base64(content), encoding: 'base64' }, options: { commitMessage: 'x' } } };
    expect(await checkRequestBody(upload, options)).toEqual({ ok: false, status: 403, error: `Refused: ${error}` });
    const withEntry = persist('src/content/practices/en/a.md');
    withEntry.params.assets = [{ path, content: base64(content), encoding: 'base64' }] as never[];
    expect(await checkRequestBody(withEntry, options)).toEqual({ ok: false, status: 403, error: `Refused: ${error}` });
  });

  it('refuses actions the editor does not use here, and bodies that are not requests', async () => {
    expect(await checkRequestBody({ action: 'publishUnpublishedEntry', params: {} }, options)).toMatchObject({ status: 422, error: expect.stringMatching(/^Refused: the action "publishUnpublishedEntry" is not one the editor uses here/) });
    expect(await checkRequestBody('{"action":"info"}', options)).toEqual({ ok: false, status: 422, error: 'Refused: the request must be JSON with an "action"' });
    expect(await checkRequestBody({ action: 'getEntry', params: { path: ['a'] } }, options)).toEqual({ ok: false, status: 403, error: 'Refused: a path is missing or is not text' });
  });
});

describe('answers listing files keep only what could be asked for by name', () => {
  it('drops links and stray files from folder listings and media', async () => {
    const entries = [
      { data: 'a', file: { path: 'src/content/practices/en/a.md' } },
      { data: 'secret', file: { path: 'src/content/practices/en/linked.md' } },
    ];
    expect(await filterAnswer('entriesByFolder', entries, options)).toEqual([entries[0]]);
    const media = [
      { path: 'public/images/practices/p.png', content: base64(SAMPLES.png), encoding: 'base64' },
      { path: 'public/images/practices/pkg.png', content: base64('{"name":"x"}'), encoding: 'base64' },
      { path: 'public/images/evil.html', content: base64('<script>'), encoding: 'base64' },
      { path: 'public/images/fake.png', content: base64('<svg/>'), encoding: 'base64' },
    ];
    expect(await filterAnswer('getMedia', media, options)).toEqual([media[0]]);
    expect(await filterAnswer('info', { type: 'local_fs' }, options)).toEqual({ type: 'local_fs' });
  });
});
