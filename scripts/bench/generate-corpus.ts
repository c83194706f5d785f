/**
 * Writes a deterministic synthetic content tree for the scale benchmark (outside src/content).
 *
 *   npx node scripts/bench/generate-corpus.ts [--practices 10000] [--cities 200] [--results 600]
 *        [--languages en,fr,es] [--translated-share 1] [--seed 1] [--out .cache/bench-corpus]
 *
 * The same flags can be given as BENCH_PRACTICES, BENCH_CITIES, BENCH_RESULTS, BENCH_LANGUAGES,
 * BENCH_TRANSLATED_SHARE (or the older --fr-share / BENCH_FR_SHARE), BENCH_SEED and
 * BENCH_CORPUS_DIR. The tree passes `ICC_CONTENT_DIR=<out> npm run check:content`: themes,
 * networks (and any other hand-written collection) are copied from src/content; cities,
 * practices (one folder per language, same file names) and Index results are generated from a
 * seeded PRNG. --languages defaults to every language of the registry (src/lib/languages.ts);
 * English, the source language, is always written; a share of the practices (--translated-share)
 * is translated into each other language, the rest falls back to English on the site.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, stringify as stringifyYaml } from 'yaml';
import { COLLECTIONS, COLLECTION_NAMES } from '../../src/lib/content/collections.ts';
import { REGISTERED_LANGUAGES, SOURCE_LANGUAGE } from '../../src/lib/languages.ts';
import { slugify } from '../../src/lib/slug.ts';
import { TARGET_GROUPS } from '../../src/lib/target-groups.ts';
import {
  BANKS,
  COUNTRIES,
  SYLLABLES,
  TITLE_ADJECTIVES,
  TITLE_GROUPS,
  TITLE_NOUNS,
  TUPLE_INDEX,
  isCorpusLanguage,
  type Language,
  type Pair,
} from './words.ts';

export interface CorpusOptions {
  out: string;
  practices: number;
  cities: number;
  results: number;
  /** The languages written, English first (the registry's languages by default). */
  languages: Language[];
  /** Share of practices translated into each language other than English (0..1). */
  frShare: number;
  seed: number;
}

/** Collections the generator writes; every other folder of src/content is copied as is. */
export const GENERATED_COLLECTIONS = ['practices', 'cities', 'index-results'];
// A dot file: the content check refuses any other file beside the collection folders.
export const MANIFEST = '.corpus.json';
const GENERATOR_VERSION = 3;
/** Fixed upper bound for generated dates, so the corpus does not depend on the day it is made. */
const LAST_YEAR = 2025;

export const DEFAULT_CORPUS_DIR = '.cache/bench-corpus';

