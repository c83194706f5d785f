/**
 * Everything a city's per-area chart shows, computed once for every place that shows it: the
 * profile, the Index summary, the printable dossier and the embeddable SVG/PNG.
 *
 * The chart compares one result with one named baseline (see index-baseline.ts) and with the
 * Index's two peer groups drawn from that baseline (200,000 inhabitants, 15% born abroad). The
 * baseline is named once, in the legend; the other counts a reader meets (the report's own N,
 * the cities on the site) are explained in notes, never used as a second comparison. Where the
 * city has an earlier edition, each area carries its change since then, and a change of Index
 * version between the two is said.
 */
import { inLanguage, type LocalizedText } from './languages.ts';
import { dotPlotChart, type DotRow, type DotSeries } from './charts/dot-plot-chart.ts';
import { changeSincePrevious, type EditionChange } from './edition-change.ts';
import { formatNumber, translator, type UiKey } from './i18n.ts';
import {
  baselineCounts,
  comparisonBaseline,
  type Baseline,
  type BaselineCounts,
} from './index-baseline.ts';
import { peerGroups, type CityEntry, type PeerGroups, type ResultEntry } from './index-stats.ts';
import type { Lang } from './schemas/fields.ts';

/** A policy area as the chart needs it: id and translated name, in display order. */
export interface ChartTheme {
  id: string;
  label: LocalizedText;
}

/** Input of `profileChart`. */
export interface ProfileChartInput {
  lang: Lang;
  result: ResultEntry;
  /** Every result the site holds. */
  allResults: readonly ResultEntry[];
  cities: readonly CityEntry[];
  /** Policy areas in display order. */
  themes: readonly ChartTheme[];
  /** The city's name in `lang`. */
  cityName: string;
}

/** One row of the chart and of its table. */
export interface ProfileRow {
  /** Theme id, or 'overall'. */
  id: string;
  label: string;
  score: number;
  baseline: number | null;
  size: number | null;
  diversity: number | null;
  /** Change since the previous edition; null when the area is new; undefined without one. */
  change: number | null | undefined;
}

/** The chart, its notes and its table. */
export interface ProfileChart {
  baseline: Baseline;
  counts: BaselineCounts;
  groups: PeerGroups;
  sizeUsable: boolean;
  diversityUsable: boolean;
  change: EditionChange | undefined;
  series: DotSeries[];
  rows: ProfileRow[];
  /** "Compared with the 28 cities whose latest result is…": the baseline, named once. */
  comparedWith: string;
  /** Short notes: other counts, groups of one, change and version notes. */
  notes: string[];
  title: string;
  description: string;
  /** Table column headings after the area column. */
  tableHeadings: string[];
  /** Formats a value or '–' for the table. */
  cells(row: ProfileRow): string[];
}

/** "+9", "−3", "±0" (typographic minus), or the "new" label for an area the last edition lacked. */
export function signedChange(lang: Lang, change: number | null): string {
  if (change === null) return translator(lang)('index.new');
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  return `${sign}${formatNumber(lang, Math.abs(change))}`;
}

