/**
 * The git history of the content, read once per build (one `git log`, src/lib/page-history.ts),
 * and each page's last change from it. Without git, outside a repository, or in a shallow clone,
 * the history is empty and pages are dated by their content alone; the build never fails for it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { COLLECTIONS, type CollectionName } from '../lib/content/collections.ts';
import type { Lang } from '../lib/languages.ts';
import { GIT_LOG_ARGS, lastChange, parseGitLog, type FileCommit, type PageChange } from '../lib/page-history.ts';
import { siteConfig } from '../lib/site-config.ts';

let history: { files: Map<string, FileCommit>; prefix: string } | undefined;

function git(args: readonly string[]): string {
  return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 512 * 1024 * 1024 });
}

function readHistory(): { files: Map<string, FileCommit>; prefix: string } {
  try {
    if (git(['rev-parse', '--is-shallow-repository']).trim() === 'true') return { files: new Map(), prefix: '' };
    // The project may sit in a folder of the repository: history links need the path from its root.
    const prefix = git(['rev-parse', '--show-prefix']).trim();
    return { files: parseGitLog(git(GIT_LOG_ARGS)), prefix };
  } catch {
    return { files: new Map(), prefix: '' };
  }
}

/** "file → last commit" for every file under src/content (empty without usable git history). */
export function contentHistory(): { files: Map<string, FileCommit>; prefix: string } {
  history ??= readHistory();
  return history;
}

/** When a page made from `files` (paths from the project root) and dated `contentDates` last changed. */
export function pageChange(contentDates: readonly (string | undefined)[], files: readonly string[]): PageChange | undefined {
  const { files: commits, prefix } = contentHistory();
  const repository = siteConfig.repository;
  return lastChange(contentDates, files, commits, repository ? (path) => repository.historyUrl(`${prefix}${path}`) : undefined);
}

/**
 * The file an entry is read from, from the collection registry (folder, language folder, file
 * endings): the first ending that exists, or the first ending when none does.
 */
export function contentFile(collection: CollectionName, id: string, lang?: Lang): string {
  const spec = COLLECTIONS[collection];
  const base = `src/content/${spec.folder}/${spec.perLanguage && lang ? `${lang}/` : ''}${id}`;
  return spec.extensions.map((extension) => `${base}${extension}`).find((path) => existsSync(path)) ?? `${base}${spec.extensions[0]}`;
}
