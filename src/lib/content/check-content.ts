/** Validates all content at once and reports every problem (used by the CLI, the build and tests). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { citySchema, type City } from '../schemas/city.ts';
import type { Lang } from '../schemas/fields.ts';
import { indexResultSchema, type IndexResult } from '../schemas/index-result.ts';
import { networkSchema, type Network } from '../schemas/network.ts';
import {
  isPracticeStub,
  practiceSchema,
  practiceStubSchema,
  type Practice,
  type PracticeStub,
} from '../schemas/practice.ts';
import { pageSchema } from '../schemas/page.ts';
import { themeSchema, type Theme } from '../schemas/theme.ts';
import { markdownProblems } from '../markdown-check.ts';
import { checkTranslations } from './check-translations.ts';
import { checkIntegrity } from './integrity.ts';
import { problemsFromIssues, type Problem } from './problems.ts';
import { readContent, type CollectionName, type RawEntry } from './read-content.ts';

export interface Entry<T> {
  id: string;
  file: string;
  data: T;
}

export interface PracticeEntry extends Entry<Practice | PracticeStub> {
  lang: Lang;
  stub: boolean;
}

/** Entries that passed their schema. */
export interface ValidContent {
  themes: Entry<Theme>[];
  networks: Entry<Network>[];
  cities: Entry<City>[];
  practices: PracticeEntry[];
  indexResults: Entry<IndexResult>[];
}

export interface ContentCheck {
  problems: Problem[];
  content: ValidContent;
  /** Number of files read. */
  fileCount: number;
}

function validate<T>(entry: RawEntry, schema: z.ZodType<T>, problems: Problem[]): T | undefined {
  const result = schema.safeParse(entry.data, { reportInput: true });
  if (result.success) return result.data;
  const knownFields = 'shape' in schema ? Object.keys((schema as unknown as z.ZodObject).shape) : [];
  problems.push(...problemsFromIssues(entry.file, result.error.issues, knownFields));
  return undefined;
}

/** Collections whose Markdown files hold front matter only; for pages the text below it is the page. */
const FIELDS_ONLY = new Set<CollectionName>(['practices', 'index-results']);

/** The text after the front matter: shown for pages, so checked like a Markdown field; lost elsewhere, so refused. */
function bodyProblems(entry: RawEntry): Problem[] {
  const body = entry.body ?? '';
  if (body.trim() === '') return [];
  if (FIELDS_ONLY.has(entry.collection)) {
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
  const { id, file } = entry;
  problems.push(...bodyProblems(entry));
  switch (entry.collection) {
    case 'themes': {
      const data = validate(entry, themeSchema, problems);
      if (data) content.themes.push({ id, file, data });
      break;
    }
    case 'networks': {
      const data = validate(entry, networkSchema, problems);
      if (data) content.networks.push({ id, file, data });
      break;
    }
    case 'cities': {
      const data = validate(entry, citySchema, problems);
      if (data) content.cities.push({ id, file, data });
      break;
    }
    case 'practices': {
      const stub = isPracticeStub(entry.data);
      const data: Practice | PracticeStub | undefined = stub
        ? validate(entry, practiceStubSchema, problems)
        : validate(entry, practiceSchema, problems);
      if (data) content.practices.push({ id, file, data, lang: entry.lang!, stub } satisfies PracticeEntry);
      break;
    }
    case 'pages':
      validate(entry, pageSchema, problems);
      break;
    case 'index-results': {
      const data = validate(entry, indexResultSchema, problems);
      if (data) content.indexResults.push({ id, file, data });
      break;
    }
  }
}

const describeError = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Reads and validates everything under `<root>/src/content/` (or `contentDirectory`), and the UI
 * translations in `<root>/src/translations/`. Never throws: a failure while checking one file
 * becomes a problem naming that file.
 */
export function checkContent(root: string, contentDirectory?: string): ContentCheck {
  const { entries, problems } = readContent(root, contentDirectory);
  const content: ValidContent = { themes: [], networks: [], cities: [], practices: [], indexResults: [] };
  for (const entry of entries) {
    try {
      validateEntry(entry, content, problems);
    } catch (error) {
      problems.push({ file: entry.file, field: '', message: `could not be checked (${describeError(error)}): simplify the file, or ask a developer` });
    }
  }
  try {
    problems.push(...checkIntegrity(entries, { imageExists: (src) => existsSync(join(root, 'public', src)) }));
  } catch (error) {
    problems.push({ file: 'src/content/', field: '', message: `could not be cross-checked (${describeError(error)}): fix the other problems first, or ask a developer` });
  }
  problems.push(...checkTranslations(root));
  return { problems, content, fileCount: entries.length };
}
