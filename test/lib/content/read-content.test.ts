import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/lib/content/problems.ts';
import { listContentFiles, readContent, readContentFile, reservedPageNames } from '../../../src/lib/content/read-content.ts';
import { LANGUAGES } from '../../../src/lib/languages.ts';
import { NETWORK_YAML, contentTree, pageMarkdown, type Tree } from '../../helpers/content-tree.ts';

/** "src/content/<collection>/en/, …/fr/ or …/es/": every registered language's folder. */
const eitherFolder = (collection: string) =>
  new Intl.ListFormat('en-GB', { type: 'disjunction' }).format(LANGUAGES.map((code) => `src/content/${collection}/${code}/`));

function listing(files: Tree) {
  const tree = contentTree(files);
  try {
    const { files: read, problems } = listContentFiles(tree.root);
    return { ids: read.map((file) => `${file.collection}/${file.lang ?? ''}/${file.id}${file.extension}`), lines: problems.map(formatProblem) };
  } finally {
    tree.remove();
  }
}

describe('reservedPageNames', () => {
  it('derives the names of the built-in pages from the route folder', () => {
    const names = reservedPageNames();
    for (const name of ['cities', 'practices', 'networks', 'themes', 'index', 'search', 'data']) expect(names).toContain(name);
    expect(names).not.toContain('[page]');
    expect(names).not.toContain('rss.xml');
  });
});

describe('listContentFiles', () => {
  it('lists the demonstration content the way the site loads it', () => {
    const { files, problems } = listContentFiles('.');
    expect(problems).toEqual([]);
    expect(files.length).toBeGreaterThan(200);
  });

  it('never suggests a rename onto a file that exists, and says which files are duplicates', () => {
    const { ids, lines } = listing({
      'src/content/practices/en/foo.md': '',
      'src/content/practices/en/Foo.md': '',
      'src/content/practices/en/FOO.MD': '',
      'src/content/practices/fr/Foo.md': '',
      'src/content/cities/Évora.yml': '',
      'src/content/cities/evora.yaml': '',
    });
    expect(ids).toEqual(['cities//evora.yaml', 'practices/en/foo.md']);
    expect(lines).toEqual([
      'src/content/cities/Évora.yml: is a duplicate of src/content/cities/evora.yaml: both names become "evora" in lower case without accents or spaces, and one address cannot show two files; keep one of them and remove the other',
      'src/content/practices/en/FOO.MD: is a duplicate of src/content/practices/en/foo.md: both names become "foo" in lower case without accents or spaces, and one address cannot show two files; keep one of them and remove the other',
      'src/content/practices/en/Foo.md: is a duplicate of src/content/practices/en/foo.md: both names become "foo" in lower case without accents or spaces, and one address cannot show two files; keep one of them and remove the other',
      'src/content/practices/fr/Foo.md: has a file name that is not a valid id: rename it to "foo.md" (lower case, hyphens, no accents or spaces)',
    ]);
  });

  it('gives two misnamed files one rename and calls the second a duplicate of the first', () => {
    expect(listing({ 'src/content/themes/Education.yaml': '', 'src/content/themes/EDUCATION.yml': '' }).lines).toEqual([
      'src/content/themes/EDUCATION.yml: has a file name that is not a valid id: rename it to "education.yml" (lower case, hyphens, no accents or spaces)',
      'src/content/themes/Education.yaml: is a duplicate of src/content/themes/EDUCATION.yml: both names become "education" in lower case without accents or spaces, and one address cannot show two files; keep one of them and remove the other',
    ]);
  });

  it('refuses names with nothing to keep, wrong extensions and files of no language', () => {
    expect(listing({ 'src/content/practices/en/日本.md': '', 'src/content/practices/en/notes.txt': '', 'src/content/practices/x.md': '', 'src/content/pages/de/x.md': '' }).lines).toEqual([
      'src/content/practices/en/notes.txt: is not read: files in src/content/practices/ must end in .md',
      `src/content/practices/x.md: is not read: practices go in ${eitherFolder('practices')}`,
      'src/content/practices/en/日本.md: has a file name that is not a valid id: rename it with lower-case letters, digits and hyphens, like "welcome-desk.md"',
      `src/content/pages/de/x.md: is not read: pages go in ${eitherFolder('pages')}`,
    ]);
  });

  it('says when the content folder does not exist', () => {
    expect(listContentFiles('.', 'no-such-folder').problems.map(formatProblem)).toEqual(['no-such-folder: does not exist: there is no content to read']);
  });
});

describe('readContentFile', () => {
  it('keeps the text after the front matter and the line it starts on', () => {
    const tree = contentTree({ 'src/content/pages/en/about.md': pageMarkdown('About', 'Hello.\n') });
    try {
      const [file] = listContentFiles(tree.root).files;
      expect(readContentFile(file!)).toMatchObject({ data: { title: 'About' }, body: 'Hello.\n', bodyLine: 5, problems: [] });
    } finally {
      tree.remove();
    }
  });

  it('tells an unclosed front matter from a missing one', () => {
    const tree = contentTree({ 'src/content/index-results/a-2020.md': '---\ncity: a\n', 'src/content/index-results/b-2020.md': 'city: b\n' });
    try {
      expect(readContent(tree.root).problems.map(formatProblem)).toEqual([
        'src/content/index-results/a-2020.md: has front matter that is never closed: add a line "---" after the last field',
        'src/content/index-results/b-2020.md: has no front matter: the file must start with a line "---", the fields, and another "---"',
      ]);
    } finally {
      tree.remove();
    }
  });

  it('reports a file that cannot be read instead of throwing', () => {
    expect(readContentFile({ path: '/no/such/file.yaml', file: 'src/content/networks/file.yaml', extension: '.yaml' }).problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^src\/content\/networks\/file\.yaml: could not be read \(ENOENT.*\): check that it is a readable file$/),
    ]);
  });

  it('reads a valid network', () => {
    const tree = contentTree({ 'src/content/networks/spain.yaml': NETWORK_YAML });
    try {
      expect(readContent(tree.root).entries.map((entry) => entry.data.country)).toEqual(['ES']);
    } finally {
      tree.remove();
    }
  });
  it('reads only the collections asked for, leaving the others unread (the CMS preparation needs only names)', () => {
    const tree = contentTree({ 'src/content/networks/spain.yaml': NETWORK_YAML, 'src/content/pages/en/about.md': pageMarkdown() });
    try {
      expect(readContent(tree.root).entries.map((entry) => entry.collection).sort()).toEqual(['networks', 'pages']);
      expect(readContent(tree.root, undefined, { collections: ['networks'] }).entries.map((entry) => `${entry.collection}/${entry.id}`)).toEqual(['networks/spain']);
    } finally {
      tree.remove();
    }
  });
});

describe('a misnamed page', () => {
  it('is not told to take the name of a built-in page', () => {
    expect(listing({ 'src/content/pages/en/Search.md': '' }).lines).toEqual([
      `src/content/pages/en/Search.md: is not read: "search" is the address of a built-in page of the site (/en/search/): rename the file; these names are taken: ${[...reservedPageNames()].sort().join(', ')}`,
    ]);
  });
});
