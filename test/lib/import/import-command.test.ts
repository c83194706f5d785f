/** `npm run import` as an editor runs it, against a temporary copy of the content. */
import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/content/check-content.ts';
import { formatProblem } from '../../../src/lib/content/problems.ts';

const run = promisify(execFile);
const script = resolve('scripts/import.ts');
let root: string;

async function importCsv(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [script, ...args, '--root', root], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/**
 * Starts an import that stops at a point of its write (ICC_IMPORT_TEST_PAUSE), kills it there
 * with SIGKILL as a crash or a closed terminal would, and resolves once it is dead.
 */
function importKilledAt(point: string, ...args: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [script, ...args, '--root', root], {
      cwd: root,
      env: { ...process.env, ICC_IMPORT_TEST_PAUSE: point },
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    let paused = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!paused && stderr.includes(`ICC_IMPORT_TEST_PAUSE: paused after ${point}\n`)) {
        paused = true;
        child.kill('SIGKILL');
      }
    });
    child.on('exit', (code, signal) => {
      if (paused && signal === 'SIGKILL') resolvePromise();
      else reject(new Error(`the import ended (code ${code}, signal ${signal}) without pausing after ${point}:\n${stderr}`));
    });
  });
}

/** Every file under the content folder, to prove that nothing was written. */
const snapshot = () => readdirSync(join(root, 'src/content'), { recursive: true }).map(String).sort();

const HEADER = 'title,cities,themes,targetGroups,period.start,period.end,purpose,stimulus,process,results,transferability,fr.title,fr.purpose,fr.stimulus,fr.process,fr.results,fr.transferability';
const CITIES = ['oslo', 'Lisboa', 'Barcelona', 'Getxo', 'bergen', 'Reykjavík', 'Hamamatsu', 'Botkyrka', 'Lublin', 'Montréal'];
const THEMES = ['education', 'Language', 'mediation', 'public-space', 'Welcoming newcomers', 'participation'];

/** A made-up street name per row ("Bakado", "Cekefi"...): practices that differ only by a number would be copies (the look-alike check). */
const street = (n: number) => Array.from({ length: 3 }, (_, i) => 'bcdfgklmnprstvz'[Math.floor(n / 15 ** i) % 15]! + 'aeiou'[(n + i) % 5]!).join('').replace(/^./, (c) => c.toUpperCase());

