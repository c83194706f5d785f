/** The first bytes of a real file of each image type, for the media tests. */
export const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((char) => char.charCodeAt(0)) : part)));

export const SAMPLES = {
  png: bytes('\x89PNG\r\n\x1a\n', [0, 0, 0, 13], 'IHDR'),
  jpg: bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF'),
  webp: bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '),
  avif: bytes([0, 0, 0, 0x20], 'ftypavif', [0, 0, 0, 0], 'avifmif1miafMA1B'),
  avifCompatible: bytes([0, 0, 0, 0x1c], 'ftypmif1', [0, 0, 0, 0], 'mif1avifmiaf'),
  gif: bytes('GIF89a', [1, 0, 1, 0]),
};
