import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/content/check-content.ts';
import { checkMediaFolder } from '../../../src/lib/content/media.ts';
import { formatProblem } from '../../../src/lib/content/problems.ts';
import { SAMPLES } from '../../helpers/images.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'icc-media-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function put(path: string, content: Uint8Array | string) {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), content);
}

describe('the media folder check', () => {
  it('accepts raster images in any sub-folder, an empty .gitkeep, and a missing folder', () => {
    expect(checkMediaFolder(root)).toEqual([]);
    put('public/images/practices/photo.png', SAMPLES.png);
    put('public/images/cities/bilbao.webp', SAMPLES.webp);
    put('public/images/.gitkeep', '');
    expect(checkMediaFolder(root)).toEqual([]);
  });

  it('names every script, page, vector file and disguised file, with the fix', () => {
    put('public/images/evil.html', '<!doctype html><script src="/images/x.js"></script>');
    put('public/images/x.js', 'alert(document.domain)');
    put('public/images/practices/logo.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
    put('public/images/practices/photo.png', '<html>');
    expect(checkMediaFolder(root).map(formatProblem)).toEqual([
      'public/images/evil.html: is a ".html" file: only PNG, JPEG, WebP, AVIF or GIF images may be in public/images/: remove it or convert it',
      'public/images/practices/logo.svg: is a ".svg" file: only PNG, JPEG, WebP, AVIF or GIF images may be in public/images/: remove it or convert it',
      'public/images/practices/photo.png: is named like a PNG image but holds SVG, XML or HTML text: only PNG, JPEG, WebP, AVIF or GIF images may be in public/images/: remove it or convert it',
      'public/images/x.js: is a ".js" file: only PNG, JPEG, WebP, AVIF or GIF images may be in public/images/: remove it or convert it',
    ]);
  });

  it('refuses links, which could bring any file of the machine onto the site', () => {
    put('outside/secret.png', SAMPLES.png);
    mkdirSync(join(root, 'public/images'), { recursive: true });
    symlinkSync(join(root, 'outside/secret.png'), join(root, 'public/images/linked.png'));
    symlinkSync(join(root, 'outside'), join(root, 'public/images/folder'));
    expect(checkMediaFolder(root).map(formatProblem)).toEqual([
      'public/images/folder: is a symbolic link: only PNG, JPEG, WebP, AVIF or GIF images may be in public/images/, as plain files: remove it or copy the picture itself',
      'public/images/linked.png: is a symbolic link: only PNG, JPEG, WebP, AVIF or GIF images may be in public/images/, as plain files: remove it or copy the picture itself',
    ]);
  });

  it('is part of the content check, so npm run check:content and the build stop', () => {
    put('public/images/evil.html', '<script>alert(1)</script>');
    mkdirSync(join(root, 'src/content'), { recursive: true });
    expect(checkContent(root).problems.map(formatProblem)).toContain(
      'public/images/evil.html: is a ".html" file: only PNG, JPEG, WebP, AVIF or GIF images may be in public/images/: remove it or convert it',
    );
  });
});
