import { describe, expect, it } from 'vitest';
import { SAMPLES, bytes } from '../helpers/images.ts';
import { RASTER_ACCEPT, extensionOf, mediaFileProblem, rasterTypeForName } from '../../src/lib/media.ts';

describe('the media folder accepts raster images only', () => {
  it.each([
    ['photo.png', SAMPLES.png],
    ['photo.JPG', SAMPLES.jpg],
    ['photo.jpeg', SAMPLES.jpg],
    ['photo.webp', SAMPLES.webp],
    ['photo.avif', SAMPLES.avif],
    ['photo.avif', SAMPLES.avifCompatible],
    ['anim.gif', SAMPLES.gif],
  ])('accepts %s made like one', (name, head) => {
    expect(mediaFileProblem(name, head)).toBeUndefined();
  });

  it.each([
    ['evil.html', bytes('<!doctype html><script src="/images/x.js"></script>'), 'is a ".html" file'],
    ['x.js', bytes('alert(document.domain)'), 'is a ".js" file'],
    ['logo.svg', bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'is a ".svg" file'],
    ['page.htm', bytes('<p>'), 'is a ".htm" file'],
    ['README', bytes('text'), 'has no extension'],
    ['picture.bmp', bytes('BM'), 'is a ".bmp" file'],
  ])('refuses %s, naming the fix', (name, head, start) => {
    expect(mediaFileProblem(name, head)).toBe(
      `${start}: only PNG, JPEG, WebP, AVIF or GIF images may be in public/images/: remove it or convert it`,
    );
  });

  it('refuses a file named like an image that holds HTML or SVG', () => {
    expect(mediaFileProblem('photo.png', bytes('<svg onload="alert(1)">'))).toBe(
      'is named like a PNG image but holds SVG, XML or HTML text: only PNG, JPEG, WebP, AVIF or GIF images may be in public/images/: remove it or convert it',
    );
    expect(mediaFileProblem('photo.jpg', bytes('  <!DOCTYPE html>'))).toMatch(/^is named like a JPEG image but holds SVG, XML or HTML text:/);
  });

  it('refuses a picture whose name and content disagree, or an empty file', () => {
    expect(mediaFileProblem('photo.png', SAMPLES.jpg)).toMatch(/^is named like a PNG image but holds a JPEG image: .* remove it or convert it$/);
    expect(mediaFileProblem('photo.gif', new Uint8Array())).toMatch(/^is named like a GIF image but holds nothing \(the file is empty\):/);
    expect(mediaFileProblem('photo.avif', bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1heic'))).toMatch(/holds something else/);
  });

  it('reads extensions case-insensitively and ignores dots in folders and leading dots', () => {
    expect(extensionOf('a.b/photo.PnG')).toBe('png');
    expect(extensionOf('.hidden')).toBe('');
    expect(extensionOf('images.d/readme')).toBe('');
    expect(rasterTypeForName('x.svg')).toBeUndefined();
  });

  it('gives a file picker the same list', () => {
    expect(RASTER_ACCEPT).toBe('image/png,image/jpeg,image/webp,image/avif,image/gif,.png,.jpg,.jpeg,.webp,.avif,.gif');
  });
});
