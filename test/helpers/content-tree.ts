/** Writes a throwaway project tree (content files as text or raw bytes) for tests of the content check. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export type Tree = Record<string, string | Uint8Array>;

/** A temporary project root holding `files` (paths relative to the root); `remove()` deletes it. */
export function contentTree(files: Tree): { root: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'icc-content-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** A valid national network, as YAML. */
export const NETWORK_YAML = 'name: { en: Spanish network, fr: Réseau espagnol }\ncountry: ES\ndescription: { en: Cities of Spain., fr: Villes d’Espagne. }\n';

/** A valid page, as Markdown with front matter. */
export const pageMarkdown = (title = 'About the programme', body = 'What the programme does.\n') =>
  `---\ntitle: ${title}\ndescription: One sentence on the page.\n---\n${body}`;

/** Bytes of text in Latin-1 (ISO 8859-1): one byte per character. */
export const latin1 = (text: string) => Uint8Array.from([...text].map((character) => character.charCodeAt(0)));