/** Builds the model of a result's per-area chart. */
export function profileChart(input: ProfileChartInput): ProfileChart {
  const { lang, result, cityName } = input;
  const t = translator(lang);
  const format = (value: number) => formatNumber(lang, value);
  const baseline = comparisonBaseline(result, input.allResults);
  const counts = baselineCounts(result, baseline, input.allResults);
  const groups = peerGroups(result.data.city, input.cities, baseline.latest);
  const sizeUsable = groups.size.cityIds.length > 1;
  const diversityUsable = groups.diversity !== undefined && groups.diversity.cityIds.length > 1;
  const change = changeSincePrevious(
    result,
    input.allResults.filter((entry) => entry.data.city === result.data.city),
  );

  const series: DotSeries[] = [
    { key: 'city', label: cityName, shape: 'dot' },
    {
      key: 'baseline',
      label: t(`index.baseline.${baseline.version}` as UiKey, { count: counts.baseline }),
      shape: 'bar',
    },
    ...(sizeUsable
      ? [{ key: 'size', label: t(`index.sizePeers.${groups.size.band}` as UiKey, { count: groups.size.cityIds.length }), shape: 'diamond' as const }]
      : []),
    ...(diversityUsable
      ? [{ key: 'diversity', label: t(`index.diversityPeers.${groups.diversity!.band}` as UiKey, { count: groups.diversity!.cityIds.length }), shape: 'triangle' as const }]
      : []),
  ];

  const areaChange = (themeId: string): number | null | undefined => {
    if (!change) return undefined;
    return change.themes[themeId] ?? null;
  };
  const rows: ProfileRow[] = [
    {
      id: 'overall',
      label: t('index.overall'),
      score: result.data.overall,
      baseline: baseline.statistics.overall?.mean ?? null,
      size: sizeUsable ? (groups.size.statistics.overall?.mean ?? null) : null,
      diversity: diversityUsable ? (groups.diversity!.statistics.overall?.mean ?? null) : null,
      change: change?.overall,
    },
    ...input.themes
      .filter((theme) => result.data.scores[theme.id] !== undefined)
      .map((theme) => ({
        id: theme.id,
        label: inLanguage(theme.label, lang),
        score: result.data.scores[theme.id]!,
        baseline: baseline.statistics.themes[theme.id]?.mean ?? null,
        size: sizeUsable ? (groups.size.statistics.themes[theme.id]?.mean ?? null) : null,
        diversity: diversityUsable
          ? (groups.diversity!.statistics.themes[theme.id]?.mean ?? null)
          : null,
        change: areaChange(theme.id),
      })),
  ];

  const notes = [
    t('index.reportCountNote', { edition: result.data.edition, city: cityName, report: format(counts.report), onSite: format(counts.onSite) }),
    ...(counts.otherVersionOnly > 0 ? [t('index.otherVersionNote', { count: counts.otherVersionOnly })] : []),
    ...(!sizeUsable ? [t('index.aloneInGroup', { city: cityName, group: t(`index.sizeGroup.${groups.size.band}` as UiKey) })] : []),
    ...(groups.diversity && !diversityUsable ? [t('index.aloneInGroup', { city: cityName, group: t(`index.diversityGroup.${groups.diversity.band}` as UiKey) })] : []),
    ...(!groups.diversity ? [t('index.diversityUnknown', { city: cityName })] : []),
    ...(change ? [t('index.changeNote', { edition: change.previousEdition })] : []),
    ...(change?.versionChanged ? [t('index.versionChangeNote')] : []),
  ];

  const cell = (value: number | null) => (value === null ? '–' : format(value));
  const tableHeadings = [
    cityName,
    `${t('index.table.sample')} (N = ${counts.baseline})`,
    ...(sizeUsable ? [`${t('index.table.sizePeers')} (N = ${groups.size.cityIds.length})`] : []),
    ...(diversityUsable ? [`${t('index.table.diversityPeers')} (N = ${groups.diversity!.cityIds.length})`] : []),
    ...(change ? [t('index.table.change', { edition: change.previousEdition })] : []),
  ];

  return {
    baseline,
    counts,
    groups,
    sizeUsable,
    diversityUsable,
    change,
    series,
    rows,
    comparedWith: t(`index.comparedWith.${baseline.version}` as UiKey, { count: counts.baseline }),
    notes,
    title: t('index.chartTitle', { city: cityName, edition: result.data.edition }),
    description: t('index.dotDescription', { city: cityName }),
    tableHeadings,
    cells: (row) => [
      format(row.score),
      cell(row.baseline),
      ...(sizeUsable ? [cell(row.size)] : []),
      ...(diversityUsable ? [cell(row.diversity)] : []),
      ...(change ? [row.change === undefined ? '–' : signedChange(lang, row.change)] : []),
    ],
  };
}

/** Options of `profileChartSvg`. */
export interface ProfileChartSvgOptions {
  id: string;
  header?: readonly string[];
  footer?: readonly string[];
  width?: number;
  /** Labels beside the lines (see dotPlotChart): for print and slides. */
  labelColumn?: number;
}

/** Draws the model as a dot plot. */
export function profileChartSvg(
  lang: Lang,
  model: ProfileChart,
  options: ProfileChartSvgOptions,
): string {
  const rows: DotRow[] = model.rows.map((row) => ({
    label: row.label,
    emphasis: row.id === 'overall',
    values: {
      city: row.score,
      baseline: row.baseline,
      ...(model.sizeUsable ? { size: row.size } : {}),
      ...(model.diversityUsable ? { diversity: row.diversity } : {}),
    },
    ...(row.change !== undefined ? { change: signedChange(lang, row.change) } : {}),
  }));
  return dotPlotChart({
    id: options.id,
    title: model.title,
    description: model.description,
    series: model.series,
    rows,
    missingLabel: translator(lang)('index.notAssessed'),
    formatValue: (value) => formatNumber(lang, value),
    ...(options.header ? { header: options.header } : {}),
    ...(options.footer ? { footer: options.footer } : {}),
    ...(options.width ? { width: options.width } : {}),
    ...(options.labelColumn ? { labelColumn: options.labelColumn } : {}),
  });
}
