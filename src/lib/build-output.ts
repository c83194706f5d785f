/**
 * Publishing a build all at once. A build writes into a staging folder beside the published one
 * (`.dist-building-<pid>` next to `dist`); only a build whose every step passed replaces the
 * published folder, by two renames on the same disk (`dist` → `.dist-replaced-<pid>`, staging →
 * `dist`), after which the replaced site is removed. A build that fails, is interrupted or is
 * killed leaves the published folder exactly as it was. What a killed build could not clean up
 * (its staging folder, or a replaced site when it died between the two renames) is put right by
 * the next build, before it starts.
 */
import { existsSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { writeAtomically } from './build-cache.ts';

export interface BuildFolders {
  /** The published site, e.g. /project/dist. */
  output: string;
  /** Where this build writes, beside the published site. */
  staging: string;
  /** Where the published site waits, for an instant, while the new one takes its place. */
  replaced: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The folders of the build run by process `pid` that publishes to `output`. */
export function buildFolders(output: string, pid: number): BuildFolders {
  const parent = dirname(output);
  const name = basename(output);
  return { output, staging: join(parent, `.${name}-building-${pid}`), replaced: join(parent, `.${name}-replaced-${pid}`) };
}

/**
 * Removes what builds that are no longer running left beside `output`, and puts back a published
 * site that a build killed between its two renames left aside. `isRunning(pid)` says whether the
 * build of that process may still be writing (its folders are then left alone). Returns one
 * sentence per folder it dealt with, for the build log.
 */
export function sweepAbandonedBuilds(output: string, isRunning: (pid: number) => boolean): string[] {
  const parent = dirname(output);
  if (!existsSync(parent)) return [];
  const pattern = new RegExp(`^\\.${escapeRegExp(basename(output))}-(building|replaced)-(\\d+)$`);
  const abandoned = readdirSync(parent)
    .map((name) => ({ name, match: pattern.exec(name) }))
    .filter(({ match }) => match && !isRunning(Number(match[2])))
    .map(({ name, match }) => ({ path: join(parent, name), kind: match![1] as 'building' | 'replaced' }))
    // A replaced site is put back before any staging folder is removed.
    .sort((a, b) => (a.kind === b.kind ? a.path.localeCompare(b.path) : a.kind === 'replaced' ? -1 : 1));
  const done: string[] = [];
  for (const { path, kind } of abandoned) {
    if (kind === 'replaced' && !existsSync(output)) {
      renameSync(path, output);
      done.push(`put back ${output}, which a build killed while publishing had set aside as ${basename(path)}`);
      continue;
    }
    rmSync(path, { recursive: true, force: true });
    done.push(`removed ${basename(path)}, left by a build that did not finish`);
  }
  return done;
}

/**
 * Replaces the published site by the staging folder (the staging folder must be complete). The
 * site it replaced is removed, or, with `keepReplaced`, left where it waited (`replaced`) and its
 * path returned, for `publishAndReuse`; undefined when there was no published site.
 */
export function publishStaging({ output, staging, replaced }: BuildFolders, { keepReplaced = false } = {}): string | undefined {
  if (!existsSync(staging)) throw new Error(`Nothing to publish: the build's folder ${staging} does not exist.`);
  const hadOutput = existsSync(output);
  if (hadOutput) renameSync(output, replaced);
  try {
    renameSync(staging, output);
  } catch (error) {
    if (hadOutput) renameSync(replaced, output);
    throw error;
  }
  if (hadOutput && keepReplaced) return replaced;
  rmSync(replaced, { recursive: true, force: true });
  return undefined;
}

/**
 * What a build does with the site its publishing replaced, once the new one is published (the
 * kept pages' refill, src/lib/kept-pages-refill.ts): given the replaced site's folder, or
 * undefined when there was none. It may move the folder away; what is left is removed after.
 */
export type ReuseReplaced = (replaced: string | undefined) => Promise<void>;

/** Publishes the staging folder, then lets `reuse` take what it wants of the site it replaced, and removes the rest. */
export async function publishAndReuse(folders: BuildFolders, reuse: ReuseReplaced): Promise<void> {
  const replaced = publishStaging(folders, { keepReplaced: true });
  try {
    await reuse(replaced);
  } finally {
    rmSync(folders.replaced, { recursive: true, force: true });
  }
}

/** Removes the staging folder of a build that will not be published. */
export function discardStaging({ staging }: BuildFolders): void {
  rmSync(staging, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// A build finished by another process (scripts/build.ts)

/**
 * The variable `npm run build` (scripts/build.ts) sets for the `astro build` it starts: the file
 * where Astro's process hands over its checked, unpublished site. Astro's process then builds no
 * search index and publishes nothing: the script does both once that process has ended.
 */
export const HANDOFF_VARIABLE = 'ICC_BUILD_HANDOFF';

/** What Astro's process hands over: its staging folder (named after the script's process) and its cache. */
export interface BuildHandoff {
  folders: BuildFolders;
  cacheDir: string;
}

/** The hand-off file of this `astro build`, when scripts/build.ts started it. */
export function buildHandoff(environment: NodeJS.ProcessEnv = process.env): string | undefined {
  return environment[HANDOFF_VARIABLE] || undefined;
}

/** Writes the hand-off whole or not at all (writeAtomically). */
export function writeHandoff(file: string, handoff: BuildHandoff): void {
  writeAtomically(file, JSON.stringify(handoff));
}

/** Reads the hand-off Astro's process wrote, or says why there is none. */
export function readHandoff(file: string): BuildHandoff {
  if (!existsSync(file)) {
    throw new Error(`astro build ended without handing over its site (${file} was not written): is atomicPublish() still the last integration in astro.config.mjs?`);
  }
  const handoff = JSON.parse(readFileSync(file, 'utf8')) as BuildHandoff;
  if (typeof handoff?.cacheDir !== 'string' || typeof handoff.folders?.staging !== 'string' || typeof handoff.folders.output !== 'string' || typeof handoff.folders.replaced !== 'string') {
    throw new Error(`${file} is not the hand-off of an astro build: its site cannot be published.`);
  }
  return handoff;
}

/**
 * The end of a build that Astro's process handed over: `finish(staging)` (the search index) and,
 * only when it succeeds, publishing (then `reuse`, given the site it replaced). When `finish`
 * fails, the staging folder is removed and the published site is left as it was.
 */
export async function finishHandedOverBuild({ folders }: BuildHandoff, finish: (staging: string) => Promise<void>, reuse?: ReuseReplaced): Promise<void> {
  try {
    await finish(folders.staging);
  } catch (error) {
    discardStaging(folders);
    throw error;
  }
  if (reuse) await publishAndReuse(folders, reuse);
  else publishStaging(folders);
}
