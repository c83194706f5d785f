/**
 * Reads a CSV file as spreadsheets save it: UTF-8 with or without a byte-order mark (or UTF-16
 * with one), comma-, semicolon- or tab-separated (French Excel uses semicolons), Windows or Unix
 * line endings, quoted cells holding separators, quotes and line breaks. Rows are numbered as
 * the spreadsheet shows them: the header is row 1.
 *
 * A file is read as a stream (readCsvFile): bytes are decoded and parsed chunk by chunk, so a
 * 40 MB file is never held as bytes, text and records at once. Only when the file turns out to be
 * wrong is it read whole again, to say where.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { parse as parseStream } from 'csv-parse';
import { parse } from 'csv-parse/sync';

/** A problem with the file as a whole: nothing can be imported from it. */
export class CsvFileError extends Error {}

export interface CsvRow {
  /** Row number in the spreadsheet (the header is row 1). */
  row: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
  delimiter: ',' | ';' | '\t';
  encoding: 'UTF-8' | 'UTF-16';
}

const SAVE_AS_UTF8 = 'save it from your spreadsheet as "CSV UTF-8" (Excel: File → Save As → CSV UTF-8; LibreOffice: character set "Unicode (UTF-8)")';

/** Text of the file; throws CsvFileError when it is not UTF-8 (or UTF-16 with a byte-order mark). */
export function decodeCsv(bytes: Uint8Array, fileName: string): { text: string; encoding: CsvTable['encoding'] } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'UTF-8' };
  } catch {
    // Find the first byte that is not UTF-8, to say where and what it probably is.
    let line = 1;
    let index = 0;
    while (index < bytes.length) {
      const byte = bytes[index]!;
      const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
      const valid =
        length > 0 &&
        index + length <= bytes.length &&
        [...bytes.subarray(index + 1, index + length)].every((next) => next >= 0x80 && next <= 0xbf);
      if (!valid) break;
      if (byte === 0x0a) line++;
      index += length;
    }
    const byte = bytes[index] ?? 0;
    const guess = new TextDecoder('windows-1252').decode(new Uint8Array([byte]));
    throw new CsvFileError(
      `${fileName} is not saved as UTF-8: byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} on line ${line} ` +
        `(probably "${guess}" in Windows-1252 / Latin-1) is not valid UTF-8, so accents would be garbled. ` +
        `Nothing was imported: ${SAVE_AS_UTF8}.`,
    );
  }
}

/** The separator used in the header line: the one that occurs most outside quotes. */
export function detectDelimiter(text: string): CsvTable['delimiter'] {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of text.replace(/^\uFEFF/, '')) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char in counts) counts[char as keyof typeof counts]++;
  }
  const [best] = (Object.entries(counts) as [CsvTable['delimiter'], number][]).sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}

interface CsvParseError {
  code?: string;
  lines?: number;
  message: string;
}

/** Line where the quoted cell that is never closed begins (the parser only knows where the file ends). */
export function unclosedQuoteLine(text: string, delimiter: string): number | undefined {
  let line = 1;
  let openedOn: number | undefined;
  let cellStart = true;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (openedOn !== undefined) {
      if (char === '"' && text[index + 1] === '"') index++;
      else if (char === '"') openedOn = undefined;
      else if (char === '\n') line++;
      continue;
    }
    if (char === '"' && cellStart) openedOn = line;
    if (char === '\n') line++;
    cellStart = char === delimiter || char === '\n' || (char === '\r' && text[index + 1] === '\n');
  }
  return openedOn;
}

function explainParseError(error: CsvParseError, fileName: string, text: string, delimiter: string): string {
  const line = error.lines ? ` near line ${error.lines}` : '';
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED': {
      const start = unclosedQuoteLine(text, delimiter);
      return `${fileName}: a quoted cell ${start ? `that starts on line ${start} ` : ''}is never closed: a cell that starts with " must end with " (write "" for a quote inside a cell)`;
    }
    case 'CSV_INVALID_CLOSING_QUOTE':
      return `${fileName}: a quote is followed by other text${line}: inside a quoted cell, write a quote as "" (two quotes)`;
    default:
      return `${fileName}: cannot be read as CSV${line}: ${error.message}`;
  }
}

const emptyFile = (fileName: string) => new CsvFileError(`${fileName} is empty: it needs a header row and one row per entry (see the templates/ folder)`);

const parseOptions = (delimiter: string) => ({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });

/**
 * Collects records into a table as they are parsed: the first is the header; empty rows are
 * skipped but keep their numbers. Line breaks inside cells become "\n", as content files hold
 * them (Windows spreadsheets write "\r\n"): done here once, the import keeps no second copy.
 */
