/**
 * The site's content loader. Astro's own `glob()` loader matched files with its own pattern
 * (case-sensitive, so `Welcome.MD` passed the check and got no page) and parsed them with
 * another YAML reader; this one lists and reads files with the content check's own functions
 * (read-content.ts), so the build publishes exactly the files the check accepts, read the same way.
 *
 * A file with problems is never published. In a build that stops the build (the content check
 * has already stopped it before this runs); in the dev server the problem is printed, the other
 * files keep working, and after an edit the last valid version of the file stays on screen.
 */
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { isLang } from '../languages.ts';
import { buildCheckReport } from './build-check.ts';
import { formatProblem, type Problem } from './problems.ts';
import {
  entryId,
  listContentFiles,
  readContentFile,
  type CollectionName,
  type ContentFile,
} from './read-content.ts';

type Outcome = { stored: true; id: string } | { stored: false; problems: Problem[] };

const describeError = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Reads one file into the store; unchanged files (same digest) are kept as they are. */
async function storeFile(context: LoaderContext, file: ContentFile): Promise<Outcome> {
  const id = entryId(file);
  // Only valid files are stored, so a file whose text has not changed needs no parsing again.
  const storedDigest = context.store.get(id)?.digest;
  let digest: string | number | undefined;
  const read = readContentFile(file, (source) => {
    digest = context.generateDigest(source);
    return storedDigest !== undefined && digest === storedDigest;
  });
  if (read.problems.length > 0) return { stored: false, problems: read.problems };
  if (!read.data) return { stored: true, id };
  let data: Record<string, unknown>;
  try {
    data = await context.parseData({ id, data: read.data, filePath: file.path });
  } catch (error) {
    // The schema refused the data: a build stops on it (below); the dev server reports it and goes on.
    return { stored: false, problems: [{ file: file.file, field: '', message: describeError(error) }] };
  }
  context.store.set({ id, data, body: read.body, filePath: file.file, digest });
  return { stored: true, id };
}

/** The loader of one collection, reading `contentDirectory` (relative to the project root, or absolute). */
export function contentLoader(collection: CollectionName, contentDirectory: string): Loader {
  return {
    name: 'icc-content-loader',
    load: async (context) => {
      const { logger, store, watcher } = context;
      const root = fileURLToPath(context.config.root);
      const directory = resolve(root, contentDirectory);
      const list = () => listContentFiles(root, directory, { collections: [collection] });
      const idByPath = new Map<string, string>();

      const stored = new Set<string>();
      const refused: Problem[] = [];
      const listing = list();
      refused.push(...listing.problems);
      for (const file of listing.files) {
        // A text in a registered language this build does not publish (SITE_LANGUAGES) is checked, not built.
        if (file.lang && !isLang(file.lang)) continue;
        const outcome = await storeFile(context, file);
        if (outcome.stored) {
          stored.add(outcome.id);
          idByPath.set(file.path, outcome.id);
        } else refused.push(...outcome.problems);
      }
      // Entries of files that were removed, or that are refused now, are not published.
      for (const id of store.keys()) if (!stored.has(id)) store.delete(id);

      if (refused.length > 0) {
        const lines = refused.map(formatProblem).join('\n');
        // A build reports what its content check found (every problem of every collection), else these.
        if (!watcher) throw new Error(`Content is invalid, nothing was built.\n${(await buildCheckReport()) ?? lines}`);
        logger.warn(`${refused.length} problem${refused.length === 1 ? '' : 's'} in ${collection}; those files are not shown until fixed:\n${lines}`);
      }
      if (!watcher) return;

      watcher.add(directory);
      const inCollection = (path: string) => path.startsWith(directory + sep);
      const reload = async (path: string) => {
        if (!inCollection(path)) return;
        try {
          const current = list();
          const file = current.files.find((candidate) => candidate.path === path);
          if (!file) {
            const problems = current.problems.filter((problem) => resolve(root, problem.file) === path);
            for (const problem of problems) logger.error(formatProblem(problem));
            return;
          }
          const outcome = await storeFile(context, file);
          if (outcome.stored) {
            idByPath.set(path, outcome.id);
            logger.info(`reloaded ${file.file}`);
          } else {
            for (const problem of outcome.problems) logger.error(formatProblem(problem));
            logger.error(
              store.has(entryId(file))
                ? `${file.file} is not reloaded: the site shows its last valid version until it is fixed`
                : `${file.file} is not shown until it is fixed`,
            );
          }
        } catch (error) {
          logger.error(`${path} could not be reloaded: ${describeError(error)}`);
        }
      };
      watcher.on('add', reload);
      watcher.on('change', reload);
      watcher.on('unlink', (path: string) => {
        const id = idByPath.get(path);
        if (id === undefined) return;
        store.delete(id);
        idByPath.delete(path);
      });
    },
  };
}
