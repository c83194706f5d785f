import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/content/check-content.ts';
import { COLLECTION_NAMES, collectionFolder } from '../../../src/lib/content/collections.ts';
import { reservedPageNames } from '../../../src/lib/content/read-content.ts';
import { formatProblem, formatReport } from '../../../src/lib/content/problems.ts';
import { LANGUAGES } from '../../../src/lib/languages.ts';
import { contentTree } from '../../helpers/content-tree.ts';
import { HOSTILE_TREE } from '../../fixtures/hostile-content.ts';

/** "src/content/<collection>/en/, …/fr/ or …/es/": every registered language's folder. */
const eitherFolder = (collection: string) =>
  new Intl.ListFormat('en-GB', { type: 'disjunction' }).format(LANGUAGES.map((code) => `src/content/${collection}/${code}/`));

const broken = checkContent('test/fixtures/broken-content');
const lines = broken.problems.map(formatProblem);

/** The one reported line for a file and field. */
function problemFor(file: string, field: string): string {
  const matches = broken.problems.filter((problem) => problem.file.endsWith(file) && problem.field === field);
  expect(matches, `expected one problem for ${file} ${field}, got:\n${lines.join('\n')}`).toHaveLength(1);
  return formatProblem(matches[0]!);
}

describe('the demonstration content', () => {
  it('is valid', () => {
    const { problems, fileCount } = checkContent('.');
    expect(problems.map(formatProblem)).toEqual([]);
    expect(fileCount).toBeGreaterThan(200);
  });
});

describe('a broken content tree', () => {
  it('reports every problem of every file at once, each with file, field and fix', () => {
    expect(broken.problems.length).toBeGreaterThanOrEqual(30);
    const files = new Set(broken.problems.map((problem) => problem.file));
    expect(files.size).toBe(10);
    expect(formatReport(broken.problems)).toMatch(/^\d+ problems in 10 files\. Fix them/m);
  });

  describe.each([
    ['practices/en/anti-rumour.md', 'cities[1]', '"bilbaoo" is not a known city (did you mean "bilbao"?): known ids are the file names in src/content/cities/'],
    ['practices/en/anti-rumour.md', 'themes[0]', '"educaton" is not a known theme (did you mean "education"?)'],
    ['practices/en/anti-rumour.md', 'targetGroups[0]', '"yuoth" is not a target group (did you mean "youth"?): use one of newcomers'],
    ['practices/en/anti-rumour.md', 'adaptedFrom[0]', '"missing-practice" is not a known practice'],
    ['practices/en/anti-rumour.md', 'period.end', 'must be the start year or later, or "ongoing"'],
    ['practices/en/anti-rumour.md', 'contact.email', 'must be an e-mail address like name@city.org: e-mail address of the contact (found "not-an-email")'],
    ['practices/en/anti-rumour.md', 'images[0].alt', 'is missing: text alternative: what the image shows'],
    ['practices/en/anti-rumour.md', 'images[0].src', 'does not exist: put the picture in public/images/practices/agents.jpg'],
    ['practices/en/anti-rumour.md', 'process', 'is empty: how the practice was done'],
    ['practices/en/anti-rumour.md', 'transferability', 'still holds placeholder text'],
    ['practices/en/anti-rumour.md', 'published', 'is not a real calendar date: date the practice was first published (found "2024-02-30")'],
    ['practices/en/anti-rumour.md', '', 'has unknown field "citites" (did you mean "cities"?)'],
    ['practices/fr/anti-rumour.md', 'cities', 'differs from the English version (src/content/practices/en/anti-rumour.md): cities is shared by all translations, make them identical'],
    ['practices/fr/orphan.md', '', 'has no English version: every practice needs src/content/practices/en/orphan.md'],
    ['practices/de/welcome-desk.md', '', `practices go in ${eitherFolder('practices')}`],
    ['practices/en/bad-yaml.md', '', 'is not valid YAML at line 2, column 8: the text in quotes that starts here is never closed: add the closing " at the end of the text (or remove the opening one)'],
    ["practices/en/Médiation à l'école.md", '', 'rename it to "mediation-a-l-ecole.md"'],
    ['cities/broken-town.yaml', 'population', 'population must be 1 or more: number of inhabitants (found -5)'],
    ['cities/broken-town.yaml', 'joined', 'must be 2026 or less'.replace('2026', String(new Date().getUTCFullYear()))],
    ['cities/broken-town.yaml', 'country', 'must be a two-letter ISO 3166-1 country code in capitals, like "ES" or "GB": country of the city (found "XX")'],
    ['cities/broken-town.yaml', 'website', 'must be a full web address starting with https://'],
    ['cities/broken-town.yaml', 'networks[0]', '"spian" is not a known national network (did you mean "spain"?)'],
    ['cities/broken-town.yaml', 'profile.fr', 'is empty: short profile of the city, in French (found "")'],
    ['cities/bilbao.yml', '', 'has the same id "bilbao" as src/content/cities/bilbao.yaml: rename or remove one of them'],
    ['index-results/bilbao-2019.md', 'scores.education', 'must be 100 or less: score of the theme, from 0 to 100 (found 130)'],
    ['index-results/bilbao-2019.md', 'scores.governance', 'is not scored in the 2019 Index ("governance" exists in: pre-2019): remove the score or correct "version"'],
    ['index-results/bilbao-2019.md', 'recommendations[0].theme', '"langauge" is not a known theme'],
    ['index-results/bilbao-2014.md', 'version', 'does not match the edition year: editions before 2019 use "pre-2019"'],
    ['index-results/bilbao-2014.md', 'city', '"bilbaoo" is not a known city (did you mean "bilbao"?)'],
  ])('%s, field "%s"', (file, field, expected) => {
    it('names the file, the field, what is wrong and how to fix it', () => {
      const line = problemFor(file, field);
      expect(line.startsWith(`src/content/${file}: ${field}`)).toBe(true);
      expect(line).toContain(expected);
    });
  });

  it('accepts a translation stub holding only shared fields and does not report it', () => {
    expect(broken.problems.filter((problem) => problem.file.endsWith('fr/welcome-desk.md'))).toEqual([]);
    const stub = broken.content.practices.find((practice) => practice.file.endsWith('fr/welcome-desk.md'));
    expect(stub?.stub).toBe(true);
  });

  it('keeps valid files usable beside broken ones', () => {
    expect(broken.content.practices.map((practice) => practice.file)).toContain(
      'src/content/practices/en/welcome-desk.md',
    );
  });
});

