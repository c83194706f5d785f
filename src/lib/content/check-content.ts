/** Validates all content at once and reports every problem (used by the CLI, the build and tests). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { citySchema } from '../schemas/city.ts';
import { indexResultSchema } from '../schemas/index-result.ts';
import { networkSchema } from '../schemas/network.ts';
import {
  isPracticeStub,
  practiceSchema,
  practiceStubSchema,
  type Practice,
  type PracticeStub,
} from '../schemas/practice.ts';
import { themeSchema } from '../schemas/theme.ts';
import { checkIntegrity, type PracticeEntry, type ValidContent } from './integrity.ts';
import { problemsFromIssues, type Problem } from './problems.ts';
import { readContent, type CollectionName, type RawEntry } from './read-content.ts';

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

/** Reads and validates everything under `<root>/src/content/`. */
export function checkContent(root: string): ContentCheck {
  const { entries, problems } = readContent(root);
  const content: ValidContent = { themes: [], networks: [], cities: [], practices: [], indexResults: [] };
  const idsOnDisk = {
    themes: new Set<string>(),
    networks: new Set<string>(),
    cities: new Set<string>(),
    practices: new Set<string>(),
    'index-results': new Set<string>(),
  } satisfies Record<CollectionName, Set<string>>;

  for (const entry of entries) {
    idsOnDisk[entry.collection].add(entry.id);
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
      case 'index-results': {
        const data = validate(entry, indexResultSchema, problems);
        if (data) content.indexResults.push({ id, file, data });
        break;
      }
    }
  }

  problems.push(
    ...checkIntegrity(content, {
      idsOnDisk,
      imageExists: (src) => existsSync(join(root, 'public', src)),
    }),
  );
  return { problems, content, fileCount: entries.length };
}
