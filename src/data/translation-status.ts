/**
 * The editors' translation status (src/lib/content/translation-status.ts) of the content being
 * built, computed once per build. In a build, the content check (src/integrations/content-check.ts)
 * has just read and checked every file: it hands its status over (through a global, since the
 * integration and the pages are separate copies of this module in the same process), so the
 * pages do not read the 30,000 files of a large site again. The dev server reads the files again
 * on every request, so an edit shows at once.
 */
import { resolve } from 'node:path';
import { readContent } from '../lib/content/read-content.ts';
import { translationStatus, type LanguageStatus } from '../lib/content/translation-status.ts';

const HANDOVER = Symbol.for('icc:translation-status');
type WithHandover = { [HANDOVER]?: LanguageStatus[] };

let status: LanguageStatus[] | undefined;

function compute(): LanguageStatus[] {
  const contentDirectory = process.env.ICC_CONTENT_DIR ? resolve(process.env.ICC_CONTENT_DIR) : undefined;
  return translationStatus(readContent(process.cwd(), contentDirectory).entries);
}

/** Called by the content check of a build with the status of the files it read. */
export function handOverTranslationStatus(checked: LanguageStatus[]): void {
  (globalThis as WithHandover)[HANDOVER] = checked;
}

export function siteTranslationStatus(): LanguageStatus[] {
  if (import.meta.env.DEV) return compute();
  status ??= (globalThis as WithHandover)[HANDOVER] ?? compute();
  return status;
}
