/**
 * Invisible control characters (NUL, backspace, escape...) come from text pasted out of other
 * programs. They show as nothing or as boxes, and one NUL makes the RSS feed invalid XML and
 * ends up in the CSV downloads, so every text of every entry is checked, field names included.
 * Tab, line feed and carriage return (CRLF line ends) are ordinary text; DEL and the C1 controls
 * (U+0080 to U+009F, the trace of a Windows-1252 mix-up) are refused with the C0 ones.
 */
import { fieldPath, type Problem } from './problems.ts';

const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

const HINT = 'remove it (it usually comes from text copied out of another program)';

/** `U+0000` for the first control character of `text`, if any. */
export function controlCharacterIn(text: string): string | undefined {
  const match = CONTROL_CHARACTER.exec(text);
  return match ? `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}

/** One problem per text (value or field name) of parsed data holding a control character. */
export function controlCharacterProblems(data: unknown, file: string): Problem[] {
  const problems: Problem[] = [];
  // Without recursion: the data may be deep (the YAML reader refuses that too, but reports once).
  const stack: [unknown, PropertyKey[]][] = [[data, []]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      const character = controlCharacterIn(value);
      if (character) {
        problems.push({ file, field: fieldPath(path), message: `contains an invisible control character (${character}): ${HINT}` });
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push([item, [...path, index]]));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        const character = controlCharacterIn(key);
        if (character) {
          problems.push({
            file,
            field: fieldPath(path),
            message: `has a field name ${JSON.stringify(key)} with an invisible control character (${character}): ${HINT}`,
          });
        }
        stack.push([item, [...path, key]]);
      }
    }
  }
  return problems.reverse();
}

/** A problem for the lines of a Markdown body holding control characters; `firstLine` is the body's line in the file. */
export function bodyControlCharacterProblems(body: string, file: string, firstLine: number): Problem[] {
  const lines: number[] = [];
  let character: string | undefined;
  body.split('\n').forEach((line, index) => {
    const found = controlCharacterIn(line);
    if (!found) return;
    character ??= found;
    lines.push(firstLine + index);
  });
  if (lines.length === 0) return [];
  const where = lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.slice(0, 10).join(', ')}${lines.length > 10 ? '...' : ''}`;
  return [{ file, field: '', message: `has an invisible control character (${character}) in the text on ${where}: ${HINT}` }];
}
