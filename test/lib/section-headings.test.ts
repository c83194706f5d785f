import { describe, expect, it } from 'vitest';
import { withSectionIds } from '../../src/lib/section-headings.ts';

describe('withSectionIds', () => {
  it('gives every second-level heading an id from its text and lists them in order', () => {
    const { html, sections } = withSectionIds('<h2>Who can join</h2><p>Any city.</p><h2>What your city <em>gets</em></h2>');
    expect(html).toBe('<h2 id="section-who-can-join">Who can join</h2><p>Any city.</p><h2 id="section-what-your-city-gets">What your city <em>gets</em></h2>');
    expect(sections).toEqual([
      { id: 'section-who-can-join', label: 'Who can join' },
      { id: 'section-what-your-city-gets', label: 'What your city gets' },
    ]);
  });

  it('keeps ids unique when two headings read the same, and decodes entities in the label', () => {
    const { sections } = withSectionIds('<h2>Steps &amp; dates</h2><h2>Steps &amp; dates</h2><h2>Étapes&#x27;</h2>');
    expect(sections.map((section) => section.id)).toEqual(['section-steps-dates', 'section-steps-dates-2', 'section-etapes']);
    expect(sections[0]!.label).toBe('Steps & dates');
  });

  it('falls back to a number for a heading with no letters, and leaves other headings alone', () => {
    const { html, sections } = withSectionIds('<h3>Detail</h3><h2>★ ★</h2>');
    expect(sections).toEqual([{ id: 'section-1', label: '★ ★' }]);
    expect(html).toContain('<h3>Detail</h3>');
  });
});
