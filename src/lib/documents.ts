/**
 * The rules for documents stored with the site (the PDF of a resource, in public/documents/):
 * a real PDF, recognised by its first bytes rather than its name, and small enough to download
 * on a phone. The content check applies them, so a renamed Word file or a 200 MB scan stops the
 * build with its name instead of being published.
 */

/** The largest PDF the site publishes. */
export const PDF_MAX_BYTES = 10 * 1024 * 1024;

/** Every PDF file starts with these bytes. */
const PDF_MAGIC = '%PDF-';

/** What the check needs to know of a file: its size and its first bytes. */
export interface StoredFile {
  size: number;
  head: Uint8Array;
}

/** The first bytes `pdfProblem` reads. */
export const PDF_HEAD_LENGTH = PDF_MAGIC.length;

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** Why a stored file cannot be published as a PDF, or undefined when it can. */
export function pdfProblem(path: string, file: StoredFile | undefined): string | undefined {
  if (!file) return `"${path}" does not exist: put the PDF in public${path}`;
  const head = String.fromCharCode(...file.head.subarray(0, PDF_MAGIC.length));
  if (head !== PDF_MAGIC) return `"${path}" is not a PDF (its content does not start with "${PDF_MAGIC}"): save the document as PDF and upload it again`;
  if (file.size > PDF_MAX_BYTES) {
    return `"${path}" weighs ${megabytes(file.size)}, more than the ${megabytes(PDF_MAX_BYTES)} a PDF may weigh: compress it, or link to it with "url" instead`;
  }
  return undefined;
}
