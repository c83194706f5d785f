import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('giving memory back before Pagefind starts', () => {
  it('returns the pages of collected garbage to the system at once', () => {
    // In a process of its own, so that this test runner's memory does not count.
    const script = `
      import { releaseMemory } from ${JSON.stringify(new URL('../../src/lib/release-memory.ts', import.meta.url).href)};
      let garbage = Array.from({ length: 1000 }, (_, i) => new Array(50_000).fill(i + 0.5));
      const held = process.memoryUsage.rss();
      garbage = undefined;
      console.log(JSON.stringify({ held, ...releaseMemory() }));`;
    const { held, before, after } = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as { held: number; before: number; after: number };
    const MB = 1024 * 1024;
    // About 400 MB of arrays: held until the collection, gone from the resident set after it.
    expect(held).toBeGreaterThan(300 * MB);
    expect(before).toBeGreaterThan(300 * MB);
    expect(before - after).toBeGreaterThan(250 * MB);
  });
});
