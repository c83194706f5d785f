import type { z } from 'zod';
import { didYouMean } from '../did-you-mean.ts';

/** One thing an editor must fix: where, which field, what is wrong and how to fix it. */
export interface Problem {
  /** Path of the file, relative to the project root, with forward slashes. */
  file: string;
  /** The field, like `cities[1]` or `scores.commitment`; empty for the file as a whole. */
  field: string;
  /** What is wrong and how to fix it. */
  message: string;
}

/** `cities[1]`, `period.end`, `scores.commitment` */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

function describeValue(value: unknown): string {
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** Turns zod issues into problems an editor can act on. */
export function problemsFromIssues(
  file: string,
  issues: readonly z.core.$ZodIssue[],
  knownFields: readonly string[],
): Problem[] {
  return issues.map((issue) => {
    const field = fieldPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      const described = issue.keys
        .map((key) => `"${key}"${didYouMean(key, knownFields)}`)
        .join(', ');
      const plural = issue.keys.length > 1 ? 's' : '';
      return {
        file,
        field,
        message: `has unknown field${plural} ${described}: check the spelling, or remove it`,
      };
    }
    const found = 'input' in issue ? describeValue(issue.input) : '';
    const message = found && issue.input !== undefined ? `${issue.message} (found ${found})` : issue.message;
    return { file, field, message };
  });
}

/** One line per problem: `file: field message`. */
export function formatProblem(problem: Problem): string {
  return `${problem.file}: ${problem.field ? `${problem.field} ` : ''}${problem.message}`;
}

/** The whole report: every problem, sorted by file, and a summary line. */
export function formatReport(problems: readonly Problem[]): string {
  const files = new Set(problems.map((problem) => problem.file));
  const lines = [...problems]
    .sort((a, b) => a.file.localeCompare(b.file) || a.field.localeCompare(b.field))
    .map(formatProblem);
  lines.push(
    `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files.size} file${files.size === 1 ? '' : 's'}. ` +
      'Fix them and run `npm run check:content` again; nothing is published until the content is valid.',
  );
  return lines.join('\n');
}

/** Warnings: every one, sorted by file, and a summary line saying they do not stop the build. */
export function formatWarnings(warnings: readonly Problem[], shown = 100): string {
  const sorted = [...warnings].sort((a, b) => a.file.localeCompare(b.file) || a.message.localeCompare(b.message));
  const lines = sorted.slice(0, shown).map(formatProblem);
  if (sorted.length > shown) lines.push(`… and ${sorted.length - shown} more like these.`);
  lines.push(`${warnings.length} warning${warnings.length === 1 ? '' : 's'}: worth a look, but they do not stop the build.`);
  return lines.join('\n');
}
