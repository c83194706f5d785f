import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { readContent } from '../../../src/lib/content/read-content.ts';
import { CITY_COLUMNS, PRACTICE_COLUMNS, PRACTICE_FIELDS_NOT_IMPORTED, type ColumnSpec } from '../../../src/lib/import/columns.ts';
import { decodeCsv, parseCsv } from '../../../src/lib/import/csv-table.ts';
import { formatRowProblem, planImport } from '../../../src/lib/import/plan-import.ts';
import { citySchema } from '../../../src/lib/schemas/city.ts';
import { practiceSchema, CONTACT_TRANSLATED_KEYS, TRANSLATED_KEYS } from '../../../src/lib/schemas/practice.ts';
import { TRANSLATION_LANGUAGES, type Lang } from '../../../src/lib/languages.ts';

/** Every leaf field of a schema: `period.start`, `contact.email`, `links` (lists of groups are one cell). */
function leafFields(schema: z.ZodType, prefix = ''): string[] {
  let node: any = schema;
  while (['optional', 'default'].includes(node._zod.def.type)) node = node._zod.def.innerType;
  if (node._zod.def.type !== 'object') return [prefix];
  return Object.entries(node._zod.def.shape as Record<string, z.ZodType>).flatMap(([key, child]) => leafFields(child, prefix ? `${prefix}.${key}` : key));
}

const fieldsOf = (columns: readonly ColumnSpec[], lang?: Lang) =>
  columns.filter((column) => column.field !== '' && column.lang === lang).map((column) => column.field);

describe('the CSV columns and the schemas', () => {
  it('give every practice field a column, except pictures (files cannot travel in a CSV)', () => {
    const fields = leafFields(practiceSchema).filter((field) => !(field.split('.')[0]! in PRACTICE_FIELDS_NOT_IMPORTED));
    expect(fieldsOf(PRACTICE_COLUMNS).sort()).toEqual(fields.sort());
  });

  it.each(TRANSLATION_LANGUAGES)('give every translated practice text, and the contact\'s name and role, a "%s." column', (lang) => {
    const translatedTexts = [...TRANSLATED_KEYS.filter((key) => !['images', 'published', 'updated'].includes(key)), ...CONTACT_TRANSLATED_KEYS.map((part) => `contact.${part}`)];
    expect(fieldsOf(PRACTICE_COLUMNS, lang).sort()).toEqual(translatedTexts.sort());
  });

  it('give every city field a column', () => {
    expect(fieldsOf(CITY_COLUMNS).sort()).toEqual(leafFields(citySchema).sort());
  });
});

describe('the templates', () => {
  const root = process.cwd();
  const context = {
    root,
    contentDirectory: join(root, 'src/content'),
    existing: readContent(root).entries,
    fileExists: existsSync,
    folderNames: () => [],
    today: '2026-11-26',
    targetGroupNames: { youth: ['Young people'], 'general-public': ['All residents'], 'civil-society': ['Civil society'] },
  };

  it.each([
    ['practices', PRACTICE_COLUMNS],
    ['cities', CITY_COLUMNS],
  ] as const)('templates/%s.csv has every column and an example row that imports cleanly', (kind, columns) => {
    const file = `templates/${kind}.csv`;
    const table = parseCsv(decodeCsv(readFileSync(file), file).text, file);
    expect(table.header).toEqual(columns.map((column) => column.name));
    expect(table.rows).toHaveLength(1);
    const plan = planImport(kind, table, file, context);
    expect(plan.problems.map(formatRowProblem)).toEqual([]);
    expect(plan.files.length).toBeGreaterThan(0);
  });
});
