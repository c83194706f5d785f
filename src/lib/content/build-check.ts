/**
 * The content check of the running build, while it runs in its worker
 * (src/integrations/content-check.ts): the content loader (loader.ts) waits for it when it
 * refuses a file, so the build stops with the check's report of every problem, not just the
 * loader's first collection. Kept on globalThis: Astro loads the loader and the integration as
 * separate module instances.
 */
import { isLang } from '../languages.ts';
import { keptTermCounts, readTermCounts, similarityCode } from '../nearest-cache.ts';
import type { AlikeFound } from '../nearest-lists.ts';
import { checkContent, lookAlikeCheck } from './check-content.ts';
import { takesPairs } from './look-alikes.ts';
import { formatReport, type Problem } from './problems.ts';
import { translationStatus, type LanguageStatus } from './translation-status.ts';

/** What the check found, as the build reports it. */
export type CheckOutcome =
  | {
      ran: true;
      problems: Problem[];
      warnings: Problem[];
      fileCount: number;
      /** Files in registered languages this build does not publish (SITE_LANGUAGES). */
      unpublishedFiles: number;
      /** For the editors' translation page; only when the content is valid. */
      translationStatus?: LanguageStatus[];
    }
  | { ran: false; message: string };

/** The comparison of the practices for look-alikes (check-content.ts, lookAlikeCheck). */
export interface LookAlikeOutcome {
  problems: Problem[];
  warnings: Problem[];
  /** How many texts had their terms counted, and how many took them from the counts a build kept. */
  terms?: { counted: number; kept: number };
  /** Whether the pairs were the ones the build's similar practices scored (nearest-lists.ts `AlikeFound`): no model was built. */
  taken?: boolean;
}

/**
 * The check in two stages, as a build runs it: `outcome` is everything but the comparison of the
 * practices, which `compare()` then runs on the files the first stage read (nothing when it could
 * not run). A build waits for the first before rendering a page and for the comparison, about
 * half the check's time at 10,000 practices, only before publishing. Given the look-alike pairs
 * of the build's similar practices, the comparison takes them if their model was built of the same
 * texts; else, given the term counts a build kept (nearest-cache.ts), it builds a model counting
 * only the texts that changed. Never throws.
 */
export function runStagedCheck(
  root: string,
  contentDirectory: string | undefined,
  countsPath?: string,
): { outcome: CheckOutcome; compare: (alike?: AlikeFound) => LookAlikeOutcome } {
  try {
    const check = checkContent(root, contentDirectory, { lookAlikes: false });
    const outcome: CheckOutcome = {
      ran: true,
      problems: check.problems,
      warnings: check.warnings,
      fileCount: check.fileCount,
      unpublishedFiles: check.entries.filter((entry) => entry.lang && !isLang(entry.lang)).length,
      translationStatus: check.problems.length === 0 ? translationStatus(check.entries) : undefined,
    };
    // The comparison holds the practices only, not the rest of what the check read.
    const { practices } = check.content;
    const compare = (alike?: AlikeFound): LookAlikeOutcome => {
      if (alike && sameModel(practices, alike)) return { ...lookAlikeCheck(practices, { pairs: alike.pairs }), taken: true };
      const counts = keptCounts(countsPath);
      return { ...lookAlikeCheck(practices, { countTerms: counts?.counter }), terms: counts?.tally() };
    };
    return { outcome, compare };
  } catch (error) {
    // checkContent turns every file's failure into a problem; this is the last safety net.
    return { outcome: { ran: false, message: error instanceof Error ? error.message : String(error) }, compare: () => ({ problems: [], warnings: [] }) };
  }
}

/** takesPairs, and false should it fail. */
function sameModel(practices: Parameters<typeof takesPairs>[0], alike: AlikeFound): boolean {
  try {
    return takesPairs(practices, alike);
  } catch {
    return false;
  }
}

/** Counts terms taking what `countsPath` kept (read only: the similar practices keep them); a file that cannot be read is no reason to fail. */
function keptCounts(countsPath: string | undefined): ReturnType<typeof keptTermCounts> | undefined {
  if (!countsPath) return undefined;
  try {
    return keptTermCounts(readTermCounts(countsPath), similarityCode(), { keep: false });
  } catch {
    return undefined;
  }
}

/** Both stages in one outcome: what the whole check found. */
export function withLookAlikes(outcome: CheckOutcome, lookAlikes: LookAlikeOutcome): CheckOutcome {
  if (!outcome.ran) return outcome;
  const problems = [...outcome.problems, ...lookAlikes.problems];
  return { ...outcome, problems, warnings: [...outcome.warnings, ...lookAlikes.warnings], translationStatus: problems.length === 0 ? outcome.translationStatus : undefined };
}

/** Runs the whole content check and keeps what a build reports of it; never throws. */
export function runContentCheck(root: string, contentDirectory: string | undefined): CheckOutcome {
  const { outcome, compare } = runStagedCheck(root, contentDirectory);
  return withLookAlikes(outcome, compare());
}

const PENDING = Symbol.for('icc.content-check.pending');
type WithPending = typeof globalThis & { [PENDING]?: () => Promise<CheckOutcome> };

/** Registers how to get the build's whole check (or clears it, once reported); asked only when a file is refused. */
export function setBuildCheck(check: (() => Promise<CheckOutcome>) | undefined): void {
  if (check) (globalThis as WithPending)[PENDING] = check;
  else delete (globalThis as WithPending)[PENDING];
}

/** The report of the build's content check once it has run, when it found problems. */
export async function buildCheckReport(): Promise<string | undefined> {
  const outcome = await (globalThis as WithPending)[PENDING]?.();
  return outcome?.ran && outcome.problems.length > 0 ? formatReport(outcome.problems) : undefined;
}
