/**
 * The one YAML reader of the project: the content check and the site's content loader both parse
 * front matter and YAML files here, with the same options, so a file the check accepts is read
 * the same way by the build.
 *
 * Content YAML is plain data written by people: fields, lists, text and numbers. Anything else is
 * refused with the file, the real line and column, and a fix in an editor's words: syntax errors,
 * duplicate fields, tags (`!!js/function`, `!custom`), alias bombs ("billion laughs") and absurd
 * nesting. It never throws: every failure becomes a problem naming the file.
 */
import {
  isPair,
  isScalar,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type YAMLError,
} from 'yaml';
import type { Problem } from './problems.ts';

/** The parse options: YAML 1.2 core schema only, each key once, no tags beyond the core ones. */
export const YAML_OPTIONS = {
  version: '1.2',
  schema: 'core',
  uniqueKeys: true,
  // `!!binary`, `!!set`, `!!timestamp`... are not content: they stay unresolved and are refused.
  resolveKnownTags: false,
  prettyErrors: false,
  strict: true,
} as const;

/** Aliases (`*name`) expanded per file at most; a "billion laughs" file needs millions. */
export const MAX_ALIAS_COUNT = 100;

/** Levels of groups and lists; real content uses four at most. */
export const MAX_NESTING = 20;

export interface ParsedYaml {
  /** The fields, when the text is valid YAML holding fields. */
  data?: Record<string, unknown>;
  problems: Problem[];
}

interface Position {
  line: number;
  col: number;
}

const QUOTE_TYPES = new Set(['QUOTE_DOUBLE', 'QUOTE_SINGLE']);

/** A quoted text that is never closed: where its opening quote is. */
function unclosedQuoteStart(document: Document, errorOffset: number): number | undefined {
  let start: number | undefined;
  visit(document, {
    Scalar(_key, node) {
      if (node.type && QUOTE_TYPES.has(node.type) && node.range && node.range[1] >= errorOffset - 1) {
        start ??= node.range[0];
      }
    },
  });
  return start;
}

/** For a duplicate key: its name and the offset of its first occurrence in the same group. */
function duplicateKey(document: Document, errorOffset: number): { name: string; first?: number } | undefined {
  let found: { name: string; first?: number } | undefined;
  visit(document, {
    Map(_key, map) {
      if (found) return visit.BREAK;
      const pairs = map.items.filter(isPair);
      const index = pairs.findIndex((pair) => isScalar(pair.key) && pair.key.range?.[0] === errorOffset);
      if (index < 0) return undefined;
      const key = pairs[index]!.key;
      const name = isScalar(key) ? String(key.value) : '';
      const earlier = pairs
        .slice(0, index)
        .find((pair) => isScalar(pair.key) && String(pair.key.value) === name);
      found = { name, first: isScalar(earlier?.key) ? earlier.key.range?.[0] : undefined };
      return visit.BREAK;
    },
  });
  return found;
}

