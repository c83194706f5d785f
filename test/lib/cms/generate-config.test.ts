import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { backendSettings } from '../../../src/lib/cms/backend.ts';
import { cmsCollectionSpecs } from '../../../src/lib/cms/collections.ts';
import { CmsConfigError, generateCmsConfig, type CmsField, type CmsConfig, type ThemeOption } from '../../../src/lib/cms/generate-config.ts';
import { readContent } from '../../../src/lib/content/read-content.ts';
import { citySchema } from '../../../src/lib/schemas/city.ts';
import { CURRENT_YEAR, text } from '../../../src/lib/schemas/fields.ts';
import { indexResultSchema } from '../../../src/lib/schemas/index-result.ts';
import { methodSchema } from '../../../src/lib/schemas/method.ts';
import { networkSchema } from '../../../src/lib/schemas/network.ts';
import { organisationSchema } from '../../../src/lib/schemas/organisation.ts';
import { pageSchema } from '../../../src/lib/schemas/page.ts';
import { practiceSchema, SHARED_KEYS } from '../../../src/lib/schemas/practice.ts';
import { resourceSchema } from '../../../src/lib/schemas/resource.ts';
import { themeSchema } from '../../../src/lib/schemas/theme.ts';
import { TARGET_GROUPS } from '../../../src/lib/target-groups.ts';
import { configDrift, type DriftSubject } from './config-drift.ts';
import { activitySample, citySample, indexResultSample, methodSample, networkSample, organisationSample, pageSample, practiceSample, resourceSample, themeSample } from './samples.ts';
import { activitySchema } from '../../../src/lib/schemas/activity.ts';
import { LANGUAGES, type Lang } from '../../../src/lib/languages.ts';

const themes: ThemeOption[] = readContent(process.cwd())
  .entries.filter((entry) => entry.collection === 'themes')
  .map((entry) => {
    const data = entry.data as { order: number; label: { en: string; fr: string }; versions: string[] };
    return { id: entry.id, order: data.order, label: data.label, versions: data.versions };
  });

const local = backendSettings({});
const generate = (locale: Lang = 'en', extra: Partial<Parameters<typeof generateCmsConfig>[0]> = {}) =>
  generateCmsConfig({ locale, backend: local, themes, currentYear: CURRENT_YEAR, ...extra });

const subjects = (): Record<string, DriftSubject> => ({
  practices: { schema: practiceSchema, sample: practiceSample },
  cities: { schema: citySchema, sample: citySample },
  'index-results': { schema: indexResultSchema, sample: indexResultSample(themes.map((theme) => theme.id)) },
  themes: { schema: themeSchema, sample: themeSample },
  networks: { schema: networkSchema, sample: networkSample },
  pages: { schema: pageSchema, sample: pageSample, body: true },
  methods: { schema: methodSchema, sample: methodSample },
  organisations: { schema: organisationSchema, sample: organisationSample },
  // "url" and "file" exclude each other (a rule between fields, checked on save): the sample fills both
  // so that each field is compared, against the fields' own rules.
  resources: { schema: z.strictObject(resourceSchema.shape), sample: resourceSample },
  // The rules between fields (end after start, a host unless online, deadline before start) are
  // checked on save; each field is compared against its own rules.
  activities: { schema: z.strictObject(activitySchema.shape), sample: activitySample },
});

function field(config: CmsConfig, collection: string, path: string): CmsField {
  let fields = config.collections.find((candidate) => candidate.name === collection)!.fields;
  let found: CmsField | undefined;
  for (const name of path.split('.')) {
    found = fields.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`no field ${path} in ${collection}`);
    fields = found.fields ?? [];
  }
  return found!;
}

/** Every field of a config, with its path, for comparing the two languages. */
function shape(fields: readonly CmsField[], prefix = ''): string[] {
  return fields.flatMap((item) => {
    const { label: _label, hint: _hint, options, fields: children, pattern, display_fields: _display, field: single, ...rest } = item;
    // Countries are sorted by their name in each language; pattern messages and names shown are translated.
    const values = options?.map((option) => String(option.value)).sort();
    const line = `${prefix}${item.name} ${JSON.stringify({ ...rest, options: values, pattern: pattern?.[0], field: single && { ...single, label: undefined } })}`;
    return [line, ...(children ? shape(children, `${prefix}${item.name}.`) : [])];
  });
}

