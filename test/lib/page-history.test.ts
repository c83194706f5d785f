import { describe, expect, it } from 'vitest';
import { lastChange, parseGitLog } from '../../src/lib/page-history.ts';
import { gitHostRepository } from '../../src/lib/site-config.ts';

const LOG = [
  '',
  '\x1eaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\x1f2025-06-02T18:30:00+02:00',
  '',
  'src/content/practices/en/school-mediators.md',
  'src/content/cities/bilbao.yaml',
  '\x1ebbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\x1f2024-03-18T09:00:00+00:00',
  '',
  'src/content/practices/en/school-mediators.md',
  'src/content/networks/spain.yaml',
  '',
].join('\n');

describe('parseGitLog', () => {
  it("keeps each file's newest commit (git log lists the newest first)", () => {
    const files = parseGitLog(LOG);
    expect(files.get('src/content/practices/en/school-mediators.md')).toEqual({ commit: 'a'.repeat(40), date: '2025-06-02' });
    expect(files.get('src/content/networks/spain.yaml')).toEqual({ commit: 'b'.repeat(40), date: '2024-03-18' });
    expect(files.size).toBe(3);
  });

  it('reads an empty history (no commit touched the content) as no dates', () => {
    expect(parseGitLog('').size).toBe(0);
  });

  it('stops on output it cannot read instead of dating pages wrongly', () => {
    expect(() => parseGitLog('\x1enot a commit\nsrc/content/x.md')).toThrow(
      'git log printed a commit line this build cannot read: "not a commit" (expected "<hash>\\x1f<ISO date>")',
    );
  });
});

describe('lastChange', () => {
  const history = parseGitLog(LOG);
  const repository = gitHostRepository('https://github.com/council-of-europe/icc-site/');

  it("is the newest of the content's dates and the files' last commits, with the main file's history", () => {
    expect(lastChange(['2024-03-18', undefined], ['src/content/practices/en/school-mediators.md'], history, repository.historyUrl)).toEqual({
      date: '2025-06-02',
      historyUrl: 'https://github.com/council-of-europe/icc-site/commits/main/src/content/practices/en/school-mediators.md',
    });
    expect(lastChange(['2025-09-01'], ['src/content/cities/bilbao.yaml'], history)).toEqual({ date: '2025-09-01' });
  });

  it('works without git history: the content dates alone, or nothing', () => {
    expect(lastChange(['2024-03-18', '2024-05-01'], ['src/content/practices/en/x.md'], new Map())).toEqual({ date: '2024-05-01' });
    expect(lastChange([], ['src/content/themes/education.yaml'], new Map(), repository.historyUrl)).toBeUndefined();
  });

  it('links GitLab histories and escapes file names', () => {
    const gitlab = gitHostRepository('https://gitlab.example.org/icc/site', 'live');
    expect(gitlab.historyUrl('src/content/pages/fr/légal.md')).toBe('https://gitlab.example.org/icc/site/-/commits/live/src/content/pages/fr/l%C3%A9gal.md');
  });
});
