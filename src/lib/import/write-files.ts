/**
 * Writes an import's files all or none, even when the import is killed half-way (Ctrl+C, a
 * closed terminal, a crash, a full disk):
 *
 * 1. Every file is written into a staging folder, `src/content/.import/`, on the same file
 *    system as its target, so that putting it in place is one rename. Nothing next to the
 *    content changes.
 * 2. A journal listing every staged file and its target is written, flushed, then renamed into
 *    the staging folder: that rename is the moment the import happens. Killed before it, the
 *    next run deletes the staging folder (rolled back: nothing was imported).
 * 3. The staged files are renamed onto their targets one by one (a replaced file is swapped in
 *    one step), then the journal and the staging folder are removed. Killed during this, the next
 *    run (or `npm run import -- --recover`) renames the files still staged (completed). Until
 *    then the content check, and so the build, refuses to run, so a half-moved import is never
 *    published.
 *
 * A killed process loses nothing it wrote (the system holds it), so staged files are not flushed
 * one by one: flushing each of 100,000 files made a 100,000-row import take 6 minutes instead
 * of 2. The journal is flushed before it counts. A power cut during an import is the one case left: like
 * Git's default, the files it was writing may then be incomplete.
 *
 * The staging folder starts with a dot: the content reader, Astro's collections and the CMS
 * never see it, and .gitignore keeps it out of commits.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';

/** Name of the staging folder inside the content folder. */
export const STAGING_FOLDER = '.import';
const JOURNAL = 'journal.json';
const OWNER = 'owner.json';

/** A file to write: where, and what. */
export interface FileToWrite {
  absolutePath: string;
  content: string;
}

/** What the journal holds: the moves still to make, relative to the content folder. */
export interface ImportJournal {
  version: 1;
  /** The CSV file imported, for messages. */
  source: string;
  startedAt: string;
  files: { staged: string; target: string }[];
}

/** Points of the write an observer (the CLI's test hook, a progress line) is told about. */
export type WriteStep = { step: 'staged'; total: number } | { step: 'committed'; total: number } | { step: 'renamed'; done: number; total: number };

export interface WriteOptions {
  /** The CSV file imported, kept in the journal for messages. */
  source: string;
  /** Time written in the journal (ISO). */
  now: string;
  onStep?: (step: WriteStep) => void;
}

/** What a leftover of an earlier import turned into. */
export type Recovery =
  | { action: 'none' }
  /** Killed before its files were all staged: the staging folder was removed, nothing had changed. */
  | { action: 'rolled-back'; staged: number }
  /** Killed while moving files into place: the remaining ones were moved. */
  | { action: 'completed'; source: string; startedAt: string; moved: number; total: number };

/** Another import is writing files in the same content folder right now. */
export class ImportBusyError extends Error {}

export const stagingDirectory = (contentDirectory: string) => join(contentDirectory, STAGING_FOLDER);

