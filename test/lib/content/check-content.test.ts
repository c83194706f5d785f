import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/content/check-content.ts';
import { formatProblem, formatReport } from '../../../src/lib/content/problems.ts';
import { LANGUAGES } from '../../../src/lib/languages.ts';

const broken = checkContent('test/fixtures/broken-content');
const lines = broken.problems.map(formatProblem);

/** The one reported line for a file and field. */
function problemFor(file: string, field: string): string {
  const matches = broken.problems.filter((problem) => problem.file.endsWith(file) && problem.field === field);
  expect(matches, `expected one problem for ${file} ${field}, got:\n${lines.join('\n')}`).toHaveLength(1);
  return formatProblem(matches[0]!);
}

describe('the demonstration content', () => {
  it('is valid', () => {
    const { problems, fileCount } = checkContent('.');
    expect(problems.map(formatProblem)).toEqual([]);
    expect(fileCount).toBeGreaterThan(200);
  });
});

describe('a broken content tree', () => {
  it('reports every problem of every file at once, each with file, field and fix', () => {
    expect(broken.problems.length).toBeGreaterThanOrEqual(30);
    const files = new Set(broken.problems.map((problem) => problem.file));
    expect(files.size).toBe(10);
    expect(formatReport(broken.problems)).toMatch(/^\d+ problems in 10 files\. Fix them/m);
  });

  describe.each([
    ['practices/en/anti-rumour.md', 'cities[1]', '"bilbaoo" is not a known city (did you mean "bilbao"?): known ids are the file names in src/content/cities/'],
    ['practices/en/anti-rumour.md', 'themes[0]', '"educaton" is not a known theme (did you mean "education"?)'],
    ['practices/en/anti-rumour.md', 'targetGroups[0]', '"yuoth" is not a target group (did you mean "youth"?): use one of newcomers'],
    ['practices/en/anti-rumour.md', 'adaptedFrom[0]', '"missing-practice" is not a known practice'],
    ['practices/en/anti-rumour.md', 'period.end', 'must be the start year or later, or "ongoing"'],
    ['practices/en/anti-rumour.md', 'contact.email', 'must be an e-mail address like name@city.org: e-mail address of the contact (found "not-an-email")'],
    ['practices/en/anti-rumour.md', 'images[0].alt', 'is missing: text alternative: what the image shows'],
    ['practices/en/anti-rumour.md', 'images[0].src', 'does not exist: put the picture in public/images/practices/agents.jpg'],
    ['practices/en/anti-rumour.md', 'process', 'is empty: how the practice was done'],
    ['practices/en/anti-rumour.md', 'transferability', 'still holds placeholder text'],
    ['practices/en/anti-rumour.md', 'published', 'is not a real calendar date: date the practice was first published (found "2024-02-30")'],
    ['practices/en/anti-rumour.md', '', 'has unknown field "citites" (did you mean "cities"?)'],
    ['practices/fr/anti-rumour.md', 'cities', 'differs from the English version (src/content/practices/en/anti-rumour.md): cities is shared by all translations, make them identical'],
    ['practices/fr/orphan.md', '', 'has no English version: every practice needs src/content/practices/en/orphan.md'],
    ['practices/de/welcome-desk.md', '', `practices go in a folder per language, ${LANGUAGES.map((code) => `src/content/practices/${code}/`).join(', ').replace(/, ([^,]*)$/, ' or $1')}`],
    ['practices/en/bad-yaml.md', '', 'is not valid YAML near line'],
    ["practices/en/Médiation à l'école.md", '', 'rename it to "mediation-a-l-ecole.md"'],
    ['cities/broken-town.yaml', 'population', 'population must be 1 or more: number of inhabitants (found -5)'],
    ['cities/broken-town.yaml', 'joined', 'must be 2026 or less'.replace('2026', String(new Date().getUTCFullYear()))],
    ['cities/broken-town.yaml', 'country', 'must be a two-letter ISO 3166-1 country code in capitals, like "ES" or "GB": country of the city (found "XX")'],
    ['cities/broken-town.yaml', 'website', 'must be a full web address starting with https://'],
    ['cities/broken-town.yaml', 'networks[0]', '"spian" is not a known national network (did you mean "spain"?)'],
    ['cities/broken-town.yaml', 'profile.fr', 'is empty: short profile of the city, in French (found "")'],
    ['cities/bilbao.yml', '', 'has the same id "bilbao" as src/content/cities/bilbao.yaml: rename or remove one of them'],
    ['index-results/bilbao-2019.md', 'scores.education', 'must be 100 or less: score of the theme, from 0 to 100 (found 130)'],
    ['index-results/bilbao-2019.md', 'scores.governance', 'is not scored in the 2019 Index ("governance" exists in: pre-2019): remove the score or correct "version"'],
    ['index-results/bilbao-2019.md', 'recommendations[0].theme', '"langauge" is not a known theme'],
    ['index-results/bilbao-2014.md', 'version', 'does not match the edition year: editions before 2019 use "pre-2019"'],
    ['index-results/bilbao-2014.md', 'city', '"bilbaoo" is not a known city (did you mean "bilbao"?)'],
  ])('%s, field "%s"', (file, field, expected) => {
    it('names the file, the field, what is wrong and how to fix it', () => {
      const line = problemFor(file, field);
      expect(line.startsWith(`src/content/${file}: ${field}`)).toBe(true);
      expect(line).toContain(expected);
    });
  });

  it('accepts a translation stub holding only shared fields and does not report it', () => {
    expect(broken.problems.filter((problem) => problem.file.endsWith('fr/welcome-desk.md'))).toEqual([]);
    const stub = broken.content.practices.find((practice) => practice.file.endsWith('fr/welcome-desk.md'));
    expect(stub?.stub).toBe(true);
  });

  it('keeps valid files usable beside broken ones', () => {
    expect(broken.content.practices.map((practice) => practice.file)).toContain(
      'src/content/practices/en/welcome-desk.md',
    );
  });
});
