/**
 * `npm run bench`: the scale benchmark (issues 7, 12 and 19). For each language set (by default
 * the registry's first two languages, then all of them), generates the synthetic corpus if
 * missing, builds the whole site against it the way `npm run build` does (cold, with social cards
 * skipped), measures it, rebuilds after editing one practice's text with the caches kept (warm),
 * then after renaming it, and compares each with the cold build step by step; measures search in Chromium on the last set, prints a table and
 * writes BENCHMARKS.md.
 *
 *   npm run bench                                  # 10,000 practices in EN+FR, then EN+FR+ES; 200 cities, 600 results
 *   npm run bench -- --languages en,fr,es --practices 2000 --cities 60 --results 180 --report /tmp/b.md
 *
 * Flags (or BENCH_* variables, see generate-corpus.ts): --practices --cities --results
 * --translated-share --seed --out (corpus folder prefix: <out>-en-fr...); --languages "en,fr;en,fr,es"
 * (the sets, separated by ";"); --regenerate; --query <word> --second-query <word>;
 * --cards auto|always|never (a build with social cards, when the feature exists);
 * --profile auto|always|never (a CPU-profiled Astro build; auto = when a time target is missed);
 * --no-browser; --report <file> (default BENCHMARKS.md).
 *
 * The benchmark builds into .cache/bench/dist with its own Astro cache (.cache/bench/astro-cache)
 * through a generated config that imports the project's astro.config: it never touches dist/ or
 * .cache/astro, which tests and other builds use.
 */
import { REGISTERED_LANGUAGES, SOURCE_LANGUAGE, isRegisteredLanguage, language, type Lang } from '../../src/lib/languages.ts';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, release, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import {
  MANIFEST,
  copyFixedCollections,
  corpusIsCurrent,
  corpusLanguages,
  corpusOptionsFrom,
  generateCorpus,
  type CorpusOptions,
} from './generate-corpus.ts';
import type { Language } from './words.ts';
import {
  killActiveStep,
  pageWeight,
  parseAstroLog,
  parsePagefindLog,
  runStep,
  summarizeProfiles,
  treeSize,
  walk,
  type AstroLog,
  type PageWeight,
  type ProfileSummary,
  type StepResult,
} from './measure.ts';
import { measureSearchBytes, type SearchBytes, type Transfer } from './search-bytes.ts';

const ROOT = process.cwd();
const argv = process.argv.slice(2);
const flag = (name: string) => {
  const index = argv.indexOf(`--${name}`);
  if (index >= 0 && argv[index + 1] && !argv[index + 1]!.startsWith('--')) return argv[index + 1];
  return argv.find((argument) => argument.startsWith(`--${name}=`))?.slice(name.length + 3);
};
const has = (name: string) => argv.includes(`--${name}`);

// --languages is read here: one set ("en,fr") or several separated by ";" ("en,fr;en,fr,es").
const languagesFlag = flag('languages');
const corpus = corpusOptionsFrom(argv.filter((argument, index) => !argument.startsWith('--languages') && argv[index - 1] !== '--languages'));
/**
 * The language sets benchmarked, each with its own corpus: by default the first two languages of
 * the registry (the two-language site of issue 7), then every registered language (issue 12).
 */
const LANGUAGE_SETS: Language[][] = (() => {
  if (languagesFlag) return languagesFlag.split(';').map((set) => corpusLanguages(set));
  const all = corpusLanguages(undefined);
  return all.length > 2 ? [all.slice(0, 2), all] : [all];
})();
/** Each language set's corpus: `<--out>-<languages>`, e.g. .cache/bench-corpus-en-fr. */
const corpusFolder = (languages: readonly string[]) => `${corpus.out}-${languages.join('-')}`;
/** The corpus of the language set being measured, and the languages its builds publish (SITE_LANGUAGES). */
let corpusDir = resolve(ROOT, corpusFolder(LANGUAGE_SETS.at(-1)!));
let siteLanguages: readonly string[] = LANGUAGE_SETS.at(-1)!;
const BENCH_DIR = resolve(ROOT, '.cache/bench');
const OUT_DIR = join(BENCH_DIR, 'dist');
const CACHE_DIR = join(BENCH_DIR, 'astro-cache');
const LOG_DIR = join(BENCH_DIR, 'logs');
const PROFILE_DIR = join(BENCH_DIR, 'profile');
const CONFIG_FILE = join(BENCH_DIR, 'astro.config.mjs');
/** The profiled build has its own output and cache, so the measured output stays for inspection. */
const PROFILE_CONFIG = { file: join(BENCH_DIR, 'astro.profile.config.mjs'), outDir: join(BENCH_DIR, 'profile-dist'), cacheDir: join(BENCH_DIR, 'profile-cache') };
const MAIN_CONFIG = { file: CONFIG_FILE, outDir: OUT_DIR, cacheDir: CACHE_DIR };
type BenchConfig = typeof MAIN_CONFIG;
const REPORT = resolve(ROOT, flag('report') ?? 'BENCHMARKS.md');
const QUERY = flag('query') ?? 'mediation';
const SECOND_QUERY = flag('second-query') ?? 'housing';
const CARDS = flag('cards') ?? 'auto';
const PROFILE = flag('profile') ?? 'auto';