describe('a content tree with every kind of unreadable or hostile file', () => {
  const tree = contentTree(HOSTILE_TREE);
  afterAll(tree.remove);
  const hostile = checkContent(tree.root);
  const linesFor = (file: string) =>
    hostile.problems.filter((problem) => problem.file === `src/content/${file}` || problem.file === file).map(formatProblem);

  const HINT = 'remove it (it usually comes from text copied out of another program)';
  const TAKEN = [...reservedPageNames()].sort().join(', ');
  const FOLDERS = COLLECTION_NAMES.map((name) => collectionFolder(name)).join(', ');

  it.each([
    ['practices/en/welcome.MD', 'is not read: its extension ".MD" must be written in lower case: rename it to "welcome.md"'],
    ['networks/Spain.yaml', 'is a duplicate of src/content/networks/spain.yaml: both names become "spain" in lower case without accents or spaces, and one address cannot show two files; keep one of them and remove the other'],
    ['networks/Porto Alegre.yaml', 'has a file name that is not a valid id: rename it to "porto-alegre.yaml" (lower case, hyphens, no accents or spaces)'],
    ['networks/porto alegre.yml', 'is a duplicate of src/content/networks/Porto Alegre.yaml: both names become "porto-alegre" in lower case without accents or spaces, and one address cannot show two files; keep one of them and remove the other'],
    ['cities/nested/lisbon.yaml', 'is not read: files in src/content/cities/ go directly in that folder, not in a sub-folder: move it to src/content/cities/lisbon.yaml'],
    ['practises/en/typo.md', `is not read: src/content/practises/ is not a content folder (did you mean "practices"?): content files go in one of the folders ${FOLDERS}`],
    ['loose.md', `is not read: content files go in one of the folders ${FOLDERS}`],
    ['pages/en/networks.md', `is not read: "networks" is the address of a built-in page of the site (/en/networks/): rename the file; these names are taken: ${TAKEN}`],
    ['pages/fr/networks.md', `is not read: "networks" is the address of a built-in page of the site (/fr/networks/): rename the file; these names are taken: ${TAKEN}`],
    ['networks/latin1.yaml', 'is not UTF-8 (line 3 has a character saved in another encoding, such as Latin-1 or Windows-1252): save the file as UTF-8'],
    ['networks/windows1252.yaml', 'is not UTF-8 (line 2 has a character saved in another encoding, such as Latin-1 or Windows-1252): save the file as UTF-8'],
    ['practices/en/unclosed-quote.md', 'is not valid YAML at line 3, column 8: the text in quotes that starts here is never closed: add the closing " at the end of the text (or remove the opening one)'],
    ['practices/en/duplicate-key.md', 'is not valid YAML at line 4, column 1: the field "title" is written twice (first on line 2): keep only one of them'],
    ['practices/en/tab-indent.md', 'is not valid YAML at line 4, column 1: this line is indented with a tab: indent with spaces only'],
    ['networks/unclosed-quote.yaml', "is not valid YAML at line 3, column 7: the text in quotes that starts here is never closed: add the closing ' at the end of the text (or remove the opening one)"],
    ['networks/duplicate-key.yaml', 'is not valid YAML at line 3, column 1: the field "country" is written twice (first on line 1): keep only one of them'],
    ['networks/tab-indent.yaml', 'is not valid YAML at line 4, column 1: this line is indented with a tab: indent with spaces only'],
    ['networks/billion-laughs.yaml', 'is not valid YAML: it repeats aliases (*name) so often that reading it could exhaust the memory (more than 100 expansions): write the values out instead of using aliases'],
    ['networks/js-function.yaml', 'is not valid YAML at line 2, column 7: "!!js/function" is a YAML tag, which content files do not use: remove it and write the value as plain text'],
    ['networks/custom-tag.yaml', 'is not valid YAML at line 1, column 10: "!custom" is a YAML tag, which content files do not use: remove it and write the value as plain text'],
    ['networks/deep.yaml', 'is nested too deeply (more than 20 levels of groups and lists): content needs only a few levels; check the brackets and the indentation'],
    ['networks/huge.yaml', 'is too large to be a content file (5.0 MB; at most 1.0 MB): shorten it, or split it into several entries'],
    ['pages/en/nul-title.md', `title contains an invisible control character (U+0000): ${HINT}`],
    ['pages/en/bell-body.md', `has an invisible control character (U+0007) in the text on line 7: ${HINT}`],
    ['networks/http-site.yaml', `website must be a full web address starting with https://: the network's website (found "http://red.example.org")`],
    ['pages/en/remote-image.md', 'shows a picture from another website (https://cdn.example.org/square.jpg), which the site does not load: upload the picture to the media folder (public/images/) and use its address, like /images/practices/picture.jpg (in the text of the page)'],
    ['src/translations/fr.json', '"nav.cities" is missing: add it with the translation of "Cities"'],
  ])('%s is refused with its file and the fix', (file, message) => {
    const path = file.startsWith('src/') ? file : `src/content/${file}`;
    expect(linesFor(file)).toEqual([`${path}: ${message}`]);
  });

  it('accepts a byte-order mark and Windows line ends, and reads them as plain text', () => {
    expect(linesFor('networks/bom-crlf.yaml')).toEqual([]);
    expect(linesFor('pages/en/bom-crlf.md')).toEqual([]);
    const network = hostile.content.networks.find((entry) => entry.id === 'bom-crlf');
    expect(network?.data.name).toEqual({ en: 'Spanish network', fr: 'Réseau espagnol' });
  });

  it('reports every refused file and nothing else', () => {
    const refused = new Set(hostile.problems.map((problem) => problem.file));
    expect(refused.size).toBe(27);
    expect([...refused].filter((file) => file.includes('bom-crlf') || file.endsWith('/spain.yaml'))).toEqual([]);
  });
});

