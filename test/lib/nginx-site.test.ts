import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backendSettings } from '../../src/lib/cms/backend.ts';
import { CACHE_REVALIDATE, cacheControlFor } from '../../src/lib/cache-policy.ts';
import { CONTAINER_SITE, nginxSiteConf } from '../../src/lib/nginx-site.ts';
import { hostingPolicy, sectionFor } from '../../src/lib/security.ts';

/** The location nginx picks for a path (all are prefix locations): the longest matching prefix. */
function locationFor(conf: string, path: string) {
  const locations = [...conf.matchAll(/location (?:\^~ )?(\S+) \{([^}]*)\}/g)].map(([, prefix, body]) => ({ prefix: prefix!, body: body! }));
  return locations.filter(({ prefix }) => path.startsWith(prefix)).sort((a, b) => b.prefix.length - a.prefix.length)[0]!;
}
const headersIn = (body: string) => [...body.matchAll(/add_header (\S+) "([^"]*)" always;/g)].map(([, name, value]) => [name!, value!]);

describe('the container’s nginx server', () => {
  const conf = nginxSiteConf();

  it('is the file in hosting/, generated from the policies (run "npm run hosting" after changing them)', () => {
    expect(readFileSync('hosting/nginx-site.conf', 'utf8')).toBe(conf);
    expect(conf).toContain(`listen ${CONTAINER_SITE.listen};`);
    expect(conf).toContain(`root ${CONTAINER_SITE.root};`);
  });

  it.each(['/', '/en/', '/admin/', '/admin/config.en.yml', '/images/x.png', '/_astro/a.css', '/pagefind/fr/index/x.pf_index', '/pagefind/fr/pagefind.js', '/documents/a.pdf'])(
    'gives %s every common header, its part’s policy and its caching, each once',
    (path) => {
      const policy = hostingPolicy();
      const expected = [...policy.common, ...sectionFor(path, policy).headers, ['Cache-Control', cacheControlFor(path)]];
      expect(headersIn(locationFor(conf, path).body)).toEqual(expected);
    },
  );

  it('follows the build’s backend in the editor’s policy', () => {
    const gitlab = hostingPolicy(backendSettings({ CMS_BACKEND: 'gitlab', CMS_REPO: 'coe/icc', CMS_APP_ID: '42', CMS_API_ROOT: 'https://git.coe.int/api/v4' }));
    expect(locationFor(nginxSiteConf(undefined, gitlab), '/admin/').body).toMatch(/connect-src [^;"]* https:\/\/git\.coe\.int[ ;]/);
  });

  it('compresses text, revalidates what has no rule, and never names its own host in redirects', () => {
    expect(conf).toMatch(/gzip_types [^;]*text\/css[^;]*application\/json[^;]*image\/svg\+xml/);
    expect(conf).toContain('absolute_redirect off;');
    expect(headersIn(locationFor(conf, '/somewhere-new/').body)).toContainEqual(['Cache-Control', CACHE_REVALIDATE]);
  });

  it('is what the Dockerfile installs, over the folder and port it serves', () => {
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    expect(dockerfile).toContain('COPY hosting/nginx-site.conf /etc/nginx/conf.d/site.conf');
    expect(dockerfile).toContain(`COPY --from=build /site/dist ${CONTAINER_SITE.root}`);
    expect(dockerfile).toContain(`EXPOSE ${CONTAINER_SITE.listen}`);
    // The same web server as test/e2e/container-server.test.ts: Debian's nginx package.
    expect(dockerfile).toMatch(/^FROM debian:[\w.-]+-slim$/m);
    expect(dockerfile).toMatch(/apt-get install -y --no-install-recommends nginx\b/);
    expect(dockerfile).toMatch(new RegExp(`^FROM node:${readFileSync('.nvmrc', 'utf8').trim()}-`, 'm'));
  });

  it('refuses a header value that would end nginx’s quotes early', () => {
    const policy = hostingPolicy();
    const hostile = { ...policy, common: [...policy.common, ['X-Test', 'a" always; add_header X-Evil "1'] as const] };
    expect(() => nginxSiteConf(undefined, hostile)).toThrow('nginx-site: header value "a\\" always; add_header X-Evil \\"1" holds a quote, a backslash or a line break');
  });

  it('refuses a root nginx would read differently, naming it', () => {
    expect(() => nginxSiteConf({ listen: '8080', root: 'dist' })).toThrow('nginx-site: root must be an absolute path without spaces or ;{}" (found "dist")');
    expect(() => nginxSiteConf({ listen: '8080', root: '/srv/my site' })).toThrow('(found "/srv/my site")');
  });
});
