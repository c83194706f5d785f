import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { contentCheck } from '../../src/integrations/content-check.ts';

type SetupHook = (options: unknown) => void;

function runSetup(root: string, command: 'build' | 'dev') {
  const logger = { info: vi.fn(), error: vi.fn() };
  const hook = contentCheck().hooks['astro:config:setup'] as unknown as SetupHook;
  const run = () => hook({ config: { root: pathToFileURL(`${resolve(root)}/`) }, command, logger });
  return { run, logger };
}

describe('the content check in the Astro build', () => {
  it('stops a build of invalid content before anything is written, listing every problem', () => {
    const { run } = runSetup('test/fixtures/broken-content', 'build');
    expect(run).toThrowError(/Content is invalid, nothing was built\.\n[\s\S]*cities\[1\] "bilbaoo" is not a known city[\s\S]*problems in 10 files/);
  });

  it('lets the dev server start on invalid content but prints the problems', () => {
    const { run, logger } = runSetup('test/fixtures/broken-content', 'dev');
    expect(run).not.toThrow();
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('scores.education must be 100 or less'));
  });

  it('lets a valid content tree build', () => {
    const { run, logger } = runSetup('.', 'build');
    expect(run).not.toThrow();
    expect(logger.info).toHaveBeenCalledWith(expect.stringMatching(/^content is valid \(\d+ files\)$/));
  });
});