/** Options from `--flag value` arguments, then BENCH_* variables, then defaults. */
export function corpusOptionsFrom(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): CorpusOptions {
  const flag = (name: string) => {
    const index = argv.indexOf(`--${name}`);
    if (index >= 0) return argv[index + 1];
    const inline = argv.find((argument) => argument.startsWith(`--${name}=`));
    return inline?.slice(name.length + 3);
  };
  const number = (name: string, variable: string, fallback: number) => {
    const raw = flag(name) ?? env[variable];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} / ${variable} must be a number, got "${raw}"`);
    return value;
  };
  return {
    out: flag('out') ?? env.BENCH_CORPUS_DIR ?? DEFAULT_CORPUS_DIR,
    practices: Math.round(number('practices', 'BENCH_PRACTICES', 10_000)),
    cities: Math.max(2, Math.round(number('cities', 'BENCH_CITIES', 200))),
    results: Math.round(number('results', 'BENCH_RESULTS', 600)),
    languages: corpusLanguages(flag('languages') ?? env.BENCH_LANGUAGES),
    frShare: Math.min(1, number('translated-share', 'BENCH_TRANSLATED_SHARE', number('fr-share', 'BENCH_FR_SHARE', 1))),
    seed: Math.round(number('seed', 'BENCH_SEED', 1)),
  };
}

/**
 * The languages of `--languages en,fr` (every registered language when absent), English first.
 * A language must be registered on the site and have a word bank in words.ts.
 */
export function corpusLanguages(raw: string | undefined): Language[] {
  const codes = raw === undefined || raw.trim() === '' ? [...REGISTERED_LANGUAGES] : raw.split(',').map((code) => code.trim()).filter(Boolean);
  for (const code of codes) {
    if (!(REGISTERED_LANGUAGES as readonly string[]).includes(code)) {
      throw new Error(`--languages / BENCH_LANGUAGES: "${code}" is not a language of the site (src/lib/languages.ts has ${REGISTERED_LANGUAGES.join(', ')})`);
    }
    if (!isCorpusLanguage(code)) {
      throw new Error(`--languages / BENCH_LANGUAGES: the benchmark corpus has no word bank for "${code}": add one to scripts/bench/words.ts`);
    }
  }
  const chosen = [...new Set([SOURCE_LANGUAGE, ...codes])].filter(isCorpusLanguage);
  return chosen;
}

// ---------------------------------------------------------------------------------------------
// Randomness

type Rng = () => number;

/** mulberry32: a small, fast, seedable PRNG. */
function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One independent stream per entity, so changing one count does not reshuffle the others. */
function rngFor(seed: number, kind: string, index: number): Rng {
  let hash = 2166136261 ^ seed;
  for (const char of `${kind}:${index}`) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return mulberry32(hash);
}

const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
/** Skewed towards the start of the list, like word frequencies in real text. */
const pickSkewed = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * rng() * list.length)]!;
function pickDistinct<T>(rng: Rng, list: readonly T[], count: number, chooser: (rng: Rng, list: readonly T[]) => T = pick): T[] {
  const chosen = new Set<T>();
  while (chosen.size < Math.min(count, list.length)) chosen.add(chooser(rng, list));
  return [...chosen];
}
const pad = (value: number) => String(value).padStart(2, '0');
function date(rng: Rng, fromYear: number, toYear: number): string {
  return `${int(rng, fromYear, toYear)}-${pad(int(rng, 1, 12))}-${pad(int(rng, 1, 28))}`;
}
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** An invented proper name (organisation, person, place). */
function inventedName(rng: Rng, syllables = int(rng, 2, 3)): string {
  return capitalize(Array.from({ length: syllables }, () => pick(rng, SYLLABLES)).join(''));
}

// ---------------------------------------------------------------------------------------------
// Text

function organisation(rng: Rng, lang: Language): string {
  const name = inventedName(rng);
  if (lang === 'en') return `the ${name} ${pick(rng, ['Foundation', 'Institute', 'Association', 'Centre', 'Cooperative', 'Forum'])}`;
  if (lang === 'es') return `${pick(rng, ['la fundación', 'el instituto', 'la asociación', 'el centro', 'la cooperativa', 'el foro'])} ${name}`;
  return `${pick(rng, ['la fondation', 'l’institut', 'l’association', 'le centre', 'la coopérative', 'le forum'])} ${name}`;
}

type Section = 'purpose' | 'stimulus' | 'process' | 'results' | 'transferability';

/** Sentence number `slot` of a paragraph: templates are cycled from a random start, so a paragraph repeats none. */
function sentence(rng: Rng, lang: Language, section: Exclude<Section, 'process'>, city: string, slot: number, start: number): string {
  const b = BANKS[lang];
  const S = () => pickSkewed(rng, b.subjects);
  const G = () => pickSkewed(rng, b.groups);
  const P = () => pickSkewed(rng, b.problems);
  const Pa = () => pickSkewed(rng, b.partners);
  const O = () => pickSkewed(rng, b.objects);
  const Pl = () => pickSkewed(rng, b.places);
  const Out = () => pickSkewed(rng, b.outcomes);
  const N = () => pickSkewed(rng, b.needs);
  const C = () => pick(rng, b.connectors);
  const Y = () => int(rng, 2005, LAST_YEAR);
  const pct = () => int(rng, 8, 85);
  const Org = () => organisation(rng, lang);
  const en: Record<typeof section, (() => string)[]> = {
    purpose: [
      () => `Help ${G()} in ${city} take a full part in city life through ${O()}.`,
      () => `Bring ${G()} and ${G()} together in ${Pl()}, with ${Pa()} as partners.`,
      () => `Make sure that ${G()} get fair access to services, because too many ${P()}.`,
      () => `Give ${G()} a stronger voice in decisions about ${Pl()}.`,
    ],
    stimulus: [
      () => `${C()}, ${lowerFirst(S())} noticed that ${G()} in ${Pl()} ${P()}.`,
      () => `A survey carried out in ${Y()} found that ${pct()}% of ${G()} ${P()}.`,
      () => `${capitalize(Org())} warned that ${G()} ${P()}, especially in ${Pl()}.`,
      () => `Staff working in ${Pl()} reported that ${G()} ${P()} and asked for a different approach.`,
      () => `Before the practice started, ${G()} ${P()}, while ${G()} ${P()}.`,
      () => `The issue became visible when ${Org()} published figures showing that ${G()} ${P()}.`,
      () => `Residents interviewed by ${Pa()} described how ${G()} ${P()}.`,
    ],
    results: [
      () => `After ${int(rng, 2, 6)} years, ${Out()}.`,
      () => `An evaluation by ${Pa()} in ${Y()} found that ${Out()}.`,
      () => `${C()}, ${Out()}.`,
      () => `In ${Pl()}, ${Out()}, although ${G()} still ${P()}.`,
      () => `About ${int(rng, 40, 4000)} people took part each year, and ${Out()}.`,
      () => `Participants interviewed by ${Org()} said that ${Out()}.`,
    ],
    transferability: [
      () => `A city that wants to adapt the practice needs ${N()} and ${N()}.`,
      () => `It works best with ${N()}; without it, the activities fade once the first funding ends.`,
      () => `Start with ${O()} in ${Pl()} and expand ${pick(rng, b.adverbs)}.`,
      () => `Involve ${Pa()} early and agree on ${N()}.`,
      () => `The approach has been adapted by ${Org()} and by ${Org()}.`,
      () => `Smaller cities can begin with ${O()}, which costs little.`,
    ],
  };
  const fr: Record<typeof section, (() => string)[]> = {
    purpose: [
      () => `Aider ${G()} de ${city} à prendre toute leur place dans la vie de la cité grâce à ${O()}.`,
      () => `Rapprocher ${G()} et ${G()} dans ${Pl()}, avec ${Pa()} comme partenaires.`,
      () => `Garantir un accès équitable aux services pour ${G()}, qui trop souvent ${P()}.`,
      () => `Faire en sorte que ${G()} pèsent davantage dans les décisions concernant ${Pl()}.`,
    ],
    stimulus: [
      () => `${C()}, ${lowerFirst(S())} a constaté que dans ${Pl()}, ${G()} ${P()}.`,
      () => `Une enquête menée en ${Y()} a montré que parmi ${G()}, ${pct()} % ${P()}.`,
      () => `${capitalize(Org())} a alerté sur le fait que ${G()} ${P()}, surtout dans ${Pl()}.`,
      () => `Le personnel travaillant dans ${Pl()} a signalé que ${G()} ${P()} et a demandé une autre approche.`,
      () => `Avant le lancement de la pratique, ${G()} ${P()}, tandis que ${G()} ${P()}.`,
      () => `Le problème est apparu lorsque ${Org()} a publié des chiffres montrant que ${G()} ${P()}.`,
      () => `Des habitants interrogés par ${Pa()} ont raconté comment ${G()} ${P()}.`,
    ],
    results: [
      () => `Après ${int(rng, 2, 6)} ans, ${Out()}.`,
      () => `Une évaluation réalisée par ${Pa()} en ${Y()} a montré que ${Out()}.`,
      () => `${C()}, ${Out()}.`,
      () => `Dans ${Pl()}, ${Out()}, même si ${G()} ${P()} encore.`,
      () => `Environ ${int(rng, 40, 4000)} personnes y participent chaque année, et ${Out()}.`,
      () => `Les participants interrogés par ${Org()} indiquent que ${Out()}.`,
    ],
    transferability: [
      () => `Une ville qui souhaite adapter la pratique doit prévoir ${N()} et ${N()}.`,
      () => `La démarche fonctionne mieux avec ${N()} ; sans cela, les activités s’essoufflent à la fin du premier financement.`,
      () => `Commencer par ${O()} dans ${Pl()}, puis étendre ${pick(rng, b.adverbs)}.`,
      () => `Associer ${Pa()} dès le début et prévoir ${N()}.`,
      () => `La démarche a été reprise par ${Org()} et par ${Org()}.`,
      () => `Les petites villes peuvent commencer par ${O()}, qui coûte peu.`,
    ],
  };
  const es: Record<typeof section, (() => string)[]> = {
    purpose: [
      () => `Ayudar a ${G()} de ${city} a participar plenamente en la vida de la ciudad mediante ${O()}.`,
      () => `Acercar a ${G()} y ${G()} en ${Pl()}, con ${Pa()} como socios.`,
      () => `Garantizar un acceso justo a los servicios para ${G()}, que con demasiada frecuencia ${P()}.`,
      () => `Dar a ${G()} más voz en las decisiones sobre ${Pl()}.`,
    ],
    stimulus: [
      () => `${C()}, ${lowerFirst(S())} observó que en ${Pl()} ${G()} ${P()}.`,
      () => `Una encuesta realizada en ${Y()} mostró que el ${pct()} % de ${G()} ${P()}.`,
      () => `${capitalize(Org())} advirtió de que ${G()} ${P()}, sobre todo en ${Pl()}.`,
      () => `El personal que trabaja en ${Pl()} informó de que ${G()} ${P()} y pidió otro enfoque.`,
      () => `Antes de la práctica, ${G()} ${P()}, mientras que ${G()} ${P()}.`,
      () => `El problema se hizo visible cuando ${Org()} publicó cifras que mostraban que ${G()} ${P()}.`,
      () => `Vecinos entrevistados por ${Pa()} contaron cómo ${G()} ${P()}.`,
    ],
    results: [
      () => `Al cabo de ${int(rng, 2, 6)} años, ${Out()}.`,
      () => `Una evaluación de ${Pa()} en ${Y()} concluyó que ${Out()}.`,
      () => `${C()}, ${Out()}.`,
      () => `En ${Pl()}, ${Out()}, aunque ${G()} todavía ${P()}.`,
      () => `Cada año participaron unas ${int(rng, 40, 4000)} personas, y ${Out()}.`,
      () => `Los participantes entrevistados por ${Org()} afirman que ${Out()}.`,
    ],
    transferability: [
      () => `Una ciudad que quiera adaptar la práctica necesita ${N()} y ${N()}.`,
      () => `Funciona mejor con ${N()}; sin ello, las actividades se apagan cuando termina la primera financiación.`,
      () => `Empezar con ${O()} en ${Pl()} y ampliar ${pick(rng, b.adverbs)}.`,
      () => `Contar pronto con ${Pa()} y acordar ${N()}.`,
      () => `El enfoque lo han adaptado ${Org()} y ${Org()}.`,
      () => `Las ciudades pequeñas pueden empezar con ${O()}, que cuesta poco.`,
    ],
  };
  const templates = { en, fr, es }[lang][section];
  return templates[(start + slot) % templates.length]!();
}

function paragraph(rng: Rng, lang: Language, section: Exclude<Section, 'process'>, city: string, min: number, max: number) {
  const start = int(rng, 0, 100);
  return Array.from({ length: int(rng, min, max) }, (_, slot) => sentence(rng, lang, section, city, slot, start)).join(' ');
}

function processText(rng: Rng, lang: Language): string {
  const b = BANKS[lang];
  const steps = Array.from({ length: int(rng, 3, 6) }, (_, index) => {
    const step =
      lang === 'es'
        ? pick(rng, [
            () => `${pickSkewed(rng, b.subjects)} ${pickSkewed(rng, b.actions)} ${pickSkewed(rng, b.objects)} con ${pickSkewed(rng, b.partners)} en ${pickSkewed(rng, b.places)}.`,
            () => `Junto con ${pickSkewed(rng, b.partners)}, el equipo ${pickSkewed(rng, b.actions)} ${pickSkewed(rng, b.objects)}.`,
            () => `${capitalize(organisation(rng, lang))} ${pickSkewed(rng, b.actions)} ${pickSkewed(rng, b.objects)} para ${pickSkewed(rng, b.groups)}.`,
          ])()
        : lang === 'en'
        ? pick(rng, [
            () => `${pickSkewed(rng, b.subjects)} ${pickSkewed(rng, b.actions)} ${pickSkewed(rng, b.objects)} with ${pickSkewed(rng, b.partners)} in ${pickSkewed(rng, b.places)}.`,
            () => `Together with ${pickSkewed(rng, b.partners)}, the team ${pickSkewed(rng, b.actions)} ${pickSkewed(rng, b.objects)}.`,
            () => `${capitalize(organisation(rng, lang))} ${pickSkewed(rng, b.actions)} ${pickSkewed(rng, b.objects)} for ${pickSkewed(rng, b.groups)}.`,
          ])()
        : pick(rng, [
            () => `${pickSkewed(rng, b.subjects)} ${pickSkewed(rng, b.actions)} ${pickSkewed(rng, b.objects)} avec ${pickSkewed(rng, b.partners)} dans ${pickSkewed(rng, b.places)}.`,
            () => `Avec ${pickSkewed(rng, b.partners)}, l’équipe ${pickSkewed(rng, b.actions)} ${pickSkewed(rng, b.objects)}.`,
            () => `${capitalize(organisation(rng, lang))} ${pickSkewed(rng, b.actions)} ${pickSkewed(rng, b.objects)} pour ${pickSkewed(rng, b.groups)}.`,
          ])();
    return `${index + 1}. ${step}`;
  });
  const cost = int(rng, 2, 90) * 10_000;
  const closing =
    lang === 'es'
      ? `El coste de funcionamiento ronda los ${cost.toLocaleString('es-ES').replace(/\s/g, ' ')} euros al año, sobre todo ${pick(rng, ['en horas de personal', 'en pequeñas ayudas', 'en alquiler y material', 'en interpretación'])}.`
      : lang === 'en'
      ? `The running cost is about EUR ${cost.toLocaleString('en-GB')} a year, mostly ${pick(rng, ['staff time', 'small grants', 'rent and materials', 'interpreting'])}.`
      : `Le coût de fonctionnement est d’environ ${cost.toLocaleString('fr-FR').replace(/\s/g, ' ')} euros par an, surtout ${pick(rng, ['du temps de personnel', 'de petites subventions', 'la location et le matériel', 'l’interprétariat'])}.`;
  return `${steps.join('\n')}\n\n${closing}`;
}

// ---------------------------------------------------------------------------------------------
// YAML output (hand-written: fast, and the same shape editors write)

const q = (value: string) => JSON.stringify(value);
const list = (values: readonly string[]) => `[${values.join(', ')}]`;
function block(key: string, text: string, indent = ''): string {
  const body = text
    .split('\n')
    .map((line) => (line === '' ? '' : `${indent}  ${line}`))
    .join('\n');
  return `${indent}${key}: |-\n${body}`;
}

// ---------------------------------------------------------------------------------------------
// Entities

interface ThemeInfo {
  id: string;
  versions: string[];
  label: { en: string; fr: string; es?: string };
}
interface NetworkInfo {
  id: string;
  country: string;
}
interface CityInfo {
  id: string;
  name: string;
  country: string;
}

function readYamlFolder<T>(folder: string): (T & { id: string })[] {
  return readdirSync(folder)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({ id: name.replace(/\.ya?ml$/, ''), ...(parse(readFileSync(join(folder, name), 'utf8')) as T) }));
}

const countryNames: Record<Language, Intl.DisplayNames> = {
  en: new Intl.DisplayNames(['en'], { type: 'region' }),
  fr: new Intl.DisplayNames(['fr'], { type: 'region' }),
  es: new Intl.DisplayNames(['es'], { type: 'region' }),
};

function makeCity(seed: number, index: number, taken: Set<string>, networks: NetworkInfo[], languages: readonly Language[]): { info: CityInfo; yaml: string } {
  const rng = rngFor(seed, 'city', index);
  let name = inventedName(rng, int(rng, 2, 4));
  while (taken.has(slugify(name))) name = inventedName(rng, int(rng, 2, 4));
  const id = slugify(name);
  taken.add(id);
  const country = pickSkewed(rng, COUNTRIES);
  const population = int(rng, 15, 3000) * 1000;
  const memberOf = networks.filter((network) => network.country === country.code && rng() < 0.7).map((network) => network.id);
  const international = memberOf.length === 0 || rng() < 0.8;
  const b = (lang: Language) => BANKS[lang];
  const profile = (lang: Language) => {
    const countryName = countryNames[lang].of(country.code)!;
    const sentences =
      lang === 'es'
        ? [
            `${name} es una ciudad de unos ${population.toLocaleString('es-ES').replace(/\s/g, ' ')} habitantes en ${countryName}.`,
            `Su pasado ${pick(rng, ['industrial', 'universitario', 'portuario', 'comercial', 'fronterizo'])} ha atraído a vecinos de muchos países, y ${pickSkewed(rng, b('es').groups)} ocupan hoy un lugar visible en ${pickSkewed(rng, b('es').places)}.`,
            `La estrategia intercultural de la ciudad apuesta por ${pickSkewed(rng, b('es').objects)} y por la cooperación con ${pickSkewed(rng, b('es').partners)}.`,
          ]
        : lang === 'en'
        ? [
            `${name} is a city of about ${population.toLocaleString('en-GB')} people in ${countryName}.`,
            `Its ${pick(rng, ['industrial', 'university', 'port', 'market', 'border'])} past has drawn residents from many countries, and ${pickSkewed(rng, b('en').groups)} now make up a visible part of ${pickSkewed(rng, b('en').places)}.`,
            `The city’s intercultural strategy focuses on ${pickSkewed(rng, b('en').objects)} and on working with ${pickSkewed(rng, b('en').partners)}.`,
          ]
        : [
            `${name} est une ville d’environ ${population.toLocaleString('fr-FR').replace(/\s/g, ' ')} habitants en ${countryName}.`,
            `Son passé ${pick(rng, ['industriel', 'universitaire', 'portuaire', 'marchand', 'frontalier'])} a attiré des habitants de nombreux pays, et ${pickSkewed(rng, b('fr').groups)} occupent aujourd’hui une place visible dans ${pickSkewed(rng, b('fr').places)}.`,
            `La stratégie interculturelle de la ville mise sur ${pickSkewed(rng, b('fr').objects)} et sur la coopération avec ${pickSkewed(rng, b('fr').partners)}.`,
          ];
    return sentences.join(' ');
  };
  const lines = [
    `name: ${q(name)}`,
    ...(rng() < 0.3 ? [`localName: ${q(`${name}${pick(rng, ['a', 'o', 'en', 'i', 'stad'])}`)}`] : []),
    `country: ${country.code}`,
    `lat: ${(country.lat + (rng() - 0.5) * 4).toFixed(2)}`,
    `lon: ${(country.lon + (rng() - 0.5) * 6).toFixed(2)}`,
    `population: ${population}`,
    ...(rng() < 0.8 ? [`foreignBornShare: ${(rng() * 40 + 2).toFixed(1)}`] : []),
    `joined: ${int(rng, 2008, LAST_YEAR)}`,
    `international: ${international}`,
    `networks: ${list(memberOf)}`,
    `website: https://www.${id}.example.org`,
    'profile:',
    ...languages.map((lang) => block(lang, profile(lang), '  ')),
  ];
  return { info: { id, name, country: country.code }, yaml: `${lines.join('\n')}\n` };
}

