/** The demonstration content in src/content, read directly: what the built site must show. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface PracticeFacts {
  slug: string;
  themes: string[];
  cities: string[];
  targetGroups: string[];
}

/** The shared fields of every English practice (the French site lists the same practices). */
export function practiceFacts(directory = 'src/content/practices/en'): PracticeFacts[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith('.md'))
    .map((name) => {
      const frontMatter = parse(readFileSync(join(directory, name), 'utf8').split(/^---$/m)[1]!);
      return { slug: name.replace(/\.md$/, ''), themes: frontMatter.themes, cities: frontMatter.cities, targetGroups: frontMatter.targetGroups };
    });
}