const TARGETS = {
  coldMs: 120_000,
  memoryBytes: 4 * 1024 ** 3,
  warmShare: 0.5,
  /** Issue 19: the build after a one-practice edit, with the caches a pipeline keeps. */
  editShare: 0.25,
  queryBytes: 150 * 1024,
  practiceHtmlCss: 20 * 1024,
};

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const MB = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MB`;
const GB = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

/** Undone when the benchmark is interrupted: the running build, the edited practice, added cards. */
const cleanups = new Map<string, () => void>();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killActiveStep();
    for (const cleanup of cleanups.values()) cleanup();
    console.error(`[bench] interrupted (${signal}); cleaned up`);
    process.exit(130);
  });
}

/** The first sentence of another practice's results that `file` does not contain. */
function everydaySentence(file: string, others: string[]): string {
  const text = readFileSync(file, 'utf8');
  for (const other of others) {
    const results = /^results: \|-\n {2}(.+)$/m.exec(readFileSync(other, 'utf8'))?.[1];
    const first = results?.match(/^[^.]+\./)?.[0];
    if (first && !text.includes(first)) return first;
  }
  throw new Error(`no practice of the corpus has a sentence of results that ${file} lacks`);
}

/** Edits a corpus file for a rebuild, undoing the edit afterwards (or on interruption). */
async function withEditedFile<T>(file: string, edit: (text: string) => string, work: () => Promise<T>): Promise<T> {
  const original = readFileSync(file, 'utf8');
  const restore = () => writeFileSync(file, original);
  cleanups.set(file, restore);
  writeFileSync(file, edit(original));
  try {
    return await work();
  } finally {
    restore();
    cleanups.delete(file);
  }
}

// ---------------------------------------------------------------------------------------------
// The build, as package.json defines it

/** The project's astro config file, imported by the benchmark's config. */
function projectConfig(): string {
  const name = ['astro.config.mjs', 'astro.config.ts', 'astro.config.mts', 'astro.config.js'].find((file) =>
    existsSync(join(ROOT, file)),
  );
  if (!name) throw new Error('No astro.config.* at the project root.');
  return name;
}

function writeBenchConfig({ file, outDir, cacheDir }: BenchConfig) {
  mkdirSync(BENCH_DIR, { recursive: true });
  const importPath = relative(BENCH_DIR, join(ROOT, projectConfig())).split('\\').join('/');
  writeFileSync(
    file,
    [
      '// Generated by scripts/bench/run.ts: the project config, building into the benchmark\'s own folders.',
      `import config from '${importPath}';`,
      `export default { ...config, outDir: ${JSON.stringify(relative(ROOT, outDir))}, cacheDir: ${JSON.stringify(relative(ROOT, cacheDir))} };`,
      '',
    ].join('\n'),
  );
}

interface BuildStep {
  kind: 'astro' | 'pagefind' | 'other';
  /** As written in package.json. */
  original: string;
  /** As run by the benchmark. */
  command: string;
}

/** `npm run build`'s steps, redirected to the benchmark's config and output folder. */
function buildSteps({ file, outDir }: BenchConfig = MAIN_CONFIG): BuildStep[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const script = pkg.scripts.build;
  if (!script) throw new Error('package.json has no "build" script.');
  const out = relative(ROOT, outDir);
  let afterAstro = false;
  return script.split('&&').map((part): BuildStep => {
    const original = part.trim();
    // `astro build`, or scripts/build.ts, which runs it and then the search index (its arguments go to Astro).
    if (/^(npx\s+)?astro\s+build\b/.test(original) || /^node\s+scripts\/build\.ts\b/.test(original)) {
      afterAstro = true;
      return { kind: 'astro', original, command: `${original.replace(/^npx\s+/, '')} --config ${relative(ROOT, file)}` };
    }
    if (/^(npx\s+)?pagefind\b/.test(original)) {
      return { kind: 'pagefind', original, command: original.replace(/^npx\s+/, '').replace(/(--site\s+)\S+/, `$1${out}`) };
    }
    // One Pagefind run per registered language, on the folder given as its argument.
    const distPattern = /(^|[\s='"])\.?\/?dist(?=\/|\s|$|['"])/g;
    if (distPattern.test(original)) return { kind: 'other', original, command: original.replace(distPattern, `$1${out}`) };
    // A script run after the build that reads `process.argv[2] ?? 'dist'` gets the benchmark's output.
    const script = /^node\s+(\S+\.(?:ts|mjs|js))$/.exec(original)?.[1];
    if (afterAstro && script && existsSync(join(ROOT, script))) {
      const source = readFileSync(join(ROOT, script), 'utf8');
      if (/process\.argv\[2\]/.test(source) && /['"]dist['"]/.test(source)) return { kind: 'other', original, command: `${original} ${out}` };
    }
    if (afterAstro) console.warn(`[bench] warning: "${original}" may read dist/ rather than the benchmark's ${out}`);
    return { kind: 'other', original, command: original };
  });
}

/** Environment of every build: Node 24 first on PATH, the corpus and its languages, no telemetry. */
function buildEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const bin = join(ROOT, 'node_modules', '.bin');
  return {
    ...process.env,
    PATH: `${bin}:${process.env.PATH ?? ''}`,
    ICC_CONTENT_DIR: corpusDir,
    SITE_LANGUAGES: siteLanguages.join(','),
    ASTRO_TELEMETRY_DISABLED: '1',
    // As .github/workflows/publish.yml builds: the kept pages are put back by the hand-over once
    // the site is deployed (handOver below), not copied by the build.
    ICC_REFILL_KEPT_PAGES: 'skip',
    ...extra,
  };
}

interface BuildResult {
  label: string;
  ok: boolean;
  ms: number;
  steps: (StepResult & { kind: BuildStep['kind']; original: string })[];
  astro?: AstroLog;
  pagefind?: ReturnType<typeof parsePagefindLog>;
  peakRss: number;
  failure?: string;
  /** Checks after the build that failed (the build itself succeeded). */
  stepFailures: string[];
}

async function build(
  label: string,
  env: NodeJS.ProcessEnv,
  options: { cold: boolean; astroOnly?: boolean; nodeOptions?: string; config?: BenchConfig; asPipeline?: boolean },
): Promise<BuildResult> {
  const config = options.config ?? MAIN_CONFIG;
  // A pipeline's checkout has no published site, only the caches it restores: a rebuild there
  // replaces nothing (a rebuild on a laptop also removes the site it replaces).
  if (options.cold || options.asPipeline) rmSync(config.outDir, { recursive: true, force: true });
  // What the last hand-over moved aside, which a pipeline's machine throws away unread.
  rmSync(`${config.outDir}-rest`, { recursive: true, force: true });
  if (options.cold) rmSync(config.cacheDir, { recursive: true, force: true });
  mkdirSync(LOG_DIR, { recursive: true });
  const steps: BuildResult['steps'] = [];
  let failure: string | undefined;
  const stepFailures: string[] = [];
  for (const [index, step] of buildSteps(config).entries()) {
    if (options.astroOnly && step.kind !== 'astro') continue;
    const stepEnv = step.kind === 'astro' && options.nodeOptions ? { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} ${options.nodeOptions}`.trim() } : env;
    log(`${label}: ${step.command}`);
    const result = await runStep(step.command, stepEnv, join(LOG_DIR, `${label.replace(/\W+/g, '-')}-${index}-${step.kind}.log`), ROOT);
    steps.push({ ...result, kind: step.kind, original: step.original });
    log(`${label}: ${step.kind} took ${s(result.ms)}, peak ${GB(Math.max(result.maxRss ?? 0, result.treePeakRss))}, exit ${result.exitCode}`);
    if (result.exitCode !== 0 && step.kind === 'other' && steps.some((done) => done.kind === 'astro')) {
      // A check after the build (budgets...) failing is a finding, not a reason to stop measuring.
      const lines = result.log.trim().split('\n');
      const shown = lines.length > 16 ? [...lines.slice(0, 12), `… ${lines.length} lines in all (${relative(ROOT, join(LOG_DIR, `${label}-${index}-${step.kind}.log`))})`] : lines;
      stepFailures.push(`\`${step.original}\` exited with ${result.exitCode}:\n${shown.join('\n')}`);
      console.error(stepFailures.at(-1));
      continue;
    }
    if (result.exitCode !== 0) {
      const tail = result.log.trim().split('\n').slice(-40).join('\n');
      const oom = /heap out of memory|Allocation failed|Killed/.test(result.log) || result.exitCode === 137;
      failure = `${step.command} exited with ${result.exitCode}${oom ? ' (out of memory)' : ''}:\n${tail}`;
      console.error(failure);
      break;
    }
  }
  const astroStep = steps.find((step) => step.kind === 'astro');
  const pagefindLogs = steps.filter((step) => step.kind === 'pagefind').map((step) => step.log);
  return {
    label,
    ok: !failure,
    ms: steps.reduce((sum, step) => sum + step.ms, 0),
    steps,
    astro: astroStep && parseAstroLog(astroStep.log),
    // Pagefind runs inside `astro build` (src/integrations/search-index.ts), or as steps of its own.
    pagefind: pagefindLogs.length > 0 ? parsePagefindLog(pagefindLogs.join('\n')) : astroStep && parsePagefindLog(astroStep.log),
    peakRss: Math.max(0, ...steps.map((step) => Math.max(step.maxRss ?? 0, step.treePeakRss))),
    failure,
    stepFailures,
  };
}

/** The step the publishing pipeline runs once the site is deployed (`npm run build:hand-over`, .github/workflows/publish.yml). */
const HAND_OVER = 'npm run build:hand-over (after the deploy)';

