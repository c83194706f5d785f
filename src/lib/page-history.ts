/**
 * When a page last changed: the newest of the dates its content gives (a practice's `updated`,
 * an Index report's `date`) and, where the build has git history, the last commit of the files it
 * is made from, with the address of the file's history when the repository is configured
 * (siteConfig.repository).
 *
 * The git history is read once per build, by one `git log` over src/content (src/data/page-history.ts),
 * parsed here into "file → last commit". Without usable history (no git, a tarball, a shallow
 * clone, whose single commit would date every file) the map is empty and pages use the content's
 * dates alone.
 */

export interface FileCommit {
  /** YYYY-MM-DD, the committer date. */
  date: string;
  commit: string;
}

/** Arguments of the one `git log` call: newest first, each commit's files, paths relative to the project. */
export const GIT_LOG_ARGS = ['log', '--format=%x1e%H%x1f%cI', '--name-only', '--no-renames', '--relative', '--', 'src/content'] as const;

/** "file → its last commit" from the output of `git log` with GIT_LOG_ARGS (newest commit first). */
export function parseGitLog(output: string): Map<string, FileCommit> {
  const files = new Map<string, FileCommit>();
  for (const record of output.split('\x1e')) {
    const [header, ...names] = record.split('\n');
    if (!header) continue;
    const [commit, dateTime] = header.split('\x1f');
    if (!commit || !/^[0-9a-f]{7,64}$/.test(commit) || !dateTime || !/^\d{4}-\d{2}-\d{2}T/.test(dateTime)) {
      throw new Error(`git log printed a commit line this build cannot read: "${header.slice(0, 80)}" (expected "<hash>\\x1f<ISO date>")`);
    }
    for (const name of names) {
      const path = name.trim();
      if (path && !files.has(path)) files.set(path, { commit, date: dateTime.slice(0, 10) });
    }
  }
  return files;
}

export interface PageChange {
  /** YYYY-MM-DD. */
  date: string;
  /** The history of the page's main file on the repository, when one is configured. */
  historyUrl?: string;
}

/**
 * The page's last change: the newest of its content dates and its files' last commits. `files`
 * are paths from the project root (src/content/...); the first is the page's main file, whose
 * history is linked. Undefined when nothing dates the page.
 */
export function lastChange(
  contentDates: readonly (string | undefined)[],
  files: readonly string[],
  history: ReadonlyMap<string, FileCommit>,
  historyUrl?: (path: string) => string,
): PageChange | undefined {
  const dates = [...contentDates, ...files.map((file) => history.get(file)?.date)].filter((date): date is string => typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date));
  if (dates.length === 0) return undefined;
  const date = dates.reduce((latest, date) => (date > latest ? date : latest));
  const main = files[0];
  return main && historyUrl ? { date, historyUrl: historyUrl(main) } : { date };
}
