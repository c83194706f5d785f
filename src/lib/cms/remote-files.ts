/**
 * Whether a file exists in the repository the CMS writes to, asked of the backend in use: the
 * local server (`npm run cms`), GitHub or GitLab. Decap's own check looks for
 * `<folder>/<slug>.md`, which misses translated entries stored in `<folder>/<lang>/<slug>.md`,
 * so a new practice could silently replace an existing one with the same title.
 */

export interface RepositoryAccess {
  /** Decap's backend name for the session: "proxy" (local), "github" or "gitlab". */
  backendName: string;
  /** The signed-in user's token (git backends). */
  token?: string;
  repo?: string;
  branch: string;
  apiRoot?: string;
  /** URL of the local server's API. */
  localUrl: string;
}

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

/** True when `path` (from the repository root) exists; false when it does not or cannot be asked. */
export async function fileExists(path: string, access: RepositoryAccess, fetchImpl: Fetch = fetch): Promise<boolean> {
  try {
    switch (access.backendName) {
      case 'proxy': {
        const response = await fetchImpl(access.localUrl, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ action: 'getEntry', params: { branch: access.branch, path } }),
        });
        if (!response.ok) return false;
        const body = (await response.json()) as { data?: unknown; file?: { id?: unknown } } | null;
        return body?.data !== null && body?.data !== undefined;
      }
      case 'github': {
        const root = access.apiRoot ?? 'https://api.github.com';
        const response = await fetchImpl(`${root}/repos/${access.repo}/contents/${path.split('/').map(encodeURIComponent).join('/')}?ref=${encodeURIComponent(access.branch)}`, {
          headers: { Authorization: `token ${access.token}`, Accept: 'application/vnd.github+json' },
        });
        return response.status === 200;
      }
      case 'gitlab': {
        const root = access.apiRoot ?? 'https://gitlab.com/api/v4';
        const response = await fetchImpl(
          `${root}/projects/${encodeURIComponent(access.repo ?? '')}/repository/files/${encodeURIComponent(path)}?ref=${encodeURIComponent(access.branch)}`,
          { method: 'HEAD', headers: { Authorization: `Bearer ${access.token}` } },
        );
        return response.status === 200;
      }
      default:
        return false;
    }
  } catch {
    // Unreachable backend: Decap's own checks still apply when it saves.
    return false;
  }
}
