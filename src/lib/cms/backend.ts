/**
 * Where the CMS reads and writes content, chosen by environment variables when the admin is
 * prepared (`npm run dev`, `npm run build`, `npm run cms`). No secret ever goes into the
 * repository or the generated config: GitHub signs in through an OAuth proxy you host
 * (CMS_AUTH_URL), GitLab through PKCE with a public application id.
 *
 *   CMS_BACKEND          github | gitlab            (unset: local editing only)
 *   CMS_REPO             owner/name of the repository (required with a backend)
 *   CMS_BRANCH           branch to publish to        (default main)
 *   CMS_AUTH_URL         GitHub: base URL of the OAuth proxy; GitLab: base URL of the instance
 *   CMS_AUTH_ENDPOINT    path of the OAuth endpoint on CMS_AUTH_URL (default "auth" / "oauth/authorize")
 *   CMS_API_ROOT         API of a self-hosted GitHub Enterprise or GitLab
 *   CMS_APP_ID           GitLab: id of the OAuth application (PKCE, no secret)
 *   CMS_EDITORIAL_WORKFLOW  "false" publishes on save; otherwise draft → in review → ready
 *   CMS_PREVIEW_CONTEXT  name of the commit status whose address is a draft's preview (unset: Decap
 *                        takes the first status whose name holds "deploy", which is the one
 *                        `npm run deploy:preview` posts, or Netlify's and Cloudflare's own)
 *   CMS_OPEN_AUTHORING   GitHub: "true" lets anyone with a GitHub account contribute: Decap forks
 *                        the repository for them and their "ready" draft becomes a pull request,
 *                        which lands in the editorial workflow (Decap's Open Authoring)
 *   CMS_AUTH_SCOPE       GitHub: "repo" for a private repository (Open Authoring forks it); default
 *                        Decap's own ("public_repo" for a public one)
 *   DECAP_SERVER_PORT    port of the local backend (default 8081)
 *   ICC_EDITOR_TOKEN     set by `npm run cms` only: the secret of this run, which the local content
 *                        server requires on every request (the editor sends it; see editor-guard.ts)
 */

export const DEFAULT_LOCAL_PORT = 8081;

/** The header that carries the secret of an `npm run cms` run to the local content server. */
export const EDITOR_TOKEN_HEADER = 'X-ICC-Editor-Token';

export interface BackendSettings {
  /** Decap `backend`. */
  backend: Record<string, unknown>;
  /** Decap `local_backend`: used instead of `backend` when the admin runs on localhost. */
  localBackend: LocalBackend;
  /** Decap `publish_mode`. */
  publishMode?: 'editorial_workflow';
  /** True when only the local backend is configured. */
  localOnly: boolean;
}

/** Decap `local_backend`, and the secret the admin adds to its requests (and removes before Decap reads it). */
export interface LocalBackend {
  url: string;
  allowed_hosts: string[];
  token?: string;
}

export class BackendSettingsError extends Error {}

type Environment = Record<string, string | undefined>;

function localBackendUrl(env: Environment): string {
  const raw = env.DECAP_SERVER_PORT?.trim() || String(DEFAULT_LOCAL_PORT);
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new BackendSettingsError(`DECAP_SERVER_PORT must be a port number from 1 to 65535 (found "${raw}")`);
  }
  return `http://localhost:${port}/api/v1`;
}

export function localBackendPort(env: Environment): number {
  return Number(new URL(localBackendUrl(env)).port);
}

