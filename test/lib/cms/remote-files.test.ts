import { describe, expect, it } from 'vitest';
import { fileExists, type RepositoryAccess } from '../../../src/lib/cms/remote-files.ts';

const access = (backendName: string, extra: Partial<RepositoryAccess> = {}): RepositoryAccess => ({
  backendName,
  branch: 'main',
  localUrl: 'http://localhost:8081/api/v1',
  repo: 'coe/icc-site',
  token: 't0ken',
  ...extra,
});

function fakeFetch(answer: (url: string, init?: RequestInit) => Response) {
  const calls: { url: string; init?: RequestInit }[] = [];
  const fetch = async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return answer(url, init);
  };
  return { fetch, calls };
}

describe('asking the backend whether a file exists', () => {
  it('asks the local server (npm run cms) for the entry', async () => {
    const { fetch, calls } = fakeFetch((_url, init) => {
      const path = JSON.parse(String(init!.body)).params.path as string;
      return Response.json(path.endsWith('/en/taken.md') ? { data: '---\n', file: { path, id: 'abc' } } : { data: null, file: { path, id: null } });
    });
    expect(await fileExists('src/content/practices/en/taken.md', access('proxy'), fetch)).toBe(true);
    expect(await fileExists('src/content/practices/en/free.md', access('proxy'), fetch)).toBe(false);
    expect(calls[0]).toMatchObject({ url: 'http://localhost:8081/api/v1', init: { method: 'POST' } });
    expect(JSON.parse(String(calls[0]!.init!.body))).toEqual({ action: 'getEntry', params: { branch: 'main', path: 'src/content/practices/en/taken.md' } });
  });

  it('asks GitHub with the signed-in user’s token', async () => {
    const { fetch, calls } = fakeFetch((url) => new Response(null, { status: url.includes('taken') ? 200 : 404 }));
    expect(await fileExists('src/content/practices/fr/taken.md', access('github'), fetch)).toBe(true);
    expect(await fileExists('src/content/practices/fr/free.md', access('github'), fetch)).toBe(false);
    expect(calls[0]!.url).toBe('https://api.github.com/repos/coe/icc-site/contents/src/content/practices/fr/taken.md?ref=main');
    expect(calls[0]!.init!.headers).toMatchObject({ Authorization: 'token t0ken' });
  });

  it('asks GitLab, on a self-hosted instance too', async () => {
    const { fetch, calls } = fakeFetch(() => new Response(null, { status: 200 }));
    expect(await fileExists('src/content/cities/oslo.yaml', access('gitlab', { apiRoot: 'https://git.example.org/api/v4' }), fetch)).toBe(true);
    expect(calls[0]!.url).toBe('https://git.example.org/api/v4/projects/coe%2Ficc-site/repository/files/src%2Fcontent%2Fcities%2Foslo.yaml?ref=main');
    expect(calls[0]!.init).toMatchObject({ method: 'HEAD', headers: { Authorization: 'Bearer t0ken' } });
  });

  it('answers "no" when the backend cannot be reached (Decap’s own checks still run)', async () => {
    const failing = async () => {
      throw new TypeError('fetch failed');
    };
    expect(await fileExists('x.md', access('proxy'), failing)).toBe(false);
  });
});