/**
 * The end of a pipeline's run, once the benchmark has read the site: the published site handed
 * over to the next run's kept folder (scripts/hand-over.ts), timed as a step of `result`.
 */
async function handOver(result: BuildResult, config: BenchConfig = MAIN_CONFIG): Promise<void> {
  if (!result.ok) return;
  const command = `node scripts/hand-over.ts ${relative(ROOT, config.outDir)} ${relative(ROOT, config.cacheDir)}`;
  log(`${result.label}: ${command}`);
  const step = await runStep(command, buildEnv({}), join(LOG_DIR, `${result.label.replace(/\W+/g, '-')}-hand-over.log`), ROOT);
  log(`${result.label}: hand-over took ${s(step.ms)}, exit ${step.exitCode}: ${step.log.trim().split('\n').at(-1) ?? ''}`);
  if (step.exitCode !== 0) result.stepFailures.push(`\`${HAND_OVER}\` exited with ${step.exitCode}:\n${step.log.trim()}`);
  result.steps.push({ ...step, kind: 'other', original: HAND_OVER });
  result.ms += step.ms;
}

const stepMs = (result: BuildResult | undefined, kind: BuildStep['kind']) =>
  result?.steps.filter((step) => step.kind === kind).reduce((sum, step) => sum + step.ms, 0) ?? 0;

// ---------------------------------------------------------------------------------------------
// Social cards: detected from the code, skipped unless asked

/** Environment variables the code reads to skip cards, and whether cards exist at all. */
function cardFeature(): { exists: boolean; skipVariables: string[]; cacheDir: string } {
  const files = [
    ...walk(join(ROOT, 'src')),
    ...['astro.config.mjs', 'astro.config.ts', 'package.json'].map((file) => join(ROOT, file)).filter(existsSync),
    ...walk(join(ROOT, 'scripts')).filter((file) => !file.includes(`${join('scripts', 'bench')}`)),
  ].filter((file) => /\.(ts|mjs|js|astro|json)$/.test(file));
  let exists = false;
  let cacheDir = '.cache/cards';
  const variables = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const cache = /createCardCache\(\s*['"]([^'"]+)['"]/.exec(text);
    if (cache) cacheDir = cache[1]!;
    if (/from ['"]satori['"]|import\(['"]satori['"]\)/.test(text)) exists = true;
    for (const match of text.matchAll(/\b(ICC_[A-Z_]*CARDS?[A-Z_]*)\b/g)) variables.add(match[1]!);
  }
  const skip = [...variables].filter((name) => /SKIP|NO_|DISABLE/.test(name));
  return { exists, skipVariables: skip.length > 0 ? skip : ['ICC_SKIP_CARDS'], cacheDir };
}

// ---------------------------------------------------------------------------------------------
// Output measurements

interface OutputFigures {
  pages: number;
  pagesByLang: Record<string, number>;
  practicePages: number;
  dist: { files: number; bytes: number };
  pagefind: { files: number; bytes: number };
  /** Size by part of the site: top folder, or language/section for pages. */
  parts: { part: string; files: number; bytes: number }[];
  practice: PageWeight;
  city?: PageWeight;
}

/** A page's language folder, and a practice page, in the registry's languages. */
const LANG_FOLDER = new RegExp(`^(${REGISTERED_LANGUAGES.join('|')})/`);
const PRACTICE_PAGE = new RegExp(`^(${REGISTERED_LANGUAGES.join('|')})/practices/(?!page/|for/|country/)[^/]+/index\\.html$`);

function measureOutput(samplePractice: string, sampleCity: string): OutputFigures {
  const files = walk(OUT_DIR);
  const relativeFiles = files.map((file) => relative(OUT_DIR, file).split('\\').join('/'));
  const html = relativeFiles.filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/') && !file.startsWith('admin/'));
  const pagesByLang: Record<string, number> = {};
  for (const file of html) {
    const lang = LANG_FOLDER.exec(file)?.[1] ?? 'other';
    pagesByLang[lang] = (pagesByLang[lang] ?? 0) + 1;
  }
  const pagefindFiles = files.filter((_, index) => relativeFiles[index]!.startsWith('pagefind/'));
  const cityPath = `en/cities/${sampleCity}/index.html`;
  const parts = new Map<string, string[]>();
  relativeFiles.forEach((file, index) => {
    const [first, second] = file.split('/');
    const part = isRegisteredLanguage(first) && second && !second.includes('.') ? `[lang]/${second}/` : first!.includes('.') ? '(root files)' : `${first}/`;
    const list = parts.get(part);
    if (list) list.push(files[index]!);
    else parts.set(part, [files[index]!]);
  });
  return {
    parts: [...parts.entries()]
      .map(([part, list]) => ({ part, ...treeSize(list) }))
      .sort((a, b) => b.bytes - a.bytes),
    pages: html.length,
    pagesByLang,
    practicePages: html.filter((file) => PRACTICE_PAGE.test(file)).length,
    dist: treeSize(files),
    pagefind: treeSize(pagefindFiles),
    practice: pageWeight(OUT_DIR, `en/practices/${samplePractice}/index.html`),
    city: existsSync(join(OUT_DIR, cityPath)) ? pageWeight(OUT_DIR, cityPath) : undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// Machine

function machine() {
  const osRelease = existsSync('/etc/os-release')
    ? /PRETTY_NAME="?([^"\n]+)"?/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1]
    : undefined;
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'astro.config.mjs', 'package.json'], { cwd: ROOT, encoding: 'utf8' }).trim();
    if (dirty) commit += ' + uncommitted changes in src/';
  } catch {
    // not a git checkout
  }
  const versionOf = (name: string) => {
    try {
      return (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      return '?';
    }
  };
  return {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    ram: totalmem(),
    node: process.version,
    os: `${osRelease ?? process.platform} (Linux ${release()})`,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    commit,
    astro: versionOf('astro'),
    pagefind: versionOf('pagefind'),
  };
}

// ---------------------------------------------------------------------------------------------
// The run

/** One language set: its corpus, content check, cold build, output and one-practice-edit rebuild. */
interface Run {
  label: string;
  languages: Language[];
  corpus: CorpusOptions & { summary: CorpusSummaryFile; generatedMs?: number; samplePractice: string; sampleCity: string };
  check: StepResult;
  cold: BuildResult;
  warm?: BuildResult;
  warmCheck?: string;
  /** The sentence the edit added, besides its marker. */
  edit?: string;
  /** The rebuild after renaming the same practice (a text its cards show on lists, profiles and feeds). */
  rename?: BuildResult;
  renameCheck?: string;
  output?: OutputFigures;
}

/** The summary generate-corpus.ts writes into the corpus's manifest. */
interface CorpusSummaryFile {
  files: number;
  practicesEn: number;
  translations?: Partial<Record<Language, number>>;
  cities: number;
  results: number;
  pre2019: number;
  multiCity: number;
  adapted: number;
}

const runLabel = (languages: readonly string[]) => `${languages.length} languages (${languages.join(', ')})`;

