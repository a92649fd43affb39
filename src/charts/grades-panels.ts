import * as Plot from '@observablehq/plot';
import { scaleUtc } from 'd3';
import { midpoint, span } from '../lib/partial-dates.ts';
import type { AreaMatrix, GradesChartSpec, UngradedVisit } from './grades-chart.ts';
import { panelHeading } from './panel-heading.ts';
import { chartSvg, renderPixelPlot, type Panel } from './render-svg.ts';
import { estimateTextWidth, wrapText } from './text-layout.ts';
import { COLOUR, KIND_SYMBOL, LINE_HEIGHT, MARGIN, MARK, TEXT_SIZE, gradeColour, layoutFor, type ChartLayout } from './theme.ts';

/**
 * Drawing the grades chart: three panels stacked in one SVG. The first
 * places overall effectiveness on a time axis, one region per framework,
 * each with its own scale's names and gridlines that stop at the change of
 * framework; the second holds the visits that give no grade; the third is
 * the area-by-area matrix. Positions are computed here with d3 scales and
 * passed to Plot as pixels (identity scales), so labels can be placed
 * deliberately without measuring text in a browser.
 */
export function renderGradesSvg(spec: GradesChartSpec, width: number): string {
  const layout = layoutFor(width);
  const size = TEXT_SIZE[layout];
  const margin = MARGIN[layout];
  const x = scaleUtc([new Date(Date.UTC(spec.years[0], 0, 1)), new Date(Date.UTC(spec.years[1] + 1, 0, 1))], [margin.left + 4, width - margin.right - 18]);
  const panels: Panel[] = [overallPanel(spec, width, layout, x), ungradedPanel(spec, width, layout, x), ...spec.matrices.map((matrix) => matrixPanel(matrix, width, layout))];
  return chartSvg({
    width,
    panels,
    title: spec.title,
    description: spec.alt,
    className: `chart-svg chart-svg--${layout}`,
    fontSize: size.label,
  });
}

type TimeScale = ReturnType<typeof scaleUtc<number>>;

const ROW_GAP: Record<ChartLayout, number> = { narrow: 48, wide: 44 };