describe('an Index result named after another edition', () => {
  it('is not told to take the name of a file that exists', () => {
    const tree = contentTree({
      'src/content/index-results/lisbon-2019.md': '---\ncity: lisbon\nedition: 2019\n---\n',
      'src/content/index-results/lisbon-2020.md': '---\ncity: lisbon\nedition: 2019\n---\n',
      'src/content/index-results/lisbon-2021.md': '---\ncity: lisbon\nedition: 2022\n---\n',
    });
    try {
      const naming = checkContent(tree.root).problems.filter((problem) => problem.message.startsWith('must be named')).map(formatProblem);
      expect(naming).toEqual([
        'src/content/index-results/lisbon-2020.md: must be named after its city and edition (lisbon-2019.md), but src/content/index-results/lisbon-2019.md exists: correct "city" or "edition", or merge the two files',
        'src/content/index-results/lisbon-2021.md: must be named after its city and edition: rename it to lisbon-2022.md',
      ]);
    } finally {
      tree.remove();
    }
  });
});

describe('text after the front matter', () => {
  it('is refused where the site would not show it, and kept for pages', () => {
    const tree = contentTree({
      'src/content/index-results/lisbon-2019.md': '---\ncity: lisbon\nedition: 2019\n---\n\nNotes the editor expects to see.\n',
      'src/content/pages/en/about.md': '---\ntitle: About\ndescription: One sentence.\n---\nThe page itself.\n',
      'src/content/pages/fr/about.md': '---\ntitle: À propos\ndescription: Une phrase.\n---\nLa page.\n',
    });
    try {
      const problems = checkContent(tree.root).problems.filter((problem) => problem.message.includes('after the front matter')).map(formatProblem);
      expect(problems).toEqual([
        'src/content/index-results/lisbon-2019.md: has text after the front matter (line 5), which the site does not show: move it into a field of the front matter, or remove it',
      ]);
    } finally {
      tree.remove();
    }
  });
});