async function benchLanguageSet(languages: Language[], skipEnv: Record<string, string>, measureSearch: boolean): Promise<{ run: Run; search?: SearchBytes; searchError?: string }> {
  const options: CorpusOptions = { ...corpus, languages, out: corpusFolder(languages) };
  corpusDir = resolve(ROOT, options.out);
  siteLanguages = languages;
  const label = runLabel(languages);
  log(`${label}: corpus of ${options.practices} practices (translated share ${options.frShare}), ${options.cities} cities, ${options.results} Index results, seed ${options.seed} in ${relative(ROOT, corpusDir)}`);

  // 1. Corpus
  let generatedMs: number | undefined;
  if (has('regenerate') || !corpusIsCurrent(corpusDir, options)) {
    log('generating the corpus...');
    const summary = generateCorpus(ROOT, options);
    generatedMs = summary.ms;
    log(`generated ${summary.files} files in ${s(summary.ms)}`);
  } else {
    copyFixedCollections(ROOT, corpusDir);
    log('corpus is current; themes, networks and other hand-written collections refreshed from src/content');
  }
  const manifest = JSON.parse(readFileSync(join(corpusDir, MANIFEST), 'utf8')) as { summary: CorpusSummaryFile };
  const practiceFiles = readdirSync(join(corpusDir, 'practices', SOURCE_LANGUAGE)).sort();
  const samplePractice = practiceFiles[0]!.replace(/\.md$/, '');
  const sampleCity = readdirSync(join(corpusDir, 'cities')).sort()[0]!.replace(/\.ya?ml$/, '');

  // 2. Standalone content check (the build runs the same check first)
  const tag = languages.join('-');
  const check = await runStep('node scripts/check-content.ts', buildEnv({}), join(LOG_DIR, `${tag}-check-content.log`), ROOT);
  const checkLines = check.log.trim().split('\n');
  log(`content check: ${s(check.ms)}, exit ${check.exitCode}: ${checkLines.find((line) => line.startsWith('Content is valid')) ?? checkLines.at(-1)}`);
  if (check.exitCode !== 0) {
    console.error(check.log.split('\n').slice(0, 30).join('\n'));
    throw new Error('The corpus does not pass the content check: fix the generator (scripts/bench/generate-corpus.ts).');
  }

  // 3. Cold build without cards: no output, no Astro cache, none of the build's own caches
  const cold = await build(`${tag} cold`, buildEnv(skipEnv), { cold: true });
  const run: Run = { label, languages, corpus: { ...options, summary: manifest.summary, generatedMs, samplePractice, sampleCity }, check, cold };
  let search: SearchBytes | undefined;
  let searchError: string | undefined;
  if (!cold.ok) return { run };
  run.output = measureOutput(samplePractice, sampleCity);
  log(`output: ${run.output.pages} pages, ${MB(run.output.dist.bytes)} in ${run.output.dist.files} files`);

  // 4. Search in the browser
  if (measureSearch && !has('no-browser')) {
    try {
      log(`measuring search in Chromium ("${QUERY}", then "${SECOND_QUERY}")...`);
      search = await measureSearchBytes(OUT_DIR, QUERY, SECOND_QUERY);
      log(`search: page ${kB(search.pageLoad.gzip)}, first query ${kB(search.firstQuery.gzip)} (gzip)`);
    } catch (error) {
      searchError = error instanceof Error ? error.message : String(error);
      console.error(`search measurement failed: ${searchError}`);
    }
  }

  await handOver(cold);

  // 5. The rebuild after editing one practice's text, with the caches a pipeline keeps (Astro's cacheDir)
  // The edit an editor makes: a marker, and a sentence of the corpus's everyday words (another
  // practice's) that this practice does not have yet, so common words gain a practice too.
  const edited = join(corpusDir, 'practices', SOURCE_LANGUAGE, `${samplePractice}.md`);
  const sentence = everydaySentence(edited, practiceFiles.slice(1).map((file) => join(corpusDir, 'practices', SOURCE_LANGUAGE, file)));
  const marker = `Edited for the warm rebuild benchmark ${Date.now()}.`;
  run.edit = sentence;
  await withEditedFile(edited, (text) => text.replace(/^stimulus: \|-\n {2}/m, `stimulus: |-\n  ${marker} ${sentence} `), async () => {
    run.warm = await build(`${tag} warm`, buildEnv(skipEnv), { cold: false, asPipeline: true });
    const page = join(OUT_DIR, SOURCE_LANGUAGE, 'practices', samplePractice, 'index.html');
    run.warmCheck = existsSync(page) && readFileSync(page, 'utf8').includes(marker)
      ? `the edit to practices/en/${samplePractice}.md is in the rebuilt page`
      : `WARNING: the edit to practices/en/${samplePractice}.md is NOT in the rebuilt page`;
    log(run.warmCheck);
    await handOver(run.warm);
  });
  // 6. Then the rebuild after renaming it: its title is on its cards, in lists, on city profiles,
  // Index results and feeds, so the pages that show it are rendered again, and only those.
  const newTitle = `Renamed for the warm rebuild benchmark ${Date.now()}`;
  await withEditedFile(edited, (text) => text.replace(/^title: .*$/m, `title: "${newTitle}"`), async () => {
    run.rename = await build(`${tag} rename`, buildEnv(skipEnv), { cold: false, asPipeline: true });
    run.renameCheck = renameShown(samplePractice, newTitle);
    log(run.renameCheck);
    await handOver(run.rename);
  });
  return { run, search, searchError };
}

/**
 * Whether every page of the source language that links to the renamed practice names it by its new
 * title (lists, profiles, hubs, similar practices...): what the incremental build must not leave stale.
 */
function renameShown(slug: string, title: string): string {
  const link = new RegExp(`<a href="/${SOURCE_LANGUAGE}/practices/${slug}/"[^>]*>([^<]*)<`, 'g');
  let pages = 0;
  const stale: string[] = [];
  for (const file of walk(join(OUT_DIR, SOURCE_LANGUAGE)).filter((path) => path.endsWith('.html') && !path.includes(`/practices/${slug}/`))) {
    const texts = [...readFileSync(file, 'utf8').matchAll(link)].map((match) => match[1]!);
    if (texts.length === 0) continue;
    pages++;
    if (!texts.every((text) => text.includes(title))) stale.push(relative(OUT_DIR, file));
  }
  const own = readFileSync(join(OUT_DIR, SOURCE_LANGUAGE, 'practices', slug, 'index.html'), 'utf8').includes(title);
  return own && pages > 0 && stale.length === 0
    ? `the practice's page and the ${pages} other pages that link to it name it by its new title`
    : `WARNING: ${own ? '' : "the practice's page does not show the new title; "}${stale.length} of the ${pages} pages that link to it show an old title${stale.length ? ` (${stale.slice(0, 5).join(', ')})` : ''}`;
}

