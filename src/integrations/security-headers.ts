import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { headersFile } from '../lib/security.ts';

/** Writes dist/_headers: the Content-Security-Policy and other headers, for hosts that read it. */
export function securityHeaders(): AstroIntegration {
  return {
    name: 'icc:security-headers',
    hooks: {
      'astro:build:done': ({ dir }) => {
        writeFileSync(fileURLToPath(new URL('_headers', dir)), headersFile());
      },
    },
  };
}
