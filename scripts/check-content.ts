/**
 * `npm run check:content [-- <project root>]`: validates every content file and prints every
 * problem with its file, field and fix. Exits 1 when anything is wrong. ICC_CONTENT_DIR reads
 * another content tree (the benchmark's corpus).
 */
import { resolve } from 'node:path';
import { checkContent } from '../src/lib/content/check-content.ts';
import { formatReport } from '../src/lib/content/problems.ts';

const root = resolve(process.argv[2] ?? '.');
const contentDirectory = process.env.ICC_CONTENT_DIR ? resolve(process.env.ICC_CONTENT_DIR) : undefined;
const { problems, fileCount } = checkContent(root, contentDirectory);
if (problems.length > 0) {
  console.error(formatReport(problems));
  process.exit(1);
}
console.log(`Content is valid: ${fileCount} files checked.`);
