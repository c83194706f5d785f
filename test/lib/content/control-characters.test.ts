import { describe, expect, it } from 'vitest';
import { bodyControlCharacterProblems, controlCharacterIn, controlCharacterProblems } from '../../../src/lib/content/control-characters.ts';

const HINT = 'remove it (it usually comes from text copied out of another program)';

describe('controlCharacterIn', () => {
  it('finds NUL, the other C0 controls, DEL and the C1 controls', () => {
    expect(['a\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001B', '\u007F', '\u0092'].map(controlCharacterIn)).toEqual([
      'U+0000', 'U+0001', 'U+0008', 'U+000B', 'U+000C', 'U+001B', 'U+007F', 'U+0092',
    ]);
  });

  it('accepts tab, line feed, carriage return and ordinary text', () => {
    expect(controlCharacterIn('a\tb\r\nc — « d » 😀')).toBeUndefined();
  });
});

describe('controlCharacterProblems', () => {
  it('reports every text of the data with its field, and field names too', () => {
    const data = { title: 'Hello\u0000world', links: [{ label: 'ok', url: 'https://x.org/\u0007' }], ['bad\u0001key']: 'x' };
    expect(controlCharacterProblems(data, 'f.md')).toEqual([
      { file: 'f.md', field: 'title', message: `contains an invisible control character (U+0000): ${HINT}` },
      { file: 'f.md', field: 'links[0].url', message: `contains an invisible control character (U+0007): ${HINT}` },
      { file: 'f.md', field: '', message: `has a field name "bad\\u0001key" with an invisible control character (U+0001): ${HINT}` },
    ]);
  });
});

describe('bodyControlCharacterProblems', () => {
  it('names the lines of the file that hold them', () => {
    expect(bodyControlCharacterProblems('ok\nA \u0000 b\nok\n\u001B[31m\n', 'p.md', 5)).toEqual([
      { file: 'p.md', field: '', message: `has an invisible control character (U+0000) in the text on lines 6, 8: ${HINT}` },
    ]);
    expect(bodyControlCharacterProblems('ok\r\nfine\r\n', 'p.md', 5)).toEqual([]);
  });
});
