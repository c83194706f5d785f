/**
 * Turns a WOFF 1.0 font (what @fontsource ships) back into the TrueType/OpenType file it wraps,
 * because resvg, which rasterises the embeddable charts, reads only TrueType and OpenType.
 * WOFF stores the same tables, each optionally zlib-compressed (W3C WOFF 1.0, section 4), so
 * the font is rebuilt byte for byte: header, table directory, then each table padded to 4 bytes.
 */
import { inflateSync } from 'node:zlib';

const WOFF_SIGNATURE = 0x774f4646; // "wOFF"

/** The sfnt (TTF/OTF) bytes of a WOFF 1.0 font; throws on anything else, naming what it found. */
export function woffToSfnt(woff: Uint8Array): Buffer {
  const input = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  if (input.length < 44 || input.readUInt32BE(0) !== WOFF_SIGNATURE) {
    throw new Error('woffToSfnt: not a WOFF 1.0 font (the file does not start with "wOFF"); WOFF2 is not supported');
  }
  const flavor = input.readUInt32BE(4);
  const numTables = input.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, index) => {
    const entry = 44 + index * 20;
    return {
      tag: input.readUInt32BE(entry),
      offset: input.readUInt32BE(entry + 4),
      compLength: input.readUInt32BE(entry + 8),
      origLength: input.readUInt32BE(entry + 12),
      checksum: input.readUInt32BE(entry + 16),
    };
  });
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  const header = Buffer.alloc(12 + numTables * 16);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(numTables * 16 - searchRange, 10);
  const bodies: Buffer[] = [];
  let offset = header.length;
  tables.forEach((table, index) => {
    const stored = input.subarray(table.offset, table.offset + table.compLength);
    const data = table.compLength < table.origLength ? inflateSync(stored) : Buffer.from(stored);
    if (data.length !== table.origLength) {
      throw new Error(`woffToSfnt: table ${index} unpacks to ${data.length} bytes, the directory says ${table.origLength}`);
    }
    const record = 12 + index * 16;
    header.writeUInt32BE(table.tag, record);
    header.writeUInt32BE(table.checksum, record + 4);
    header.writeUInt32BE(offset, record + 8);
    header.writeUInt32BE(table.origLength, record + 12);
    const padded = Buffer.alloc((data.length + 3) & ~3);
    data.copy(padded);
    bodies.push(padded);
    offset += padded.length;
  });
  return Buffer.concat([header, ...bodies]);
}
