import { describe, expect, it } from 'vitest';
import { FormSubmissionError, parseFormSubmission } from '../../../src/lib/import/form-submission.ts';

describe('parseFormSubmission', () => {
  it('reads a text/plain form body as one import row: repeated names a list, line breaks kept', () => {
    const body = 'title=Markets\r\nthemes=interaction\r\nthemes=education\r\nprocess=1. One\r\n2. Two\r\nlinks=A https://a.example\r\nB https://b.example\r\ncontact.name=\r\n';
    expect(parseFormSubmission(body, 'mail.txt')).toEqual({
      header: ['title', 'themes', 'process', 'links', 'contact.name'],
      rows: [{ row: 2, cells: ['Markets', 'interaction; education', '1. One\n2. Two', 'A https://a.example; B https://b.example', ''] }],
      delimiter: ',',
      encoding: 'UTF-8',
    });
  });

  it('joins back the soft breaks a mail program adds (a line ending in a space)', () => {
    expect(parseFormSubmission('purpose=A long \nsentence.\n', 'mail.txt').rows[0]!.cells).toEqual(['A long sentence.']);
  });

  it('keeps a line that only looks like a field as text of the value above', () => {
    expect(parseFormSubmission('results=Budget=EUR 5,000\naudience=300 people\n', 'mail.txt').rows[0]!.cells).toEqual(['Budget=EUR 5,000\naudience=300 people']);
  });

  it('refuses a text that is not a form submission, saying what to do', () => {
    expect(() => parseFormSubmission('Dear editors,\nplease find…', 'mail.txt')).toThrow(
      new FormSubmissionError('mail.txt does not start with a "column=value" line (found "Dear editors,"): save the body of the e-mail from the share form as it is, or import a CSV'),
    );
    expect(() => parseFormSubmission('\n\n', 'empty.txt')).toThrow('empty.txt holds no "column=value" line: save the body of the e-mail from the share form as it is');
  });
});