/** Reads the backend settings; throws BackendSettingsError with a fix when they are wrong. */
export function backendSettings(env: Environment): BackendSettings {
  const token = env.ICC_EDITOR_TOKEN?.trim();
  const localBackend: LocalBackend = { url: localBackendUrl(env), allowed_hosts: ['localhost', '127.0.0.1'], ...(token ? { token } : {}) };
  const name = env.CMS_BACKEND?.trim().toLowerCase();
  if (!name) {
    // Only the local backend: Decap still needs a `backend`; the proxy is the same local server.
    return {
      backend: { name: 'proxy', proxy_url: localBackend.url, branch: 'main' },
      localBackend,
      localOnly: true,
    };
  }
  if (name !== 'github' && name !== 'gitlab') {
    throw new BackendSettingsError(`CMS_BACKEND must be "github" or "gitlab" (found "${env.CMS_BACKEND}"), or unset for local editing only`);
  }
  const repo = env.CMS_REPO?.trim();
  if (!repo || !/^[\w.-]+(?:\/[\w.-]+)+$/.test(repo)) {
    throw new BackendSettingsError(`CMS_REPO must name the repository as owner/name, like "council-of-europe/icc-site" (found "${repo ?? ''}")`);
  }
  const backend: Record<string, unknown> = { name, repo, branch: env.CMS_BRANCH?.trim() || 'main' };
  const authUrl = env.CMS_AUTH_URL?.trim();
  if (authUrl !== undefined && authUrl !== '' && !/^https:\/\/\S+$/.test(authUrl)) {
    throw new BackendSettingsError(`CMS_AUTH_URL must be an https:// address (found "${authUrl}")`);
  }
  if (name === 'github') {
    if (authUrl) backend.base_url = authUrl;
    if (env.CMS_AUTH_ENDPOINT?.trim()) backend.auth_endpoint = env.CMS_AUTH_ENDPOINT.trim();
  } else {
    const appId = env.CMS_APP_ID?.trim();
    if (!appId) {
      throw new BackendSettingsError('CMS_APP_ID must hold the id of the GitLab OAuth application (Settings → Applications; no secret is needed)');
    }
    Object.assign(backend, { auth_type: 'pkce', app_id: appId });
    if (authUrl) backend.base_url = authUrl;
    if (env.CMS_AUTH_ENDPOINT?.trim()) backend.auth_endpoint = env.CMS_AUTH_ENDPOINT.trim();
  }
  if (env.CMS_API_ROOT?.trim()) backend.api_root = env.CMS_API_ROOT.trim();
  if (env.CMS_PREVIEW_CONTEXT?.trim()) backend.preview_context = env.CMS_PREVIEW_CONTEXT.trim();
  const workflow = env.CMS_EDITORIAL_WORKFLOW?.trim().toLowerCase() !== 'false';
  const openAuthoring = env.CMS_OPEN_AUTHORING?.trim().toLowerCase();
  if (openAuthoring !== undefined && openAuthoring !== '' && openAuthoring !== 'true' && openAuthoring !== 'false') {
    throw new BackendSettingsError(`CMS_OPEN_AUTHORING must be "true" or "false" (found "${env.CMS_OPEN_AUTHORING}")`);
  }
  if (openAuthoring === 'true') {
    if (name !== 'github') {
      throw new BackendSettingsError('CMS_OPEN_AUTHORING works with the GitHub backend only (Decap forks the repository for each contributor): set CMS_BACKEND=github, or remove CMS_OPEN_AUTHORING');
    }
    if (!workflow) {
      throw new BackendSettingsError('CMS_OPEN_AUTHORING needs the editorial workflow (a contribution is a draft that becomes a pull request): remove CMS_EDITORIAL_WORKFLOW=false, or remove CMS_OPEN_AUTHORING');
    }
    backend.open_authoring = true;
  }
  const scope = env.CMS_AUTH_SCOPE?.trim();
  if (scope) {
    if (name !== 'github' || (scope !== 'repo' && scope !== 'public_repo')) {
      throw new BackendSettingsError(`CMS_AUTH_SCOPE must be "repo" (a private repository) or "public_repo", with the GitHub backend (found "${scope}" with ${name})`);
    }
    backend.auth_scope = scope;
  }
  return {
    backend,
    localBackend,
    ...(workflow ? { publishMode: 'editorial_workflow' as const } : {}),
    localOnly: false,
  };
}
