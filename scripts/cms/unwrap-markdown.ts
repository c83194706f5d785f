/**
 * Joins, once, the hard-wrapped paragraphs of the Markdown fields of every content file (issue
 * 15: the CMS's rich-text editor showed their line breaks in mid-sentence; the page never did).
 * `node scripts/cms/unwrap-markdown.ts` rewrites the files and lists them; `--check` only lists
 * them and exits with 1 when there are any. Which fields are Markdown comes from the CMS's
 * collection specs (src/lib/cms/collections.ts); the CMS joins them when reading too.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cmsCollectionSpecs } from '../../src/lib/cms/collections.ts';
import { unwrapContentFile } from '../../src/lib/cms/unwrap-content.ts';

const check = process.argv.includes('--check');
const files = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(folder, entry.name)) : [join(folder, entry.name)]));

let found = 0;
let failed = false;
for (const spec of cmsCollectionSpecs(new Date().getFullYear())) {
  const fields = [
    ...Object.entries(spec.overrides).filter(([path, widget]) => widget.kind === 'markdown' && !path.includes('.')).map(([path]) => path),
    ...(spec.body ? ['body'] : []),
  ];
  if (fields.length === 0) continue;
  for (const file of files(spec.folder).filter((name) => name.endsWith(`.${spec.extension}`))) {
    const text = readFileSync(file, 'utf8');
    try {
      const result = unwrapContentFile(text, spec.extension, fields);
      if (result.fields.length === 0) continue;
      found++;
      console.log(`${file}: ${result.fields.join(', ')}`);
      if (!check) writeFileSync(file, result.text);
    } catch (error) {
      failed = true;
      console.error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
console.log(`${found} file(s) with paragraphs on several lines${check ? '' : ' joined'}.`);
process.exit(failed || (check && found > 0) ? 1 : 0);
