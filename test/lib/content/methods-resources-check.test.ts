import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/content/check-content.ts';
import { formatProblem } from '../../../src/lib/content/problems.ts';

const broken = checkContent('test/fixtures/broken-methods');
const lines = broken.problems.map(formatProblem);

/** The one reported line for a file and field. */
function problemFor(file: string, field: string): string {
  const matches = broken.problems.filter((problem) => problem.file.endsWith(file) && problem.field === field);
  expect(matches, `expected one problem for ${file} ${field}, got:\n${lines.join('\n')}`).toHaveLength(1);
  return formatProblem(matches[0]!);
}

describe('the content check of methods, resources and the methods of practices', () => {
  describe.each([
    ['methods/en/anti-rumour-strategy.md', 'themes[0]', '"anti-discriminaton" is not a known theme (did you mean "anti-discrimination"?): known ids are the file names in src/content/themes/'],
    ['methods/en/anti-rumour-strategy.md', 'budget', 'must be one of low, medium, high: what the method costs a city, roughly (found "cheap")'],
    ['methods/en/anti-rumour-strategy.md', 'steps', 'needs at least two steps: the steps of the method, in order'],
    ['methods/fr/anti-rumour-strategy.md', 'themes', 'differs from the English version (src/content/methods/en/anti-rumour-strategy.md): themes is shared by all translations, make them identical'],
    ['methods/en/living-library.md', 'name', 'is missing: the English version of a method must be complete (name, summary, steps and the other parts)'],
    ['methods/fr/orphan-method.md', '', 'has no English version: every method needs src/content/methods/en/orphan-method.md (translations are paired by file name)'],
    ['practices/en/rumour-agents.md', 'methods[0]', '"anti-rumor-strategy" is not a known method (did you mean "anti-rumour-strategy"?): known ids are the file names in src/content/methods/en/'],
    ['resources/both-link-and-file.yaml', 'kind', '"manul" is not a kind of resource (did you mean "manual"?): use one of guide, policy-brief, manual, toolkit, online-course, video, report, index-methodology'],
    ['resources/both-link-and-file.yaml', 'languages[1]', '"xx" is not a language code of the list'],
    ['resources/both-link-and-file.yaml', 'url', 'needs a link or a file, not both and not neither: give "url" (a web address) or "file" (a PDF in public/documents/)'],
    ['resources/both-link-and-file.yaml', 'methods[0]', '"anti-rumour-strategi" is not a known method (did you mean "anti-rumour-strategy"?)'],
    ['resources/neither.yaml', 'file', 'must be a PDF in public/documents/, like /documents/guide.pdf: the resource\'s file (found "/documents/guide.docx")'],
    ['resources/not-a-pdf.yaml', 'file', '"/documents/renamed.pdf" is not a PDF (its content does not start with "%PDF-"): save the document as PDF and upload it again'],
    ['resources/missing-pdf.yaml', 'file', '"/documents/missing.pdf" does not exist: put the PDF in public/documents/missing.pdf'],
  ])('%s %s', (file, field, message) => {
    it('names the file, the field, what is wrong and how to fix it', () => {
      expect(problemFor(file, field)).toContain(message);
    });
  });

  it('accepts a resource that names an existing practice', () => {
    expect(broken.problems.filter((problem) => problem.field.startsWith('practices'))).toEqual([]);
  });
});
