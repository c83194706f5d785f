/**
 * `npm run hosting`: writes the server configurations in hosting/ (_headers, nginx.conf,
 * .htaccess) from the policy in src/lib/security.ts, for the backend the CMS_* variables name
 * (none: the defaults, as committed). test/lib/security.test.ts fails when they are out of date.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BackendSettingsError, backendSettings } from '../src/lib/cms/backend.ts';
import { hostingFiles, hostingPolicy } from '../src/lib/security.ts';

const folder = resolve(import.meta.dirname, '../hosting');
let backend;
try {
  backend = backendSettings(process.env);
} catch (error) {
  console.error(error instanceof BackendSettingsError ? error.message : error);
  process.exit(2);
}
for (const [name, text] of Object.entries(hostingFiles(hostingPolicy(backend)))) {
  writeFileSync(join(folder, name), text);
  console.log(`hosting/${name}`);
}
