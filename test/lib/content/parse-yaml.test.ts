import { describe, expect, it } from 'vitest';
import { MAX_NESTING, parseYaml } from '../../../src/lib/content/parse-yaml.ts';

const messages = (source: string, lineOffset = 0) => parseYaml(source, 'f.yaml', lineOffset).problems.map((problem) => problem.message);

describe('parseYaml', () => {
  it('reads plain fields with the YAML 1.2 core schema (dates and "yes" stay text)', () => {
    expect(parseYaml('a: 1\nb: [x, y]\nc: { d: 2024-01-02, e: yes }\n', 'f.yaml')).toEqual({
      data: { a: 1, b: ['x', 'y'], c: { d: '2024-01-02', e: 'yes' } },
      problems: [],
    });
  });

  it('accepts a few aliases, as a person would write them', () => {
    expect(parseYaml('a: &x [1, 2]\nb: *x\n', 'f.yaml').data).toEqual({ a: [1, 2], b: [1, 2] });
  });

  it.each([
    ['an unclosed quote, at the opening quote', 'a: 1\ntitle: "Hello\ncities: [a]\n', 'is not valid YAML at line 2, column 8: the text in quotes that starts here is never closed: add the closing " at the end of the text (or remove the opening one)'],
    ['a duplicate key, with its first line', 'title: a\ncities: [a]\ntitle: b\n', 'is not valid YAML at line 3, column 1: the field "title" is written twice (first on line 1): keep only one of them'],
    ['a duplicate key in a group', 'contact:\n  name: a\n  name: b\n', 'is not valid YAML at line 3, column 3: the field "name" is written twice (first on line 2): keep only one of them'],
    ['a tab as indentation', 'contact:\n  name: x\n\temail: y\n', 'is not valid YAML at line 3, column 1: this line is indented with a tab: indent with spaces only'],
    ['an unquoted ": "', 'title: Housing: a guide\n', 'is not valid YAML at line 1, column 8: Nested mappings are not allowed in compact mappings: put text that contains ": " in quotes, like title: "Housing: a guide"'],
    ['an unclosed list', 'cities: [a, b\nthemes: x\n', 'is not valid YAML at line 2, column 1: a list [ ... ] or group { ... } is not closed: add the closing ] or }'],
    ['a misaligned field', 'a:\n  b: 1\n c: 2\n', 'is not valid YAML at line 3, column 1: All mapping items must start at the same column: check the indentation (the fields of one group start at the same column, indented with spaces)'],
    ['a second document', 'a: 1\n---\nb: 2\n', 'is not valid YAML at line 2, column 1: a line "---" starts a second document: remove it (one file holds one set of fields)'],
    ['a language tag', 'a: !!js/function "function () {}"\n', 'is not valid YAML at line 1, column 4: "!!js/function" is a YAML tag, which content files do not use: remove it and write the value as plain text'],
    ['a custom tag', 'a: !custom x\n', 'is not valid YAML at line 1, column 4: "!custom" is a YAML tag, which content files do not use: remove it and write the value as plain text'],
    ['a YAML 1.1 tag', 'a: !!binary aGVsbG8=\n', 'is not valid YAML at line 1, column 4: "!!binary" is a YAML tag, which content files do not use: remove it and write the value as plain text'],
    ['an alias without anchor', 'a: *x\n', 'is not valid YAML: the alias *x refers to no anchor &x above it: write the value out instead'],
    ['a list instead of fields', '- a\n', 'must hold fields like "name: value"; it is empty or a list'],
    ['nothing', '', 'must hold fields like "name: value"; it is empty or a list'],
  ])('refuses %s with the real line and column and a fitting hint', (_name, source, message) => {
    expect(messages(source)).toEqual([message]);
  });

  it('counts lines from the top of the file for front matter', () => {
    expect(messages('title: a\ntitle: b\n', 1)).toEqual(['is not valid YAML at line 3, column 1: the field "title" is written twice (first on line 2): keep only one of them']);
  });

  it('refuses an alias bomb ("billion laughs") before expanding it', () => {
    const levels = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (const [index, name] of [...'bcdefghi'].entries()) levels.push(`${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[index]}`).join(', ')}]`);
    expect(messages(levels.join('\n'))).toEqual([
      'is not valid YAML: it repeats aliases (*name) so often that reading it could exhaust the memory (more than 100 expansions): write the values out instead of using aliases',
    ]);
  });

  const TOO_DEEP = `is nested too deeply (more than ${MAX_NESTING} levels of groups and lists): content needs only a few levels; check the brackets and the indentation`;

  it.each([
    ['10,000 nested lists', `a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`],
    ['10,000 nested groups', Array.from({ length: 10_000 }, (_, level) => `${' '.repeat(level)}k:`).join('\n')],
    [`${MAX_NESTING + 1} nested lists`, `a: ${'['.repeat(MAX_NESTING)}${']'.repeat(MAX_NESTING)}\n`],
  ])('refuses %s once, without overflowing the stack', (_name, source) => {
    expect(messages(source)).toEqual([TOO_DEEP]);
  });
});
