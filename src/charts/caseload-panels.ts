import * as Plot from '@observablehq/plot';
import { scaleLinear, scaleUtc } from 'd3';
import { midpoint } from '../lib/partial-dates.ts';
import type { CaseloadChartSpec } from './caseload-chart.ts';
import { panelHeading } from './panel-heading.ts';
import { chartSvg, renderPixelPlot, type Panel } from './render-svg.ts';
import { dodgeLabels, estimateTextWidth, wrapText } from './text-layout.ts';
import { COLOUR, LINE_HEIGHT, MARGIN, MARK, TEXT_SIZE, layoutFor, type ChartLayout } from './theme.ts';

/**
 * Drawing the caseload chart: a band of statements in words above a numeric
 * axis, sharing one time axis. A statement has no number, so it is never
 * given a position on the numeric scale.
 */
export function renderCaseloadSvg(spec: CaseloadChartSpec, width: number): string {
  const layout = layoutFor(width);
  const margin = MARGIN[layout];
  const x = scaleUtc([new Date(Date.UTC(spec.years[0], 0, 1)), new Date(Date.UTC(spec.years[1] + 1, 0, 1))], [margin.left + 26, width - margin.right - 10]);
  return chartSvg({
    width,
    panels: [wordsPanel(spec, width, layout, x), numbersPanel(spec, width, layout, x)],
    title: spec.title,
    description: spec.alt,
    className: `chart-svg chart-svg--${layout}`,
    fontSize: TEXT_SIZE[layout].label,
  });
}

type TimeScale = ReturnType<typeof scaleUtc<number>>;

interface TextLine {
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'end';
  style: 'value' | 'words' | 'source';
}

function yearLines(spec: CaseloadChartSpec, x: TimeScale) {
  return Array.from({ length: spec.years[1] - spec.years[0] + 2 }, (_, index) => x(new Date(Date.UTC(spec.years[0] + index, 0, 1))));
}

function wordsPanel(spec: CaseloadChartSpec, width: number, layout: ChartLayout, x: TimeScale): Panel {
  const size = TEXT_SIZE[layout];
  const margin = MARGIN[layout];
  const lineHeight = size.small * LINE_HEIGHT;
  const lines: TextLine[] = [];
  const markers: { x: number; y: number }[] = [];
  const heading = panelHeading('In words: the documents give no number', { left: margin.left, width: width - margin.left - margin.right, fontSize: size.small });
  let y = 38 + heading.extra;
  for (const statement of spec.statements) {
    const mx = x(midpoint(statement.date));
    const right = mx < width * 0.5;
    const room = right ? width - margin.right - (mx + 12) : mx - 12 - margin.left;
    const textLines = wrapText(`“${statement.text}”`, Math.min(room, 360), size.label);
    const more = statement.count > 1 ? ` · and ${statement.count - 1} more statement${statement.count > 2 ? 's' : ''}` : '';
    const sourceLines = wrapText(`${statement.when} · ${statement.source}${more}`, Math.min(room, 360), size.small);
    const lx = right ? mx + 12 : mx - 12;
    const anchor = right ? 'start' : 'end';
    markers.push({ x: mx, y: y + lineHeight / 2 });
    textLines.forEach((text, index) => lines.push({ text, x: lx, y: y + lineHeight * (index + 0.5), anchor, style: 'words' }));
    y += textLines.length * lineHeight;
    sourceLines.forEach((text, index) => lines.push({ text, x: lx, y: y + lineHeight * (index + 0.5), anchor, style: 'source' }));
    y += sourceLines.length * lineHeight + 12;
  }
  const height = Math.ceil(y + 4);
  const svg = renderPixelPlot({
    width,
    height,
    marks: [
      heading.mark,
      Plot.ruleX(yearLines(spec, x), { x: (value: number) => value, y1: 28 + heading.extra, y2: height, stroke: COLOUR.rule, className: 'year-line' }),
      Plot.dot(markers, { x: 'x', y: 'y', symbol: 'square', r: MARK.radius - 1, fill: COLOUR.background, stroke: COLOUR.text, strokeWidth: MARK.stroke, className: 'caseload-statement' }),
      ...textMarks(lines, size),
    ],
  });
  return { svg, height, className: 'panel-words' };
}

