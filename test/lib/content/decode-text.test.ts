import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../../src/lib/content/decode-text.ts';
import { latin1 } from '../../helpers/content-tree.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeUtf8', () => {
  it('reads UTF-8, dropping a byte-order mark and keeping Windows line ends', () => {
    expect(decodeUtf8(utf8('\uFEFFtitle: Réseau\r\nnext: ok\r\n'))).toEqual({ ok: true, text: 'title: Réseau\r\nnext: ok\r\n' });
  });

  it.each([
    ['Latin-1 "é" on line 3', latin1('a: 1\nb: 2\nc: R\u00e9seau\n'), 3],
    ['a Windows-1252 apostrophe on line 1', Uint8Array.from([0x61, 0x92, 0x0a, 0x62]), 1],
    ['a character cut off at the end of the file', Uint8Array.from([0x61, 0x0a, 0x0a, 0xc3]), 3],
    ['UTF-16 (its byte-order mark)', Uint8Array.from([0xff, 0xfe, 0x61, 0x00]), 1],
  ])('finds the line of %s', (_name, bytes, line) => {
    expect(decodeUtf8(bytes)).toEqual({ ok: false, line });
  });
});
