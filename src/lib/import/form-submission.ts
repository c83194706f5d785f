/**
 * A practice shared through the public form without JavaScript arrives as an e-mail whose body
 * the browser wrote as `name=value` lines (HTML's text/plain form encoding, what a mailto: form
 * sends). The names are the import template's columns, so the body saved as a .txt file is
 * imported like a CSV: `npm run import -- practices submission.txt`. A value's own line breaks
 * are kept (a line that does not start with a known column continues the value above); a line
 * ending in a space is a soft break a mail client added (format=flowed) and is joined back.
 */
import { COLUMNS, headerKey } from './columns.ts';
import type { CsvTable } from './csv-table.ts';
import { importCell } from '../share/share-form.ts';

/** Thrown when the text holds no `column=value` line at all. */
export class FormSubmissionError extends Error {}

const KNOWN = new Map(COLUMNS.practices.map((column) => [headerKey(column.name), column.name]));

export function parseFormSubmission(text: string, fileName: string): CsvTable {
  const values = new Map<string, string[]>();
  let current: string[] | undefined;
  let soft = false;
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const match = /^([A-Za-z][\w.]*)=(.*)$/.exec(line);
    const column = match ? KNOWN.get(headerKey(match[1]!)) : undefined;
    if (match && column) {
      const list = values.get(column) ?? [];
      list.push(match[2]!);
      values.set(column, list);
      current = list;
    } else if (current) {
      current[current.length - 1] += soft ? line : `\n${line}`;
    } else if (line.trim() !== '') {
      throw new FormSubmissionError(
        `${fileName} does not start with a "column=value" line (found ${JSON.stringify(line.slice(0, 40))}): save the body of the e-mail from the share form as it is, or import a CSV`,
      );
    }
    soft = line.endsWith(' ') && current !== undefined;
  }
  if (values.size === 0) throw new FormSubmissionError(`${fileName} holds no "column=value" line: save the body of the e-mail from the share form as it is`);
  const header = [...values.keys()];
  return { header, rows: [{ row: 2, cells: header.map((name) => importCell(name, values.get(name)!)) }], delimiter: ',', encoding: 'UTF-8' };
}
