/**
 * `npm run import -- practices <file.csv> [--dry-run] [--force] [--valid-only] [--root <dir>]`
 * `npm run import -- cities <file.csv> ...`
 *
 * Imports a spreadsheet saved as CSV (templates in templates/), or the body of an e-mail sent by
 * the public share form (/en/share/), saved as a .txt file (src/lib/import/form-submission.ts). Every row is checked with the
 * content schemas and integrity rules; when any row fails, nothing is written and every problem
 * is listed by row and column. --valid-only writes the valid rows anyway; --force replaces
 * existing files; --dry-run only lists what would be written. --root points at another copy of
 * the project (its src/content/ is written); ICC_CONTENT_DIR at another content folder.
 * Files are written all or none, even when the import is killed (src/lib/import/write-files.ts):
 * a later run, or `npm run import -- --recover`, completes or undoes a killed import first.
 * Exit codes: 0 imported (or dry run fine), 1 problems in the file, 2 wrong command.
 *
 * For tests only: ICC_IMPORT_TEST_PAUSE=staged|committed|renamed:<n> stops the import at that
 * point of the write, says so on stderr and waits for a line on stdin, so that a test can kill it
 * there without guessing a delay.
 */
import { existsSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { readContent } from '../src/lib/content/read-content.ts';
import { t, type UiKey } from '../src/lib/i18n.ts';
import { REGISTERED_LANGUAGES } from '../src/lib/languages.ts';
import { TARGET_GROUPS } from '../src/lib/target-groups.ts';
import { headerKey, type ImportKind } from '../src/lib/import/columns.ts';
import { CsvFileError, readCsvFile } from '../src/lib/import/csv-table.ts';
import { FormSubmissionError, parseFormSubmission } from '../src/lib/import/form-submission.ts';
import { formatRowProblem, planImport } from '../src/lib/import/plan-import.ts';
import { ImportBusyError, interruptedImport, recoverImport, writePlannedFiles, type Recovery, type WriteStep } from '../src/lib/import/write-files.ts';

const USAGE = `Usage: npm run import -- <practices|cities> <file.csv> [--dry-run] [--force] [--valid-only]
       npm run import -- --recover

  --dry-run     check the file and list what would be written; write nothing
  --force       replace files that already exist
  --valid-only  write the valid rows even if other rows have problems
  --root <dir>  import into another copy of the project
  --recover     finish (or undo) an import that was stopped while writing its files

Templates with every column: templates/practices.csv, templates/cities.csv (README: "For editors").`;

function usage(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const positional: string[] = [];
const flags = new Set<string>();
let rootArgument: string | undefined;
for (let index = 0; index < args.length; index++) {
  const arg = args[index]!;
  if (arg === '--root') {
    rootArgument = args[++index];
    if (!rootArgument) usage('--root needs a folder');
  } else if (arg.startsWith('-')) flags.add(arg);
  else positional.push(arg);
}
for (const flag of flags) {
  if (!['--dry-run', '--force', '--valid-only', '--recover'].includes(flag)) usage(`Unknown option ${flag}`);
}
const root = resolve(rootArgument ?? '.');
const contentDirectory = process.env.ICC_CONTENT_DIR ? resolve(process.env.ICC_CONTENT_DIR) : join(root, 'src', 'content');
if (!existsSync(contentDirectory)) usage(`${contentDirectory} is not a content folder (is --root the project folder?)`);

/** What became of a killed import, in an editor's words. */
function describeRecovery(recovery: Recovery): string | undefined {
  switch (recovery.action) {
    case 'none':
      return undefined;
    case 'rolled-back':
      return `An earlier import was stopped before it had written its files: its ${recovery.staged} prepared file${recovery.staged === 1 ? ' was' : 's were'} removed, and the content is as it was before it.`;
    case 'completed':
      return `An earlier import of ${recovery.source} (started ${recovery.startedAt}) was stopped while it put its files in place: the ${recovery.moved} remaining of its ${recovery.total} files were put in place, so it is now complete.`;
  }
}

/** Completes or undoes a killed import before anything else reads the content. */
function recover(): void {
  try {
    const message = describeRecovery(recoverImport(contentDirectory));
    if (message) console.log(message);
  } catch (error) {
    if (error instanceof ImportBusyError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

if (flags.has('--recover')) {
  if (positional.length > 0 || flags.size > 1) usage('--recover takes no file and no other option');
  const message = describeRecovery(recoverImport(contentDirectory));
  console.log(message ?? 'No import was interrupted: there is nothing to recover.');
  process.exit(0);
}
// The kind may be left out (`npm run import -- practices.csv`): the header row tells.
const [first, second, ...extra] = positional;
const kindGiven = first === 'practices' || first === 'cities';
const fileArgument = kindGiven ? second : first;
if (!first) usage('Say what to import (practices or cities) and the CSV file');
if (!kindGiven && !/\.(csv|txt)$/i.test(first)) usage(`"${first}" cannot be imported: choose practices or cities`);
if (!fileArgument) usage('Name the CSV file to import');
if ((kindGiven ? extra : [second, ...extra].filter(Boolean)).length > 0) usage(`Unexpected argument "${kindGiven ? extra[0] : second}"`);
const dryRun = flags.has('--dry-run');

const csvPath = resolve(fileArgument);
const fileName = basename(csvPath);
if (!existsSync(csvPath)) usage(`${fileArgument} does not exist`);
if (dryRun) {
  // A dry run changes nothing, not even to finish an earlier import.
  const journal = interruptedImport(contentDirectory);
  if (journal) {
    console.error(`An earlier import of ${journal.source} was stopped while it put its files in place: run "npm run import -- --recover" to complete it, then check this file again.`);
    process.exit(1);
  }
} else recover();

/** practices or cities, from the header row (for `npm run import -- file.csv`). */
function guessKind(header: string[]): ImportKind {
  const keys = new Set(header.map(headerKey));
  if (keys.has('title')) return 'practices';
  if (keys.has('name') && keys.has('country')) return 'cities';
  usage(`${fileName} has neither a "title" column (practices) nor "name" and "country" columns (cities): say which it is`);
}

const started = performance.now();
let table;
try {
  // The body of an e-mail sent by the public share form (column=value lines): one row.
  table = fileName.toLowerCase().endsWith('.txt')
    ? parseFormSubmission(readFileSync(csvPath, 'utf8'), fileName)
    : await readCsvFile(csvPath, fileName);
} catch (error) {
  if (error instanceof CsvFileError || error instanceof FormSubmissionError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
const kind: ImportKind = kindGiven ? (first as ImportKind) : guessKind(table.header);
const delimiterName = { ',': 'comma', ';': 'semicolon', '\t': 'tab' }[table.delimiter];
const noun = (count: number) => `${count} ${kind === 'practices' ? (count === 1 ? 'practice' : 'practices') : count === 1 ? 'city' : 'cities'}`;
console.log(`Reading ${fileName}: ${noun(table.rows.length)} (${table.encoding}, ${delimiterName}-separated)`);

// Progress for large files: a counter on a terminal, a line every 10% otherwise.
const showProgress = table.rows.length >= 200;
let lastShown = -1;
const onProgress = (done: number, total: number) => {
  if (!showProgress) return;
  if (process.stdout.isTTY) {
    if (done === total || done - lastShown >= 25) {
      process.stdout.write(`\rChecking rows: ${done}/${total}${done === total ? '\n' : ''}`);
      lastShown = done;
    }
  } else {
    const tenth = Math.floor((done / total) * 10);
    if (tenth > lastShown) {
      console.log(`Checking rows: ${done}/${total}`);
      lastShown = tenth;
    }
  }
};

const folderNames = (directory: string) => {
  try {
    return readdirSync(directory);
  } catch {
    return [];
  }
};
const targetGroupNames = Object.fromEntries(
  TARGET_GROUPS.map((group) => [group, REGISTERED_LANGUAGES.map((lang) => t(lang, `targetGroup.${group}` as UiKey))]),
);
const { entries } = readContent(root, contentDirectory);
const plan = planImport(
  kind,
  table,
  fileName,
  { root, contentDirectory, existing: entries, fileExists: existsSync, folderNames, today: new Date().toISOString().slice(0, 10), targetGroupNames },
  { force: flags.has('--force'), validOnly: flags.has('--valid-only'), onProgress },
);

if (plan.problems.length > 0) {
  const rows = plan.invalidRows.length;
  console.error(
    `\n${plan.problems.length} problem${plan.problems.length === 1 ? '' : 's'}${rows ? ` in ${rows} row${rows === 1 ? '' : 's'}` : ''} of ${fileName}:`,
  );
  for (const problem of plan.problems) console.error(formatRowProblem(problem));
}
if (plan.files.length === 0 && plan.problems.length > 0) {
  const hint = plan.validRows.length > 0 ? ` (or add --valid-only to import the ${noun(plan.validRows.length)} without problems)` : '';
  console.error(`\nNothing was written. Fix the rows in your spreadsheet, save it as CSV UTF-8 and run the import again${hint}.`);
  process.exit(1);
}

const list = plan.files.map((file) => `  ${file.replaces ? 'replace' : 'new    '} ${file.path}`).join('\n');
if (dryRun) {
  console.log(`\nDry run, nothing written. Would write ${plan.files.length} file${plan.files.length === 1 ? '' : 's'} for ${noun(plan.validRows.length)}:\n${list}`);
  process.exit(plan.problems.length > 0 ? 1 : 0);
}
/** ICC_IMPORT_TEST_PAUSE: stop at one point of the write until a line arrives on stdin (see the header). */
const pauseAt = process.env.ICC_IMPORT_TEST_PAUSE;
const onStep = (step: WriteStep) => {
  const point = step.step === 'renamed' ? `renamed:${step.done}` : step.step;
  if (point !== pauseAt) return;
  process.stderr.write(`ICC_IMPORT_TEST_PAUSE: paused after ${point}\n`);
  const byte = Buffer.alloc(1);
  for (;;) {
    try {
      if (readSync(0, byte, 0, 1, null) === 0 || byte[0] === 0x0a) break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
};
try {
  writePlannedFiles(plan.files, contentDirectory, { source: fileName, now: new Date().toISOString(), onStep });
} catch (error) {
  if (error instanceof ImportBusyError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`\nImported ${noun(plan.validRows.length)}: wrote ${plan.files.length} file${plan.files.length === 1 ? '' : 's'} in ${seconds} s.\n${list}`);
if (plan.invalidRows.length > 0) console.log(`Skipped ${plan.invalidRows.length} row${plan.invalidRows.length === 1 ? '' : 's'} with problems (listed above).`);
console.log('Next: npm run check:content, then npm run dev to see them.');
