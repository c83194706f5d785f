import { describe, expect, it } from 'vitest';
import { PDF_MAX_BYTES, pdfProblem } from '../../src/lib/documents.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('pdfProblem', () => {
  it('accepts a file that starts with %PDF- and weighs at most the limit', () => {
    expect(pdfProblem('/documents/guide.pdf', { size: PDF_MAX_BYTES, head: bytes('%PDF-') })).toBeUndefined();
  });

  it('names a missing file and where to put it', () => {
    expect(pdfProblem('/documents/guide.pdf', undefined)).toBe('"/documents/guide.pdf" does not exist: put the PDF in public/documents/guide.pdf');
  });

  it('refuses a file named .pdf whose content is something else (a renamed Word or zip file)', () => {
    expect(pdfProblem('/documents/guide.pdf', { size: 2000, head: bytes('PK\u0003\u0004') })).toBe(
      '"/documents/guide.pdf" is not a PDF (its content does not start with "%PDF-"): save the document as PDF and upload it again',
    );
  });

  it('refuses a PDF over the size limit, saying its weight and the limit', () => {
    expect(pdfProblem('/documents/scan.pdf', { size: 12.5 * 1024 * 1024, head: bytes('%PDF-') })).toBe(
      '"/documents/scan.pdf" weighs 12.5 MB, more than the 10.0 MB a PDF may weigh: compress it, or link to it with "url" instead',
    );
  });
});
