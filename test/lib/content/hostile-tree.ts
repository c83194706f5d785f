/**
 * A content tree with one file for every way a file can go wrong (and a few that must be
 * accepted), shared by the content check's tests and the dev-server integration test.
 */
import { NETWORK_YAML, latin1, pageMarkdown, type Tree } from '../../helpers/content-tree.ts';

const deep = (levels: number) => `name: ${'['.repeat(levels)}${']'.repeat(levels)}\n`;
const laughs = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
  .concat('bcdefghi'.split('').map((name, index) => {
    const previous = 'abcdefghi'[index];
    return `${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`;
  }))
  .join('\n');

export const HOSTILE_TREE: Tree = {
  // Accepted: a byte-order mark and Windows line ends.
  'src/content/networks/spain.yaml': NETWORK_YAML,
  'src/content/networks/bom-crlf.yaml': `\uFEFF${NETWORK_YAML.replace(/\n/g, '\r\n')}`,
  'src/content/pages/en/bom-crlf.md': `\uFEFF${pageMarkdown('Windows file', 'First line.\n\nSecond paragraph.\n').replace(/\n/g, '\r\n')}`,
  'src/content/pages/fr/bom-crlf.md': pageMarkdown('Fichier Windows'),
  // File names and places.
  'src/content/practices/en/welcome.MD': '---\ntitle: x\n---\n',
  'src/content/networks/Spain.yaml': NETWORK_YAML,
  'src/content/networks/Porto Alegre.yaml': NETWORK_YAML,
  'src/content/networks/porto alegre.yml': NETWORK_YAML,
  'src/content/cities/nested/lisbon.yaml': 'name: Lisbon\n',
  'src/content/practises/en/typo.md': '---\ntitle: x\n---\n',
  'src/content/loose.md': '---\ntitle: x\n---\n',
  'src/content/pages/en/networks.md': pageMarkdown('Networks'),
  'src/content/pages/fr/networks.md': pageMarkdown('Réseaux'),
  // Encodings: "Réseau" saved in Latin-1 on line 3; a Windows-1252 apostrophe (0x92) on line 2.
  'src/content/networks/latin1.yaml': latin1('country: ES\nname: { en: Network, fr: Network }\ndescription: { en: A network, fr: R\u00e9seau }\n'),
  'src/content/networks/windows1252.yaml': Uint8Array.from([...latin1('country: ES\nname: { en: Cities\u0092 network, fr: x }\n')]),
  // YAML mistakes, in front matter and in YAML files.
  'src/content/practices/en/unclosed-quote.md': '---\ncities: [bilbao]\ntitle: "Welcome desk\nthemes: [education]\n---\n',
  'src/content/practices/en/duplicate-key.md': '---\ntitle: Welcome desk\ncities: [bilbao]\ntitle: Welcome\n---\n',
  'src/content/practices/en/tab-indent.md': '---\ntitle: Welcome desk\nperiod:\n\tstart: 2020\n---\n',
  'src/content/networks/unclosed-quote.yaml': "country: ES\nname:\n  en: 'Spanish network\n  fr: Réseau\n",
  'src/content/networks/duplicate-key.yaml': 'country: ES\nname: { en: A, fr: B }\ncountry: PT\n',
  'src/content/networks/tab-indent.yaml': 'country: ES\nname:\n  en: A\n\tfr: B\n',
  // Hostile YAML.
  'src/content/networks/billion-laughs.yaml': laughs,
  'src/content/networks/js-function.yaml': 'country: ES\nname: !!js/function "function () { return process.exit(1) }"\n',
  'src/content/networks/custom-tag.yaml': 'country: !custom ES\n',
  'src/content/networks/deep.yaml': deep(10_000),
  'src/content/networks/huge.yaml': `country: ES\ndescription: "${'x'.repeat(5 * 1024 * 1024)}"\n`,
  // Control characters in a field and in a page's text.
  'src/content/pages/en/nul-title.md': pageMarkdown('Hello\u0000world'),
  'src/content/pages/fr/nul-title.md': pageMarkdown('Bonjour'),
  'src/content/pages/en/bell-body.md': pageMarkdown('Bells', 'First line.\n\nA bell \u0007 here.\n'),
  'src/content/pages/fr/bell-body.md': pageMarkdown('Cloches'),
  // Stricter fields and Markdown.
  'src/content/networks/http-site.yaml': `${NETWORK_YAML}website: http://red.example.org\n`,
  'src/content/pages/en/remote-image.md': pageMarkdown('Pictures', 'See ![the square](https://cdn.example.org/square.jpg).\n'),
  'src/content/pages/fr/remote-image.md': pageMarkdown('Images'),
  // UI translations: French lacks a key.
  'src/translations/en.json': JSON.stringify({ 'nav.home': 'Home', 'nav.cities': 'Cities' }),
  'src/translations/fr.json': JSON.stringify({ 'nav.home': 'Accueil' }),
};
