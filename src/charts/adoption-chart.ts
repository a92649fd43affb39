import * as Plot from '@observablehq/plot';
import { scaleLinear } from 'd3';
import type { SiteData } from '../lib/derive-site-data.ts';
import { formatFigureValue } from '../lib/format-figure.ts';
import type { FigureRow } from '../schema/index.ts';
import { documentsCited, fitAlt, listInWords, type ChartDataRow, type ChartSpecBase } from './chart-spec.ts';
import { chartSvg, renderPixelPlot } from './render-svg.ts';
import { estimateTextWidth, wrapText } from './text-layout.ts';
import { COLOUR, LINE_HEIGHT, MARGIN, MARK, TEXT_SIZE, layoutFor } from './theme.ts';

/**
 * The measures this chart shows (ids in content/metrics.yaml): the days from
 * entering care to placement for adoption, the days above the government's
 * threshold, and the threshold itself, derived from those two.
 */
export const ADOPTION_METRICS = {
  days: 'adoption-days-care-to-placement',
  aboveThreshold: 'adoption-days-above-threshold',
  threshold: 'adoption-threshold-days',
} as const;

/** One period's average wait: a bar from zero. */
export interface AdoptionBar {
  id: string;
  period: string;
  days: number;
  date: string;
  /** Not yet validated: drawn hollow with a dashed outline. */
  unvalidated: boolean;
  qualifiers: string[];
}

export interface AdoptionChartSpec extends ChartSpecBase {
  bars: AdoptionBar[];
  /** The latest threshold the documents give, for its own period; absent when none gives one. */
  threshold?: { days: number; derivation?: string; period: string };
  /** The threshold's label on the chart: with its period when it could be mistaken for another period's. */
  thresholdLabel: string;
  /** The gap the source states for the threshold's own period, drawn on the bar of that period. */
  gap?: { days: number; bar: number };
  /** End of the days axis. */
  xMax: number;
}

const byDate = (a: FigureRow, b: FigureRow) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id);

/**
 * The adoption timeliness chart from the derived data. Any number of waits,
 * thresholds and gaps: the chart draws the latest threshold, and the gap only
 * on the bar of the period that threshold is given for. A gap is never set
 * against another period's wait.
 */
