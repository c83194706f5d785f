/**
 * Validates all content at once and reports every problem (used by the CLI, the build and tests):
 * each file against its collection's schema from the registry (collections.ts), then the rules
 * across files (integrity.ts).
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { PDF_HEAD_LENGTH, type StoredFile } from '../documents.ts';
import type { Lang } from '../schemas/fields.ts';
import { COLLECTIONS, COLLECTION_NAMES, type CollectionName, type CollectionSpec } from './collections.ts';
import { checkIntegrity } from './integrity.ts';
import { problemsFromIssues, type Problem } from './problems.ts';
import { readContent, type RawEntry } from './read-content.ts';

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
  content: ValidContent;
  /** Number of files read. */
  fileCount: number;
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

/** Reads and validates everything under `<root>/src/content/` (or `contentDirectory`). */
export function checkContent(root: string, contentDirectory?: string): ContentCheck {
  const { entries, problems } = readContent(root, contentDirectory);
  const content = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, []])) as unknown as ValidContent;
  for (const entry of entries) {
    const spec: CollectionSpec = COLLECTIONS[entry.collection];
    const data = validate(entry, spec.schemaFor(entry.data), problems);
    if (data === undefined) continue;
    const { id, file, lang } = entry;
    const stub = spec.isStub?.(entry.data) ?? false;
    (content[entry.collection] as Entry<unknown>[]).push({ id, file, lang, stub, data });
  }

  problems.push(
    ...checkIntegrity(entries, {
      imageExists: (src) => existsSync(join(root, 'public', src)),
      publicFile: (path) => readStoredFile(join(root, 'public', path)),
    }),
  );
  return { problems, content, fileCount: entries.length };
}
