/**
 * Content files must be UTF-8. A file saved in another encoding (Latin-1, or Windows-1252 from an
 * old word processor) would otherwise be read with "�" in place of every accented letter and
 * published like that, so it is refused with the first line that holds such a byte.
 * A byte-order mark (BOM) at the start is accepted and dropped; line endings are left as they are.
 */

// `fatal` makes the decoder throw on the first invalid byte instead of writing "�".
const strictDecoder = new TextDecoder('utf-8', { fatal: true });
const NEWLINE = 0x0a;

export type DecodedText = { ok: true; text: string } | { ok: false; line: number };

/** The first line (from 1) holding bytes that are not UTF-8. */
function firstInvalidLine(bytes: Uint8Array): number {
  // A newline byte is never part of a multi-byte UTF-8 character, so lines can be checked one by one.
  let line = 1;
  let start = 0;
  for (let index = 0; index <= bytes.length; index++) {
    if (index < bytes.length && bytes[index] !== NEWLINE) continue;
    try {
      strictDecoder.decode(bytes.subarray(start, index));
    } catch {
      return line;
    }
    line++;
    start = index + 1;
  }
  return line;
}

/** The text of a file's bytes, or the line where they stop being UTF-8. */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  try {
    return { ok: true, text: strictDecoder.decode(bytes) };
  } catch {
    return { ok: false, line: firstInvalidLine(bytes) };
  }
}
