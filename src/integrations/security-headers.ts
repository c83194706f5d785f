import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { backendSettings, type BackendSettings } from '../lib/cms/backend.ts';
import { headersFile, hostingPolicy } from '../lib/security.ts';

/**
 * Writes dist/_headers (hosts that read it: Netlify, Cloudflare Pages...), with the editor's
 * policy for the backend of this build, the same one scripts/cms/prepare-admin.ts put in the
 * editor's <meta> tag. Configurations for nginx and Apache are in hosting/ (npm run hosting).
 */
export function securityHeaders(): AstroIntegration {
  return {
    name: 'icc:security-headers',
    hooks: {
      'astro:build:done': ({ dir }) => {
        let backend: BackendSettings | undefined;
        try {
          backend = backendSettings(process.env);
        } catch {
          // prepare-admin has already stopped the build with the reason; keep the defaults here.
        }
        writeFileSync(fileURLToPath(new URL('_headers', dir)), headersFile(hostingPolicy(backend)));
      },
    },
  };
}
