/**
 * Turns the rows of a CSV into content files, checked exactly as `npm run check:content` checks
 * files: the same zod schemas, then the same integrity rules over the existing content plus the
 * new files. Nothing is written here: the plan lists the files and every problem, each tied to a
 * row and a column, so the CLI can write all or nothing.
 */
import { basename, dirname, join, relative, sep } from 'node:path';
import type { z } from 'zod';
import { checkIntegrity } from '../content/integrity.ts';
import { problemsFromIssues, type Problem } from '../content/problems.ts';
import type { RawEntry } from '../content/read-content.ts';
import { toFrontMatterFile, toYaml } from '../cms/formats.ts';
import { didYouMean } from '../did-you-mean.ts';
import { citySchema } from '../schemas/city.ts';
import { COLLECTIONS } from '../content/collections.ts';
import { REGISTERED_LANGUAGES, SOURCE_LANGUAGE, REGISTERED_TRANSLATION_LANGUAGES, type Lang } from '../languages.ts';
import { SHARED_KEYS, practiceSchema } from '../schemas/practice.ts';
import { isWindowsReservedName, MAX_ID_LENGTH, SLUG_PATTERN, slugify } from '../slug.ts';
import { columnAliases, COLUMNS, headerKey, type ColumnSpec, type ImportKind } from './columns.ts';
import type { CsvTable } from './csv-table.ts';
import { referenceIndex, resolveCountry, resolveReference, type ReferenceIndex } from './references.ts';

/** One thing to fix, at a row and column of the spreadsheet (row 0: the file as a whole). */
export interface RowProblem {
  row: number;
  column?: string;
  message: string;
}

export function formatRowProblem(problem: RowProblem): string {
  if (problem.row === 0) return problem.message;
  return `row ${problem.row}${problem.column ? `, column "${problem.column}"` : ''}: ${problem.message}`;
}

export interface PlannedFile {
  /** Path from the project root, with forward slashes. */
  path: string;
  absolutePath: string;
  /** The file's text, rendered each time it is read: a plan of 100,000 files does not hold them all at once. */
  readonly content: string;
  row: number;
  /** An existing file is replaced (only with --force). */
  replaces: boolean;
}

export interface ImportPlan {
  kind: ImportKind;
  /** Files to write: every row's, or only valid rows' with validOnly; none when a row fails otherwise. */
  files: PlannedFile[];
  problems: RowProblem[];
  rowCount: number;
  validRows: number[];
  invalidRows: number[];
}

export interface ImportContext {
  /** Project root: paths in messages are relative to it. */
  root: string;
  /** The content folder written to (default `<root>/src/content`). */
  contentDirectory: string;
  /** Every content file as read by src/lib/content/read-content.ts. */
  existing: readonly RawEntry[];
  /** Whether a file exists (absolute path). */
  fileExists(absolutePath: string): boolean;
  /** Names of the files in a folder (absolute path), empty when it does not exist: finds names that differ only by case. */
  folderNames(absoluteDirectory: string): readonly string[];
  /** Date written in `published` when the column is empty (YYYY-MM-DD). */
  today: string;
  /** Names of target groups (id → labels), as editors may type them. */
  targetGroupNames: Record<string, string[]>;
}

export interface ImportOptions {
  /** Replace existing files. */
  force?: boolean;
  /** Plan the valid rows even when others fail. */
  validOnly?: boolean;
  /** Called while rows are checked: (rows done, rows in all). */
  onProgress?: (done: number, total: number) => void;
}

type Data = Record<string, unknown>;

interface RowDraft {
  row: number;
  slug: string;
  /** Column that decided the slug (id or title/name), for messages. */
  slugColumn: string;
  en: Data;
  /** The practice's translations given in the row (`fr.` columns...), complete with the shared fields. */
  translations: Partial<Record<Lang, Data>>;
  problems: RowProblem[];
}

const isRecord = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value);

