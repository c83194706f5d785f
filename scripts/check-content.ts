/**
 * `npm run check:content [-- <project root>] [-- --translations]`: validates every content file and
 * the UI translations, and prints every problem with its file, field and fix. Exits 1 when anything
 * is wrong (2 when the check itself could not run). Then it summarises what is left to translate
 * in each language (a to-do list, never an error); --translations lists every entry.
 * ICC_CONTENT_DIR reads another content tree (the benchmark's corpus).
 */
import { resolve } from 'node:path';
import { checkContent, type ContentCheck } from '../src/lib/content/check-content.ts';
import { formatReport, formatWarnings } from '../src/lib/content/problems.ts';
import { translationStatus, translationSummary } from '../src/lib/content/translation-status.ts';

const args = process.argv.slice(2);
const listAll = args.includes('--translations');
const root = resolve(args.find((arg) => !arg.startsWith('--')) ?? '.');
const contentDirectory = process.env.ICC_CONTENT_DIR ? resolve(process.env.ICC_CONTENT_DIR) : undefined;
let check: ContentCheck;
try {
  check = checkContent(root, contentDirectory);
} catch (error) {
  console.error(`The content check could not run: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
const { problems, warnings, fileCount, entries } = check;
if (warnings.length > 0) console.warn(formatWarnings(warnings));
if (problems.length > 0) {
  console.error(formatReport(problems));
  process.exit(1);
}
console.log(`Content is valid: ${fileCount} files checked.`);

const status = translationStatus(entries);
console.log(`Translations (the site shows the English text where one is missing; list: /en/editors/translations/${listAll ? '' : ' or --translations'}):`);
console.log(translationSummary(status).join('\n'));
if (listAll) {
  for (const { lang, missing, outdated } of status) {
    for (const item of missing) console.log(`  ${lang} missing: ${item.file ?? `${item.source} ${item.field}`} (${item.title})`);
    for (const item of outdated) console.log(`  ${lang} older than English: ${item.file} (${item.translationDate}; English ${item.englishDate})`);
  }
}
