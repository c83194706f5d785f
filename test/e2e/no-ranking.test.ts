import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check-content.ts';
import { cityName } from '../../src/lib/names.ts';
import { findScoreRankings, type ListItems } from '../../src/lib/ranking-scan.ts';
import { LANGUAGES } from '../../src/lib/schemas/fields.ts';
import { htmlPaths, readPage } from '../helpers/dist.ts';

const { content } = checkContent('.');

/** Every city name as a page writes it, in every language, with all of that city's Index scores. */
const scoresByCity = new Map<string, Set<number>>();
for (const city of content.cities) {
  const scores = new Set(
    content['index-results']
      .filter((result) => result.data.city === city.id)
      .flatMap((result) => [result.data.overall, ...Object.values(result.data.scores)]),
  );
  if (scores.size === 0) continue;
  for (const lang of LANGUAGES) scoresByCity.set(cityName(city.data, lang), scores);
}

/** The lists of a page: the body rows of each table and the items of each list. */
function listsOf(html: string): ListItems[] {
  const root = parse(html);
  const tables = root.querySelectorAll('table').map((table) =>
    table.querySelectorAll('tr').map((row) => row.querySelectorAll('th, td').map((cell) => cell.textContent.trim()).join('\t')),
  );
  const lists = root.querySelectorAll('ul, ol').map((list) =>
    list.childNodes.filter((node) => 'tagName' in node && (node as { tagName: string }).tagName === 'LI').map((item) => item.textContent.trim()),
  );
  return [...tables, ...lists];
}

describe('no page ranks cities by score', () => {
  it('finds no list or table of five or more cities ordered by an Index score on any built page', () => {
    const paths = htmlPaths();
    expect(paths.length).toBeGreaterThan(100);
    const found = paths.flatMap((path) =>
      findScoreRankings(listsOf(readPage(path)), scoresByCity).map(
        (finding) => `${path}: ${finding.cities.map((city, index) => `${city} ${finding.scores[index]}`).join(', ')}`,
      ),
    );
    expect(found).toEqual([]);
  });
});