interface PracticePlan {
  slug: string;
  index: number;
}

function makePractice(
  seed: number,
  index: number,
  cities: CityInfo[],
  themes: ThemeInfo[],
  earlier: PracticePlan[],
  takenSlugs: Set<string>,
  frShare: number,
  languages: readonly Language[],
): { slug: string; files: Partial<Record<Language, string>> } {
  const rng = rngFor(seed, 'practice', index);
  const practiceCities = pickDistinct(rng, cities, rng() < 0.82 ? 1 : int(rng, 2, 3), pickSkewed);
  const lead = practiceCities[0]!;
  const adjective = pick(rng, TITLE_ADJECTIVES);
  const noun = pickSkewed(rng, TITLE_NOUNS);
  const group = pick(rng, TITLE_GROUPS);
  const withCity = rng() < 0.5;
  const title: Pair = [
    `${adjective[0]} ${noun[0]} ${group[0]}${withCity ? ` in ${lead.name}` : ''}`,
    `${noun[1]} ${group[1]}${withCity ? ` à ${lead.name}` : ''}`,
    `${noun[2]} ${group[2]}${withCity ? ` en ${lead.name}` : ''}`,
  ];
  const base = slugify(title[0]);
  let slug = base;
  for (let suffix = 2; takenSlugs.has(slug); suffix++) slug = `${base}-${suffix}`;
  takenSlugs.add(slug);

  const practiceThemes = pickDistinct(rng, themes, int(rng, 1, 3), pickSkewed).map((theme) => theme.id);
  const groups = pickDistinct(rng, TARGET_GROUPS, int(rng, 1, 3));
  const start = int(rng, 1998, LAST_YEAR);
  const end = rng() < 0.55 ? 'ongoing' : String(Math.min(LAST_YEAR, start + int(rng, 0, 6)));
  const published = date(rng, Math.max(2012, Math.min(start, LAST_YEAR)), LAST_YEAR);
  const laterDate = date(rng, Number(published.slice(0, 4)), LAST_YEAR);
  const updated = rng() < 0.4 && laterDate > published ? laterDate : undefined;
  const adaptedFrom =
    earlier.length > 20 && rng() < 0.08
      ? pickDistinct(rng, earlier, int(rng, 1, 2)).map((plan) => plan.slug)
      : undefined;
  const contactRng = rng();
  const teamName = inventedName(rng);
  const contact =
    contactRng < 0.7
      ? [
          'contact:',
          `  name: ${q(`${teamName} programme team`)}`,
          `  role: ${q(`Intercultural office, ${lead.name}`)}`,
          `  email: ${slugify(teamName)}@${lead.id}.example.org`,
          ...(rng() < 0.5 ? [`  url: https://${lead.id}.example.org/${slug}`] : []),
        ]
      : [];
  const linkCount = rng() < 0.6 ? int(rng, 1, 2) : 0;
  const links = Array.from({ length: linkCount }, (_, i) => ({
    url: `https://${lead.id}.example.org/${slug}/${i === 0 ? 'about' : 'report'}`,
    label: i === 0 ? (['Programme website', 'Site du programme', 'Web del programa'] as const) : (['Evaluation report', 'Rapport d’évaluation', 'Informe de evaluación'] as const),
  }));
  // Rounds of text per language are drawn from their own streams so a translation exists or not
  // without changing the English text.
  const shared = [
    `cities: ${list(practiceCities.map((city) => city.id))}`,
    `themes: ${list(practiceThemes)}`,
    `targetGroups: ${list(groups)}`,
    `period: { start: ${start}, end: ${end} }`,
    ...(adaptedFrom ? [`adaptedFrom: ${list(adaptedFrom)}`] : []),
    ...contact,
  ];
  // One draw per registered translation language, in registry order, whether it is written or not:
  // the same practices are translated into French in a two- and in a three-language corpus.
  const translated = new Map(REGISTERED_LANGUAGES.filter((code) => code !== SOURCE_LANGUAGE).map((code) => [code, rng() < frShare] as const));
  const file = (lang: Language) => {
    const textRng = rngFor(seed, `practice-text-${lang}`, index);
    const l = TUPLE_INDEX[lang];
    const lines = [
      '---',
      `title: ${q(title[l])}`,
      ...shared,
      ...(links.length > 0
        ? ['links:', ...links.map((link) => `  - { label: ${q(link.label[l])}, url: ${link.url} }`)]
        : []),
      `published: ${published}`,
      ...(updated ? [`updated: ${updated}`] : []),
      block('purpose', paragraph(textRng, lang, 'purpose', lead.name, 1, 2)),
      block('stimulus', paragraph(textRng, lang, 'stimulus', lead.name, 4, 7)),
      block('process', processText(textRng, lang)),
      block('results', paragraph(textRng, lang, 'results', lead.name, 3, 6)),
      block('transferability', paragraph(textRng, lang, 'transferability', lead.name, 3, 6)),
      '---',
      '',
    ];
    return lines.join('\n');
  };
  const files: Partial<Record<Language, string>> = {};
  for (const lang of languages) if (lang === SOURCE_LANGUAGE || translated.get(lang)) files[lang] = file(lang);
  return { slug, files };
}

