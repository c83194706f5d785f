import { describe, expect, it } from 'vitest';
import { unwrapContentFile } from '../../../src/lib/cms/unwrap-content.ts';

describe('unwrapContentFile', () => {
  const file = [
    '---',
    'title: A practice',
    '# A comment the editors wrote stays.',
    'purpose: >-',
    '  Folded text',
    '  stays folded.',
    'stimulus: |-',
    '  A paragraph written',
    '  on two lines.',
    'process: |-',
    '  - an item on',
    '    two lines',
    '  - a second',
    'results: Already on one line.',
    '---',
    '',
  ].join('\n');

  it('joins the Markdown fields named, keeps every other field as written', () => {
    const result = unwrapContentFile(file, 'md', ['stimulus', 'process', 'results']);
    expect(result.fields).toEqual(['stimulus', 'process']);
    expect(result.text).toBe(
      [
        '---',
        'title: A practice',
        '# A comment the editors wrote stays.',
        'purpose: >-',
        '  Folded text',
        '  stays folded.',
        'stimulus: A paragraph written on two lines.',
        'process: |-',
        '  - an item on two lines',
        '  - a second',
        'results: Already on one line.',
        '---',
        '',
      ].join('\n'),
    );
    expect(unwrapContentFile(result.text, 'md', ['stimulus', 'process', 'results'])).toEqual({ text: result.text, fields: [] });
  });

  it('leaves a file without such paragraphs untouched, YAML files too', () => {
    expect(unwrapContentFile(file, 'md', ['results'])).toEqual({ text: file, fields: [] });
    const yaml = 'name: A city\ndescription: |-\n  One line\n  and another.\n';
    expect(unwrapContentFile(yaml, 'yaml', ['description']).text).toBe('name: A city\ndescription: One line and another.\n');
  });
});
