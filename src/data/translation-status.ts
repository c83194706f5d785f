/**
 * The editors' translation status (src/lib/content/translation-status.ts) of the content being
 * built, computed once per build: it reads every content file, and one page per language shows it.
 * The dev server reads the files again on every request, so an edit shows at once.
 */
import { resolve } from 'node:path';
import { readContent } from '../lib/content/read-content.ts';
import { translationStatus, type LanguageStatus } from '../lib/content/translation-status.ts';

let status: LanguageStatus[] | undefined;

function compute(): LanguageStatus[] {
  const contentDirectory = process.env.ICC_CONTENT_DIR ? resolve(process.env.ICC_CONTENT_DIR) : undefined;
  return translationStatus(readContent(process.cwd(), contentDirectory).entries);
}

export function siteTranslationStatus(): LanguageStatus[] {
  if (import.meta.env.DEV) return compute();
  status ??= compute();
  return status;
}