/** A spreadsheet of n practices, as Excel saves "CSV UTF-8": BOM, CRLF, quoted cells with commas, quotes and line breaks. */
function practicesCsv(count: number, place = 'café'): string {
  const rows = Array.from({ length: count }, (_, index) => {
    const n = index + 1;
    const name = street(n + [...place].reduce((sum, c) => sum * 31 + c.charCodeAt(0), 0) % 3000);
    const cells = [
      `Neighbourhood "welcome" ${place} nº ${n}, season ${n}`,
      `${CITIES[index % CITIES.length]}; ${CITIES[(index + 3) % CITIES.length]}`,
      THEMES[index % THEMES.length]!,
      index % 2 ? 'youth; Newcomers' : 'Tous les habitants',
      String(2000 + (index % 20)),
      index % 3 ? 'ongoing' : String(2021 + (index % 3)),
      `Bring residents of café ${n} together, every week, in ${name} Street.`,
      `Residents of ${name} Street said they rarely met neighbours of other origins.`,
      `1. Volunteers opened the café.\r\n2. The city paid the rent.\r\n\r\nBudget: EUR ${n * 1000}.`,
      `Around 40 regulars from ${name} Street after a year; "we know each other now".`,
      `A room in ${name} Street, two volunteers and a small budget.`,
      ...(index % 5 === 0
        ? [`Café « bienvenue » nº ${n}`, `Rassembler les habitants de la rue ${name}.`, `Les habitants de la rue ${name} se croisaient peu.`, 'Des bénévoles ont ouvert le café.', `Une quarantaine d’habitués de la rue ${name}.`, `Une salle rue ${name} et deux bénévoles.`]
        : ['', '', '', '', '', '']),
    ];
    return cells.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',');
  });
  return `\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'icc-import-'));
  cpSync('src/content', join(root, 'src/content'), { recursive: true });
  // Resources may name a PDF stored under public/documents/, which the content check opens.
  cpSync('public/documents', join(root, 'public/documents'), { recursive: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('npm run import', () => {
  it('imports 50 practices that all pass the content check', async () => {
    writeFileSync(join(root, 'fifty.csv'), practicesCsv(50));
    const before = snapshot().length;
    const result = await importCsv('practices', join(root, 'fifty.csv'));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Reading fifty.csv: 50 practices (UTF-8, comma-separated)');
    expect(result.stdout).toMatch(/Imported 50 practices: wrote 60 files in [\d.]+ s\./);
    expect(snapshot().length).toBe(before + 60);
    const check = checkContent(root);
    expect(check.problems.map(formatProblem)).toEqual([]);
    const first = readFileSync(join(root, 'src/content/practices/en/neighbourhood-welcome-cafe-no-1-season-1.md'), 'utf8');
    expect(first).toContain('title: Neighbourhood "welcome" café nº 1, season 1\ncities: [oslo, getxo]\n');
    expect(first).toContain('process: |-\n  1. Volunteers opened the café.\n  2. The city paid the rent.\n\n  Budget: EUR 1000.');
    expect(existsSync(join(root, 'src/content/practices/fr/neighbourhood-welcome-cafe-no-1-season-1.md'))).toBe(true);
  });

  it('writes nothing when one row is wrong, and says which row and column to fix', async () => {
    writeFileSync(join(root, 'broken.csv'), practicesCsv(5, 'bistro').replace('bergen; Botkyrka', 'bergen; Botkirka'));
    const before = snapshot();
    const result = await importCsv('practices', join(root, 'broken.csv'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('row 6, column "cities": "Botkirka" is not a known city (did you mean "botkyrka"?)');
    expect(result.stderr).toContain('Nothing was written. Fix the rows in your spreadsheet, save it as CSV UTF-8 and run the import again (or add --valid-only to import the 4 practices without problems).');
    expect(snapshot()).toEqual(before);
  });

  it('imports the valid rows only when asked', async () => {
    const result = await importCsv('practices', join(root, 'broken.csv'), '--valid-only', '--dry-run');
    expect(result.stdout).toContain('Dry run, nothing written. Would write 5 files for 4 practices:');
    expect(result.stdout).toContain('  new     src/content/practices/en/neighbourhood-welcome-bistro-no-1-season-1.md');
  });

  it('never overwrites without --force, and lists what --force would replace', async () => {
    const again = await importCsv('practices', join(root, 'fifty.csv'), '--dry-run');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(
      'row 2, column "title": src/content/practices/en/neighbourhood-welcome-cafe-no-1-season-1.md already exists: run the import again with --force to replace it, or change the title',
    );
    const forced = await importCsv('practices', join(root, 'fifty.csv'), '--dry-run', '--force');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('  replace src/content/practices/en/neighbourhood-welcome-cafe-no-1-season-1.md');
  });

  it('refuses a Latin-1 file with the line of the first wrong byte, and writes nothing', async () => {
    const latin1 = Buffer.from('name,country\nBerlin,DE\nZürich,CH\n', 'latin1');
    writeFileSync(join(root, 'latin1.csv'), latin1);
    const before = snapshot();
    const result = await importCsv('cities', join(root, 'latin1.csv'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^latin1\.csv is not saved as UTF-8: byte 0xFC on line 3 \(probably "ü" in Windows-1252 \/ Latin-1\)/);
    expect(snapshot()).toEqual(before);
  });

  it('shows progress for large files', async () => {
    writeFileSync(join(root, 'large.csv'), practicesCsv(250, 'garden'));
    const result = await importCsv('practices', join(root, 'large.csv'), '--dry-run');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Checking rows: 25/250');
    expect(result.stdout).toContain('Checking rows: 250/250');
  });

  it('leaves the content as it was when killed before its files are in place, and clears its staging on the next run', async () => {
    writeFileSync(join(root, 'killed-early.csv'), practicesCsv(10, 'library'));
    const before = snapshot();
    await importKilledAt('staged', 'practices', join(root, 'killed-early.csv'));
    expect(snapshot().filter((path) => !path.startsWith('.import'))).toEqual(before);
    const recovered = await importCsv('--recover');
    expect(recovered.code).toBe(0);
    expect(recovered.stdout).toBe('An earlier import was stopped before it had written its files: its 12 prepared files were removed, and the content is as it was before it.\n');
    expect(snapshot()).toEqual(before);
  }, 180_000); // several processes: generous for a busy machine

  it('completes on the next run an import killed while it put its files in place, and the content check refuses to build meanwhile', async () => {
    writeFileSync(join(root, 'killed-late.csv'), practicesCsv(10, 'market'));
    const before = snapshot();
    await importKilledAt('renamed:3', 'practices', join(root, 'killed-late.csv'));
    const check = checkContent(root).problems.map(formatProblem);
    expect(check).toContain(
      'src/content/.import/journal.json: an import of killed-late.csv was stopped while it put its 12 files in place, so only part of it is in the content: run "npm run import -- --recover" to complete it',
    );
    const dryRun = await importCsv('practices', join(root, 'killed-late.csv'), '--dry-run');
    expect(dryRun.code).toBe(1);
    expect(dryRun.stderr).toContain('An earlier import of killed-late.csv was stopped while it put its files in place: run "npm run import -- --recover" to complete it');

    // The next import completes the killed one before it reads the content.
    writeFileSync(join(root, 'after.csv'), practicesCsv(1, 'orchard'));
    const next = await importCsv('practices', join(root, 'after.csv'));
    expect(next.code).toBe(0);
    expect(next.stdout).toMatch(/^An earlier import of killed-late\.csv \(started [\d-]+T[\d:.]+Z\) was stopped while it put its files in place: the 9 remaining of its 12 files were put in place, so it is now complete\.\n/);
    const after = snapshot();
    expect(after.filter((path) => !before.includes(path))).toHaveLength(12 + 2);
    expect(after.some((path) => path.startsWith('.import') || path.endsWith('.tmp'))).toBe(false);
    expect(checkContent(root).problems.map(formatProblem)).toEqual([]);
  }, 180_000); // several processes: generous for a busy machine

  it('says when there is nothing to recover', async () => {
    const result = await importCsv('--recover');
    expect(result).toMatchObject({ code: 0, stdout: 'No import was interrupted: there is nothing to recover.\n' });
  });

  it('tells how to call it', async () => {
    const result = await importCsv('pratiques', 'x.csv');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^"pratiques" cannot be imported: choose practices or cities\n\nUsage: npm run import -- <practices\|cities> <file.csv>/);
  });
});
