/**
 * Validates all content at once and reports every problem (used by the CLI, the build and tests):
 * each file against its collection's schema from the registry (collections.ts), then the rules
 * across files (integrity.ts), then the UI translation files.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { z } from 'zod';
import { PDF_HEAD_LENGTH, type StoredFile } from '../documents.ts';
import { markdownProblems } from '../markdown-check.ts';
import type { Lang } from '../schemas/fields.ts';
import { checkTranslations } from './check-translations.ts';
import { COLLECTIONS, COLLECTION_NAMES, type CollectionName, type CollectionSpec } from './collections.ts';
import { cardTextProblems } from './card-text.ts';
import { checkIntegrity } from './integrity.ts';
import { lookAlikeProblems } from './look-alikes.ts';
import { checkMediaFolder } from './media.ts';
import { problemsFromIssues, type Problem } from './problems.ts';
import { readContent, type RawEntry } from './read-content.ts';
import { interruptedImport, STAGING_FOLDER } from '../import/write-files.ts';

/** A file that passed its schema. */
export interface Entry<T> {
  id: string;
  file: string;
  /** For per-language collections: the language, from the folder. */
  lang?: Lang;
  /** A translation holding only the fields shared with the English version (skipped by the site). */
  stub: boolean;
  data: T;
}

/** Entries that passed their schema, by collection. */
export type ValidContent = {
  [N in CollectionName]: Entry<z.output<(typeof COLLECTIONS)[N]['schema']>>[];
};

export interface ContentCheck {
  problems: Problem[];
  /** Things to look at that do not stop the build (a practice that resembles another one). */
  warnings: Problem[];
  content: ValidContent;
  /** Number of files read. */
  fileCount: number;
  /** Every file as read (before validation), for reports such as the translation status. */
  entries: RawEntry[];
}

function validate(entry: RawEntry, schema: z.ZodType, problems: Problem[]): unknown {
  const result = schema.safeParse(entry.data, { reportInput: true });
  if (result.success) return result.data;
  const knownFields = 'shape' in schema ? Object.keys((schema as unknown as z.ZodObject).shape) : [];
  problems.push(...problemsFromIssues(entry.file, result.error.issues, knownFields));
  return undefined;
}

/** Size and first bytes of a file, or undefined when there is no such file. */
function readStoredFile(path: string): StoredFile | undefined {
  if (!existsSync(path) || !statSync(path).isFile()) return undefined;
  const head = new Uint8Array(PDF_HEAD_LENGTH);
  const descriptor = openSync(path, 'r');
  try {
    readSync(descriptor, head, 0, head.length, 0);
  } finally {
    closeSync(descriptor);
  }
  return { size: statSync(path).size, head };
}

/** The text after the front matter: shown where the collection has a body, so checked like a Markdown field; lost elsewhere, so refused. */
function bodyProblems(entry: RawEntry, spec: CollectionSpec): Problem[] {
  const body = entry.body ?? '';
  if (body.trim() === '') return [];
  if (!spec.body) {
    return [
      {
        file: entry.file,
        field: '',
        message: `has text after the front matter (line ${entry.bodyLine}), which the site does not show: move it into a field of the front matter, or remove it`,
      },
    ];
  }
  return markdownProblems(body).map((message) => ({ file: entry.file, field: '', message: `${message} (in the text of the page)` }));
}

function validateEntry(entry: RawEntry, content: ValidContent, problems: Problem[]): void {
  const spec: CollectionSpec = COLLECTIONS[entry.collection];
  problems.push(...bodyProblems(entry, spec));
  const data = validate(entry, spec.schemaFor(entry.data), problems);
  if (data === undefined) return;
  const { id, file, lang } = entry;
  const stub = spec.isStub?.(entry.data) ?? false;
  (content[entry.collection] as Entry<unknown>[]).push({ id, file, lang, stub, data });
}

const describeError = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The comparison of every practice with the others (look-alike warnings, near-identical
 * failures): the slowest part of the check at 10,000 practices, so a build runs it apart
 * (src/lib/content/build-check.ts). Never throws.
 */
export function lookAlikeCheck(practices: ValidContent['practices'], from?: Parameters<typeof lookAlikeProblems>[1]): ReturnType<typeof lookAlikeProblems> {
  try {
    return lookAlikeProblems(practices, from);
  } catch (error) {
    return { problems: [{ file: 'src/content/practices/', field: '', message: `could not be compared for look-alikes (${describeError(error)}): ask a developer` }], warnings: [] };
  }
}

/**
 * Reads and validates everything under `<root>/src/content/` (or `contentDirectory`), and the UI
 * translations in `<root>/src/translations/`. Never throws: a failure while checking one file
 * becomes a problem naming that file. `lookAlikes: false` leaves out the comparison of the
 * practices (lookAlikeCheck), for a caller that runs it apart.
 */
export function checkContent(root: string, contentDirectory?: string, options: { lookAlikes?: boolean } = {}): ContentCheck {
  const { entries, problems } = readContent(root, contentDirectory);
  const content = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, []])) as unknown as ValidContent;
  for (const entry of entries) {
    try {
      validateEntry(entry, content, problems);
    } catch (error) {
      problems.push({ file: entry.file, field: '', message: `could not be checked (${describeError(error)}): simplify the file, or ask a developer` });
    }
  }
  // An import killed while it put its files in place: the content is half imported until it is completed.
  const contentFolder = contentDirectory ?? join(root, 'src', 'content');
  const interrupted = interruptedImport(contentFolder);
  if (interrupted) {
    problems.push({
      file: relative(root, join(contentFolder, STAGING_FOLDER, 'journal.json')).split(sep).join('/'),
      field: '',
      message: `an import of ${interrupted.source} was stopped while it put its ${interrupted.files.length} files in place, so only part of it is in the content: run "npm run import -- --recover" to complete it`,
    });
  }

  try {
    problems.push(
      ...checkIntegrity(entries, {
        imageExists: (src) => existsSync(join(root, 'public', src)),
        publicFile: (path) => readStoredFile(join(root, 'public', path)),
      }),
    );
  } catch (error) {
    problems.push({ file: 'src/content/', field: '', message: `could not be cross-checked (${describeError(error)}): fix the other problems first, or ask a developer` });
  }
  problems.push(...cardTextProblems(content));
  const warnings: Problem[] = [];
  if (options.lookAlikes !== false) {
    const lookAlikes = lookAlikeCheck(content.practices);
    problems.push(...lookAlikes.problems);
    warnings.push(...lookAlikes.warnings);
  }
  problems.push(...checkMediaFolder(root));
  problems.push(...checkTranslations(root));
  return { problems, warnings, content, fileCount: entries.length, entries };
}