/** Writes a new file (never over an existing one); `flush` also waits until it is on the disk. */
function writeNew(path: string, content: string, flush = false) {
  const descriptor = openSync(path, 'wx');
  try {
    writeSync(descriptor, content, null, 'utf8');
    if (flush) fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}

/** Flushes a folder's entries (renames) to the disk where the system allows it (not on Windows). */
function flushDirectory(path: string) {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, 'r');
    fsyncSync(descriptor);
  } catch {
    // Windows cannot open a folder for flushing; its renames are journalled by NTFS.
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** The journal of an import that was killed while moving its files into place, if any. */
export function interruptedImport(contentDirectory: string): ImportJournal | undefined {
  const journal = readJson(join(stagingDirectory(contentDirectory), JOURNAL)) as ImportJournal | undefined;
  return journal && journal.version === 1 && Array.isArray(journal.files) ? journal : undefined;
}

/** Refuses when a live process other than this one owns the staging folder. */
function assertNotBusy(staging: string) {
  const owner = readJson(join(staging, OWNER)) as { pid?: unknown } | undefined;
  if (owner && typeof owner.pid === 'number' && owner.pid !== process.pid && isRunning(owner.pid)) {
    throw new ImportBusyError(
      `another import (process ${owner.pid}) is writing files into ${dirname(staging)}: wait for it to finish, then run this one again`,
    );
  }
}

/** A journal path, checked to stay inside the content folder (a damaged journal must not move files elsewhere). */
function insideContent(contentDirectory: string, path: string): string {
  const absolute = join(contentDirectory, path);
  const back = relative(contentDirectory, absolute);
  if (isAbsolute(path) || back.startsWith('..') || back === '') throw new Error(`${join(stagingDirectory(contentDirectory), JOURNAL)} names a file outside the content folder: ${path}`);
  return absolute;
}

/**
 * Finishes or undoes what an earlier, killed import left: completes it when its journal was
 * written (every file was complete by then), else removes the staging folder.
 */
export function recoverImport(contentDirectory: string): Recovery {
  const staging = stagingDirectory(contentDirectory);
  if (!existsSync(staging)) return { action: 'none' };
  assertNotBusy(staging);
  const journal = interruptedImport(contentDirectory);
  if (!journal) {
    const staged = countFiles(join(staging, 'files'));
    rmSync(staging, { recursive: true, force: true });
    return { action: 'rolled-back', staged };
  }
  let moved = 0;
  for (const { staged, target } of journal.files) {
    const from = insideContent(contentDirectory, staged);
    if (!existsSync(from)) continue; // moved before the import was killed
    const to = insideContent(contentDirectory, target);
    mkdirSync(dirname(to), { recursive: true });
    renameSync(from, to);
    moved++;
  }
  for (const folder of new Set(journal.files.map(({ target }) => dirname(join(contentDirectory, target))))) flushDirectory(folder);
  rmSync(staging, { recursive: true, force: true });
  return { action: 'completed', source: journal.source, startedAt: journal.startedAt, moved, total: journal.files.length };
}

/** Files in a folder; none when it cannot be read. */
function countFiles(folder: string): number {
  try {
    return readdirSync(folder).length;
  } catch {
    return 0;
  }
}

/**
 * Writes every file or none. Call recoverImport first: a staging folder left by an earlier
 * import is refused here rather than mixed with this one.
 */
export function writePlannedFiles(files: readonly FileToWrite[], contentDirectory: string, options: WriteOptions): void {
  const staging = stagingDirectory(contentDirectory);
  const stagedFolder = join(staging, 'files');
  mkdirSync(contentDirectory, { recursive: true });
  try {
    mkdirSync(staging);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    assertNotBusy(staging);
    throw new Error(`${staging} is left from an earlier import: run "npm run import -- --recover" first`);
  }
  const toContent = (path: string) => relative(contentDirectory, path).split(sep).join('/');
  const moves: ImportJournal['files'] = [];
  try {
    writeNew(join(staging, OWNER), JSON.stringify({ pid: process.pid, startedAt: options.now }));
    mkdirSync(stagedFolder);
    files.forEach((file, index) => {
      mkdirSync(dirname(file.absolutePath), { recursive: true });
      const staged = join(stagedFolder, String(index));
      writeNew(staged, file.content);
      moves.push({ staged: toContent(staged), target: toContent(file.absolutePath) });
    });
  } catch (error) {
    // Nothing was moved: removing the staging folder undoes everything.
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  options.onStep?.({ step: 'staged', total: files.length });

  const journal: ImportJournal = { version: 1, source: options.source, startedAt: options.now, files: moves };
  const next = join(staging, `${JOURNAL}.next`);
  writeNew(next, JSON.stringify(journal), true);
  renameSync(next, join(staging, JOURNAL));
  flushDirectory(staging);
  options.onStep?.({ step: 'committed', total: files.length });

  moves.forEach(({ staged, target }, index) => {
    renameSync(join(contentDirectory, staged), join(contentDirectory, target));
    options.onStep?.({ step: 'renamed', done: index + 1, total: moves.length });
  });
  for (const folder of new Set(files.map((file) => dirname(file.absolutePath)))) flushDirectory(folder);
  rmSync(staging, { recursive: true, force: true });
}