export function shapeAdoptionChart(data: SiteData): AdoptionChartSpec {
  const byMetric = (metric: string) => data.figures.filter((figure) => figure.metric === metric && figure.place === 'Manchester' && figure.value !== undefined).sort(byDate);
  const days = byMetric(ADOPTION_METRICS.days);
  const thresholds = byMetric(ADOPTION_METRICS.threshold);
  const aboves = byMetric(ADOPTION_METRICS.aboveThreshold);
  if (days.length === 0) throw new Error(`The adoption chart found no figure for "${ADOPTION_METRICS.days}"`);
  const bars: AdoptionBar[] = days.map((figure) => ({
    id: figure.id,
    period: figure.period,
    days: figure.value!,
    date: figure.date,
    unvalidated: figure.qualifiers.includes('unvalidated'),
    qualifiers: figure.qualifiers,
  }));
  const threshold = thresholds.at(-1);
  // The gap must belong to the threshold's own period, and be set against that period's wait.
  const above = threshold && aboves.filter((figure) => figure.date === threshold.date).at(-1);
  const gapBarIndex = above ? bars.findLastIndex((bar) => bar.date === above.date) : -1;
  const gap = above && gapBarIndex !== -1 ? { days: above.value!, bar: gapBarIndex } : undefined;
  const gapBar = gap && bars[gap.bar];
  const [first, last] = [bars[0], bars.at(-1)!];
  const gapIsLatest = gap !== undefined && gap.bar === bars.length - 1;
  const rows = [...days, ...aboves, ...thresholds].map(figureRow);
  const derivation = threshold?.derivation?.replace(/ = .*$/, '');
  const verb = last.days < first.days ? 'fell' : last.days > first.days ? 'rose' : 'was unchanged';
  const change = bars.length === 1 || verb === 'was unchanged' ? `was ${last.days} days` : `${verb} from ${first.days}`;

  const title =
    bars.length === 1 || verb === 'was unchanged'
      ? `The wait for adoption ${change} in ${last.period}${gapIsLatest ? `, ${gap.days} days above the government threshold` : ''}`
      : gapIsLatest
        ? `The wait for adoption ${change} to ${last.days} days, ${verb === 'fell' ? 'still ' : ''}${gap.days} days above the government threshold`
        : `The wait for adoption ${change} days in ${first.period} to ${last.days} days in ${last.period}`;
  const altChange =
    bars.length === 1 || verb === 'was unchanged'
      ? `${change} in ${last.period}${last.unvalidated ? ' (unvalidated)' : ''}`
      : `${change} days in ${first.period} to ${last.days} days in ${last.period}${last.unvalidated ? ' (unvalidated)' : ''}`;
  const altThreshold = !threshold
    ? undefined
    : gapIsLatest
      ? undefined
      : gap
        ? `No threshold is given for ${last.period}; in ${gapBar!.period} it was ${gap.days} days above a government threshold of ${threshold.value} days.`
        : `The latest government threshold the documents give is ${threshold.value} days, for ${threshold.period}.`;
  const source = (figure: FigureRow) => documentWord(data, figure.document);
  const unthresholded = [...new Set(bars.filter((bar) => !thresholds.some((candidate) => candidate.date === bar.date)).map((bar) => bar.period))];
  const singleSource = above !== undefined && days.every((figure) => figure.document === above.document);

  return {
    title,
    subtitle: `Average days from a child entering care to being placed for adoption, Manchester${
      !threshold ? '.' : gapIsLatest && thresholds.length === 1 ? `, against the government's threshold of ${threshold.value} days.` : `, against the government's threshold for ${threshold.period} of ${threshold.value} days.`
    }`,
    alt: fitAlt(
      `Bar chart: the average wait from entering care to placement for adoption ${altChange}${gapIsLatest ? `, ${gap.days} days above a government threshold of ${threshold!.value} days.` : '.'}`,
      altThreshold,
    ),
    notes: [
      ...bars
        .filter((bar) => bar.unvalidated)
        .map((bar) => `${bar.days} days (${bar.period}) is unvalidated${bar.qualifiers.length > 1 ? ` (${bar.qualifiers.filter((qualifier) => qualifier !== 'unvalidated').join(', ')})` : ''}, so its bar is drawn hollow.`),
      ...(!threshold
        ? []
        : [
            threshold.valueKind === 'derived'
              ? above && gapBar
                ? `The threshold${thresholds.length > 1 ? ` for ${threshold.period}` : ''}, ${threshold.value} days, is derived: the ${source(above)} says ${gapBar.days} days is “${above.value} days above the government threshold”, so ${derivation} = ${threshold.value}. The ${source(above)} does not state the threshold itself.`
                : `The threshold for ${threshold.period}, ${threshold.value} days, is derived: ${threshold.derivation}.`
              : `The threshold for ${threshold.period}, ${threshold.value} days, is as the ${source(threshold)} states it.`,
          ]),
      ...thresholds.slice(0, -1).map((earlier) => {
        const earlierAbove = aboves.filter((figure) => figure.date === earlier.date).at(-1);
        return `An earlier threshold, ${earlier.value} days for ${earlier.period}${earlier.valueKind === 'derived' ? ` (derived: ${earlier.derivation})` : ''}${earlierAbove ? `, when the wait was ${earlierAbove.value} days above it` : ''}, is in the data but not drawn: the chart draws the latest threshold only.`;
      }),
      ...(gap && gapBar
        ? [
            `The gap is shown only for ${gapBar.period}, where the ${source(above!)} gives it${
              unthresholded.length === 0
                ? '.'
                : `; ${singleSource ? 'it does' : 'the documents do'} not say what threshold applied in ${unthresholded.length <= 4 ? listInWords(unthresholded) : `the other ${unthresholded.length} periods`}.`
            }`,
          ]
        : threshold
          ? [`No gap is drawn: no document gives the wait's distance from the threshold for ${threshold.period}.`]
          : aboves.length
            ? [`No threshold is drawn: the documents give the wait's distance above it (${aboves.map((figure) => `${figure.value} days, ${figure.period}`).join('; ')}) but not the threshold itself.`]
            : []),
    ],
    sourceDocuments: documentsCited(rows, data.documents.map((doc) => doc.slug)),
    rows,
    bars,
    ...(threshold ? { threshold: { days: threshold.value!, ...(derivation ? { derivation } : {}), period: threshold.period } } : {}),
    thresholdLabel: threshold ? `Government threshold${thresholds.length > 1 || !gapIsLatest ? `, ${threshold.period}` : ''}: ${threshold.value} days` : '',
    ...(gap ? { gap } : {}),
    xMax: Math.ceil((Math.max(...bars.map((bar) => bar.days), threshold?.value ?? 0) * 1.08) / 100) * 100,
  };
}

