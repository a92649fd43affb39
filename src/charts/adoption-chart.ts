import * as Plot from '@observablehq/plot';
import { scaleLinear } from 'd3';
import type { SiteData } from '../lib/derive-site-data.ts';
import { formatFigureValue } from '../lib/format-figure.ts';
import type { FigureRow } from '../schema/index.ts';
import { documentsCited, type ChartDataRow, type ChartSpecBase } from './chart-spec.ts';
import { chartSvg, renderPlot } from './render-svg.ts';
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
  threshold: { days: number; derivation: string; period: string };
  /** The gap the source states, drawn on the bar it belongs to. */
  gap: { days: number; bar: number };
  /** End of the days axis. */
  xMax: number;
}

/** The adoption timeliness chart from the derived data. */
export function shapeAdoptionChart(data: SiteData): AdoptionChartSpec {
  const byMetric = (metric: string) => data.figures.filter((figure) => figure.metric === metric && figure.place === 'Manchester');
  const days = byMetric(ADOPTION_METRICS.days).sort((a, b) => a.date.localeCompare(b.date));
  const threshold = only(byMetric(ADOPTION_METRICS.threshold), ADOPTION_METRICS.threshold);
  const above = only(byMetric(ADOPTION_METRICS.aboveThreshold), ADOPTION_METRICS.aboveThreshold);
  const bars: AdoptionBar[] = days.map((figure) => ({
    id: figure.id,
    period: figure.period,
    days: figure.value!,
    date: figure.date,
    unvalidated: figure.qualifiers.includes('unvalidated'),
    qualifiers: figure.qualifiers,
  }));
  const gapBar = bars.findIndex((bar) => bar.date === above.date);
  if (gapBar === -1) throw new Error(`The adoption chart found no wait for ${above.period} to set "${above.id}" against`);
  const [first, last] = [bars[0], bars.at(-1)!];
  const rows = [...days, above, threshold].map(figureRow);
  const derivation = threshold.derivation!.replace(/ = .*$/, '');
  return {
    title: `The wait for adoption fell from ${first.days} to ${last.days} days, still ${above.value} days above the government threshold`,
    subtitle: `Average days from a child entering care to being placed for adoption, Manchester, against the government's threshold of ${threshold.value} days.`,
    alt: `Bar chart: the average wait from entering care to placement for adoption fell from ${first.days} days in ${first.period} to ${last.days} days in ${last.period} (unvalidated), ${above.value} days above a government threshold of ${threshold.value} days.`,
    notes: [
      ...bars
        .filter((bar) => bar.unvalidated)
        .map((bar) => `${bar.days} days (${bar.period}) is unvalidated${bar.qualifiers.length > 1 ? ` (${bar.qualifiers.filter((qualifier) => qualifier !== 'unvalidated').join(', ')})` : ''}, so its bar is drawn hollow.`),
      `The threshold, ${threshold.value} days, is derived: the letter says ${last.days} days is “${above.value} days above the government threshold”, so ${derivation} = ${threshold.value}. The letter does not state the threshold itself.`,
      `The gap is shown only for ${last.period}, where the letter gives it; it does not say what threshold applied in ${first.period}.`,
    ],
    sourceDocuments: documentsCited(rows, data.documents.map((doc) => doc.slug)),
    rows,
    bars,
    threshold: { days: threshold.value!, derivation, period: threshold.period },
    gap: { days: above.value!, bar: gapBar },
    xMax: Math.ceil((Math.max(...bars.map((bar) => bar.days)) * 1.08) / 100) * 100,
  };
}

function only(figures: readonly FigureRow[], metric: string): FigureRow {
  if (figures.length !== 1) throw new Error(`The adoption chart expects one figure for "${metric}", found ${figures.length}`);
  return figures[0];
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
  const thresholdWords = [`Government threshold: ${spec.threshold.days} days`, `derived: ${spec.threshold.derivation}`];
  const thresholdLines = thresholdWords.flatMap((words, index) => wrapText(words, width - margin.left - margin.right, index ? size.small : size.label, index === 0).map((text) => ({ text, small: index > 0 })));
  const thresholdX = x(spec.threshold.days);
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
    y += barHeight + (index === spec.gap.bar ? 0 : 18);
    return placed;
  });
  const gapBar = bars[spec.gap.bar];
  const gapY = gapBar.y2 + 10;
  // The gap's label starts past the bar's end, clear of the threshold rule.
  const gapLeft = x(gapBar.days) + 10;
  const gapWords = wrapText(`${spec.gap.days} days above the threshold`, width - margin.right - gapLeft, size.label, true);
  const gapLines = gapWords.map((text, index) => ({ text, x: gapLeft, y: gapY - 2 + lineHeight * (index + 0.5) }));
  y = Math.max(gapY + 10, gapLines.at(-1)!.y + lineHeight / 2) + 10;
  const ruleBottom = y - 6;
  const axisY = y + 4;
  const axisWords = wrapText('Days from entering care to placement for adoption', width - margin.left - margin.right, size.small).map((text, index) => ({ text, y: axisY + 30 + index * size.small * LINE_HEIGHT }));
  const height = Math.ceil(axisWords.at(-1)!.y + 12);
  const ticks = x.ticks(layout === 'narrow' ? 4 : 8);

  const svg = renderPlot({
    width,
    height,
    margin: 0,
    x: { type: 'identity', axis: null },
    y: { type: 'identity', axis: null },
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
      Plot.ruleX([thresholdX], { y1: ruleTop, y2: ruleBottom, stroke: COLOUR.text, strokeWidth: MARK.stroke, strokeDasharray: '6 4', className: 'threshold' }),
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
      // The gap the letter states: a bracket from the threshold to the bar's end.
      Plot.ruleY([gapY], { x1: x(spec.threshold.days), x2: x(gapBar.days), stroke: COLOUR.text, strokeWidth: MARK.stroke, className: 'threshold-gap' }),
      Plot.ruleX([x(spec.threshold.days), x(gapBar.days)], { x: (value: number) => value, y1: gapY - 6, y2: gapY + 1, stroke: COLOUR.text, strokeWidth: MARK.stroke, className: 'threshold-gap-end' }),
      Plot.text(gapLines, { x: 'x', y: 'y', text: 'text', textAnchor: 'start', lineAnchor: 'middle', fontWeight: 700, fontSize: size.label, className: 'threshold-gap-label' }),
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
