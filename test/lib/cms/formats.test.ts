import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/content/check-content.ts';
import { createCmsFormats, FRONT_MATTER_FORMAT, markdownFieldsByFormat, orderKeys, parseFrontMatterFile, practiceFileData, PRACTICE_FORMAT, pruneEmpty, toFrontMatterFile, toYaml, updateYaml } from '../../../src/lib/cms/formats.ts';

const cmsFormats = createCmsFormats();
import { practiceSample } from './samples.ts';

describe('files written by the CMS and the import', () => {
  it('leave out what an editor cleared (Decap writes empty strings) and the admin’s _slug', () => {
    expect(
      pruneEmpty({
        title: 'A title  \n',
        updated: '',
        contact: { name: '', email: ' ' },
        links: [{ label: '', url: '' }],
        adaptedFrom: [],
        period: { start: 2020, end: 'ongoing' },
        international: false,
        _slug: 'a-title',
      }),
    ).toEqual({ title: 'A title', period: { start: 2020, end: 'ongoing' }, international: false });
  });

  it('write a practice in the documented key order, lists inline and long text as block literals', () => {
    const text = toFrontMatterFile({ ...practiceSample, process: 'Step one.\n\nStep two.', images: undefined });
    expect(text).toBe(`---
title: Anti-rumour agents in neighbourhood associations
cities: [barcelona, getxo]
themes: [mediation, public-space]
targetGroups: [general-public]
period: { start: 1990, end: ongoing }
adaptedFrom: [some-other-practice]
methods: [anti-rumour-strategy]
contact:
  name: Programme team
  role: Citizen rights
  email: team@example.org
  url: https://example.org/team
  languages: [es, ca]
links:
  - label: Programme website
    url: https://example.org
status: running
evidence:
  level: external-evaluation
  report: https://example.org/evaluation.pdf
cost: 50k-250k
staff: 1-to-5
reach: 1000-to-10000
partners: [some-association]
prerequisites:
  - A coordinator for half of a full-time post.
openToStudyVisits: true
openToMentoring: true
published: 2024-03-01
updated: 2025-02-10
purpose: Train volunteers to answer rumours about migrants with facts.
stimulus: Rumours spread in several districts.
process: |-
  Step one.

  Step two.
results: Participants felt better able to respond.
transferability: A coordinator and partner associations are needed.
---
`);
  });

  it('quote values YAML would read as something else', () => {
    expect(toYaml({ version: '2019', overall: 66, date: '2019-09-30', title: 'Yes: a colon' })).toBe(
      `title: 'Yes: a colon'\ndate: 2019-09-30\nversion: '2019'\noverall: 66\n`,
    );
    expect(orderKeys({ profile: {}, name: 'x', country: 'PT' })).toEqual({ name: 'x', country: 'PT', profile: {} });
  });

  const contentFiles = () => {
    const { content } = checkContent(process.cwd());
    const pages = ['en', 'fr'].flatMap((lang) => readdirSync(`src/content/pages/${lang}`).map((name) => ({ file: `src/content/pages/${lang}/${name}` })));
    return [...content.practices, ...content.cities, ...content.themes, ...content.networks, ...content['index-results'], ...pages].map((entry) => ({
      file: entry.file,
      source: readFileSync(entry.file, 'utf8'),
      format: entry.file.includes('/practices/') ? cmsFormats['icc-practice']! : entry.file.endsWith('.md') ? cmsFormats['icc-front-matter']! : cmsFormats['icc-yaml']!,
    }));
  };

  it('read back every content file of the site unchanged, and write it back identical when nothing changed', () => {
    const files = contentFiles();
    expect(files.length).toBeGreaterThan(100);
    for (const { file, source, format } of files) {
      const read = format.fromFile(source);
      expect(format.toFile(read), file).toBe(source);
      const { _source, ...data } = read;
      expect(pruneEmpty(format.fromFile(format.toFile(data))), file).toEqual(pruneEmpty(data));
    }
  });

  it('change only the lines of the fields an editor changed', () => {
    const source = readFileSync('src/content/practices/en/advisory-council-elected-migrant-members.md', 'utf8');
    const format = cmsFormats['icc-practice']!;
    const read = format.fromFile(source);
    const changed = format.toFile({ ...read, themes: ['leadership'], updated: '', results: 'Shorter results.' });
    const removed = (text: string, other: string) => text.split('\n').filter((line) => !other.split('\n').includes(line));
    expect(removed(source, changed).map((line) => line.slice(0, 40))).toEqual([
      'themes: [leadership, participation]',
      'updated: 2024-11-05',
      'results: |-',
      '  Over its first two terms the council i',
    ]);
    expect(removed(changed, source)).toEqual(['themes: [leadership]', 'results: Shorter results.']);
  });

  it('put a new field where the content model documents it', () => {
    expect(updateYaml('name: Oslo\n# the capital\ncountry: NO\nprofile:\n  en: A.\n  fr: B.\n', { name: 'Oslo', country: 'NO', localName: 'Oslo', website: 'https://oslo.kommune.no', profile: { en: 'A.', fr: 'B.' } })).toBe(
      "name: Oslo\n# the capital\nlocalName: Oslo\ncountry: NO\nwebsite: https://oslo.kommune.no\nprofile:\n  en: A.\n  fr: B.\n",
    );
  });

  it('keep a body written after the front matter', () => {
    const file = parseFrontMatterFile('---\ntitle: T\n---\n\nSome notes.\n');
    expect(file).toEqual({ title: 'T', body: 'Some notes.' });
    expect(toFrontMatterFile(file)).toBe('---\ntitle: T\n---\n\nSome notes.\n');
  });
});

