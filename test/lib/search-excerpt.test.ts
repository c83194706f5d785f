import { describe, expect, it } from 'vitest';
import { decodeEntities, excerptParts, markQueryWords, showsMatch } from '../../src/lib/search-excerpt.ts';

describe('excerptParts', () => {
  it('keeps Pagefind\'s highlights and nothing else as markup', () => {
    expect(excerptParts('Set up a <mark>mediation</mark> desk')).toEqual([
      { text: 'Set up a ', marked: false },
      { text: 'mediation', marked: true },
      { text: ' desk', marked: false },
    ]);
  });

  it('shows any other tag in the page\'s text as text, never as an element', () => {
    const parts = excerptParts('<img src=x onerror=alert(1)> and <mark><b>roma</b></mark>');
    expect(parts).toEqual([
      { text: '<img src=x onerror=alert(1)> and ', marked: false },
      { text: '<b>roma</b>', marked: true },
    ]);
  });

  it('decodes the character references Pagefind leaves, once', () => {
    expect(excerptParts('Rock &amp; roll &lt;3 l&#39;accueil &#x27;x&#x27; &amp;lt;')[0]!.text).toBe("Rock & roll <3 l'accueil 'x' &lt;");
    expect(decodeEntities('&unknown; &#0;')).toBe('&unknown; &#0;');
  });

  it('marks the rest of an excerpt whose <mark> is left open', () => {
    expect(excerptParts('a <mark>b c')).toEqual([{ text: 'a ', marked: false }, { text: 'b c', marked: true }]);
  });
});

describe('markQueryWords', () => {
  it('marks the words a query word starts, accents and case folded', () => {
    expect(markQueryWords('Médiation et médiateurs', 'mediat')).toEqual([
      { text: 'Médiation', marked: true },
      { text: ' et ', marked: false },
      { text: 'médiateurs', marked: true },
    ]);
  });

  it('marks nothing for an empty query, and says whether anything matched', () => {
    expect(showsMatch(markQueryWords('Bilbao', ''))).toBe(false);
    expect(showsMatch(markQueryWords('Bilbao', 'bil'))).toBe(true);
  });
});