function numbersPanel(spec: CaseloadChartSpec, width: number, layout: ChartLayout, x: TimeScale): Panel {
  const size = TEXT_SIZE[layout];
  const margin = MARGIN[layout];
  const lineHeight = size.small * LINE_HEIGHT;
  const heading = panelHeading('In numbers: cases or children per social worker', { left: margin.left, width: width - margin.left - margin.right, fontSize: size.small });
  const top = 40 + heading.extra;
  const plotHeight = layout === 'narrow' ? 190 : 210;
  const y = scaleLinear([0, spec.yMax], [top + plotHeight, top]);
  const height = top + plotHeight + 34;
  const ticks = y.ticks(spec.yMax / 10 + 1).filter((tick) => tick % 10 === 0);

  const points = spec.numbers.filter((number) => number.kind === 'number').map((number) => ({ x: x(midpoint(number.date)), y: y(number.value!) }));
  const ranges = spec.numbers
    .filter((number) => number.kind === 'range')
    .map((number) => ({ x: x(midpoint(number.date)), y1: y(number.low!), y2: y(number.high!) }));

  // Labels in one column left of the marks, so no label covers a mark,
  // nudged apart vertically and tied to their marks by leader lines.
  const labelRight = Math.min(...spec.numbers.map((number) => x(midpoint(number.date)))) - 18;
  const room = Math.min(labelRight - margin.left - 26, 300);
  const blocks = spec.numbers.map((number) => {
    const value = number.kind === 'range' ? `${number.low} to ${number.high}` : `${number.value} on average`;
    const valueLines = wrapText(value, room, size.label, true);
    const sourceLines = wrapText(`${number.when} · ${number.source}`, room, size.small);
    const centre = number.kind === 'range' ? (y(number.low!) + y(number.high!)) / 2 : y(number.value!);
    return { mx: x(midpoint(number.date)), valueLines, sourceLines, centre, size: (valueLines.length + sourceLines.length) * lineHeight };
  });
  const order = blocks.map((_, index) => index).sort((a, b) => blocks[a].centre - blocks[b].centre);
  const starts = dodgeLabels(order.map((index) => ({ at: blocks[index].centre - lineHeight / 2, size: blocks[index].size })), 10, top, top + plotHeight);
  const lines: TextLine[] = order.flatMap((index, rank) => {
    const block = blocks[index];
    return [
      ...block.valueLines.map((text, line) => ({ text, x: labelRight, y: starts[rank] + lineHeight * (line + 0.5), anchor: 'end' as const, style: 'value' as const })),
      ...block.sourceLines.map((text, line) => ({ text, x: labelRight, y: starts[rank] + lineHeight * (block.valueLines.length + line + 0.5), anchor: 'end' as const, style: 'source' as const })),
    ];
  });
  const leaders = order.map((index, rank) => ({ x1: labelRight + 4, y1: starts[rank] + lineHeight / 2, x2: blocks[index].mx - MARK.radius - 4, y2: blocks[index].centre }));
  const years = Array.from({ length: spec.years[1] - spec.years[0] + 1 }, (_, index) => spec.years[0] + index);
  const every = estimateTextWidth('2000', size.small) + 8 > x(new Date(Date.UTC(2001, 0, 1))) - x(new Date(Date.UTC(2000, 0, 1))) ? 2 : 1;

  const svg = renderPixelPlot({
    width,
    height,
    marks: [
      heading.mark,
      Plot.ruleX(yearLines(spec, x), { x: (value: number) => value, y1: top - 8, y2: top + plotHeight, stroke: COLOUR.rule, className: 'year-line' }),
      Plot.ruleY(ticks, { y: (tick: number) => y(tick), x1: x.range()[0], x2: x.range()[1], stroke: (tick: number) => (tick === 0 ? COLOUR.muted : COLOUR.rule), className: 'value-gridline' }),
      Plot.text(ticks, { y: (tick: number) => y(tick), x: x.range()[0] - 6, text: String, textAnchor: 'end', lineAnchor: 'middle', fontSize: size.small, fill: COLOUR.muted, fontVariant: 'tabular-nums', className: 'value-label' }),
      Plot.rect(ranges, { x1: (d: { x: number }) => d.x - 4, x2: (d: { x: number }) => d.x + 4, y1: 'y2', y2: 'y1', fill: COLOUR.text, className: 'caseload-range' }),
      Plot.ruleY(ranges.flatMap((range) => [range.y1, range.y2].map((ry) => ({ x: range.x, y: ry }))), { y: 'y', x1: (d: { x: number }) => d.x - 8, x2: (d: { x: number }) => d.x + 8, stroke: COLOUR.text, strokeWidth: MARK.stroke, className: 'caseload-range-end' }),
      Plot.link(leaders, { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: COLOUR.muted, className: 'leader' }),
      Plot.dot(points, { x: 'x', y: 'y', r: MARK.radius, fill: COLOUR.text, className: 'caseload-number' }),
      ...textMarks(lines, size),
      Plot.ruleX(years.concat(spec.years[1] + 1), { x: (year: number) => x(new Date(Date.UTC(year, 0, 1))), y1: top + plotHeight, y2: top + plotHeight + 5, stroke: COLOUR.muted, className: 'time-tick' }),
      Plot.text(years.filter((year) => (year - spec.years[0]) % every === 0), {
        x: (year: number) => x(new Date(Date.UTC(year, 6, 1))),
        y: top + plotHeight + 17,
        text: String,
        lineAnchor: 'middle',
        fontSize: size.small,
        fill: COLOUR.muted,
        fontVariant: 'tabular-nums',
        className: 'time-label',
      }),
    ],
  });
  return { svg, height, className: 'panel-numbers' };
}

function textMarks(lines: readonly TextLine[], size: (typeof TEXT_SIZE)[ChartLayout]) {
  const styles = {
    value: { fontSize: size.label, fontWeight: 700, fill: COLOUR.text },
    words: { fontSize: size.label, fontWeight: 400, fill: COLOUR.text },
    source: { fontSize: size.small, fontWeight: 400, fill: COLOUR.muted },
  } as const;
  return (['value', 'words', 'source'] as const).flatMap((style) =>
    (['start', 'end'] as const).map((anchor) =>
      Plot.text(
        lines.filter((line) => line.style === style && line.anchor === anchor),
        { x: 'x', y: 'y', text: 'text', textAnchor: anchor, lineAnchor: 'middle', ...styles[style], stroke: COLOUR.background, strokeWidth: 4, paintOrder: 'stroke', className: `label-${style}` },
      ),
    ),
  );
}
