/**
 * Time limits for tests follow the work, never the machine's speed (issue 10). A limit is only
 * there to stop a test that hangs: it is set far above what a slow machine running other heavy
 * work needs, as a fixed allowance plus a generous one per unit of work (a page, a navigation).
 * No test asserts how long something took.
 */

/** For a test that does `count` units of work, each allowed `msEach` (on top of `fixedMs`). */
export function budgetFor(count: number, msEach: number, fixedMs = 120_000): number {
  return fixedMs + count * msEach;
}

/** How long one browser action (a navigation, a wait for an element or a URL) may take. */
export const BROWSER_ACTION_MS = 120_000;

/** How long a wait for a server to listen, a file to appear or a line of output may take. */
export const WAIT_MS = 300_000;