/** What went wrong and how to fix it, in an editor's words; and where, when that is not where YAML noticed. */
function explain(
  error: YAMLError,
  document: Document,
  at: (offset: number) => Position,
): { where: number; text: string } {
  const [offset] = error.pos;
  const yamlSays = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  switch (error.code) {
    case 'MISSING_CHAR': {
      if (/^Missing closing .?quote/.test(yamlSays)) {
        const quote = yamlSays.includes("'") ? "'" : '"';
        const start = unclosedQuoteStart(document, offset);
        if (start !== undefined) {
          return {
            where: start,
            text: `the text in quotes that starts here is never closed: add the closing ${quote} at the end of the text (or remove the opening one)`,
          };
        }
        return { where: offset, text: `a text in quotes is never closed: add the missing ${quote}` };
      }
      if (/^Missing , /.test(yamlSays)) {
        return { where: offset, text: `${yamlSays}: separate the items of a list [a, b] with commas` };
      }
      break;
    }
    case 'DUPLICATE_KEY': {
      const key = duplicateKey(document, offset);
      if (key) {
        const first = key.first === undefined ? '' : ` (first on line ${at(key.first).line})`;
        return { where: offset, text: `the field "${key.name}" is written twice${first}: keep only one of them` };
      }
      return { where: offset, text: 'a field is written twice in the same group: keep only one of them' };
    }
    case 'TAB_AS_INDENT':
      return { where: offset, text: 'this line is indented with a tab: indent with spaces only' };
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return {
        where: offset,
        text: `${yamlSays}: put text that contains ": " in quotes, like title: "Housing: a guide"`,
      };
    case 'BAD_INDENT':
      if (/end with a [\]}]/.test(yamlSays)) {
        return { where: offset, text: 'a list [ ... ] or group { ... } is not closed: add the closing ] or }' };
      }
      return {
        where: offset,
        text: `${yamlSays}: check the indentation (the fields of one group start at the same column, indented with spaces)`,
      };
    case 'TAG_RESOLVE_FAILED': {
      const tag = yamlSays.replace(/^Unresolved tag: /, '').replace(/^tag:yaml\.org,2002:/, '!!');
      return {
        where: offset,
        text: `"${tag}" is a YAML tag, which content files do not use: remove it and write the value as plain text`,
      };
    }
    case 'MULTIPLE_DOCS':
      return {
        where: offset,
        text: 'a line "---" starts a second document: remove it (one file holds one set of fields)',
      };
  }
  return {
    where: offset,
    text: `${yamlSays}: check the indentation, and put text containing ": " in quotes`,
  };
}

const TOO_DEEP = `is nested too deeply (more than ${MAX_NESTING} levels of groups and lists): content needs only a few levels; check the brackets and the indentation`;

/** Levels of nesting of a parsed value, counted without recursion (a deep value must not overflow the stack). */
function nestingExceeds(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    if (depth >= limit) return true;
    seen.add(node);
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

/** What a thrown error while building the data means for an editor. */
function explainThrown(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/excessive alias count/i.test(message)) {
    return `it repeats aliases (*name) so often that reading it could exhaust the memory (more than ${MAX_ALIAS_COUNT} expansions): write the values out instead of using aliases`;
  }
  const alias = /Unresolved alias[^:]*: (.+)$/.exec(message);
  if (alias) return `the alias *${alias[1]} refers to no anchor &${alias[1]} above it: write the value out instead`;
  return `${message.split('\n')[0]}: check the file's syntax`;
}

/**
 * Parses `source` as the fields of one entry. `lineOffset` is the number of lines of the file
 * above `source` (1 for front matter, after the opening "---"), so lines in messages are the
 * file's own.
 */
export function parseYaml(source: string, file: string, lineOffset = 0): ParsedYaml {
  const problem = (message: string): ParsedYaml => ({ problems: [{ file, field: '', message }] });
  try {
    const lineCounter = new LineCounter();
    const document = parseDocument(source, { ...YAML_OPTIONS, lineCounter });
    const at = (offset: number): Position => {
      const position = lineCounter.linePos(offset);
      return { line: position.line + lineOffset, col: position.col };
    };
    const errors = [...document.errors, ...document.warnings];
    // The parser gives up on very deep nesting with a stack overflow, reported at an arbitrary place.
    if (errors.some((error) => /call stack/i.test(error.message))) return problem(TOO_DEEP);
    if (errors.length > 0) {
      const messages = new Set<string>();
      for (const error of errors) {
        const { where, text } = explain(error, document, at);
        const position = at(where);
        messages.add(`is not valid YAML at line ${position.line}, column ${position.col}: ${text}`);
      }
      return { problems: [...messages].map((message) => ({ file, field: '', message })) };
    }
    const data: unknown = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      return problem('must hold fields like "name: value"; it is empty or a list');
    }
    if (nestingExceeds(data, MAX_NESTING)) {
      return problem(TOO_DEEP);
    }
    return { data: data as Record<string, unknown>, problems: [] };
  } catch (error) {
    if (error instanceof RangeError && !/alias/i.test(error.message)) return problem(TOO_DEEP);
    return problem(`is not valid YAML: ${explainThrown(error)}`);
  }
}
