/**
 * Writes a deterministic practices CSV for measuring `npm run import` at scale (issue 10).
 *
 *   node scripts/bench/import-csv.ts <rows> <out.csv> [--chain]
 *
 * Every row is valid against src/content (cities, themes and target groups that exist). With
 * --chain, each row's "adaptedFrom" names the previous row by its title, so the import resolves a
 * chain of references as long as the file: the case that used to take time quadratic in the rows.
 * Then: `npm run import -- practices <out.csv> --dry-run` (or `/usr/bin/time -v node scripts/import.ts ...`).
 */
import { writeFileSync } from 'node:fs';

const CITIES = ['oslo', 'Lisboa', 'Barcelona', 'Getxo', 'bergen', 'Reykjavík', 'Hamamatsu', 'Botkyrka', 'Lublin', 'Montréal'];
const THEMES = ['education', 'Language', 'mediation', 'public-space', 'Welcoming newcomers', 'participation'];
const HEADER = 'title,cities,themes,targetGroups,period.start,period.end,purpose,stimulus,process,results,transferability,adaptedFrom';

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
const title = (n: number) => `Neighbourhood welcome café nº ${n}`;

/** The CSV text of `rows` practices (Windows line endings, as Excel writes them). */
export function importBenchCsv(rows: number, chain: boolean): string {
  const lines = [HEADER];
  for (let index = 0; index < rows; index++) {
    const n = index + 1;
    lines.push(
      [
        title(n),
        `${CITIES[index % CITIES.length]}; ${CITIES[(index + 3) % CITIES.length]}`,
        THEMES[index % THEMES.length]!,
        index % 2 ? 'youth; Newcomers' : 'Tous les habitants',
        String(2000 + (index % 20)),
        'ongoing',
        `Bring residents of café ${n} together, every week.`,
        'Residents said they rarely met neighbours of other origins.',
        `1. Volunteers opened the café.\r\n2. The city paid the rent.\r\n\r\nBudget: EUR ${n * 1000}.`,
        'Around 40 regulars after a year; "we know each other now".',
        'A room, two volunteers and a small budget.',
        chain && index > 0 ? title(n - 1) : '',
      ]
        .map(quote)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

if (import.meta.main) {
  const [rows, out, ...flags] = process.argv.slice(2);
  if (!rows || !out || !/^\d+$/.test(rows)) {
    console.error('Usage: node scripts/bench/import-csv.ts <rows> <out.csv> [--chain]');
    process.exit(2);
  }
  writeFileSync(out, importBenchCsv(Number(rows), flags.includes('--chain')));
  console.log(`Wrote ${rows} practices to ${out}${flags.includes('--chain') ? ' (each adapted from the previous row)' : ''}`);
}
