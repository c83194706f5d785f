/**
 * `npm run docs`: regenerates the field tables of docs/content-model.md from the collection
 * registry and the zod schemas (src/lib/content/content-model-doc.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { renderFieldTables } from '../src/lib/content/content-model-doc.ts';

const path = new URL('../docs/content-model.md', import.meta.url);
const before = readFileSync(path, 'utf8');
const after = renderFieldTables(before);
if (after !== before) writeFileSync(path, after);
console.log(after === before ? 'docs/content-model.md is up to date.' : 'docs/content-model.md: field tables regenerated.');
