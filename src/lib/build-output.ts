/**
 * Publishing a build all at once. A build writes into a staging folder beside the published one
 * (`.dist-building-<pid>` next to `dist`); only a build whose every step passed replaces the
 * published folder, by two renames on the same disk (`dist` → `.dist-replaced-<pid>`, staging →
 * `dist`), after which the replaced site is removed. A build that fails, is interrupted or is
 * killed leaves the published folder exactly as it was. What a killed build could not clean up
 * (its staging folder, or a replaced site when it died between the two renames) is put right by
 * the next build, before it starts.
 */
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

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

/** Replaces the published site by the staging folder (the staging folder must be complete). */
export function publishStaging({ output, staging, replaced }: BuildFolders): void {
  if (!existsSync(staging)) throw new Error(`Nothing to publish: the build's folder ${staging} does not exist.`);
  const hadOutput = existsSync(output);
  if (hadOutput) renameSync(output, replaced);
  try {
    renameSync(staging, output);
  } catch (error) {
    if (hadOutput) renameSync(replaced, output);
    throw error;
  }
  rmSync(replaced, { recursive: true, force: true });
}

/** Removes the staging folder of a build that will not be published. */
export function discardStaging({ staging }: BuildFolders): void {
  rmSync(staging, { recursive: true, force: true });
}