describe('the CMS configuration and the schemas', () => {
  it.each(LANGUAGES)('agree field by field in the %s interface (name, required, type, range, options)', (locale) => {
    expect(configDrift(generate(locale), subjects())).toEqual([]);
  });

  it('offers the same fields in English and French; only the words differ', () => {
    const english = generate('en');
    const french = generate('fr');
    expect(french.collections.map((collection) => shape(collection.fields))).toEqual(english.collections.map((collection) => shape(collection.fields)));
    expect(field(french, 'practices', 'stimulus').label).toBe('Pourquoi elle a commencé');
    expect(field(english, 'practices', 'stimulus').label).toBe('Why it started');
  });

  it('reports a CMS field whose range drifted from the schema, in words', () => {
    const config = generate();
    field(config, 'cities', 'population').min = 2;
    field(config, 'themes', 'order').max = 100;
    expect(configDrift(config, subjects())).toEqual([
      'cities.population: the CMS refuses less than 2 (min) but the schema accepts 1',
      'themes.order: the CMS allows 100 (max) but the schema refuses it',
    ]);
  });

  it('reports fields missing on either side, a wrong required flag and an option the schema refuses', () => {
    const config = generate();
    const practices = config.collections.find((collection) => collection.name === 'practices')!;
    practices.fields = practices.fields.filter((item) => item.name !== 'updated');
    practices.fields.push({ name: 'budget', label: 'Budget', widget: 'string' });
    field(config, 'practices', 'purpose').required = false;
    field(config, 'practices', 'targetGroups').options!.push({ label: 'Cats', value: 'cats' });
    expect(configDrift(config, subjects())).toEqual([
      'practices.updated: is in the schema but not in the CMS: editors cannot fill it in',
      'practices.targetGroups: the CMS offers "cats" but the schema refuses it',
      'practices.purpose: is optional in the CMS but the schema requires it',
      'practices.budget: is in the CMS but not in the schema: remove it from the CMS or add it to the schema',
    ]);
  });

  it('refuses to generate a form for a schema field it has no label for', () => {
    const specs = cmsCollectionSpecs(CURRENT_YEAR);
    const practices = specs.find((spec) => spec.name === 'practices')!;
    practices.schema = practiceSchema.extend({ budget: text('yearly budget in euros') }) as unknown as z.ZodObject;
    expect(() => generate('en', { specs })).toThrow(
      new CmsConfigError(
        'practices: field "budget" has no label for the CMS: add "cms.field.practices.budget.label" to src/translations/en.json and every other language file (see src/lib/cms/labels.ts)',
      ),
    );
  });

  it('refuses a field type it cannot edit instead of guessing', () => {
    const specs = cmsCollectionSpecs(CURRENT_YEAR);
    const cities = specs.find((spec) => spec.name === 'cities')!;
    cities.schema = citySchema.extend({ name: z.record(z.string(), z.number()) });
    expect(() => generate('en', { specs })).toThrow(/^cities: field "name" has a type the CMS cannot edit without help .*add a widget for it in src\/lib\/cms\/collections\.ts$/);
    cities.schema = citySchema.extend({ name: z.string().regex(/^[a-z-]+$/) });
    expect(() => generate('en', { specs })).toThrow(/cities: field "name" must match \^\[a-z-\]\+\$, which the CMS form cannot offer/);
  });
});