describe('a French practice file', () => {
  const shared = { cities: ['oslo'], themes: ['language'], targetGroups: ['youth'], period: { start: 2020, end: 2022 } };

  it('is written as a translation stub when nobody wrote French text (Decap still fills in a date)', () => {
    expect(practiceFileData({ ...shared, published: '2026-11-26', links: [], title: '' })).toEqual(shared);
    expect(cmsFormats['icc-practice'].toFile({ ...shared, published: '2026-11-26' })).toBe(
      '---\ncities: [oslo]\nthemes: [language]\ntargetGroups: [youth]\nperiod: { start: 2020, end: 2022 }\n---\n',
    );
  });

  it('keeps everything once it has some French text', () => {
    expect(practiceFileData({ ...shared, published: '2026-11-26', title: 'Un titre' })).toEqual({ ...shared, published: '2026-11-26', title: 'Un titre' });
  });
});

describe('Markdown fields read as the page shows them', () => {
  const collections = [
    { format: PRACTICE_FORMAT, fields: [{ name: 'stimulus', widget: 'markdown' }, { name: 'purpose', widget: 'text' }] },
    { format: FRONT_MATTER_FORMAT, fields: [{ name: 'body', widget: 'markdown' }, { name: 'summary', widget: 'markdown' }] },
    { format: FRONT_MATTER_FORMAT, fields: [{ name: 'summary', widget: 'text' }] },
  ];
  it('names, per format, the top-level fields that are Markdown in every collection using it', () => {
    expect(markdownFieldsByFormat(collections)).toEqual({ [PRACTICE_FORMAT]: ['stimulus'], [FRONT_MATTER_FORMAT]: ['body'] });
  });
  it('joins the lines of a paragraph in those fields only, and writes an unchanged entry back as it was', () => {
    const formats = createCmsFormats(10, markdownFieldsByFormat(collections));
    const file = '---\ntitle: A practice\npurpose: |-\n  Plain text\n  on two lines.\nstimulus: |-\n  A paragraph written\n  on two lines.\n\n  - a list\n  - stays\n---\n';
    const data = formats[PRACTICE_FORMAT].fromFile(file);
    expect(data.stimulus).toBe('A paragraph written on two lines.\n\n- a list\n- stays');
    expect(data.purpose).toBe('Plain text\non two lines.');
    expect(formats[PRACTICE_FORMAT].toFile(data)).toBe(file);
    expect(formats[PRACTICE_FORMAT].toFile({ ...data, title: 'Another title' })).toContain('stimulus: |-\n  A paragraph written on two lines.\n');
  });
});