async function main() {
  const started = performance.now();
  const cards = cardFeature();
  rmSync(LOG_DIR, { recursive: true, force: true });
  mkdirSync(LOG_DIR, { recursive: true });
  writeBenchConfig(MAIN_CONFIG);
  writeBenchConfig(PROFILE_CONFIG);
  const skipEnv = Object.fromEntries(cards.skipVariables.map((name) => [name, '1']));
  const noSkipEnv = Object.fromEntries(cards.skipVariables.map((name) => [name, undefined]));

  const runs: Run[] = [];
  let search: SearchBytes | undefined;
  let searchError: string | undefined;
  for (const [index, languages] of LANGUAGE_SETS.entries()) {
    // Search is measured once, on the last (largest) language set.
    const result = await benchLanguageSet(languages, skipEnv, index === LANGUAGE_SETS.length - 1);
    runs.push(result.run);
    search = result.search ?? search;
    searchError = result.searchError ?? searchError;
  }
  const largest = runs.at(-1)!;
  corpusDir = resolve(ROOT, largest.corpus.out);

  // 6. With social cards (the largest language set): a cold build (no card of the corpus cached
  // yet), then a rebuild after one edit with every card cached. Cards the benchmark added to the
  // shared card cache are removed afterwards (unless --keep-cards-cache).
  let cardsBuild: BuildResult | undefined;
  let cardsWarm: BuildResult | undefined;
  let cardsNote: string;
  if (CARDS === 'never') cardsNote = 'skipped (--cards never)';
  else if (!cards.exists && CARDS !== 'always') {
    cardsNote = `skipped: the code has no social-card feature yet (no satori import under src/); the builds set ${cards.skipVariables.join(', ')}=1 anyway`;
  } else if (!largest.cold.ok) cardsNote = 'skipped: the cold build failed';
  else {
    const cacheDir = join(ROOT, cards.cacheDir);
    const before = new Set(existsSync(cacheDir) ? readdirSync(cacheDir) : []);
    const removeAddedCards = () => {
      if (has('keep-cards-cache') || !existsSync(cacheDir)) return;
      const added = readdirSync(cacheDir).filter((name) => !before.has(name));
      for (const name of added) rmSync(join(cacheDir, name), { force: true });
      log(`removed the ${added.length} cards the benchmark added to ${cards.cacheDir}`);
    };
    cleanups.set('cards', removeAddedCards);
    try {
      cardsBuild = await build('cards-cold', buildEnv(noSkipEnv), { cold: true });
      if (cardsBuild.ok) {
        const cardFiles = walk(join(OUT_DIR, 'cards')).length;
        const edited = join(corpusDir, 'practices', SOURCE_LANGUAGE, `${largest.corpus.samplePractice}.md`);
        cardsWarm = await withEditedFile(edited, (text) => text.replace(/^title: "/m, 'title: "Edited: '), () =>
          // A laptop's rebuild (its site still there): it puts the kept pages back itself.
          build('cards-warm', buildEnv({ ...noSkipEnv, ICC_REFILL_KEPT_PAGES: undefined }), { cold: false }),
        );
        cardsNote = `${cardFiles} card PNGs, ${runLabel(largest.languages)}; cold = empty Astro cache and none of the corpus's cards in ${cards.cacheDir}; warm = every card cached, one practice title edited`;
      } else cardsNote = 'the build with cards failed';
    } finally {
      removeAddedCards();
      cleanups.delete('cards');
    }
  }

  // 7. A CPU profile of the cold Astro step (largest language set) when a time target is missed
  const editMissed = (run: Run, edit: BuildResult | undefined) => !edit?.ok || edit.ms > run.cold.ms * TARGETS.editShare;
  const timeMissed = runs.some((run) => !run.cold.ok || run.cold.ms > TARGETS.coldMs || editMissed(run, run.warm) || editMissed(run, run.rename));
  let profile: ProfileSummary | undefined;
  let profileMs: number | undefined;
  if (largest.cold.ok && (PROFILE === 'always' || (PROFILE === 'auto' && timeMissed))) {
    rmSync(PROFILE_DIR, { recursive: true, force: true });
    mkdirSync(PROFILE_DIR, { recursive: true });
    const profiled = await build('profile', buildEnv(skipEnv), {
      cold: true,
      astroOnly: true,
      nodeOptions: `--cpu-prof --cpu-prof-dir=${PROFILE_DIR} --cpu-prof-interval=2000`,
      config: PROFILE_CONFIG,
    });
    profileMs = profiled.ms;
    if (profiled.ok) profile = summarizeProfiles(PROFILE_DIR, ROOT);
    rmSync(PROFILE_CONFIG.outDir, { recursive: true, force: true });
    rmSync(PROFILE_CONFIG.cacheDir, { recursive: true, force: true });
  }

  const report: Report = {
    machine: machine(),
    cards,
    runs,
    search,
    searchError,
    cardsBuild,
    cardsWarm,
    cardsNote,
    profile,
    profileMs,
    totalMs: performance.now() - started,
  };
  writeFileSync(join(BENCH_DIR, 'results.json'), `${JSON.stringify(report, (key, value) => (key === 'log' ? undefined : value), 2)}\n`);
  const markdown = renderReport(report);
  printTable(report);
  writeFileSync(REPORT, markdown);
  log(`wrote ${relative(ROOT, REPORT)} and .cache/bench/results.json (benchmark took ${s(report.totalMs)})`);
  if (runs.some((run) => !run.cold.ok)) process.exitCode = 1;
}

type Report = {
  machine: ReturnType<typeof machine>;
  cards: ReturnType<typeof cardFeature>;
  runs: Run[];
  search?: SearchBytes;
  searchError?: string;
  cardsBuild?: BuildResult;
  cardsWarm?: BuildResult;
  cardsNote: string;
  profile?: ProfileSummary;
  profileMs?: number;
  totalMs: number;
};

// ---------------------------------------------------------------------------------------------
// Output

const mark = (met: boolean | undefined) => (met === undefined ? 'not measured' : met ? '**met**' : '**MISSED**');
const stepTime = (step: StepResult) => `${s(step.ms)}${step.cpuMs !== undefined ? ` (CPU ${s(step.cpuMs)})` : ''}`;
const percent = (part: number, whole: number) => (whole > 0 ? `${((part / whole) * 100).toFixed(0)}%` : '-');

/**
 * A build's time by step as a pipeline runs it: the steps of `npm run build`, the Astro step split
 * into rendering, the page-weight check, the search index of each language and the rest
 * (start-up, content sync, types, bundling, sitemap, publishing), from Astro's log.
 */
function stepBreakdown(result: BuildResult): { step: string; ms: number }[] {
  const rows: { step: string; ms: number }[] = [];
  for (const step of result.steps) {
    if (step.kind !== 'astro') {
      rows.push({ step: `\`${step.original}\``, ms: step.ms });
      continue;
    }
    const astro = parseAstroLog(step.log);
    const parts = [
      { step: 'Astro: rendering pages (generating static routes)', ms: (astro.staticRoutesSeconds ?? 0) * 1000 },
      ...astro.searchIndex.map((index) => ({ step: `Astro: search index, ${index.lang}`, ms: index.seconds * 1000 })),
      { step: 'Astro: page-weight budgets', ms: (astro.budgetsSeconds ?? 0) * 1000 },
    ].filter((part) => part.ms > 0);
    const known = parts.reduce((sum, part) => sum + part.ms, 0);
    rows.push({ step: 'Astro: start-up, content sync and types, bundling, sitemap, publishing', ms: Math.max(0, step.ms - known) }, ...parts);
  }
  return rows;
}

/** A one-practice edit (`edit`: the text edit or the rename) against the cold build, step by step, with the quarter target of issue 19. */
function editRows(run: Run, edit = run.warm): [step: string, cold: string, after: string, share: string, status: string][] {
  if (!edit?.ok) return [];
  const cold = stepBreakdown(run.cold);
  const warm = new Map(stepBreakdown(edit).map((row) => [row.step, row.ms]));
  const astro = edit.astro;
  const rows = cold.map(({ step, ms }): [string, string, string, string, string] => {
    const after = warm.get(step) ?? 0;
    const note = step.startsWith('Astro: search index') && astro?.searchIndex.find((index) => step.endsWith(`, ${index.lang}`))?.reused ? ' (reused: no page changed for the search)' : '';
    return [step, s(ms), `${s(after)}${note}`, percent(after, ms), mark(after <= ms * TARGETS.editShare)];
  });
  // Astro's step as issue 19 names it: its start-up and its rendering together.
  const astroRows = (breakdown: { step: string; ms: number }[]) => breakdown.filter(({ step }) => /^Astro: (start-up|rendering)/.test(step)).reduce((sum, { ms }) => sum + ms, 0);
  const astroCold = astroRows(cold);
  const astroAfter = astroRows([...warm].map(([step, ms]) => ({ step, ms })));
  rows.push(["**Astro's step** (the two rows above starting \"Astro: start-up\" and \"Astro: rendering\")", s(astroCold), s(astroAfter), percent(astroAfter, astroCold), mark(astroAfter <= astroCold * TARGETS.editShare)]);
  rows.push(['**Whole build**', s(run.cold.ms), s(edit.ms), percent(edit.ms, run.cold.ms), mark(edit.ms <= run.cold.ms * TARGETS.editShare)]);
  if (astro) rows.push(['Pages rendered / copied from the previous build', String(run.cold.astro?.renderedPages ?? '-'), `${astro.renderedPages} / ${astro.reusedPages}`, '', '']);
  return rows;
}

function figures(run: Run): [string, string][] {
  const { cold, warm, output } = run;
  const rows: [string, string][] = [
    ['Pages (HTML files)', output ? `${output.pages} (${run.languages.map((code) => `${code.toUpperCase()} ${output.pagesByLang[code] ?? 0}`).join(', ')}; ${output.practicePages} practice pages)` : '-'],
    ['Pages reported by Astro', cold.astro?.pagesBuilt !== undefined ? String(cold.astro.pagesBuilt) : '-'],
    ['Cold build, total (no cards)', cold.ok ? s(cold.ms) : `FAILED after ${s(cold.ms)}`],
    ...cold.steps.map((step): [string, string] => [`  of which \`${step.original}\``, stepTime(step)]),
    ['  Astro: pages per second', cold.astro?.pagesBuilt ? `${(cold.astro.pagesBuilt / (stepMs(cold, 'astro') / 1000)).toFixed(0)}` : '-'],
    ['Peak memory, cold build (largest process)', cold.steps.length ? GB(Math.max(0, ...cold.steps.map((step) => step.maxRss ?? 0))) : '-'],
    ['Peak memory, cold build (whole process tree)', GB(Math.max(0, ...cold.steps.map((step) => step.treePeakRss)))],
    ['Rebuild after editing one practice', warm ? (warm.ok ? `${s(warm.ms)} (${percent(warm.ms, cold.ms)} of cold)` : 'FAILED') : '-'],
    ...(warm?.steps ?? []).map((step): [string, string] => [`  of which \`${step.original}\``, stepTime(step)]),
    ['Peak memory, rebuild', warm ? GB(warm.peakRss) : '-'],
    ['Rebuild after renaming that practice', run.rename ? (run.rename.ok ? `${s(run.rename.ms)} (${percent(run.rename.ms, cold.ms)} of cold), peak ${GB(run.rename.peakRss)}` : 'FAILED') : '-'],
    ['`dist/` size', output ? `${MB(output.dist.bytes)} in ${output.dist.files} files` : '-'],
    ['  of which Pagefind index', output ? `${MB(output.pagefind.bytes)} in ${output.pagefind.files} files` : '-'],
    ['  largest parts', output ? output.parts.slice(0, 6).map((part) => `${part.part} ${MB(part.bytes)} (${part.files})`).join(', ') : '-'],
    ['Pagefind: pages / words indexed', cold.pagefind ? `${cold.pagefind.pages ?? '?'} / ${cold.pagefind.words ?? '?'}` : '-'],
    ['  Pagefind time inside the build step', cold.pagefind?.seconds !== undefined ? `${cold.pagefind.seconds.toFixed(1)} s` : '-'],
  ];
  if (output) {
    const { practice, city } = output;
    rows.push(
      [`Practice page (${practice.path}), gzip -9`, `HTML ${kB(practice.html.gzip)} + CSS ${kB(practice.css.gzip)} (${practice.css.files.length} files) + JS ${kB(practice.js.gzip)} (${practice.js.files.length} files) = ${kB(practice.html.gzip + practice.css.gzip + practice.js.gzip)}`],
      ['  same, uncompressed', `HTML ${kB(practice.html.raw)} + CSS ${kB(practice.css.raw)} + JS ${kB(practice.js.raw)}`],
    );
    if (city) {
      rows.push([`City page (${city.path}), gzip -9`, `HTML ${kB(city.html.gzip)} + CSS ${kB(city.css.gzip)} + JS ${kB(city.js.gzip)} = ${kB(city.html.gzip + city.css.gzip + city.js.gzip)}`]);
    }
  }
  rows.push(['Content check alone (`npm run check:content`)', `${s(run.check.ms)}, peak ${GB(Math.max(run.check.maxRss ?? 0, run.check.treePeakRss))}`]);
  return rows;
}

function searchFigures(report: Report): [string, string][] {
  const { search } = report;
  if (!search) return [['Search bytes', report.searchError ? `not measured: ${report.searchError}` : 'not measured']];
  const transfer = (t: Transfer) => `${kB(t.gzip)} gzip (${kB(t.raw)} as served) in ${t.requests} requests`;
  return [
    ['Search page load (/en/search/)', transfer(search.pageLoad)],
    ['Clicking into the search box (Pagefind engine preloads)', transfer(search.focus)],
    [`First search query ("${search.query}", typed), until its results are on screen`, `${transfer(search.firstQuery)}; ${search.results ?? ''}`],
    ['  then its facet counts', transfer(search.firstQueryCounts)],
    ['  all of the first search (box, query, counts)', kB(search.focus.gzip + search.firstQuery.gzip + search.firstQueryCounts.gzip) + ' gzip'],
    [`Second query ("${search.secondQuery}")`, transfer(search.secondQueryTransfer)],
    [`Fresh visit to /en/search/?q=${search.query}`, transfer(search.directUrl)],
  ];
}

function cardFigures(report: Report): [string, string][] {
  if (!report.cardsBuild) return [['Build with social cards', report.cardsNote]];
  const build = (result: BuildResult | undefined) =>
    result ? (result.ok ? `${s(result.ms)} (astro ${s(stepMs(result, 'astro'))}, peak ${GB(result.peakRss)})` : 'FAILED') : 'not run';
  return [
    ['Build with social cards, cold', build(report.cardsBuild)],
    ['Build with social cards, warm (cards cached, one edit)', build(report.cardsWarm)],
    ['  cards', report.cardsNote],
  ];
}

/** The step with the highest memory peak over a run's cold and warm builds. */
function peakStep(run: Run): string {
  const steps = [run.cold, run.warm, run.rename].flatMap((result) => result?.steps ?? []);
  const peak = steps.reduce<(typeof steps)[number] | undefined>(
    (best, step) => (!best || Math.max(step.maxRss ?? 0, step.treePeakRss) > Math.max(best.maxRss ?? 0, best.treePeakRss) ? step : best),
    undefined,
  );
  return peak ? `\`${peak.original.split(' ').slice(0, 2).join(' ')}\`` : '-';
}

function targets(run: Run, report: Report, withSearch: boolean): [string, string, string][] {
  const { cold, warm, output } = run;
  const peak = Math.max(cold.peakRss, warm?.peakRss ?? 0, run.rename?.peakRss ?? 0);
  const practiceHtmlCss = output ? output.practice.html.gzip + output.practice.css.gzip : undefined;
  const { search } = report;
  const rows: [string, string, string][] = [
    ['Cold build ≤ 2 min without cards', cold.ok ? s(cold.ms) : 'failed', mark(cold.ok ? cold.ms <= TARGETS.coldMs : false)],
    ['Peak memory ≤ 4 GB', `${GB(peak)} (${peakStep(run)})`, mark(peak <= TARGETS.memoryBytes)],
    ['Warm rebuild ≤ half the cold build', warm?.ok ? `${s(warm.ms)} vs ${s(cold.ms * TARGETS.warmShare)}` : 'not measured', mark(warm?.ok ? warm.ms <= cold.ms * TARGETS.warmShare : undefined)],
    ['One-practice edit ≤ a quarter of the cold build (issue 19; by step below)', warm?.ok ? `${s(warm.ms)} vs ${s(cold.ms * TARGETS.editShare)}` : 'not measured', mark(warm?.ok ? warm.ms <= cold.ms * TARGETS.editShare : undefined)],
    ['Renaming one practice ≤ a quarter of the cold build (issue 19; by step below)', run.rename?.ok ? `${s(run.rename.ms)} vs ${s(cold.ms * TARGETS.editShare)}` : 'not measured', mark(run.rename?.ok ? run.rename.ms <= cold.ms * TARGETS.editShare : undefined)],
  ];
  if (withSearch) {
    rows.push([
      'First search query ≤ 150 kB',
      search
        ? `${kB(search.firstQuery.gzip)} gzip until the results show (${kB(search.firstQuery.raw)} as served); ` +
          `before it, ${kB(search.focus.gzip)} preloaded on clicking into the box; after it, ${kB(search.firstQueryCounts.gzip)} of facet counts`
        : 'not measured',
      mark(search ? search.firstQuery.gzip <= TARGETS.queryBytes : undefined),
    ]);
  }
  rows.push(['(budget) practice page HTML+CSS ≤ 20 kB gzip, 0 kB JS', output ? `${kB(practiceHtmlCss!)} + JS ${kB(output.practice.js.gzip)}` : 'not measured', mark(output ? practiceHtmlCss! <= TARGETS.practiceHtmlCss && output.practice.js.raw === 0 : undefined)]);
  return rows;
}

function table(rows: string[][], header: string[]): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`)].join('\n');
}

function printTable(report: Report) {
  for (const [index, run] of report.runs.entries()) {
    const rows = [...figures(run), ...(index === report.runs.length - 1 ? searchFigures(report) : [])];
    const width = Math.max(...rows.map(([label]) => label.length));
    console.log(`\nScale benchmark, ${run.label}`);
    console.log('='.repeat(width + 40));
    for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value.replace(/\*\*|`/g, '')}`);
    console.log('\nOne-practice edit, by step (cold → after the edit)');
    for (const [step, cold, warm, share] of editRows(run)) console.log(`  ${step.replace(/\*\*|`/g, '')}: ${cold} → ${warm} (${share})`);
    console.log('\nRenaming one practice, by step (cold → after the rename)');
    for (const [step, cold, renamed, share] of editRows(run, run.rename)) console.log(`  ${step.replace(/\*\*|`/g, '')}: ${cold} → ${renamed} (${share})`);
    console.log('\nTargets');
    for (const [target, value, status] of targets(run, report, index === report.runs.length - 1)) console.log(`${status.replace(/\*/g, '').padEnd(13)} ${target}: ${value}`);
  }
  console.log('');
}

const ANALYSIS_START = '<!-- analysis:start -->';
const ANALYSIS_END = '<!-- analysis:end -->';

function corpusSentence(run: Run): string {
  const c = run.corpus;
  const translated = Object.entries(c.summary.translations ?? {}).map(([lang, count]) => `${count} in ${language(lang as Lang).autonym}`);
  return (
    `**${run.label}**: \`${c.out}\`, ${c.summary.practicesEn} practices in English${translated.length ? `, ${translated.join(', ')}` : ''} ` +
    `(${c.summary.multiCity} run by several cities, ${c.summary.adapted} adapted from others), ${c.summary.cities} cities, ` +
    `${c.summary.results} Index results (${c.summary.pre2019} pre-2019 editions, the rest 2019)` +
    `; built with \`SITE_LANGUAGES=${run.languages.join(',')}\` (the site publishes these languages only).`
  );
}

