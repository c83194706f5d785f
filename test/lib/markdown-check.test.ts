import { describe, expect, it } from 'vitest';
import { markdownProblems } from '../../src/lib/markdown-check.ts';

const picture = (url: string) =>
  `shows a picture from another website (${url}), which the site does not load: upload the picture to the media folder (public/images/) and use its address, like /images/practices/picture.jpg`;
const protocolRelative = (url: string) => `links to "${url}", an address without "https:" in front: write the full address, starting with https://`;

describe('markdownProblems', () => {
  it.each([
    ['an https picture', 'See ![the square](https://cdn.example.org/a.jpg "Title").', [picture('https://cdn.example.org/a.jpg')]],
    ['an http picture', '![x](http://example.org/a.png)', [picture('http://example.org/a.png')]],
    ['a protocol-relative picture', '![x](//example.org/a.png)', [picture('//example.org/a.png')]],
    ['a picture by reference', '![x][pic]\n\n[pic]: https://example.org/a.png', [picture('https://example.org/a.png')]],
    ['an HTML picture', 'Text\n\n<img alt="x" src="https://example.org/a.png">', [picture('https://example.org/a.png')]],
    ['a protocol-relative HTML picture', "<p><img src='//example.org/a.png'></p>", [picture('//example.org/a.png')]],
    ['a protocol-relative link', 'Read [the report](//evil.example/report).', [protocolRelative('//evil.example/report')]],
    ['a protocol-relative link by reference', '[report][r]\n\n[r]: //evil.example/report', [protocolRelative('//evil.example/report')]],
  ])('refuses %s', (_name, markdown, problems) => {
    expect(markdownProblems(markdown)).toEqual(problems);
  });

  it.each([
    ['a local picture', '![The square](/images/practices/square.jpg)'],
    ['links to other sites', 'See [the report](https://example.org/report) and <https://example.org>.'],
    ['examples in code', 'Write `![x](https://example.org/a.png)` or\n\n    ![x](//example.org/a.png)\n'],
    ['plain text', 'Nothing here: https://example.org // a comment.'],
  ])('accepts %s', (_name, markdown) => {
    expect(markdownProblems(markdown)).toEqual([]);
  });
});
