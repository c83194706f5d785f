/**
 * The local content server of `npm run cms`: decap-server's file-system backend (its Express
 * middlewares, run in this process) behind the editor guard (src/lib/cms/editor-guard.ts), bound
 * to 127.0.0.1. decap-server's own command would listen unguarded; here nothing reaches it
 * before the Host, the origin, the secret of this run and every path have been checked, and the
 * answers that list files are filtered the same way.
 *
 * Started by scripts/cms/start.ts with, in its environment:
 *   PORT                 port to listen on (127.0.0.1 only)
 *   GIT_REPO_DIRECTORY   the project root (decap-server reads this name)
 *   ICC_EDITOR_TOKEN     the secret of this run (also in the editor's generated config)
 *   ICC_EDITOR_ORIGINS   the editor's origins, separated by commas
 *   LOG_LEVEL            decap-server's logging (default "info")
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { cmsCollectionSpecs } from '../../src/lib/cms/collections.ts';
import {
  EDITOR_TOKEN_HEADER,
  allowedOrigin,
  checkRequestBody,
  checkRequestHead,
  filterAnswer,
  type GuardOptions,
  type Verdict,
} from '../../src/lib/cms/editor-guard.ts';
import { MEDIA_FOLDER } from '../../src/lib/media.ts';
import { CURRENT_YEAR } from '../../src/lib/schemas/fields.ts';

/** The parts of Express (decap-server's own dependency) used here. */
interface Request extends IncomingMessage {
  body?: unknown;
}
interface Response extends ServerResponse {
  json(body: unknown): Response;
  status(code: number): Response;
}
type Next = (error?: unknown) => void;
type Middleware = (request: Request, response: Response, next: Next) => void;
type ErrorMiddleware = (error: unknown, request: Request, response: Response, next: Next) => void;
interface ExpressApp {
  use(handler: Middleware | ErrorMiddleware): void;
  listen(port: number, host: string, ready: () => void): { on(event: 'error', listener: (error: Error) => void): void };
}
interface Express {
  (): ExpressApp;
  json(options: { limit: string }): Middleware;
}

const require = createRequire(import.meta.url);
// decap-server's package: resolve express from it, so both use the same copy.
const decapServer = require.resolve('decap-server/dist/middlewares.js');
const express = createRequire(decapServer)('express') as Express;
const { registerLocalFs } = require(decapServer) as {
  registerLocalFs(app: ExpressApp, options: { logLevel?: string }): Promise<void>;
};

function fail(message: string): never {
  console.error(`content server: ${message}`);
  process.exit(2);
}

const port = Number(process.env.PORT);
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`PORT must be a port number (found "${process.env.PORT ?? ''}")`);
const token = process.env.ICC_EDITOR_TOKEN ?? '';
if (token.length < 32) fail('ICC_EDITOR_TOKEN must hold the secret of this run (start the editor with "npm run cms")');
const editorOrigins = (process.env.ICC_EDITOR_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean);
if (editorOrigins.length === 0) fail('ICC_EDITOR_ORIGINS must name the editor\'s origin, like "http://localhost:4321"');
const root = resolve(process.env.GIT_REPO_DIRECTORY ?? process.cwd());
process.env.GIT_REPO_DIRECTORY = root;

const options: GuardOptions = {
  root,
  port,
  editorOrigins,
  token,
  contentFolders: cmsCollectionSpecs(CURRENT_YEAR).map((spec) => ({ folder: spec.folder, extension: spec.extension })),
};

function answerRefusal(response: Response, verdict: Exclude<Verdict, { ok: true }>) {
  console.error(`content server: ${verdict.error}`);
  response.status(verdict.status).json({ error: verdict.error });
}

/** CORS for the editor only: the answer names its exact origin, and no other. */
function corsHeaders(request: Request, response: Response) {
  response.setHeader('Vary', 'Origin');
  const origin = allowedOrigin(head(request), options);
  if (origin) response.setHeader('Access-Control-Allow-Origin', origin);
}

const head = (request: Request) => ({ method: request.method ?? '', headers: request.headers });

/** Host, origin, secret; answers the editor's preflight itself. */
const checkHead: Middleware = (request, response, next) => {
  corsHeaders(request, response);
  const verdict = checkRequestHead(head(request), options);
  if (!verdict.ok) return answerRefusal(response, verdict);
  if (request.method === 'OPTIONS') {
    response.setHeader('Access-Control-Allow-Methods', 'POST');
    response.setHeader('Access-Control-Allow-Headers', `Content-Type, ${EDITOR_TOKEN_HEADER}`);
    response.setHeader('Access-Control-Max-Age', '600');
    response.statusCode = 204;
    return void response.end();
  }
  if (request.url !== '/api/v1') return void response.status(404).json({ error: 'Not found: the editor uses /api/v1' });
  next();
};

/** The action and its paths; answers that list files are filtered on their way out. */
const checkBody: Middleware = (request, response, next) => {
  void checkRequestBody(request.body, options).then((verdict) => {
    if (!verdict.ok) return answerRefusal(response, verdict);
    const action = String((request.body as { action: string }).action);
    const json = response.json.bind(response);
    response.json = (answer: unknown) => {
      void filterAnswer(action, answer, options).then((kept) => json(kept));
      return response;
    };
    next();
  }, next);
};

const app = express();
app.use(checkHead);
// Parsed here so the guard sees the body; decap-server's own parser then leaves it as it is.
app.use(express.json({ limit: '50mb' }));
app.use(checkBody);
await registerLocalFs(app, { logLevel: process.env.LOG_LEVEL ?? 'info' });
app.use((error: unknown, _request: Request, response: Response, _next: Next) => {
  const message = error instanceof SyntaxError ? 'Refused: the request is not valid JSON' : 'The content server failed on this request';
  if (!(error instanceof SyntaxError)) console.error('content server:', error);
  response.status(error instanceof SyntaxError ? 400 : 500).json({ error: message });
});

app
  .listen(port, '127.0.0.1', () => {
    console.log(`content server: listening on 127.0.0.1:${port}, editing ${root} (content folders and ${MEDIA_FOLDER}/ only)`);
  })
  .on('error', (error) => fail(error.message));
