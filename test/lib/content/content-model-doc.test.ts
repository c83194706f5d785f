import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fieldTable, renderFieldTables } from '../../../src/lib/content/content-model-doc.ts';
import { COLLECTION_NAMES } from '../../../src/lib/content/collections.ts';

describe('the field tables of docs/content-model.md', () => {
  const doc = readFileSync('docs/content-model.md', 'utf8');

  it('are up to date with the schemas (run `npm run docs` after changing a schema)', () => {
    expect(renderFieldTables(doc)).toBe(doc);
  });

  it('cover every collection of the registry', () => {
    for (const name of COLLECTION_NAMES) expect(doc).toContain(`<!-- fields: ${name} -->`);
  });

  it('give every field its meaning, nested fields by their dotted path', () => {
    const table = fieldTable('practices');
    expect(table).toContain('| `period.start` | `integer` | yes | year the practice started');
    expect(table).toContain('| `links[].url` | `string` | yes | address of the link |');
    for (const name of COLLECTION_NAMES) expect(fieldTable(name)).not.toMatch(/\| (yes|no) \|  \|$/m);
  });

  it('refuse a table for a collection that does not exist', () => {
    expect(() => renderFieldTables('<!-- fields: meetings -->\n<!-- /fields -->')).toThrow('"<!-- fields: meetings -->" names no collection');
  });
});
