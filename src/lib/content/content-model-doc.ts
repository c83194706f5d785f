/**
 * The field tables of docs/content-model.md, generated from the registry and the schemas so the
 * documentation cannot drift from what the content check accepts. Each table sits between
 * `<!-- fields: <collection> -->` and `<!-- /fields -->`; the prose around them is written by hand.
 * `npm run docs` rewrites the tables; a test fails when the committed file is out of date.
 */
import { fieldRows, jsonSchemaOf } from '../json-schema-fields.ts';
import { COLLECTIONS, collectionFolder, entrySchema, type CollectionName } from './collections.ts';

const cell = (value: string) => value.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** The Markdown table of one collection's fields. */
export function fieldTable(name: CollectionName): string {
  const spec = COLLECTIONS[name];
  const files = `${collectionFolder(name)}${spec.perLanguage ? '<lang>/' : ''}<id>${spec.extensions[0]}`;
  const rows = fieldRows(jsonSchemaOf(entrySchema(name))).map(
    (row) => `| \`${row.name}\` | ${cell(`\`${row.type}\``)} | ${row.required ? 'yes' : 'no'} | ${cell(row.description)} |`,
  );
  return [
    `Files: \`${files}\`. Generated from the schema by \`npm run docs\`: do not edit this table by hand.`,
    '',
    '| field | type | required | meaning |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

const BLOCK = /<!-- fields: ([a-z-]+) -->\n[\s\S]*?<!-- \/fields -->/g;

/** The document with every field table regenerated; unknown collection names are an error. */
export function renderFieldTables(markdown: string): string {
  return markdown.replace(BLOCK, (_block, name: string) => {
    if (!(name in COLLECTIONS)) throw new Error(`docs/content-model.md: "<!-- fields: ${name} -->" names no collection of src/lib/content/collections.ts`);
    return `<!-- fields: ${name} -->\n${fieldTable(name as CollectionName)}\n<!-- /fields -->`;
  });
}
