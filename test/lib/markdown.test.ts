import { describe, expect, it } from 'vitest';
import { markdownToPlainText, renderMarkdown } from '../../src/lib/markdown.ts';

describe('renderMarkdown treats content as untrusted', () => {
  it.each([
    ['a script tag', 'Hello <script>alert(1)</script>', /<script/i],
    ['an inline event handler', '<img src="x.png" onerror="alert(1)">', /onerror/i],
    ['a javascript: link', '[click](javascript:alert(1))', /javascript:/i],
    ['a data: link', '[file](data:text/html;base64,PHNjcmlwdD4=)', /data:text/i],
    ['an iframe', '<iframe src="https://evil.example"></iframe>', /<iframe/i],
    ['a style block', '<style>body{display:none}</style>', /<style/i],
  ])('removes %s', (_name, markdown, forbidden) => {
    expect(renderMarkdown(markdown)).not.toMatch(forbidden);
  });

  it('keeps ordinary Markdown', () => {
    expect(renderMarkdown('Some **bold** text and a [link](https://example.org).\n\n- one\n- two')).toBe(
      '<p>Some <strong>bold</strong> text and a <a href="https://example.org">link</a>.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>',
    );
  });
});

describe('renderMarkdown and long addresses', () => {
  it('lets a pasted web or e-mail address break after "@", "//" and before dots, but not inside code', () => {
    expect(renderMarkdown('Mail info@city.example.org or see <https://city.example.org/x>.\n\n`a.b@c.org`')).toBe(
      '<p>Mail info@<wbr>city<wbr>.example<wbr>.org or see <a href="https://city.example.org/x">https://<wbr>city<wbr>.example<wbr>.org<wbr>/x</a>.</p>\n<p><code>a.b@c.org</code></p>',
    );
  });
});

describe('markdownToPlainText', () => {
  it('keeps the words only', () => {
    expect(markdownToPlainText('A **bold** [link](https://x.org)\n\n## Title')).toBe('A bold link Title');
  });
});
