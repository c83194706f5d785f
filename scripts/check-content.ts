/**
 * `npm run check:content [-- <project root>]`: validates every content file and the UI
 * translations, and prints every problem with its file, field and fix. Exits 1 when anything is
 * wrong (2 when the check itself could not run). ICC_CONTENT_DIR reads another content tree
 * (the benchmark's corpus).
 */
import { resolve } from 'node:path';
import { checkContent, type ContentCheck } from '../src/lib/content/check-content.ts';
import { formatReport } from '../src/lib/content/problems.ts';

const root = resolve(process.argv[2] ?? '.');
const contentDirectory = process.env.ICC_CONTENT_DIR ? resolve(process.env.ICC_CONTENT_DIR) : undefined;
let check: ContentCheck;
try {
  check = checkContent(root, contentDirectory);
} catch (error) {
  console.error(`The content check could not run: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
if (check.problems.length > 0) {
  console.error(formatReport(check.problems));
  process.exit(1);
}
console.log(`Content is valid: ${check.fileCount} files checked.`);