function overallPanel(spec: GradesChartSpec, width: number, layout: ChartLayout, x: TimeScale): Panel {
  const size = TEXT_SIZE[layout];
  const margin = MARGIN[layout];
  const lineHeight = size.small * LINE_HEIGHT;
  const gap = ROW_GAP[layout];
  const breakNote = 'New framework, new scale';
  const firstRowY = 84;
  const rowY = (position: number) => firstRowY + (position - 1) * gap;
  const height = rowY(4) + 44;
  const toDate = (year: number) => new Date(Date.UTC(year, 0, 1));

  // Gridlines and the scale's names, region by region; they stop short of
  // each change of framework, which is drawn as a dashed rule.
  const gridlines = spec.regions.flatMap((region) =>
    region.scale.map((_, index) => ({ x1: x(toDate(region.from)) + 4, x2: x(toDate(region.to)) - 4, y: rowY(index + 1) })),
  );
  const rowLabels = spec.regions.flatMap((region) => {
    const regionWidth = x(toDate(region.to)) - x(toDate(region.from)) - 8;
    return region.scale.flatMap((grade, index) => {
      const lines = wrapText(grade, regionWidth, size.small);
      return lines.map((text, line) => ({ text, x: x(toDate(region.from)) + 4, y: rowY(index + 1) - 16 - (lines.length - 1 - line) * lineHeight }));
    });
  });
  const breaks = spec.regions.slice(1).map((region) => x(toDate(region.from)));
  const noteWidth = estimateTextWidth(breakNote, size.small);
  const breakNotes = breaks.map((bx) => ({ x: clamp(bx, noteWidth / 2 + 2, width - noteWidth / 2 - 2), y: 46 }));

  const dots = spec.overall.flatMap((judgement) =>
    judgement.dates.map((date) => ({
      x: x(midpoint(date.date)),
      y: rowY(judgement.position),
      colour: gradeColour(judgement.position),
      fill: judgement.knownFromMentionsOnly ? COLOUR.background : gradeColour(judgement.position),
    })),
  );
  const joins = spec.overall
    .filter((judgement) => judgement.dates.length > 1)
    .map((judgement) => ({ x1: x(midpoint(judgement.dates[0].date)), x2: x(midpoint(judgement.dates.at(-1)!.date)), y: rowY(judgement.position), colour: gradeColour(judgement.position) }));
  const conflictNotes = spec.overall
    .filter((judgement) => judgement.sourcesDisagree)
    .map((judgement) => {
      const text = layout === 'narrow' ? 'Sources disagree on the month' : `${judgement.dateLabel}: sources disagree`;
      const centre = (x(midpoint(judgement.dates[0].date)) + x(midpoint(judgement.dates.at(-1)!.date))) / 2;
      const half = estimateTextWidth(text, size.small) / 2;
      return { text, x: clamp(centre, half + 2, width - half - 2), y: rowY(judgement.position) + 22 };
    });
  const yearBrackets = spec.overall.flatMap((judgement) =>
    judgement.dates
      .filter((date) => date.precision === 'year')
      .map((date) => {
        const [start, end] = span(date.date);
        return { x1: x(start) + 2, x2: x(end) - 2, y: rowY(judgement.position) + 11 };
      }),
  );
  const path = spec.path.map((segment) => {
    const from = spec.overall[segment.from];
    const to = spec.overall[segment.to];
    return { x1: x(midpoint(from.dates.at(-1)!.date)), y1: rowY(from.position), x2: x(midpoint(to.dates[0].date)), y2: rowY(to.position) };
  });
  const yearLines = range(spec.years[0], spec.years[1] + 1).map((year) => x(toDate(year)));

  const svg = renderPixelPlot({
    width,
    height,
    marks: [
      Plot.text(['Overall effectiveness'], { x: margin.left, y: 12, textAnchor: 'start', lineAnchor: 'middle', fontWeight: 700, fontSize: size.strong, className: 'panel-heading' }),
      Plot.ruleX(yearLines, { x: (value: number) => value, y1: rowY(1) - 8, y2: rowY(4) + 8, stroke: COLOUR.rule, className: 'year-line' }),
      Plot.ruleY(gridlines, { y: 'y', x1: 'x1', x2: 'x2', stroke: COLOUR.muted, strokeOpacity: 0.55, className: 'scale-gridline' }),
      Plot.text(rowLabels, { x: 'x', y: 'y', text: 'text', textAnchor: 'start', lineAnchor: 'middle', fontSize: size.small, fill: COLOUR.muted, className: 'scale-label' }),
      Plot.ruleX(breaks, { x: (value: number) => value, y1: 58, y2: rowY(4) + 12, stroke: COLOUR.text, strokeWidth: MARK.thinStroke, strokeDasharray: '5 4', className: 'framework-break' }),
      Plot.text(breakNotes, { x: 'x', y: 'y', text: () => breakNote, lineAnchor: 'middle', fontSize: size.small, fontWeight: 700, className: 'framework-break-label' }),
      Plot.ruleY(yearBrackets, { y: 'y', x1: 'x1', x2: 'x2', stroke: COLOUR.muted, strokeWidth: MARK.thinStroke, className: 'date-bracket' }),
      Plot.ruleX(yearBrackets.flatMap((bracket) => [bracket.x1, bracket.x2].map((bx) => ({ x: bx, y: bracket.y }))), { x: 'x', y1: (d: { y: number }) => d.y - 4, y2: 'y', stroke: COLOUR.muted, strokeWidth: MARK.thinStroke, className: 'date-bracket-end' }),
      Plot.arrow(path, { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', inset: MARK.radius + 4, stroke: COLOUR.muted, strokeWidth: MARK.stroke, headLength: 8, className: 'grade-path' }),
      Plot.ruleY(joins, { y: 'y', x1: 'x1', x2: 'x2', stroke: 'colour', strokeWidth: 4, className: 'date-conflict' }),
      Plot.dot(dots, { x: 'x', y: 'y', r: MARK.radius, fill: 'fill', stroke: 'colour', strokeWidth: MARK.stroke, className: 'overall-grade' }),
      Plot.text(conflictNotes, { x: 'x', y: 'y', text: 'text', lineAnchor: 'middle', fontSize: size.small, className: 'conflict-label' }),
    ],
  });
  return { svg, height, className: 'panel-overall' };
}

const KIND_NAME: Record<string, [string, string]> = {
  'unannounced-inspection': ['Unannounced inspection', 'Unannounced inspections'],
  'monitoring-visit': ['Monitoring visit', 'Monitoring visits'],
  'focused-visit': ['Focused visit', 'Focused visits'],
};

function ungradedPanel(spec: GradesChartSpec, width: number, layout: ChartLayout, x: TimeScale): Panel {
  const size = TEXT_SIZE[layout];
  const margin = MARGIN[layout];
  const lineHeight = size.small * LINE_HEIGHT;
  const r = MARK.radius - 1;

  // Each run of one kind gets a label, led by its marker's shape, placed
  // above its first marker and moved to a further line if it would collide.
  const runs: { kind: UngradedVisit['kind']; visits: UngradedVisit[] }[] = [];
  for (const visit of spec.ungraded) {
    const last = runs.at(-1);
    if (last && last.kind === visit.kind) last.visits.push(visit);
    else runs.push({ kind: visit.kind, visits: [visit] });
  }
  const lineEnds: number[] = [];
  const labels = runs.map((run) => {
    const [one, many] = KIND_NAME[run.kind] ?? [run.kind, run.kind];
    const text = run.visits.length > 1 ? `${many} (${run.visits.length})` : one;
    const labelWidth = 14 + estimateTextWidth(text, size.small);
    const left = clamp(x(midpoint(run.visits[0].date)) - r, margin.left, width - margin.right - labelWidth);
    let line = lineEnds.findIndex((end) => end + 12 <= left);
    if (line === -1) line = lineEnds.length;
    lineEnds[line] = left + labelWidth;
    return { text, left, line, symbol: KIND_SYMBOL[run.kind] };
  });
  const heading = panelHeading('Inspections and visits that give no grade', { left: margin.left, width: width - margin.left - margin.right, fontSize: size.small });
  const labelY = (line: number) => 36 + heading.extra + line * lineHeight;
  const bandTop = labelY(lineEnds.length - 1) + lineHeight / 2 + 6;

  // Stack markers that would overlap, in date order, like a beeswarm.
  const levels: number[] = [];
  const markers = spec.ungraded.map((visit) => {
    const cx = x(midpoint(visit.date));
    let level = levels.findIndex((lastX) => cx - lastX >= 2 * r + 3);
    if (level === -1) level = levels.length;
    levels[level] = cx;
    return { x: cx, level, symbol: KIND_SYMBOL[visit.kind], fill: visit.knownFromMentionsOnly ? COLOUR.background : COLOUR.ungraded };
  });
  const markerY = (level: number) => bandTop + r + 2 + level * (2 * r + 3);
  const axisY = markerY(Math.max(0, levels.length - 1)) + r + 10;
  const height = axisY + 30;
  const years = range(spec.years[0], spec.years[1] + 2);
  const labelEvery = layout === 'narrow' ? 2 : 1;
  const tickYears = years.filter((year) => year % labelEvery === 0);

  const svg = renderPixelPlot({
    width,
    height,
    marks: [
      heading.mark,
      Plot.dot(labels, { x: (d: { left: number }) => d.left + r, y: (d: { line: number }) => labelY(d.line), symbol: 'symbol', r: r - 1, fill: 'none', stroke: COLOUR.ungraded, strokeWidth: MARK.thinStroke, className: 'ungraded-key' }),
      Plot.text(labels, { x: (d: { left: number }) => d.left + 14, y: (d: { line: number }) => labelY(d.line), text: 'text', textAnchor: 'start', lineAnchor: 'middle', fontSize: size.small, className: 'ungraded-label' }),
      Plot.dot(markers, { x: 'x', y: (d: { level: number }) => markerY(d.level), symbol: 'symbol', r, fill: 'fill', stroke: COLOUR.ungraded, strokeWidth: MARK.stroke, className: 'ungraded-visit' }),
      Plot.ruleY([axisY], { x1: x.range()[0], x2: x.range()[1], stroke: COLOUR.muted, className: 'time-axis' }),
      Plot.ruleX(years, { x: (year: number) => x(new Date(Date.UTC(year, 0, 1))), y1: axisY, y2: axisY + 5, stroke: COLOUR.muted, className: 'time-tick' }),
      Plot.text(tickYears, {
        x: (year: number) => x(new Date(Date.UTC(year, 0, 1))),
        y: axisY + 16,
        text: String,
        lineAnchor: 'middle',
        fontSize: size.small,
        fill: COLOUR.muted,
        fontVariant: 'tabular-nums',
        className: 'time-label',
      }),
    ],
  });
  return { svg, height, className: 'panel-ungraded' };
}

const COLUMN_WIDTH: Record<ChartLayout, number> = { narrow: 30, wide: 92 };

function matrixPanel(matrix: AreaMatrix, width: number, layout: ChartLayout): Panel {
  const size = TEXT_SIZE[layout];
  const margin = MARGIN[layout];
  const lineHeight = size.small * LINE_HEIGHT;
  const columnWidth = COLUMN_WIDTH[layout];
  const columnsStart = width - margin.right - 6 - matrix.scale.length * columnWidth;
  const columnX = (position: number) => columnsStart + (position - 0.5) * columnWidth;
  const labelLeft = margin.left;
  const indent = 12;

  // Headings, then column headers: level when neighbouring names fit side by
  // side, else turned to read upwards (narrow screens).
  const heading = wrapText(`The ${matrix.dateLabel} inspection, area by area`, width - margin.left - margin.right, size.strong, true);
  const sub = wrapText(`${matrix.frameworkName} scale`, width - margin.left - margin.right, size.small);
  const headingLines = heading.map((text, index) => ({ text, y: 22 + index * size.strong * LINE_HEIGHT }));
  let y = 12 + heading.length * size.strong * LINE_HEIGHT;
  const subLines = sub.map((text, index) => ({ text, y: y + 10 + index * lineHeight }));
  y += sub.length * lineHeight + 12;
  const halfWidths = matrix.scale.map((grade) => estimateTextWidth(grade, size.small, true) / 2);
  const level = halfWidths.every((half, index) => index === 0 || half + halfWidths[index - 1] <= columnWidth - 6);
  const headerHeight = level ? lineHeight : Math.max(...halfWidths) * 2 + 4;
  const headers = matrix.scale.map((grade, index) => ({
    text: grade,
    x: level ? clamp(columnX(index + 1), halfWidths[index] + 2, width - halfWidths[index] - 2) : columnX(index + 1),
    y: level ? y + lineHeight / 2 : y + headerHeight,
    position: index + 1,
  }));
  y += headerHeight + 8;
  const headerBottom = y - 4;

  interface RowLine { text: string; x: number; y: number; style: 'section' | 'heading' | 'area' }
  const lines: RowLine[] = [];
  const dots: { x: number; y: number; colour: string }[] = [];
  const guides: { y: number; x1: number }[] = [];
  let section: string | undefined;
  for (const area of matrix.areas) {
    if (area.section && area.section !== section) {
      section = area.section;
      y += 8;
      for (const text of wrapText(section, width - margin.left - margin.right, size.small, true)) {
        lines.push({ text, x: labelLeft, y: y + lineHeight / 2, style: 'section' });
        y += lineHeight;
      }
      y += 2;
    }
    const left = labelLeft + (area.sub ? indent : 0);
    const wrapped = wrapText(shortAreaLabel(area.label), columnsStart - left - 8, size.small);
    const rowHeight = Math.max(wrapped.length * lineHeight, 2 * MARK.radius + 2) + 6;
    wrapped.forEach((text, index) => lines.push({ text, x: left, y: y + 3 + lineHeight * (index + 0.5), style: area.heading ? 'heading' : 'area' }));
    const centre = y + 3 + lineHeight / 2;
    if (area.position !== undefined) {
      dots.push({ x: columnX(area.position), y: centre, colour: gradeColour(area.position) });
      guides.push({ y: centre, x1: left + Math.min(estimateTextWidth(wrapped[0], size.small), columnsStart - left - 8) + 6 });
    }
    y += rowHeight;
  }
  const height = Math.ceil(y + 12);

  const svg = renderPixelPlot({
    width,
    height,
    marks: [
      Plot.ruleY([0], { y: 0, x1: margin.left, x2: width - margin.right, stroke: COLOUR.rule, className: 'panel-rule' }),
      Plot.text(headingLines, { x: margin.left, y: 'y', text: 'text', textAnchor: 'start', lineAnchor: 'middle', fontWeight: 700, fontSize: size.strong, className: 'panel-heading' }),
      Plot.text(subLines, { x: margin.left, y: 'y', text: 'text', textAnchor: 'start', lineAnchor: 'middle', fontSize: size.small, fill: COLOUR.muted, className: 'panel-subheading' }),
      Plot.ruleX(matrix.scale.map((_, index) => columnX(index + 1)), { x: (value: number) => value, y1: headerBottom, y2: height - 8, stroke: COLOUR.rule, className: 'grade-column' }),
      Plot.text(headers, { x: 'x', y: 'y', text: 'text', lineAnchor: 'middle', ...(level ? {} : { rotate: -90, textAnchor: 'start' as const }), fontSize: size.small, fontWeight: 700, fill: (d: { position: number }) => gradeColour(d.position), className: 'grade-column-label' }),
      Plot.ruleY(guides, { y: 'y', x1: 'x1', x2: columnsStart + columnWidth * matrix.scale.length, stroke: COLOUR.rule, strokeDasharray: '1 3', className: 'row-guide' }),
      Plot.text(lines.filter((line) => line.style === 'section'), { x: 'x', y: 'y', text: 'text', textAnchor: 'start', lineAnchor: 'middle', fontSize: size.small, fontWeight: 700, className: 'section-label' }),
      Plot.text(lines.filter((line) => line.style === 'heading'), { x: 'x', y: 'y', text: 'text', textAnchor: 'start', lineAnchor: 'middle', fontSize: size.small, fill: COLOUR.muted, fontStyle: 'italic', className: 'area-heading' }),
      Plot.text(lines.filter((line) => line.style === 'area'), { x: 'x', y: 'y', text: 'text', textAnchor: 'start', lineAnchor: 'middle', fontSize: size.small, className: 'area-label' }),
      Plot.dot(dots, { x: 'x', y: 'y', r: MARK.radius, fill: 'colour', stroke: 'colour', className: 'area-grade' }),
    ],
  });
  return { svg, height, className: 'panel-areas' };
}

/**
 * An area's name without its gloss, for the chart; the table gives it whole.
 * @example shortAreaLabel('Evaluation, including performance management') // 'Evaluation'
 */
export function shortAreaLabel(label: string): string {
  return label.split(':')[0].split(', including')[0].trim();
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, index) => from + index);
}