function makeIndexResult(seed: number, city: CityInfo, edition: number, themes: ThemeInfo[], languages: readonly Language[]): string {
  const rng = rngFor(seed, `result-${city.id}`, edition);
  const version = edition < 2019 ? 'pre-2019' : '2019';
  const overall = int(rng, 25, 90);
  const scored = themes.filter((theme) => theme.versions.includes(version));
  const scores = scored.map((theme) => [theme, Math.max(0, Math.min(100, overall + int(rng, -30, 30)))] as const);
  const sorted = [...scores].sort((a, b) => b[1] - a[1] || a[0].id.localeCompare(b[0].id));
  const [best, second] = [sorted[0]!, sorted[1]!];
  const [worst, nextWorst] = [sorted.at(-1)!, sorted.at(-2)!];
  const reportDate = edition === LAST_YEAR ? date(rng, edition, edition) : date(rng, edition, edition + 1);
  const sampleSize = version === 'pre-2019' ? 40 + (edition - 2010) * 9 : 110 + (edition - 2019) * 8;
  const b = BANKS;
  const summaryEn = [
    `${city.name} reaches an overall result of ${overall}% in the ${edition} edition of the Index.`,
    `${best[0].label.en} (${best[1]}) is the strongest area, followed by ${lowerFirst(second[0].label.en)} (${second[1]}).`,
    `${worst[0].label.en} (${worst[1]}) is the weakest area, and ${lowerFirst(nextWorst[0].label.en)} (${nextWorst[1]}) also leaves room for progress.`,
    `The report notes that ${pickSkewed(rng, b.en.groups)} ${pickSkewed(rng, b.en.problems)}, and praises ${pickSkewed(rng, b.en.objects)} in ${pickSkewed(rng, b.en.places)}.`,
    `It encourages the city to work more closely with ${pickSkewed(rng, b.en.partners)}.`,
  ].join(' ');
  const summaryFr = [
    `${city.name} atteint un résultat global de ${overall} % dans l’édition ${edition} de l’Index.`,
    `${best[0].label.fr} (${best[1]}) est le domaine le plus fort, devant ${lowerFirst(second[0].label.fr)} (${second[1]}).`,
    `${worst[0].label.fr} (${worst[1]}) est le domaine le plus faible, et ${lowerFirst(nextWorst[0].label.fr)} (${nextWorst[1]}) laisse aussi une marge de progrès.`,
    `Le rapport relève que ${pickSkewed(rng, b.fr.groups)} ${pickSkewed(rng, b.fr.problems)}, et salue ${pickSkewed(rng, b.fr.objects)} dans ${pickSkewed(rng, b.fr.places)}.`,
  ].join(' ');
  // Drawn from its own stream: writing Spanish or not leaves the English and French text as they were.
  const esRng = rngFor(seed, `result-es-${city.id}`, edition);
  const es = (theme: ThemeInfo) => theme.label.es ?? theme.label.en;
  const summaryEs = [
    `${city.name} obtiene un resultado global del ${overall} % en la edición ${edition} del Índice.`,
    `${es(best[0])} (${best[1]}) es el ámbito más fuerte, seguido de ${lowerFirst(es(second[0]))} (${second[1]}).`,
    `${es(worst[0])} (${worst[1]}) es el ámbito más débil, y ${lowerFirst(es(nextWorst[0]))} (${nextWorst[1]}) también deja margen de mejora.`,
    `El informe señala que ${pickSkewed(esRng, b.es.groups)} ${pickSkewed(esRng, b.es.problems)}, y elogia ${pickSkewed(esRng, b.es.objects)} en ${pickSkewed(esRng, b.es.places)}.`,
  ].join(' ');
  const summaries = { en: summaryEn, fr: summaryFr, es: summaryEs };
  const written = new Set(languages);
  const recommendations = [worst, nextWorst, ...(rng() < 0.5 ? [sorted.at(-3)!] : [])].map(([theme]) => [
    `  - theme: ${theme.id}`,
    `    en: ${q(`Develop ${pickSkewed(rng, b.en.objects)} with ${pickSkewed(rng, b.en.partners)} to strengthen ${lowerFirst(theme.label.en)}.`)}`,
    ...(rng() < 0.8 && written.has('fr')
      ? [`    fr: ${q(`Développer ${pickSkewed(rng, b.fr.objects)} avec ${pickSkewed(rng, b.fr.partners)} pour renforcer ${lowerFirst(theme.label.fr)}.`)}`]
      : []),
  ]);
  return [
    '---',
    `city: ${city.id}`,
    `edition: ${edition}`,
    `date: ${reportDate}`,
    `version: '${version}'`,
    `sampleSize: ${sampleSize}`,
    `overall: ${overall}`,
    'scores:',
    ...scores.map(([theme, value]) => `  ${theme.id}: ${value}`),
    'summary:',
    block('en', summaryEn, '  '),
    // The draw is made whatever the languages, so the rest of the stream stays the same.
    ...(rng() < 0.85 ? (['fr', 'es'] as const).filter((lang) => written.has(lang)).map((lang) => block(lang, summaries[lang], '  ')) : []),
    'recommendations:',
    ...recommendations.flat(),
    '---',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------

/** Copies every hand-written collection (themes, networks, pages, ...) from src/content. */
export function copyFixedCollections(root: string, out: string): string[] {
  const source = join(root, 'src', 'content');
  const copied: string[] = [];
  for (const name of readdirSync(source, { withFileTypes: true })) {
    if (!name.isDirectory() || GENERATED_COLLECTIONS.includes(name.name)) continue;
    rmSync(join(out, name.name), { recursive: true, force: true });
    cpSync(join(source, name.name), join(out, name.name), { recursive: true });
    copied.push(name.name);
  }
  fitReferences(out);
  return copied;
}

/**
 * The hand-written collections name demo cities and practices, which the synthetic corpus does
 * not hold. Read from the collection registry, each list of such names is made to fit the corpus:
 * a city becomes a corpus city (picked by a hash of its id, so always the same one), a practice
 * missing from the corpus is dropped (and an emptied list removed), so the corpus passes the check.
 */
function fitReferences(out: string) {
  const corpusCities = existsSync(join(out, 'cities')) ? readdirSync(join(out, 'cities')).map((name) => name.replace(/\.ya?ml$/, '')).sort() : [];
  const fit: Partial<Record<string, (ids: string[]) => string[]>> = {
    practices: (ids) => ids.filter((slug) => existsSync(join(out, 'practices', SOURCE_LANGUAGE, `${slug}.md`))),
    cities: (ids) => (corpusCities.length === 0 ? [] : [...new Set(ids.map((id) => corpusCities[demoCityIndex(id) % corpusCities.length]!))]),
  };
  for (const name of COLLECTION_NAMES.filter((collection) => !GENERATED_COLLECTIONS.includes(collection))) {
    const spec = COLLECTIONS[name];
    const references = spec.references.filter(({ collection }) => GENERATED_COLLECTIONS.includes(collection));
    if (references.length === 0) continue;
    for (const { path, collection } of references) {
      if (!/^\w+\[\]$/.test(path) || !fit[collection]) {
        throw new Error(`scripts/bench/generate-corpus.ts cannot fit ${name}'s reference "${path}" to the corpus: teach fitReferences this kind of path`);
      }
    }
    const folder = join(out, name);
    if (!existsSync(folder) || spec.perLanguage) continue;
    for (const file of readdirSync(folder).filter((entry) => /\.ya?ml$/.test(entry))) {
      const path = join(folder, file);
      const data = parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      let changed = false;
      for (const { path: field, collection } of references) {
        const key = field.slice(0, -2);
        const ids = data[key];
        if (!Array.isArray(ids)) continue;
        const fitted = fit[collection]!(ids as string[]);
        if (fitted.length === ids.length && fitted.every((id, index) => id === ids[index])) continue;
        changed = true;
        if (fitted.length > 0) data[key] = fitted;
        else delete data[key];
      }
      if (changed) writeFileSync(path, stringifyYaml(data));
    }
  }
}

/** A stable number for a demo city's id, to pick its stand-in among the corpus's cities. */
function demoCityIndex(id: string): number {
  let hash = 0;
  for (const character of id) hash = (hash * 31 + character.charCodeAt(0)) >>> 0;
  return hash;
}

/** True when `out` holds a corpus generated with these options by this generator version. */
export function corpusIsCurrent(out: string, options: CorpusOptions): boolean {
  const path = join(out, MANIFEST);
  if (!existsSync(path)) return false;
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  return (
    manifest.generator === GENERATOR_VERSION &&
    manifest.practices === options.practices &&
    manifest.cities === options.cities &&
    manifest.results === options.results &&
    manifest.frShare === options.frShare &&
    JSON.stringify(manifest.languages) === JSON.stringify(options.languages) &&
    manifest.seed === options.seed
  );
}

export interface CorpusSummary {
  out: string;
  files: number;
  practicesEn: number;
  /** Practices written in each language other than English. */
  translations: Partial<Record<Language, number>>;
  cities: number;
  results: number;
  pre2019: number;
  multiCity: number;
  adapted: number;
  ms: number;
}

export function generateCorpus(root: string, options: CorpusOptions): CorpusSummary {
  const started = performance.now();
  const out = resolve(root, options.out);
  rmSync(out, { recursive: true, force: true });
  for (const folder of ['cities', 'index-results', ...options.languages.map((lang) => `practices/${lang}`)]) mkdirSync(join(out, folder), { recursive: true });

  const themes = readYamlFolder<{ versions: string[]; label: { en: string; fr: string; es?: string } }>(join(root, 'src/content/themes'));
  const networks = readYamlFolder<{ country: string }>(join(root, 'src/content/networks'));

  const cities: CityInfo[] = [];
  const takenCities = new Set<string>();
  for (let index = 0; index < options.cities; index++) {
    const { info, yaml } = makeCity(options.seed, index, takenCities, networks, options.languages);
    cities.push(info);
    writeFileSync(join(out, 'cities', `${info.id}.yaml`), yaml);
  }

  const translations: Partial<Record<Language, number>> = Object.fromEntries(options.languages.filter((lang) => lang !== SOURCE_LANGUAGE).map((lang) => [lang, 0]));
  let multiCity = 0;
  let adapted = 0;
  const plans: PracticePlan[] = [];
  const takenSlugs = new Set<string>();
  for (let index = 0; index < options.practices; index++) {
    const practice = makePractice(options.seed, index, cities, themes, plans, takenSlugs, options.frShare, options.languages);
    plans.push({ slug: practice.slug, index });
    for (const [lang, text] of Object.entries(practice.files) as [Language, string][]) {
      writeFileSync(join(out, 'practices', lang, `${practice.slug}.md`), text);
      if (lang !== SOURCE_LANGUAGE) translations[lang] = (translations[lang] ?? 0) + 1;
    }
    const english = practice.files[SOURCE_LANGUAGE as Language]!;
    if (/^cities: \[[^\]]*,/m.test(english)) multiCity++;
    if (english.includes('\nadaptedFrom:')) adapted++;
  }

  // Index results: spread over the cities, distinct editions per city, both Index versions.
  const editionYears = Array.from({ length: LAST_YEAR - 2010 + 1 }, (_, i) => 2010 + i);
  let results = 0;
  let pre2019 = 0;
  for (const [cityIndex, city] of cities.entries()) {
    const count = Math.min(
      editionYears.length,
      Math.floor(options.results / cities.length) + (cityIndex < options.results % cities.length ? 1 : 0),
    );
    const rng = rngFor(options.seed, 'editions', cityIndex);
    const editions = pickDistinct(rng, editionYears, count).sort((a, b) => a - b);
    for (const edition of editions) {
      writeFileSync(join(out, 'index-results', `${city.id}-${edition}.md`), makeIndexResult(options.seed, city, edition, themes, options.languages));
      results++;
      if (edition < 2019) pre2019++;
    }
  }

  // Last: the hand-written collections' links are fitted to the cities and practices written above.
  copyFixedCollections(root, out);

  const summary: CorpusSummary = {
    out,
    files: cities.length + options.practices + Object.values(translations).reduce((sum, count) => sum + count, 0) + results,
    practicesEn: options.practices,
    translations,
    cities: cities.length,
    results,
    pre2019,
    multiCity,
    adapted,
    ms: Math.round(performance.now() - started),
  };
  writeFileSync(
    join(out, MANIFEST),
    `${JSON.stringify({ generator: GENERATOR_VERSION, ...options, out: undefined, summary: { ...summary, out: undefined, ms: undefined } }, null, 2)}\n`,
  );
  return summary;
}

if (import.meta.main) {
  const options = corpusOptionsFrom(process.argv.slice(2));
  const summary = generateCorpus(process.cwd(), options);
  const translated = Object.entries(summary.translations).map(([lang, count]) => `${count} in ${lang}`);
  console.log(
    `Corpus written to ${summary.out} in ${(summary.ms / 1000).toFixed(1)} s: ${summary.practicesEn} practices in English` +
      `${translated.length > 0 ? `, ${translated.join(', ')}` : ''} (${summary.multiCity} with several cities, ${summary.adapted} adapted from others), ` +
      `${summary.cities} cities, ${summary.results} Index results (${summary.pre2019} pre-2019 editions).`,
  );
  console.log(`Validate it with: ICC_CONTENT_DIR=${options.out} npm run check:content`);
}