function tableBuilder(delimiter: CsvTable['delimiter'], encoding: CsvTable['encoding']) {
  let header: string[] | undefined;
  const rows: CsvRow[] = [];
  let index = 0;
  return {
    add(cells: string[]) {
      index++;
      cells.forEach((cell, position) => {
        if (cell.includes('\r')) cells[position] = cell.replace(/\r\n?/g, '\n');
      });
      if (!header) header = cells.map((name) => name.replace(/^\uFEFF/, '').trim());
      else if (!cells.every((cell) => cell.trim() === '')) rows.push({ row: index, cells });
    },
    table: (): CsvTable => ({ header: header ?? [], rows, delimiter, encoding }),
  };
}

/** Parses the file's text into a header and rows; empty rows are skipped but keep their numbers. */
export function parseCsv(text: string, fileName: string, encoding: CsvTable['encoding'] = 'UTF-8'): CsvTable {
  const source = text.replace(/^\uFEFF/, '');
  if (source.trim() === '') throw emptyFile(fileName);
  const delimiter = detectDelimiter(source);
  let records: string[][];
  try {
    records = parse(source, parseOptions(delimiter)) as string[][];
  } catch (error) {
    throw new CsvFileError(explainParseError(error as CsvParseError, fileName, source, delimiter));
  }
  const builder = tableBuilder(delimiter, encoding);
  for (const cells of records) builder.add(cells);
  return builder.table();
}

/** The decoder for a file's first bytes: UTF-16 with a byte-order mark, else strict UTF-8. */
function decoderFor(first: Uint8Array): { decoder: TextDecoder; skip: number; encoding: CsvTable['encoding'] } {
  if (first[0] === 0xff && first[1] === 0xfe) return { decoder: new TextDecoder('utf-16le'), skip: 2, encoding: 'UTF-16' };
  if (first[0] === 0xfe && first[1] === 0xff) return { decoder: new TextDecoder('utf-16be'), skip: 2, encoding: 'UTF-16' };
  return { decoder: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }), skip: 0, encoding: 'UTF-8' };
}

/**
 * Reads and parses a CSV file as a stream, with the same results and messages as
 * `parseCsv(decodeCsv(readFileSync(path)))`, holding only the rows in memory.
 */
export async function readCsvFile(path: string, fileName: string): Promise<CsvTable> {
  const chunks = createReadStream(path, { highWaterMark: 1 << 16 })[Symbol.asyncIterator]();
  let decoding: ReturnType<typeof decoderFor> | undefined;
  /** The file's text, chunk by chunk. */
  async function* text(): AsyncGenerator<string> {
    for (;;) {
      const next = await chunks.next();
      if (next.done) break;
      let bytes = next.value as Buffer;
      if (!decoding) {
        decoding = decoderFor(bytes);
        bytes = bytes.subarray(decoding.skip);
      }
      yield decoding.decoder.decode(bytes, { stream: true });
    }
    if (decoding) yield decoding.decoder.decode();
  }
  /** Whole-file reading, for the messages of a wrong file (decodeCsv throws the encoding's). */
  const wholeText = () => decodeCsv(readFileSync(path), fileName).text.replace(/^\uFEFF/, '');
  /** A decoding error (TypeError) means the file is not UTF-8: decodeCsv, reading it whole, says where. */
  const notDecodable = (error: unknown) => {
    if (error instanceof TypeError) wholeText();
    return error;
  };

  // The header line decides the separator: read until it is complete.
  const source = text();
  let head = '';
  let headDone = false;
  try {
    while (!/[\r\n]/.test(head.replace(/"(?:[^"]|"")*"/g, ''))) {
      const next = await source.next();
      if (next.done) {
        headDone = true;
        break;
      }
      head += next.value;
    }
  } catch (error) {
    throw notDecodable(error);
  }
  head = head.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(head);
  const builder = tableBuilder(delimiter, decoding?.encoding ?? 'UTF-8');
  let blank = head.trim() === '';
  async function* rest(): AsyncGenerator<string> {
    if (head) yield head;
    if (headDone) return;
    for await (const chunk of source) {
      if (blank && chunk.trim() !== '') blank = false;
      yield chunk;
    }
  }
  const parser = parseStream(parseOptions(delimiter));
  let parseError: unknown;
  parser.on('data', (cells: string[]) => builder.add(cells));
  parser.on('error', (error) => {
    parseError ??= error;
  });
  const finished = new Promise<void>((resolvePromise) => parser.on('end', resolvePromise).on('error', () => resolvePromise()));
  try {
    for await (const chunk of rest()) {
      if (parseError) break;
      parser.write(chunk);
    }
  } catch (error) {
    throw notDecodable(error);
  } finally {
    await chunks.return?.();
  }
  parser.end();
  await finished;
  if (parseError) {
    if ((parseError as CsvParseError).code?.startsWith('CSV_')) throw new CsvFileError(explainParseError(parseError as CsvParseError, fileName, wholeText(), delimiter));
    throw parseError;
  }
  if (blank) throw emptyFile(fileName);
  return builder.table();
}
