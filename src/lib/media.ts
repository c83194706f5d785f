/**
 * The media folder and what it may hold. Files in public/images/ are served from the site's own
 * origin, which is also the editor's (/admin/): an .svg, .html or .js there would run script with
 * the editor's rights. So only raster images are allowed, and a file must both be named like one
 * and start like one (a "photo.png" holding HTML is refused too). The CMS's local content server,
 * the editor's upload button and the content check all ask this module.
 */

/** Where the CMS stores pictures, from the project root, and the address it is published at. */
export const MEDIA_FOLDER = 'public/images';
export const MEDIA_PUBLIC_PATH = '/images';

export interface RasterType {
  name: 'PNG' | 'JPEG' | 'WebP' | 'AVIF' | 'GIF';
  extensions: readonly string[];
  mimeType: string;
  /** True when the file starts like this type (its "magic bytes"). */
  matches(head: Uint8Array): boolean;
}

const ascii = (head: Uint8Array, start: number, text: string) =>
  head.length >= start + text.length && [...text].every((char, index) => head[start + index] === char.charCodeAt(0));

/** AVIF is an ISO-BMFF file: a leading "ftyp" box whose major or a compatible brand is avif/avis. */
function isAvif(head: Uint8Array): boolean {
  if (!ascii(head, 4, 'ftyp')) return false;
  const boxSize = ((head[0]! << 24) | (head[1]! << 16) | (head[2]! << 8) | head[3]!) >>> 0;
  const end = Math.min(boxSize, head.length);
  for (let offset = 8; offset + 4 <= end; offset += 4) {
    if (offset === 12) continue; // minor version, not a brand
    if (ascii(head, offset, 'avif') || ascii(head, offset, 'avis')) return true;
  }
  return false;
}

export const RASTER_TYPES: readonly RasterType[] = [
  { name: 'PNG', extensions: ['png'], mimeType: 'image/png', matches: (head) => ascii(head, 0, '\x89PNG\r\n\x1a\n') },
  { name: 'JPEG', extensions: ['jpg', 'jpeg'], mimeType: 'image/jpeg', matches: (head) => head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff },
  { name: 'WebP', extensions: ['webp'], mimeType: 'image/webp', matches: (head) => ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP') },
  { name: 'AVIF', extensions: ['avif'], mimeType: 'image/avif', matches: isAvif },
  { name: 'GIF', extensions: ['gif'], mimeType: 'image/gif', matches: (head) => ascii(head, 0, 'GIF87a') || ascii(head, 0, 'GIF89a') },
];

/** How many leading bytes `matches` needs. */
export const MAGIC_BYTES_LENGTH = 64;

/** The extensions, for file pickers and messages: ".png, .jpg, ...". */
export const RASTER_EXTENSIONS: readonly string[] = RASTER_TYPES.flatMap((type) => type.extensions);

/** For an <input type="file" accept>. */
export const RASTER_ACCEPT = [...RASTER_TYPES.map((type) => type.mimeType), ...RASTER_EXTENSIONS.map((extension) => `.${extension}`)].join(',');

const ALLOWED_TEXT = 'only PNG, JPEG, WebP, AVIF or GIF images may be in';

/** The lower-case extension of a file name, without the dot ("" when there is none). */
export function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

export function rasterTypeForName(name: string): RasterType | undefined {
  const extension = extensionOf(name);
  return RASTER_TYPES.find((type) => type.extensions.includes(extension));
}

/** What the content looks like, for the message: "SVG or HTML text", "a PNG image"... */
function describeContent(head: Uint8Array): string {
  const actual = RASTER_TYPES.find((type) => type.matches(head));
  if (actual) return `a ${actual.name} image`;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head).trimStart().toLowerCase();
  if (/^(?:\ufeff)?<(?:\?xml|svg|!doctype|html|head|body|script|!--)/.test(text)) return 'SVG, XML or HTML text';
  if (head.length === 0) return 'nothing (the file is empty)';
  return 'something else';
}

/**
 * Why a media file is refused (the rest of the sentence after its path), or undefined when it
 * is a raster image named for its type. `folder` is named in the message.
 */
export function mediaFileProblem(name: string, head: Uint8Array, folder: string = MEDIA_FOLDER): string | undefined {
  const where = `${folder}/`;
  const type = rasterTypeForName(name);
  if (!type) {
    const extension = extensionOf(name);
    const described = extension ? `is a ".${extension}" file` : 'has no extension';
    return `${described}: ${ALLOWED_TEXT} ${where}: remove it or convert it`;
  }
  if (!type.matches(head)) {
    return `is named like a ${type.name} image but holds ${describeContent(head)}: ${ALLOWED_TEXT} ${where}: remove it or convert it`;
  }
  return undefined;
}

/** For a link or a folder where a file should be. */
export function mediaLinkProblem(folder: string = MEDIA_FOLDER): string {
  return `is a symbolic link: ${ALLOWED_TEXT} ${folder}/, as plain files: remove it or copy the picture itself`;
}