describe('the generated widgets', () => {
  const config = generate();

  it('links cities, themes, networks and adapted practices by searchable name, storing ids', () => {
    expect(field(config, 'practices', 'cities')).toMatchObject({
      widget: 'relation',
      collection: 'cities',
      value_field: '{{slug}}',
      search_fields: ['name', 'localName', ...LANGUAGES.filter((code) => code !== 'en').map((code) => `names.${code}`)],
      display_fields: ['name'],
      multiple: true,
      min: 1,
    });
    expect(field(config, 'practices', 'themes')).toMatchObject({ collection: 'themes', search_fields: LANGUAGES.map((code) => `label.${code}`), display_fields: ['label.en'] });
    expect(field(generate('fr'), 'practices', 'themes').display_fields).toEqual(['label.fr']);
    expect(field(config, 'cities', 'networks')).toMatchObject({ widget: 'relation', collection: 'networks', multiple: true, required: false });
    expect(field(config, 'practices', 'adaptedFrom')).toMatchObject({ widget: 'relation', collection: 'practices', search_fields: ['title'] });
    expect(field(config, 'index-results', 'city')).toMatchObject({ widget: 'relation', collection: 'cities' });
    expect(field(config, 'index-results', 'city').multiple).toBeUndefined();
  });

  it('offers target groups and Index versions as selects, with the interface labels', () => {
    const groups = field(config, 'practices', 'targetGroups');
    expect(groups).toMatchObject({ widget: 'select', multiple: true, min: 1 });
    expect(groups.options!.map((option) => option.value)).toEqual([...TARGET_GROUPS]);
    expect(groups.options![0]).toEqual({ label: 'Newcomers', value: 'newcomers' });
    expect(field(generate('fr'), 'practices', 'targetGroups').options![0]).toEqual({ label: 'Nouveaux arrivants', value: 'newcomers' });
    expect(field(config, 'index-results', 'version').options).toEqual([
      { label: '2019 revision', value: '2019' },
      { label: 'Before the 2019 revision', value: 'pre-2019' },
    ]);
  });

  it("uses number widgets with the schema's bounds", () => {
    expect(field(config, 'cities', 'lat')).toMatchObject({ widget: 'number', value_type: 'float', min: -90, max: 90 });
    expect(field(config, 'cities', 'population')).toMatchObject({ value_type: 'int', min: 1, max: 50_000_000 });
    expect(field(config, 'cities', 'joined')).toMatchObject({ value_type: 'int', min: 2008, max: CURRENT_YEAR });
    expect(field(config, 'practices', 'period.start')).toMatchObject({ min: 1990, max: CURRENT_YEAR });
    expect(field(config, 'index-results', 'scores.education')).toMatchObject({ widget: 'number', value_type: 'int', min: 0, max: 100, required: false });
  });

  it('offers a year or "ongoing" for the end of a practice', () => {
    const end = field(config, 'practices', 'period.end');
    expect(end.options!.slice(0, 2)).toEqual([
      { label: 'Ongoing', value: 'ongoing' },
      { label: String(CURRENT_YEAR + 10), value: CURRENT_YEAR + 10 },
    ]);
    expect(end.options!.at(-1)).toEqual({ label: '1990', value: 1990 });
  });

  it('uses Markdown for the four long parts and plain text for the teaser', () => {
    for (const part of ['stimulus', 'process', 'results', 'transferability']) {
      expect(field(config, 'practices', part).widget).toBe('markdown');
    }
    expect(field(config, 'practices', 'purpose').widget).toBe('text');
    expect(field(config, 'index-results', 'summary.en').widget).toBe('markdown');
  });

  it('uses lists for links and contacts, and an image with a required text alternative', () => {
    expect(field(config, 'practices', 'links')).toMatchObject({ widget: 'list', required: false, summary: '{{fields.label}}' });
    expect(field(config, 'practices', 'links.url').pattern![0]).toBe(String.raw`^https:\/\/\S+$`);
    expect(field(config, 'practices', 'contact')).toMatchObject({ widget: 'object', required: false });
    expect(field(config, 'practices', 'contact.email').pattern![1]).toBe('Must be an e-mail address like name@city.org');
    expect(field(config, 'practices', 'images.src')).toMatchObject({ widget: 'image', choose_url: false, media_folder: '/public/images/practices', public_folder: '/images/practices' });
    expect(field(config, 'practices', 'images.alt')).toMatchObject({ widget: 'string' });
    expect(field(config, 'practices', 'images.alt').required).toBeUndefined();
  });

  it('shares the common fields between languages and translates the rest', () => {
    const practices = config.collections.find((collection) => collection.name === 'practices')!;
    expect(practices.i18n).toBe(true);
    for (const item of practices.fields) {
      const shared = (SHARED_KEYS as string[]).includes(item.name);
      if (item.name === 'contact') {
        // The contact's name and role are written in each language; its e-mail and web page are shared.
        expect(item.i18n).toBe(true);
        expect(Object.fromEntries(item.fields!.map((child) => [child.name, child.i18n]))).toEqual({ name: true, role: true, email: 'duplicate', url: 'duplicate', languages: 'duplicate' });
      } else if (item.fields) {
        expect(item.i18n).toBe(true);
        for (const child of item.fields) expect(child.i18n).toBe(shared ? 'duplicate' : true);
      } else expect(item.i18n).toBe(shared ? 'duplicate' : true);
    }
    expect(config.i18n).toEqual({ structure: 'multiple_folders', locales: [...LANGUAGES], default_locale: 'en' });
  });

  it("names new files with the project's slug, read and written by the project's formats", () => {
    const byName = Object.fromEntries(config.collections.map((collection) => [collection.name, collection]));
    expect(byName.practices).toMatchObject({ folder: 'src/content/practices', extension: 'md', format: 'icc-practice', slug: '{{fields._slug}}', create: true });
    expect(byName['index-results']).toMatchObject({ format: 'icc-front-matter', slug: '{{fields.city}}-{{fields.edition}}' });
    expect(byName.themes).toMatchObject({ format: 'icc-yaml', create: false, delete: false });
    expect(byName.pages).toMatchObject({ folder: 'src/content/pages', i18n: true, create: false, delete: false });
    expect(byName.pages!.fields.map((item) => [item.name, item.widget, item.i18n])).toEqual([
      ['title', 'string', true],
      ['description', 'text', true],
      ['body', 'markdown', true],
    ]);
    expect(config.slug).toEqual({ encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' });
  });

  it('starts a new practice as published today, and leaves optional dates empty', () => {
    expect(field(config, 'practices', 'published').default).toBe('{{now}}');
    expect(field(config, 'practices', 'updated').default).toBeUndefined();
    expect(field(config, 'index-results', 'date').default).toBeUndefined();
  });
});

describe('the backend settings', () => {
  it('edits the local copy through decap-server when no git backend is set', () => {
    expect(backendSettings({})).toEqual({
      backend: { name: 'proxy', proxy_url: 'http://localhost:8081/api/v1', branch: 'main' },
      localBackend: { url: 'http://localhost:8081/api/v1', allowed_hosts: ['localhost', '127.0.0.1'] },
      localOnly: true,
    });
    expect(backendSettings({ DECAP_SERVER_PORT: '9090' }).localBackend.url).toBe('http://localhost:9090/api/v1');
  });

  it('hands the editor the secret of an "npm run cms" run through the config, and only then', () => {
    const settings = backendSettings({ ICC_EDITOR_TOKEN: 'run-secret' });
    expect(settings.localBackend).toEqual({ url: 'http://localhost:8081/api/v1', allowed_hosts: ['localhost', '127.0.0.1'], token: 'run-secret' });
    expect(generate('en', { backend: settings }).local_backend.token).toBe('run-secret');
    expect(backendSettings({ ICC_EDITOR_TOKEN: ' ' }).localBackend).not.toHaveProperty('token');
  });

  it('publishes to GitHub through the editorial workflow, with an OAuth proxy and no secret', () => {
    const settings = backendSettings({ CMS_BACKEND: 'github', CMS_REPO: 'coe/icc-site', CMS_AUTH_URL: 'https://auth.example.org' });
    expect(settings).toMatchObject({
      backend: { name: 'github', repo: 'coe/icc-site', branch: 'main', base_url: 'https://auth.example.org' },
      publishMode: 'editorial_workflow',
      localOnly: false,
    });
    const config = generate('en', { backend: settings, siteUrl: 'https://icc.example.org' });
    expect(config).toMatchObject({ publish_mode: 'editorial_workflow', site_url: 'https://icc.example.org', local_backend: { url: 'http://localhost:8081/api/v1' } });
    expect(config.collections[0]!.preview_path).toBe('en/practices/{{slug}}/');
    expect(backendSettings({ CMS_BACKEND: 'github', CMS_REPO: 'coe/icc-site', CMS_EDITORIAL_WORKFLOW: 'false' }).publishMode).toBeUndefined();
  });

  it('takes contributions from any GitHub account with Open Authoring, landing in the editorial workflow', () => {
    const settings = backendSettings({ CMS_BACKEND: 'github', CMS_REPO: 'coe/icc-site', CMS_OPEN_AUTHORING: 'true', CMS_AUTH_SCOPE: 'repo' });
    const config = generate('en', { backend: settings });
    expect(config).toMatchObject({ publish_mode: 'editorial_workflow', backend: { name: 'github', repo: 'coe/icc-site', open_authoring: true, auth_scope: 'repo' } });
    expect(backendSettings({ CMS_BACKEND: 'github', CMS_REPO: 'coe/icc-site' }).backend).not.toHaveProperty('open_authoring');
    expect(() => backendSettings({ CMS_BACKEND: 'github', CMS_REPO: 'coe/icc-site', CMS_OPEN_AUTHORING: 'true', CMS_EDITORIAL_WORKFLOW: 'false' })).toThrow(
      'CMS_OPEN_AUTHORING needs the editorial workflow (a contribution is a draft that becomes a pull request): remove CMS_EDITORIAL_WORKFLOW=false, or remove CMS_OPEN_AUTHORING',
    );
    expect(() => backendSettings({ CMS_BACKEND: 'gitlab', CMS_REPO: 'coe/icc-site', CMS_APP_ID: 'a', CMS_OPEN_AUTHORING: 'true' })).toThrow(
      'CMS_OPEN_AUTHORING works with the GitHub backend only (Decap forks the repository for each contributor): set CMS_BACKEND=github, or remove CMS_OPEN_AUTHORING',
    );
    expect(() => backendSettings({ CMS_BACKEND: 'github', CMS_REPO: 'coe/icc-site', CMS_OPEN_AUTHORING: 'yes' })).toThrow('CMS_OPEN_AUTHORING must be "true" or "false" (found "yes")');
    expect(() => backendSettings({ CMS_BACKEND: 'github', CMS_REPO: 'coe/icc-site', CMS_AUTH_SCOPE: 'admin' })).toThrow(
      'CMS_AUTH_SCOPE must be "repo" (a private repository) or "public_repo", with the GitHub backend (found "admin" with github)',
    );
  });

  it('signs in to GitLab with PKCE and a public application id', () => {
    expect(backendSettings({ CMS_BACKEND: 'GitLab', CMS_REPO: 'coe/web/icc-site', CMS_APP_ID: 'abc123', CMS_API_ROOT: 'https://git.example.org/api/v4' }).backend).toEqual({
      name: 'gitlab',
      repo: 'coe/web/icc-site',
      branch: 'main',
      auth_type: 'pkce',
      app_id: 'abc123',
      api_root: 'https://git.example.org/api/v4',
    });
  });

  it('names the commit status whose address is a draft’s preview only when told (Decap otherwise takes the first holding "deploy")', () => {
    const named = backendSettings({ CMS_BACKEND: 'github', CMS_REPO: 'coe/icc-site', CMS_PREVIEW_CONTEXT: ' netlify/icc/deploy-preview ' });
    expect(generate('en', { backend: named }).backend).toMatchObject({ preview_context: 'netlify/icc/deploy-preview' });
    expect(backendSettings({ CMS_BACKEND: 'github', CMS_REPO: 'coe/icc-site', CMS_PREVIEW_CONTEXT: '' }).backend).not.toHaveProperty('preview_context');
  });

  it.each([
    [{ CMS_BACKEND: 'bitbucket' }, 'CMS_BACKEND must be "github" or "gitlab" (found "bitbucket"), or unset for local editing only'],
    [{ CMS_BACKEND: 'github' }, 'CMS_REPO must name the repository as owner/name, like "council-of-europe/icc-site" (found "")'],
    [{ CMS_BACKEND: 'gitlab', CMS_REPO: 'coe/site' }, 'CMS_APP_ID must hold the id of the GitLab OAuth application (Settings → Applications; no secret is needed)'],
    [{ CMS_BACKEND: 'github', CMS_REPO: 'coe/site', CMS_AUTH_URL: 'http://auth.example.org' }, 'CMS_AUTH_URL must be an https:// address (found "http://auth.example.org")'],
    [{ DECAP_SERVER_PORT: 'eighty' }, 'DECAP_SERVER_PORT must be a port number from 1 to 65535 (found "eighty")'],
  ])('explains a wrong setting %j', (env, message) => {
    expect(() => backendSettings(env)).toThrow(message);
  });
});
