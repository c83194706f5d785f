import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvFileError, decodeCsv, detectDelimiter, parseCsv, readCsvFile } from '../../../src/lib/import/csv-table.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('reading a CSV file', () => {
  it('reads UTF-8 with and without a byte-order mark, the same', () => {
    const text = 'name,country\nLisboa,PT\n';
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
    expect(parseCsv(decodeCsv(withBom, 'x.csv').text, 'x.csv')).toEqual(parseCsv(decodeCsv(utf8(text), 'x.csv').text, 'x.csv'));
    expect(parseCsv(decodeCsv(withBom, 'x.csv').text, 'x.csv').header).toEqual(['name', 'country']);
  });

  it('reads UTF-16 with a byte-order mark (Excel’s "Unicode text")', () => {
    const text = 'name\tcountry\r\nŁódź\tPL\r\n';
    const bytes = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from(text, (char) => char.charCodeAt(0)).buffer)]);
    const { text: decoded, encoding } = decodeCsv(bytes, 'x.csv');
    expect(encoding).toBe('UTF-16');
    expect(parseCsv(decoded, 'x.csv', encoding)).toMatchObject({ delimiter: '\t', rows: [{ row: 2, cells: ['Łódź', 'PL'] }] });
  });

  it('refuses Latin-1 bytes, saying which line and how to save the file', () => {
    const bytes = new Uint8Array([...utf8('name\nLisboa\nM'), 0xe9, ...utf8('diation\n')]);
    expect(() => decodeCsv(bytes, 'practices.csv')).toThrow(
      new CsvFileError(
        'practices.csv is not saved as UTF-8: byte 0xE9 on line 3 (probably "é" in Windows-1252 / Latin-1) is not valid UTF-8, so accents would be garbled. ' +
          'Nothing was imported: save it from your spreadsheet as "CSV UTF-8" (Excel: File → Save As → CSV UTF-8; LibreOffice: character set "Unicode (UTF-8)").',
      ),
    );
  });

  it('keeps commas, quotes and line breaks inside quoted cells, Windows line breaks read as "\\n"', () => {
    const table = parseCsv('title,purpose\r\n"A, B ""and"" C","Line one\r\nLine two"\r\nSecond,row\r\n', 'x.csv');
    expect(table.rows).toEqual([
      { row: 2, cells: ['A, B "and" C', 'Line one\nLine two'] },
      { row: 3, cells: ['Second', 'row'] },
    ]);
  });

  it('numbers rows as the spreadsheet does, skipping empty ones', () => {
    const table = parseCsv('name,country\n\nOslo,NO\n,\n"Multi\nline",SE\n', 'x.csv');
    expect(table.rows.map((row) => row.row)).toEqual([3, 5]);
  });

  it.each([
    ['title,cities\n', ','],
    ['title;cities;themes\n"a,b";c;d\n', ';'],
    ['title\tcities\n', '\t'],
    ['"title, with comma";cities\n', ';'],
    ['title\n', ','],
  ])('finds the separator of %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it('explains an unclosed quote and an empty file', () => {
    expect(() => parseCsv('title,purpose\nA,"closed ""quote"" here"\nB,"never closed\nC,d\nE,f\n', 'x.csv')).toThrow(
      'x.csv: a quoted cell that starts on line 3 is never closed: a cell that starts with " must end with " (write "" for a quote inside a cell)',
    );
    expect(() => parseCsv('\uFEFF \n', 'empty.csv')).toThrow('empty.csv is empty: it needs a header row and one row per entry (see the templates/ folder)');
  });
});

describe('reading a CSV file as a stream', () => {
  const folder = mkdtempSync(join(tmpdir(), 'icc-csv-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  let count = 0;
  const file = (bytes: Uint8Array | string) => {
    const path = join(folder, `f${++count}.csv`);
    writeFileSync(path, bytes);
    return path;
  };
  /** What the whole-file reader says about the same bytes: the table or the error message. */
  const whole = (bytes: Uint8Array) => {
    try {
      const { text, encoding } = decodeCsv(bytes, 'x.csv');
      return parseCsv(text, 'x.csv', encoding);
    } catch (error) {
      return (error as Error).message;
    }
  };
  const streamed = async (bytes: Uint8Array) => {
    try {
      return await readCsvFile(file(bytes), 'x.csv');
    } catch (error) {
      return (error as Error).message;
    }
  };

  // Longer than the 64 KiB chunks, with accents and line breaks inside quoted cells that fall
  // across chunk boundaries.
  const long = Array.from({ length: 3000 }, (_, index) => `"Médiation ${index}; « école »","line one\r\nline two ${index}",Łódź`).join('\r\n');
  it.each([
    ['a large file with a byte-order mark, CRLF and multi-line cells', `\uFEFFtitle,process,city\r\n${long}\r\n`],
    ['semicolons and empty rows', 'title;cities\n\nWelcome;oslo\n;\nCafé;"bergen; oslo"\n'],
    ['a header alone, without a line break', 'title,cities'],
    ['an empty file', ''],
    ['a file of blank lines', '\n\n  \n'],
    ['a quoted cell never closed', 'title,cities\nWelcome,oslo\n"Open cell,bergen\nmore\n'],
    ['a quote inside a cell', 'title,cities\n"Wel"come,oslo\n'],
  ])('reads %s exactly as the whole-file reader does', async (_, text) => {
    const bytes = new TextEncoder().encode(text);
    expect(await streamed(bytes)).toEqual(whole(bytes));
  });

  it('refuses a Latin-1 file past the first chunk with the same message, line included', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode(`title\n${'Welcome\n'.repeat(20000)}M`), 0xe9, ...new TextEncoder().encode('diation\n')]);
    const message = await streamed(bytes);
    expect(message).toMatch(/^x\.csv is not saved as UTF-8: byte 0xE9 on line 20002 /);
    expect(message).toBe(whole(bytes));
  });

  it('reads UTF-16 with a byte-order mark', async () => {
    const text = 'name\tcountry\r\nŁódź\tPL\r\n';
    const bytes = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from(text, (char) => char.charCodeAt(0)).buffer)]);
    expect(await streamed(bytes)).toEqual(whole(bytes));
  });
});
