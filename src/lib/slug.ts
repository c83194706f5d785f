/**
 * A stable, URL-safe slug: accents folded, lower case, words joined by hyphens.
 * slugify("Médiation à l'école") → "mediation-a-l-ecole"
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[æ]/gi, 'ae')
    .replace(/[œ]/gi, 'oe')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A content id is a kebab-case slug: lower-case ASCII letters, digits and single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Longest id a file may be named after. Windows refuses paths over 260 characters (MAX_PATH)
 * unless long paths are switched on: `C:\Users\<name>\Documents\GitHub\<repository>\` takes about
 * 70, `src\content\practices\en\` and `.md` 28, and the built site nests ids in `dist\fr\practices\
 * <id>\index.html` and in social-card names; 80 leaves room for a deep clone folder, and is still
 * twice the length of the longest title-made id in the demo content.
 */
export const MAX_ID_LENGTH = 80;

/**
 * Names Windows keeps for devices: a file called `con.md` or `nul.yaml` cannot be created or
 * opened there, whatever the extension (Microsoft, "Naming Files, Paths, and Namespaces").
 */
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** Whether a file name (with or without extensions) is one of Windows' reserved device names. */
export function isWindowsReservedName(name: string): boolean {
  return WINDOWS_RESERVED.test(name.split('.')[0]!.trimEnd());
}