function setPath(target: Data, path: string, value: unknown) {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (!isRecord(node[part])) node[part] = {};
    node = node[part] as Data;
  }
  node[parts.at(-1)!] = value;
}

/** Whole numbers may carry thousands separators ("545 000", "545,000"); decimals a comma ("38,72"). */
function parseNumber(raw: string, integer: boolean): number | string {
  let text = raw.replace(/[\s\u00a0\u202f']/g, '');
  if (integer && /^-?\d{1,3}(?:,\d{3})+$/.test(text)) text = text.replace(/,/g, '');
  if (/^-?\d+,\d+$/.test(text)) text = text.replace(',', '.');
  if (integer && /^-?\d+\.0+$/.test(text)) text = text.replace(/\.0+$/, '');
  return /^-?\d+(?:\.\d+)?$/.test(text) ? Number(text) : raw;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', 'oui', 'o', '1', 'x', 'vrai']);
const FALSE_WORDS = new Set(['false', 'no', 'n', 'non', '0', 'faux']);

function parseBoolean(raw: string): boolean | string {
  const word = raw.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return raw;
}

/** `Label https://address` items separated by ";" (a lone address is its own label's problem). */
function parseLinks(raw: string): { label?: string; url?: string }[] {
  return splitList(raw).map((item) => {
    const match = /^(.*?)\s*<?(https?:\/\/\S+?)>?$/.exec(item);
    if (!match) return { label: item };
    const label = match[1]!.replace(/[:\-–—|]\s*$/, '').trim();
    return { ...(label ? { label } : {}), url: match[2] };
  });
}

const splitList = (raw: string) =>
  raw
    .split(';')
    .map((item) => item.trim())
    .filter(Boolean);

/** Excel may add a time to dates ("2024-03-01 00:00:00"). */
const parseDate = (raw: string) => raw.trim().replace(/^(\d{4}-\d{2}-\d{2})[ T]00:00(?::00)?$/, '$1');

/** Maps the header to column specs; reports unknown, repeated and missing columns. */
function mapHeader(kind: ImportKind, header: string[], fileName: string) {
  const specs = COLUMNS[kind];
  const byKey = new Map<string, ColumnSpec>();
  for (const spec of specs) for (const key of columnAliases(spec)) byKey.set(key, spec);
  const problems: RowProblem[] = [];
  const positions = new Map<ColumnSpec, number>();
  header.forEach((name, index) => {
    if (name === '') return;
    const spec = byKey.get(headerKey(name));
    if (!spec) {
      problems.push({
        row: 1,
        column: name,
        message: `is not a known column${didYouMean(name, specs.map((candidate) => candidate.name))}: the columns are listed in templates/${kind}.csv`,
      });
    } else if (positions.has(spec)) {
      problems.push({ row: 1, column: name, message: `appears twice in the header: keep one "${spec.name}" column` });
    } else positions.set(spec, index);
  });
  const missing = specs.filter((spec) => spec.required && !positions.has(spec));
  for (const spec of missing) {
    problems.push({
      row: 1,
      column: spec.name,
      message: `is missing from the header row of ${fileName}: add it (see templates/${kind}.csv)`,
    });
  }
  return { positions, problems };
}

/** Column of the spreadsheet that holds a schema field (`links[1].url` → "links", item 2, "url"). */
function columnForField(kind: ImportKind, field: string, lang: Lang | undefined): { column?: string; item?: number; part?: string } {
  const plain = field.replace(/\[\d+\]/g, '');
  const itemMatch = /\[(\d+)\]/.exec(field);
  const specs = COLUMNS[kind].filter((spec) => spec.field !== '' && spec.lang === lang);
  const exact = specs.find((spec) => plain === spec.field || plain.startsWith(`${spec.field}.`));
  const parent = exact ?? specs.find((spec) => spec.field.startsWith(`${plain}.`));
  const part = exact && plain !== exact.field ? plain.slice(exact.field.length + 1) : undefined;
  return { column: parent?.name, item: itemMatch ? Number(itemMatch[1]) + 1 : undefined, part };
}

function schemaProblems(kind: ImportKind, schema: z.ZodType, data: Data, row: number, lang: Lang | undefined, skipFields: ReadonlySet<string> = new Set()): RowProblem[] {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return [];
  const known = Object.keys((schema as unknown as z.ZodObject).shape ?? {});
  return problemsFromIssues('', result.error.issues, known)
    .filter((problem) => !skipFields.has(problem.field.replace(/[[.].*$/, '')))
    .map((problem) => rowProblemForField(kind, problem, row, lang));
}

function rowProblemForField(kind: ImportKind, problem: Problem, row: number, lang: Lang | undefined, file?: string): RowProblem {
  const { column, item, part } = columnForField(kind, problem.field, lang);
  const where = `${item ? `item ${item}: ` : ''}${part ? `${part} ` : ''}`;
  const inFile = file ? `${file}: ` : '';
  if (column) return { row, column, message: `${inFile}${where}${problem.message}` };
  return { row, message: `${inFile}${problem.field ? `${problem.field} ` : ''}${problem.message}` };
}

/**
 * A planned file whose text is rendered when read. Made outside planImport so that it keeps only
 * its own data alive, not the indexes and drafts of the whole plan.
 */
function plannedFile(kind: ImportKind, data: Data, where: Omit<PlannedFile, 'content'>): PlannedFile {
  return {
    ...where,
    get content() {
      return kind === 'practices' ? toFrontMatterFile(data) : toYaml(data);
    },
  };
}

/** The id cut at a hyphen to fit MAX_ID_LENGTH ("a-long-title-…" → "a-long"). */
function shortened(slug: string): string {
  if (slug.length <= MAX_ID_LENGTH) return slug;
  const cut = slug.slice(0, MAX_ID_LENGTH + 1);
  const hyphen = cut.lastIndexOf('-');
  return (hyphen > 0 ? cut.slice(0, hyphen) : cut.slice(0, MAX_ID_LENGTH)).replace(/-+$/, '');
}

/** Why a well-formed id cannot name a file everywhere (too long, a Windows device name), or undefined. */
function fileNameProblem(slug: string, kind: ImportKind): string | undefined {
  if (slug.length > MAX_ID_LENGTH) {
    return `is ${slug.length} characters long: file names may have at most ${MAX_ID_LENGTH}, so that paths stay short enough for Windows: choose a shorter file name, like "${shortened(slug)}"`;
  }
  if (isWindowsReservedName(slug)) {
    return `is a name Windows keeps for a device (con, prn, aux, nul, com1 to com9, lpt1 to lpt9), so the file could not be opened there: choose another file name, like "${slug}-${kind === 'practices' ? 'practice' : 'city'}"`;
  }
  return undefined;
}

/** Splits a Markdown text's line endings to "\n" (Windows spreadsheets write "\r\n" inside cells). */
const cellText = (cell: string | undefined) => (cell ?? '').replace(/\r\n?/g, '\n').trim();

export function planImport(kind: ImportKind, table: CsvTable, fileName: string, context: ImportContext, options: ImportOptions = {}): ImportPlan {
  const header = mapHeader(kind, table.header, fileName);
  const plan: ImportPlan = { kind, files: [], problems: [...header.problems], rowCount: table.rows.length, validRows: [], invalidRows: [] };
  if (header.problems.length > 0) return plan;
  if (table.rows.length === 0) {
    plan.problems.push({ row: 0, message: `${fileName} has a header row but no ${kind}: add one row per ${kind === 'practices' ? 'practice' : 'city'}` });
    return plan;
  }

  const toPath = (absolute: string) => relative(context.root, absolute).split(sep).join('/');
  const entriesOf = (collection: RawEntry['collection']) => context.existing.filter((entry) => entry.collection === collection);
  const cell = (cells: string[], spec: ColumnSpec) => {
    const position = header.positions.get(spec);
    return position === undefined ? '' : cellText(cells[position]);
  };
  const specs = COLUMNS[kind];
  const specNamed = (name: string) => specs.find((spec) => spec.name === name)!;

  // Reference indexes: existing entries, plus (for "adapted from") the practices of this file.
  const indexes = new Map<string, ReferenceIndex>();
  const named = (entry: RawEntry, ...keys: string[]) =>
    keys.map((key) => {
      const [first, second] = key.split('.');
      const value = second ? (entry.data[first!] as Data | undefined)?.[second] : entry.data[first!];
      return typeof value === 'string' ? value : undefined;
    });
  indexes.set('cities', referenceIndex('city', entriesOf('cities').map((entry) => ({ id: entry.id, names: named(entry, 'name', 'localName', ...REGISTERED_TRANSLATION_LANGUAGES.map((code) => `names.${code}`)) }))));
  indexes.set('themes', referenceIndex('theme', entriesOf('themes').map((entry) => ({ id: entry.id, names: named(entry, ...REGISTERED_LANGUAGES.map((code) => `label.${code}`)) }))));
  indexes.set('networks', referenceIndex('national network', entriesOf('networks').map((entry) => ({ id: entry.id, names: named(entry, ...REGISTERED_LANGUAGES.map((code) => `name.${code}`)) }))));
  // Methods are named by id or by their name in any language.
  const methodNames = new Map<string, (string | undefined)[]>();
  for (const entry of entriesOf('methods')) methodNames.set(entry.id, [...(methodNames.get(entry.id) ?? []), ...named(entry, 'name')]);
  indexes.set('methods', referenceIndex('method', [...methodNames].map(([id, names]) => ({ id, names }))));
  indexes.set('organisations', referenceIndex('organisation', entriesOf('organisations').map((entry) => ({ id: entry.id, names: named(entry, 'name') }))));
  indexes.set('target-groups', referenceIndex('target group', Object.entries(context.targetGroupNames).map(([id, names]) => ({ id, names }))));

  // First pass: the file name of every row, so rows can refer to each other.
  const slugOf = (cells: string[]) => {
    const idSpec = specNamed('id');
    const given = header.positions.has(idSpec) ? cell(cells, idSpec) : '';
    const nameSpec = specNamed(kind === 'practices' ? 'title' : 'name');
    return given ? { slug: given, column: idSpec.name, given: true } : { slug: slugify(cell(cells, nameSpec)), column: nameSpec.name, given: false };
  };
  const practiceNames = entriesOf('practices')
    .filter((entry) => entry.lang === SOURCE_LANGUAGE)
    .map((entry) => ({ id: entry.id, names: named(entry, 'title') }));
  if (kind === 'practices') {
    for (const { cells } of table.rows) {
      const { slug } = slugOf(cells);
      if (slug && SLUG_PATTERN.test(slug)) practiceNames.push({ id: slug, names: [cell(cells, specNamed('title'))] });
    }
  }
  indexes.set('practices', referenceIndex('practice', practiceNames));

  // Second pass: each row's data, checked with the schema.
  const drafts: RowDraft[] = [];
  const firstRowBySlug = new Map<string, number>();
  table.rows.forEach(({ row, cells }, index) => {
    const problems: RowProblem[] = [];
    const en: Data = {};
    const givenTranslations: Partial<Record<Lang, Data>> = {};
    for (const spec of specs) {
      if (!header.positions.has(spec) || spec.kind === 'file-name') continue;
      const raw = cell(cells, spec);
      if (raw === '') continue;
      const target = spec.lang ? (givenTranslations[spec.lang] ??= {}) : en;
      let value: unknown = raw;
      switch (spec.kind) {
        case 'list': {
          const items = splitList(raw);
          const index = spec.reference ? indexes.get(spec.reference) : undefined;
          if (!index) value = items;
          else {
            value = items.flatMap((item) => {
              const resolved = resolveReference(item, index);
              if ('id' in resolved) return [resolved.id];
              problems.push({ row, column: spec.name, message: resolved.problem });
              return [];
            });
          }
          break;
        }
        case 'integer':
          value = parseNumber(raw, true);
          break;
        case 'decimal':
          value = parseNumber(raw, false);
          break;
        case 'boolean':
          value = parseBoolean(raw);
          break;
        case 'year-or-ongoing':
          value = /^(ongoing|en cours)$/i.test(raw) ? 'ongoing' : parseNumber(raw, true);
          break;
        case 'links':
          value = parseLinks(raw);
          break;
        case 'date':
          value = parseDate(raw);
          break;
        case 'country': {
          const resolved = resolveCountry(raw);
          if ('id' in resolved) value = resolved.id;
          else {
            problems.push({ row, column: spec.name, message: resolved.problem });
            value = undefined;
          }
          break;
        }
      }
      if (value !== undefined) setPath(target, spec.field, value);
    }

    // A column whose values could not be read already has its message; the schema's would repeat it.
    const reported = new Set(problems.map((problem) => problem.column));
    const notAlreadyReported = (problem: RowProblem) => !reported.has(problem.column);

    const { slug, column: slugColumn, given } = slugOf(cells);
    const nameProblem = SLUG_PATTERN.test(slug) ? fileNameProblem(slug, kind) : undefined;
    if (given && !SLUG_PATTERN.test(slug)) {
      problems.push({ row, column: slugColumn, message: `"${slug}" is not a valid file name: use lower-case letters, digits and hyphens, like "${shortened(slugify(slug)) || 'welcome-desk'}"` });
    } else if (nameProblem && given) {
      problems.push({ row, column: slugColumn, message: `"${slug}" ${nameProblem}` });
    } else if (nameProblem) {
      // Made from the title or name: the fix is an "id" column.
      problems.push({ row, column: slugColumn, message: `gives the file name "${slug}", which ${nameProblem.replace(/: choose/, ': add an "id" column with')}` });
    } else if (!slug) {
      const source = cell(cells, specNamed(slugColumn));
      if (source) {
        problems.push({
          row,
          column: slugColumn,
          message: `"${source}" has no Latin letters or digits to make a file name from: ${kind === 'cities' ? 'write the English name in "name" (and this one in "localName")' : 'write the English title'}, or add an "id" column with a file name like "kyiv-welcome-centre"`,
        });
      }
    } else {
      const first = firstRowBySlug.get(slug);
      if (first !== undefined) {
        problems.push({ row, column: slugColumn, message: `gives the same file name as row ${first} (${slug}): give each ${kind === 'practices' ? 'practice its own title' : 'city its own name'}, or add an "id" column` });
      } else firstRowBySlug.set(slug, row);
    }

    const translations: Partial<Record<Lang, Data>> = {};
    if (kind === 'practices') {
      if (!en.published) en.published = context.today;
      problems.push(...schemaProblems(kind, practiceSchema, en, row, undefined).filter(notAlreadyReported));
      for (const [lang, texts] of Object.entries(givenTranslations) as [Lang, Data][]) {
        // The shared fields come from the English columns; the contact's name and role from the
        // language's own columns when given (else the English ones), its e-mail and web page from English.
        const translation: Data = { ...texts };
        for (const key of SHARED_KEYS) if (key in en) translation[key] = en[key];
        if (isRecord(en.contact) || isRecord(texts.contact)) translation.contact = { ...(isRecord(en.contact) ? en.contact : {}), ...(isRecord(texts.contact) ? texts.contact : {}) };
        translation.published = en.published;
        if (en.updated) translation.updated = en.updated;
        const shared = new Set<string>([...SHARED_KEYS.filter((key) => key !== 'contact'), 'published', 'updated']);
        problems.push(...schemaProblems(kind, practiceSchema, translation, row, lang, shared));
        translations[lang] = translation;
      }
    } else {
      problems.push(...schemaProblems(kind, citySchema, en, row, undefined).filter(notAlreadyReported));
    }
    drafts.push({ row, slug, slugColumn, en, translations, problems });
    options.onProgress?.(index + 1, table.rows.length);
  });

  // Files of each row; existing files are replaced only with --force.
  const folder = (lang?: Lang) =>
    join(context.contentDirectory, COLLECTIONS[kind].folder, ...(COLLECTIONS[kind].perLanguage ? [lang!] : []));
  const filesOf = (draft: RowDraft) => {
    const files: { lang?: Lang; absolutePath: string; data: Data }[] = [];
    if (kind === 'practices') {
      files.push({ lang: SOURCE_LANGUAGE, absolutePath: join(folder(SOURCE_LANGUAGE), `${draft.slug}.md`), data: draft.en });
      for (const lang of REGISTERED_TRANSLATION_LANGUAGES) {
        const data = draft.translations[lang];
        if (data) files.push({ lang, absolutePath: join(folder(lang), `${draft.slug}.md`), data });
      }
    } else files.push({ absolutePath: join(folder(), `${draft.slug}.yaml`), data: draft.en });
    return files;
  };
  // Windows and macOS see Welcome-Desk.md and welcome-desk.md as one file: the import would
  // replace a file it does not name, or a clone would lose one of the two.
  const namesByFolder = new Map<string, Map<string, string>>();
  const sameNameOtherCase = (absolutePath: string) => {
    const directory = dirname(absolutePath);
    let names = namesByFolder.get(directory);
    if (!names) {
      names = new Map();
      for (const name of context.folderNames(directory)) names.set(name.toLowerCase(), name);
      namesByFolder.set(directory, names);
    }
    const own = basename(absolutePath);
    const other = names.get(own.toLowerCase());
    return other !== undefined && other !== own ? other : undefined;
  };
  for (const draft of drafts) {
    if (!draft.slug || !SLUG_PATTERN.test(draft.slug) || fileNameProblem(draft.slug, kind)) continue;
    for (const file of filesOf(draft)) {
      const clash = sameNameOtherCase(file.absolutePath);
      if (clash) {
        draft.problems.push({
          row: draft.row,
          column: draft.slugColumn,
          message: `${toPath(file.absolutePath)} would differ only by capitals from the existing ${toPath(join(dirname(file.absolutePath), clash))}, and Windows and macOS treat the two as one file: rename the existing file to lower case, or change the ${draft.slugColumn}`,
        });
      } else if (context.fileExists(file.absolutePath) && !options.force) {
        draft.problems.push({
          row: draft.row,
          column: draft.slugColumn,
          message: `${toPath(file.absolutePath)} already exists: run the import again with --force to replace it, or change the ${draft.slugColumn === 'id' ? 'id' : draft.slugColumn}`,
        });
      }
    }
  }

  const rawEntries = (draft: RowDraft): RawEntry[] =>
    filesOf(draft).map((file) => ({
      collection: kind,
      file: toPath(file.absolutePath),
      id: draft.slug,
      ...(file.lang ? { lang: file.lang } : {}),
      data: file.data,
    }));
  const keyOf = (entry: RawEntry) => `${entry.collection}/${entry.lang ?? ''}/${entry.id}`;
  const baseline = new Set(checkIntegrity(context.existing, { imageExists: () => true }).map((problem) => `${problem.file}|${problem.field}|${problem.message}`));

  // A row that adapts another row of the file cannot be imported without it. Failures spread
  // along "adapted from" once, through a reverse index, so a chain of n rows costs n steps and
  // one integrity pass (re-checking the whole content after each removal took n passes: 2,000
  // chained rows behind one bad row ran for a minute).
  const rowBySlug = new Map<string, RowDraft>();
  for (const draft of drafts) if (draft.slug && !rowBySlug.has(draft.slug)) rowBySlug.set(draft.slug, draft);
  const existingPractices = new Set(entriesOf('practices').map((entry) => entry.id));
  const adaptedBy = new Map<string, RowDraft[]>();
  if (kind === 'practices') {
    for (const draft of drafts) {
      const sources = Array.isArray(draft.en.adaptedFrom) ? draft.en.adaptedFrom : [];
      for (const source of new Set(sources)) {
        if (typeof source !== 'string' || source === draft.slug || !rowBySlug.has(source)) continue;
        const list = adaptedBy.get(source);
        if (list) list.push(draft);
        else adaptedBy.set(source, [draft]);
      }
    }
  }
  const spreadFailures = (failed: Iterable<RowDraft>) => {
    const queue = [...failed];
    while (queue.length > 0) {
      const source = queue.pop()!;
      // A duplicate row is not the file its slug names; an existing practice stays when its row fails.
      if (rowBySlug.get(source.slug) !== source || existingPractices.has(source.slug)) continue;
      for (const dependent of adaptedBy.get(source.slug) ?? []) {
        if (dependent.problems.length > 0) continue;
        dependent.problems.push({
          row: dependent.row,
          column: 'adaptedFrom',
          message: `adapts row ${source.row} (${source.slug}), which has problems: fix row ${source.row} so that both can be imported`,
        });
        queue.push(dependent);
      }
    }
  };
  spreadFailures(drafts.filter((draft) => draft.problems.length > 0));

  // Integrity over the existing content and the new files, as the content check sees them after
  // the import. A step of its own, so that its copies of every entry are freed before files are listed.
  const integrityStep = () => {
    const candidates = drafts.filter((draft) => draft.problems.length === 0);
    const checked = new Set(candidates);
    const existingByKey = new Map(context.existing.map((entry) => [keyOf(entry), entry]));
    const replaced = new Set<RawEntry>();
    const draftByFile = new Map<string, { draft: RowDraft; lang?: Lang }>();
    const added: RawEntry[] = [];
    for (const draft of candidates) {
      for (const entry of rawEntries(draft)) {
        const existing = existingByKey.get(keyOf(entry));
        if (existing) replaced.add(existing);
        draftByFile.set(entry.file, { draft, lang: entry.lang });
        added.push(entry);
      }
    }
    const all = [...context.existing.filter((entry) => !replaced.has(entry)), ...added];
    const failed = new Set<RowDraft>();
    for (const problem of checkIntegrity(all, { imageExists: () => true })) {
      const own = draftByFile.get(problem.file);
      if (own) {
        own.draft.problems.push(rowProblemForField(kind, problem, own.draft.row, own.lang === SOURCE_LANGUAGE ? undefined : own.lang));
        failed.add(own.draft);
      } else if (!baseline.has(`${problem.file}|${problem.field}|${problem.message}`)) {
        // A problem the import causes in an existing file, like a French version that no longer matches.
        const slug = /\/([^/]+)\.(?:md|ya?ml)$/.exec(problem.file)?.[1];
        const draft = slug ? rowBySlug.get(slug) : undefined;
        if (draft && checked.has(draft)) {
          draft.problems.push(rowProblemForField(kind, problem, draft.row, undefined, problem.file));
          failed.add(draft);
        }
      }
    }
    return failed;
  };
  // Every other problem is local to its row: removing the failed rows only leaves their
  // dependents' references dangling, which spreading reports.
  spreadFailures(integrityStep());

  const columnOrder = (name?: string) => {
    const position = specs.findIndex((spec) => spec.name === name);
    return position === -1 ? specs.length : position;
  };
  for (const draft of drafts) {
    draft.problems.sort((a, b) => columnOrder(a.column) - columnOrder(b.column));
    if (draft.problems.length === 0) plan.validRows.push(draft.row);
    else {
      plan.invalidRows.push(draft.row);
      plan.problems.push(...draft.problems);
    }
  }
  if (plan.invalidRows.length > 0 && !options.validOnly) return plan;

  for (const draft of drafts) {
    if (draft.problems.length > 0) continue;
    for (const file of filesOf(draft)) {
      plan.files.push(plannedFile(kind, file.data, { path: toPath(file.absolutePath), absolutePath: file.absolutePath, row: draft.row, replaces: context.fileExists(file.absolutePath) }));
    }
  }
  return plan;
}