/** What a document is, in a word: "letter", "report", "article". */
function documentWord(data: SiteData, slug: string): string {
  const kind = data.documents.find((doc) => doc.slug === slug)?.kind ?? '';
  return kind.endsWith('-letter') ? 'letter' : kind === 'news-article' ? 'article' : kind.endsWith('report') ? 'report' : 'document';
}

function figureRow(figure: FigureRow): ChartDataRow {
  return {
    label: figure.label,
    value: formatFigureValue(figure),
    number: figure.value,
    ...(figure.unit ? { unit: figure.unit } : {}),
    when: figure.period,
    date: figure.date,
    qualifiers: figure.valueKind === 'derived' ? [`derived: ${figure.derivation}`, ...figure.qualifiers.filter((qualifier) => qualifier !== 'derived')] : figure.qualifiers,
    document: figure.document,
    quote: figure.quote,
    ...(figure.note ? { note: figure.note } : {}),
  };
}

/** The adoption chart as an inline SVG string, `width` units wide. */
export function renderAdoptionChart(spec: AdoptionChartSpec, { width }: { width: number }): string {
  const layout = layoutFor(width);
  const size = TEXT_SIZE[layout];
  const margin = MARGIN[layout];
  const lineHeight = size.label * LINE_HEIGHT;
  const x = scaleLinear([0, spec.xMax], [margin.left + 4, width - margin.right - 14]);
  const barHeight = layout === 'narrow' ? 30 : 34;

  // The threshold's label sits above the bars, centred on its rule.
  const threshold = spec.threshold;
  const thresholdWords = threshold ? [spec.thresholdLabel, ...(threshold.derivation ? [`derived: ${threshold.derivation}`] : [])] : [];
  const thresholdLines = thresholdWords.flatMap((words, index) => wrapText(words, width - margin.left - margin.right, index ? size.small : size.label, index === 0).map((text) => ({ text, small: index > 0 })));
  const thresholdX = threshold ? x(threshold.days) : 0;
  let y = 8;
  const thresholdText = thresholdLines.map((line) => {
    const half = estimateTextWidth(line.text, line.small ? size.small : size.label, !line.small) / 2;
    const placed = { ...line, x: clamp(thresholdX, margin.left + half, width - margin.right - half), y: y + lineHeight / 2 };
    y += lineHeight;
    return placed;
  });
  y += 10;
  const ruleTop = y - 4;

  const bars = spec.bars.map((bar, index) => {
    const periodY = y + lineHeight / 2;
    const period = `${bar.period}${bar.unvalidated ? ' (unvalidated)' : ''}`;
    y += lineHeight + 4;
    const placed = { ...bar, index, period, periodY, y1: y, y2: y + barHeight };
    y += barHeight + (index === spec.gap?.bar ? 0 : 18);
    return placed;
  });
  // The gap the source states: only with a threshold, on the bar of the threshold's period.
  const gapBar = spec.gap && threshold ? bars[spec.gap.bar] : undefined;
  const gapY = gapBar ? gapBar.y2 + 10 : y;
  // The gap's label starts past the bar's end, clear of the threshold rule.
  const gapLeft = gapBar ? x(gapBar.days) + 10 : 0;
  const gapWords = gapBar ? wrapText(`${spec.gap!.days} days above the threshold`, width - margin.right - gapLeft, size.label, true) : [];
  const gapLines = gapWords.map((text, index) => ({ text, x: gapLeft, y: gapY - 2 + lineHeight * (index + 0.5) }));
  y = gapBar ? Math.max(gapY + 10, gapLines.at(-1)!.y + lineHeight / 2) + 10 : y;
  const ruleBottom = y - 6;
  const axisY = y + 4;
  const axisWords = wrapText('Days from entering care to placement for adoption', width - margin.left - margin.right, size.small).map((text, index) => ({ text, y: axisY + 30 + index * size.small * LINE_HEIGHT }));
  const height = Math.ceil(axisWords.at(-1)!.y + 12);
  const ticks = x.ticks(layout === 'narrow' ? 4 : 8);

  const svg = renderPixelPlot({
    width,
    height,
    marks: [
      Plot.ruleX(ticks, { x: (tick: number) => x(tick), y1: ruleTop, y2: axisY, stroke: COLOUR.rule, className: 'days-gridline' }),
      Plot.rect(bars.filter((bar) => !bar.unvalidated), { x1: x(0), x2: (d: AdoptionBar) => x(d.days), y1: 'y1', y2: 'y2', fill: COLOUR.muted, className: 'adoption-bar' }),
      Plot.rect(bars.filter((bar) => bar.unvalidated), {
        x1: x(0) + 1,
        x2: (d: AdoptionBar) => x(d.days) - 1,
        y1: (d: { y1: number }) => d.y1 + 1,
        y2: (d: { y2: number }) => d.y2 - 1,
        fill: COLOUR.background,
        stroke: COLOUR.muted,
        strokeWidth: MARK.stroke,
        strokeDasharray: '6 3',
        className: 'adoption-bar adoption-bar--unvalidated',
      }),
      ...(threshold ? [Plot.ruleX([thresholdX], { y1: ruleTop, y2: ruleBottom, stroke: COLOUR.text, strokeWidth: MARK.stroke, strokeDasharray: '6 4', className: 'threshold' })] : []),
      // Labels carry a halo of the page colour, so the rule breaks behind them.
      Plot.text(bars, { x: margin.left, y: 'periodY', text: 'period', textAnchor: 'start', lineAnchor: 'middle', fontWeight: 700, fontSize: size.label, fill: COLOUR.text, stroke: COLOUR.background, strokeWidth: 5, paintOrder: 'stroke', className: 'bar-period' }),
      Plot.text(bars.filter((bar) => !bar.unvalidated), {
        x: (d: AdoptionBar) => x(d.days) - 8,
        y: (d: { y1: number; y2: number }) => (d.y1 + d.y2) / 2,
        text: (d: AdoptionBar) => `${d.days} days`,
        textAnchor: 'end',
        lineAnchor: 'middle',
        fontWeight: 700,
        fontSize: size.label,
        fill: COLOUR.background,
        className: 'bar-value',
      }),
      Plot.text(bars.filter((bar) => bar.unvalidated), {
        x: (d: AdoptionBar) => x(d.days) + 8,
        y: (d: { y1: number; y2: number }) => (d.y1 + d.y2) / 2,
        text: (d: AdoptionBar) => `${d.days} days`,
        textAnchor: 'start',
        lineAnchor: 'middle',
        fontWeight: 700,
        fontSize: size.label,
        className: 'bar-value',
      }),
      // The gap the source states: a bracket from the threshold to the bar's end.
      ...(gapBar && threshold
        ? [
            Plot.ruleY([gapY], { x1: x(threshold.days), x2: x(gapBar.days), stroke: COLOUR.text, strokeWidth: MARK.stroke, className: 'threshold-gap' }),
            Plot.ruleX([x(threshold.days), x(gapBar.days)], { x: (value: number) => value, y1: gapY - 6, y2: gapY + 1, stroke: COLOUR.text, strokeWidth: MARK.stroke, className: 'threshold-gap-end' }),
            Plot.text(gapLines, { x: 'x', y: 'y', text: 'text', textAnchor: 'start', lineAnchor: 'middle', fontWeight: 700, fontSize: size.label, className: 'threshold-gap-label' }),
          ]
        : []),
      Plot.text(thresholdText.filter((line) => !line.small), { x: 'x', y: 'y', text: 'text', lineAnchor: 'middle', fontWeight: 700, fontSize: size.label, className: 'threshold-label' }),
      Plot.text(thresholdText.filter((line) => line.small), { x: 'x', y: 'y', text: 'text', lineAnchor: 'middle', fontSize: size.small, fill: COLOUR.muted, className: 'threshold-derivation' }),
      Plot.ruleY([axisY], { x1: x(0), x2: x(spec.xMax), stroke: COLOUR.muted, className: 'days-axis' }),
      Plot.text(ticks, { x: (tick: number) => x(tick), y: axisY + 14, text: String, lineAnchor: 'middle', fontSize: size.small, fill: COLOUR.muted, fontVariant: 'tabular-nums', className: 'days-tick-label' }),
      Plot.text(axisWords, { x: margin.left, y: 'y', text: 'text', textAnchor: 'start', lineAnchor: 'middle', fontSize: size.small, fill: COLOUR.muted, className: 'days-axis-label' }),
    ],
  });

  return chartSvg({
    width,
    panels: [{ svg, height, className: 'panel-adoption' }],
    title: spec.title,
    description: spec.alt,
    className: `chart-svg chart-svg--${layout}`,
    fontSize: size.label,
  });
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
