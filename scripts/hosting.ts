/**
 * `npm run hosting`: writes the server configurations in hosting/ (_headers, nginx.conf,
 * .htaccess, and the container's whole nginx server, nginx-site.conf) from the policies in
 * src/lib/security.ts and src/lib/cache-policy.ts, for the backend the CMS_* variables name
 * (none: the defaults, as committed). test/lib/security.test.ts and test/lib/nginx-site.test.ts
 * fail when they are out of date.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BackendSettingsError, backendSettings } from '../src/lib/cms/backend.ts';
import { nginxSiteConf } from '../src/lib/nginx-site.ts';
import { hostingFiles, hostingPolicy } from '../src/lib/security.ts';

const folder = resolve(import.meta.dirname, '../hosting');
let backend;
try {
  backend = backendSettings(process.env);
} catch (error) {
  console.error(error instanceof BackendSettingsError ? error.message : error);
  process.exit(2);
}
const policy = hostingPolicy(backend);
for (const [name, text] of Object.entries({ ...hostingFiles(policy), 'nginx-site.conf': nginxSiteConf(undefined, policy) })) {
  writeFileSync(join(folder, name), text);
  console.log(`hosting/${name}`);
}