function renderReport(report: Report): string {
  const { machine: m, runs } = report;
  const largest = runs.at(-1)!;
  const previous = existsSync(REPORT) ? readFileSync(REPORT, 'utf8') : '';
  const kept = previous.includes(ANALYSIS_START) && previous.includes(ANALYSIS_END)
    ? previous.slice(previous.indexOf(ANALYSIS_START), previous.indexOf(ANALYSIS_END) + ANALYSIS_END.length)
    : `${ANALYSIS_START}\n_No analysis written yet._\n${ANALYSIS_END}`;
  const c = largest.corpus;
  const flags = [
    c.practices !== 10_000 && `--practices ${c.practices}`,
    c.cities !== 200 && `--cities ${c.cities}`,
    c.results !== 600 && `--results ${c.results}`,
    c.frShare !== 1 && `--translated-share ${c.frShare}`,
    c.seed !== 1 && `--seed ${c.seed}`,
  ].filter(Boolean);
  const setsFlag = flag('languages') ? [`--languages "${LANGUAGE_SETS.map((set) => set.join(',')).join(';')}"`] : [];
  const lines: string[] = [
    '# Scale benchmark',
    '',
    'Generated by `npm run bench` (scripts/bench/run.ts); the figures and tables below are rewritten on every run,',
    'the analysis section between the `analysis` markers is kept.',
    '',
    '## Machine and run',
    '',
    table(
      [
        ['Date', m.date],
        ['Machine', `${m.cores} cores (${m.cpu}), ${GB(m.ram)} RAM`],
        ['OS', m.os],
        ['Node', `${m.node} (the \`node\` devDependency)`],
        ['Astro / Pagefind', `${m.astro} / ${m.pagefind}`],
        ['Code', `commit ${m.commit}`],
        ['Build steps (from package.json `build`)', largest.cold.steps.map((step) => `\`${step.original}\``).join(' → ')],
        ['Social cards', `${report.cards.exists ? 'feature present' : 'feature not in the code yet'}; cold and warm builds run with ${report.cards.skipVariables.map((name) => `${name}=1`).join(', ')}`],
        ['Benchmark duration', s(report.totalMs)],
        ...runs.map((run): [string, string] => [`Load average when each build step started, ${run.label}`, [run.cold, run.warm].flatMap((result) => result?.steps ?? []).map((step) => step.loadBefore.toFixed(2)).join(', ')]),
      ],
      ['', ''],
    ),
    '',
    '## Corpus',
    '',
    `Synthetic, deterministic (seed ${c.seed}), generated by \`scripts/bench/generate-corpus.ts\` (one corpus per language set) and validated by the project's content check. ` +
      'Themes, networks and the other hand-written collections are copied from `src/content`.',
    '',
    ...runs.map((run) => `- ${corpusSentence(run)}`),
    '',
    '## Rerun',
    '',
    '```sh',
    'npm ci',
    `npm run bench${[...flags, ...setsFlag].length ? ` -- ${[...flags, ...setsFlag].join(' ')}` : ''}`,
    '# one corpus alone, and its validation:',
    `npx node scripts/bench/generate-corpus.ts --languages ${largest.languages.join(',')} --out ${c.out}${flags.length ? ` ${flags.join(' ')}` : ''}`,
    `ICC_CONTENT_DIR=${c.out} npm run check:content`,
    `# one language set's build alone, as the benchmark runs it:`,
    `ICC_CONTENT_DIR=${c.out} SITE_LANGUAGES=${largest.languages.join(',')} ICC_SKIP_CARDS=1 npm run build`,
    '```',
    '',
    'For each language set, the benchmark runs the steps of `npm run build` one by one (to time them separately) with',
    `\`ICC_CONTENT_DIR=<corpus>\`, \`SITE_LANGUAGES=<the set>\` and ${report.cards.skipVariables.map((name) => `\`${name}=1\``).join(', ')}, building into \`.cache/bench/dist\` with its own`,
    'Astro cache (`.cache/bench/astro-cache`, both removed before the cold build) so it never disturbs `dist/`. That cache holds',
    'everything a pipeline keeps between runs: Astro\'s incremental build, the gzipped size of every page and the search index of every language.',
    'Peak memory comes from `/usr/bin/time -v` (largest process) and from sampling the RSS of the whole process tree in /proc every 200 ms.',
    `The rebuild edits the text of \`practices/en/${c.samplePractice}.md\` (its stimulus) and runs the same steps again, keeping the cache (the edit is undone afterwards);`,
    'a second rebuild, with the cache of the first, renames that practice (its title is on its cards: lists, its city\'s profile, feeds), undone afterwards too.',
    'It starts as a pipeline\'s build does, from a checkout without a published site, and each build ends as `.github/workflows/publish.yml` ends one: the build runs with `ICC_REFILL_KEPT_PAGES=skip` and, once the benchmark has read the site, `npm run build:hand-over` (timed, a step of the build) makes the published site the next build\'s kept folder; what it moves aside, which a pipeline\'s machine throws away, is removed before the next build (not timed).',
    'Every timed step starts after `sync` has put the files of the step before it on the disk (not timed), so that the kernel writing back a cold build\'s gigabyte is not timed as part of the rebuild.',
    'A rebuild on a laptop, where the last build\'s site is still there, puts the kept pages back from the site it replaces instead (src/lib/kept-pages-refill.ts); it is not timed here.',
    `Search bytes are counted on the last language set in Chromium (playwright-core, ${'`/usr/bin/chromium`'}) from the responses of a local static server; "gzip" sizes`,
    'compress HTML, CSS, JS and JSON with gzip -9 as a host would (Pagefind\'s index and WebAssembly files are already compressed and counted as they are).',
    'Logs of every step: `.cache/bench/logs/`; all figures as JSON: `.cache/bench/results.json`.',
    '',
    '## Targets (issues 7, 12 and 19)',
    '',
  ];
  for (const [index, run] of runs.entries()) {
    lines.push(`### ${run.label}`, '', table(targets(run, report, index === runs.length - 1), ['Target', 'Measured', 'Status']), '');
  }
  lines.push('## A one-practice edit, step by step', '', 'Each step of the cold build against the same step of the rebuild after one practice\'s text was edited (target: at most a quarter).', '');
  for (const run of runs) {
    const rows = editRows(run);
    lines.push(`### ${run.label}`, '', rows.length ? table(rows, ['Step', 'Cold', 'After one edit', 'Share', '≤ 25%']) : 'not measured (a build failed)', '');
    if (run.edit) lines.push(`The edit: a marker sentence and, from another practice, "${run.edit}", added to the stimulus of one practice.`, '');
    if (run.warmCheck) lines.push(`Rebuild check: ${run.warmCheck}.`, '');
    const renamed = editRows(run, run.rename);
    lines.push(`#### ${run.label}: renaming the same practice`, '', renamed.length ? table(renamed, ['Step', 'Cold', 'After the rename', 'Share', '≤ 25%']) : 'not measured (a build failed)', '');
    if (run.renameCheck) lines.push(`Rebuild check: ${run.renameCheck}.`, '');
  }
  lines.push('## Figures', '');
  for (const [index, run] of runs.entries()) {
    lines.push(`### ${run.label}`, '', table([...figures(run), ...(index === runs.length - 1 ? [...searchFigures(report), ...cardFigures(report)] : [])], ['Measure', 'Value']), '');
    if (run.cold.failure) lines.push('#### Cold build failure', '', '```', run.cold.failure, '```', '');
    for (const failure of run.cold.stepFailures) lines.push('#### A check in the build failed on the corpus', '', '```', failure, '```', '');
  }
  if (report.search) {
    const kinds = (t: Transfer) =>
      Object.entries(t.byKind)
        .sort((a, b) => b[1].gzip - a[1].gzip)
        .map(([kind, value]) => `${kind} ${kB(value.gzip)} (${value.requests})`)
        .join(', ');
    lines.push(
      `### What the search downloads (gzip, requests), ${largest.label}`,
      '',
      table(
        [
          ['Search page load', kinds(report.search.pageLoad)],
          ['Clicking into the search box', kinds(report.search.focus)],
          [`First query "${report.search.query}", until results show`, kinds(report.search.firstQuery)],
          ['  then its facet counts', kinds(report.search.firstQueryCounts)],
          [`Second query "${report.search.secondQuery}"`, kinds(report.search.secondQueryTransfer)],
          ['Fresh visit with ?q=', kinds(report.search.directUrl)],
        ],
        ['Phase', 'By kind'],
      ),
      '',
    );
  }
  const cold = largest.cold;
  if (cold.astro?.routeFamilies.length) {
    lines.push(
      `### Where Astro spends the cold build, ${largest.label}`,
      '',
      `Astro's own phases: types ${cold.astro.typesSeconds ?? '?'} s, collecting build info ${cold.astro.collectSeconds ?? '?'} s, ` +
        `generating static routes ${cold.astro.staticRoutesSeconds ?? '?'} s (whole Astro step ${s(stepMs(cold, 'astro'))}). ` +
        'Per-page render times summed by route (from Astro\'s log; with `build.concurrency: 4` pages render together, so times overlap and a few are attributed to the wrong page):',
      '',
      table(
        cold.astro.routeFamilies.slice(0, 16).map((family) => [family.family, String(family.pages), s(family.ms), `${(family.ms / family.pages).toFixed(1)} ms`]),
        ['Route', 'Pages', 'Total', 'Per page'],
      ),
      '',
      `Slowest pages: ${cold.astro.slowest.map((page) => `${page.path} ${page.ms} ms`).join('; ')}.`,
      '',
    );
  }
  if (report.profile) {
    lines.push(
      `### CPU profile of a cold Astro build, ${largest.label}`,
      '',
      `\`node --cpu-prof\` on the Astro step (${s(report.profileMs ?? 0)} with profiling; ${s(report.profile.totalMs)} of samples). Self time by package or file:`,
      '',
      table(report.profile.modules.map((module) => [module.name, s(module.ms), `${((module.ms / report.profile!.totalMs) * 100).toFixed(1)}%`]), ['Module', 'Self time', 'Share']),
      '',
      'Hottest functions (self time):',
      '',
      table(report.profile.functions.slice(0, 15).map((fn) => [fn.name, s(fn.ms)]), ['Function', 'Self time']),
      '',
    );
  }
  lines.push('## Analysis', '', kept, '');
  return lines.join('\n');
}

await main();
