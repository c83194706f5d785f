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
import { checkIntegrity } from './integrity.ts';
import { problemsFromIssues, type Problem } from './problems.ts';
import { readContent, type RawEntry } from './read-content.ts';

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
  /** Every file as read (before validation), for reports such as the translation status. */
  entries: RawEntry[];
}

function validate<T>(entry: RawEntry, schema: z.ZodType<T>, problems: Problem[]): T | undefined {
  const result = schema.safeParse(entry.data, { reportInput: true });
  if (result.success) return result.data;
  const knownFields = 'shape' in schema ? Object.keys((schema as unknown as z.ZodObject).shape) : [];
  problems.push(...problemsFromIssues(entry.file, result.error.issues, knownFields));
  return undefined;
}

/** Reads and validates everything under `<root>/src/content/` (or `contentDirectory`). */
export function checkContent(root: string, contentDirectory?: string): ContentCheck {
  const { entries, problems } = readContent(root, contentDirectory);
  const content: ValidContent = { themes: [], networks: [], cities: [], practices: [], indexResults: [] };
  for (const entry of entries) {
    const { id, file } = entry;
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

  problems.push(
    ...checkIntegrity(entries, {
      imageExists: (src) => existsSync(join(root, 'public', src)),
    }),
  );
  return { problems, content, fileCount: entries.length, entries };
}
