import * as Plot from '@observablehq/plot';
import { scaleLinear, scaleUtc } from 'd3';
import { midpoint } from '../lib/partial-dates.ts';
import type { CaseloadChartSpec, CaseloadMark, MarkType } from './caseload-types.ts';
import { markBox, placeLabelsOrCallouts, type Box, type LabelRequest } from './label-layout.ts';
import { chartDrawing, renderPixelPlot } from './render-svg.ts';
import { estimateTextWidth, wrapText } from './text-layout.ts';
import { COLOUR, LINE_HEIGHT, MARGIN, MARK, TEXT_SIZE, layoutFor } from './theme.ts';

/**
 * Drawing the caseload chart: a key to the lines and marks; a band for what
 * has no caseload level to place; the scale, with the DfE's series as lines
 * and what documents report as marks shaped by the kind of number they are;
 * then a numbered key for the marks whose labels did not fit beside them.
 */

/** How each place's series is drawn: never by colour alone, each line has its own dash. */
function seriesStyle(place: string, index: number): { stroke: string; width: number; dash?: string; name: string } {
  if (index === 0) return { stroke: COLOUR.focus, width: 2.5, name: place };
  if (place === 'England') return { stroke: COLOUR.text, width: 2, dash: '7 4', name: place };
  return { stroke: COLOUR.muted, width: 1.5, dash: '2 3', name: place };
}

const TYPE_KEY: Record<MarkType, string> = {
  average: 'average',
  extreme: 'the most (up to) or fewest',
  'lower-bound': 'more than',
  'upper-bound': 'fewer than',
  limit: 'a limit set',
  unstated: 'kind not stated',
  range: 'a range',
};

/** The most entries the key beneath the chart lists; further numbers are for the table alone. */
const KEY_LIMIT = 12;

export function renderCaseloadSvg(spec: CaseloadChartSpec, width: number): string {
  const layout = layoutFor(width);
  const size = TEXT_SIZE[layout];
  const margin = MARGIN[layout];
  const lineHeight = size.small * LINE_HEIGHT;
  const inner = width - margin.left - margin.right;
  const plotLeft = margin.left + estimateTextWidth(String(spec.yMax), size.small) + 8;
  const plotRight = width - margin.right - 4;
  const x = scaleUtc([new Date(Date.UTC(spec.years[0], 0, 1)), new Date(Date.UTC(spec.years[1] + 1, 0, 1))], [plotLeft + 6, plotRight - 6]);
  const marks: Plot.Markish[] = [];
  let y = 4;

  // The key: line samples for the series, shapes for the kinds of mark present.
  const entries = [
    ...spec.series.map((series, index) => ({ kind: 'series' as const, style: seriesStyle(series.place, index), text: `${series.place}, DfE` })),
    ...[...new Set(spec.marks.map((mark) => mark.type))].map((type) => ({ kind: 'mark' as const, type, text: TYPE_KEY[type] })),
  ];
  const sample = 24;
  let cursor = margin.left;
  const keyRows: { entry: (typeof entries)[number]; x: number; row: number }[] = [];
  let row = 0;
  for (const entry of entries) {
    const extent = sample + 6 + estimateTextWidth(entry.text, size.small);
    if (cursor > margin.left && cursor + extent > width - margin.right) {
      row += 1;
      cursor = margin.left;
    }
    keyRows.push({ entry, x: cursor, row });
    cursor += extent + 14;
  }
  const keyY = (index: number) => y + lineHeight * (index + 0.5);
  for (const { entry, x: left, row: index } of keyRows) {
    const cy = keyY(index);
    if (entry.kind === 'series') {
      marks.push(Plot.ruleY([cy], { x1: left, x2: left + sample, stroke: entry.style.stroke, strokeWidth: entry.style.width, ...(entry.style.dash ? { strokeDasharray: entry.style.dash } : {}), className: 'key-series' }));
    } else {
      marks.push(...markGlyph(entry.type, left + sample / 2, entry.type === 'lower-bound' ? cy + 5 : entry.type === 'upper-bound' ? cy - 5 : cy, cy + 4, cy - 4, 'key-mark', 10));
    }
  }
  marks.push(Plot.text(keyRows.map(({ entry, x: left, row: index }) => ({ text: entry.text, x: left + sample + 6, y: keyY(index) })), { x: 'x', y: 'y', text: 'text', textAnchor: 'start', lineAnchor: 'middle', fontSize: size.small, className: 'key-label' }));
  y += (keyRows.length ? row + 1 : 0) * lineHeight + 4;

  // The difference between the measures, said on the chart itself (it travels without its notes).
  const measures = [
    ...(spec.series.length ? ['Lines: the DfE’s average per full-time social worker, at 30 September.'] : []),
    ...(spec.marks.length ? ['Marks: what documents report, at other dates and often for some workers only.'] : []),
  ];
  for (const text of wrapText(measures.join(' '), inner, size.small)) {
    marks.push(Plot.text([text], { x: margin.left, y: y + lineHeight / 2, textAnchor: 'start', lineAnchor: 'middle', fontSize: size.small, fill: COLOUR.muted, className: 'measures-note' }));
    y += lineHeight;
  }
  y += 8;

  // Statements with no level: a band of markers above the scale, counted in words.
  if (spec.statements.length) {
    const tallest = spec.statementYears?.reduce((most, year) => (year.count > most.count ? year : most));
    const heading = wrapText(`Not on the scale: ${spec.statements.length} ${spec.statements.length === 1 ? 'statement' : 'statements'} in words, or counts and changes${tallest ? `, a bar a year (the tallest, ${tallest.year}: ${tallest.count})` : ''}`, inner, size.small);
    marks.push(Plot.text(heading.map((text, index) => ({ text, y: y + lineHeight * (index + 0.5) })), { x: margin.left, y: 'y', text: 'text', textAnchor: 'start', lineAnchor: 'middle', fontSize: size.small, fill: COLOUR.muted, className: 'statements-heading' }));
    y += heading.length * lineHeight + 4;
    if (spec.statementYears && tallest) {
      // Too many to draw one by one: a bar for each year, as tall as its count (the heading names the tallest).
      const barHeight = 24;
      const most = tallest.count;
      const yearSpan = x(new Date(Date.UTC(2001, 0, 1))) - x(new Date(Date.UTC(2000, 0, 1)));
      const barWidth = Math.max(3, Math.min(14, yearSpan - 3));
      const bars = spec.statementYears.map((year) => {
        const height = Math.max(2, (year.count / most) * barHeight);
        const centre = x(new Date(Date.UTC(year.year, 6, 1)));
        return { mark: year.id, x1: centre - barWidth / 2, x2: centre + barWidth / 2, y1: y + barHeight - height, y2: y + barHeight };
      });
      marks.push(Plot.rect(bars, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill: COLOUR.muted, title: 'mark', className: 'caseload-statement caseload-statement--year' }));
      y += barHeight + 10;
    } else {
      const r = MARK.radius - 2;
      const levelEnds: number[] = [];
      const placed = spec.statements.map((statement) => {
        const cx = x(midpoint(statement.date));
        let level = levelEnds.findIndex((end) => cx - end >= 2 * r + 2);
        if (level === -1) level = levelEnds.length < 2 ? levelEnds.length : levelEnds.indexOf(Math.min(...levelEnds));
        levelEnds[level] = Math.max(levelEnds[level] ?? -Infinity, cx);
        return { mark: statement.id, x: cx, y: y + r + 1 + level * (2 * r + 2) };
      });
      marks.push(Plot.dot(placed, { x: 'x', y: 'y', symbol: 'square', r, fill: COLOUR.background, stroke: COLOUR.muted, strokeWidth: MARK.thinStroke, title: 'mark', className: 'caseload-statement' }));
      y += Math.max(1, levelEnds.length) * (2 * r + 2) + 10;
    }
  }

  // The scale.
  const axisTitle = 'Cases per social worker';
  marks.push(Plot.text([axisTitle], { x: margin.left, y: y + lineHeight / 2, textAnchor: 'start', lineAnchor: 'middle', fontSize: size.small, fontWeight: 700, className: 'axis-title' }));
  // Room for the top value's label, centred on the plot's top edge, below the title.
  y += lineHeight + 12;
  const plotTop = y;
  const plotHeight = layout === 'narrow' ? 230 : 250;
  const plotBottom = plotTop + plotHeight;
  const yScale = scaleLinear([0, spec.yMax], [plotBottom, plotTop]);
  const ticks = yScale.ticks(Math.min(8, spec.yMax / 5)).filter((tick) => Number.isInteger(tick));
  const yearLines = Array.from({ length: spec.years[1] - spec.years[0] + 2 }, (_, index) => x(new Date(Date.UTC(spec.years[0] + index, 0, 1))));
  marks.push(
    Plot.ruleX(yearLines, { x: (value: number) => value, y1: plotTop - 4, y2: plotBottom, stroke: COLOUR.rule, strokeOpacity: 0.6, className: 'year-line' }),
    Plot.ruleY(ticks, { y: (tick: number) => yScale(tick), x1: plotLeft, x2: plotRight, stroke: (tick: number) => (tick === 0 ? COLOUR.muted : COLOUR.rule), className: 'value-gridline' }),
    Plot.text(ticks, { y: (tick: number) => yScale(tick), x: plotLeft - 5, text: String, textAnchor: 'end', lineAnchor: 'middle', fontSize: size.small, fill: COLOUR.muted, fontVariant: 'tabular-nums', className: 'value-label' }),
  );

  // The series, each a line through its years with a small dot at each.
  const seriesPoints = spec.series.map((series) => series.points.map((point) => ({ ...point, x: x(new Date(point.date)), y: yScale(point.value) })));
  spec.series.forEach((series, index) => {
    const style = seriesStyle(series.place, index);
    marks.push(
      Plot.line(seriesPoints[index], { x: 'x', y: 'y', stroke: style.stroke, strokeWidth: style.width, ...(style.dash ? { strokeDasharray: style.dash } : {}), className: `caseload-series caseload-series--${slug(series.place)}` }),
      Plot.dot(seriesPoints[index], { x: 'x', y: 'y', r: index === 0 ? 3.5 : 2.5, fill: style.stroke, title: 'id', className: `caseload-series-point caseload-series-point--${slug(series.place)}` }),
    );
  });

  // The reported numbers, each by the kind of number it is.
  // Gathered marks of different kinds from one period sit side by side across it, not on one another.
  const yearWidth = x(new Date(Date.UTC(2001, 0, 1))) - x(new Date(Date.UTC(2000, 0, 1)));
  const kindsIn = new Map<string, string[]>();
  for (const mark of spec.marks) if (mark.members) kindsIn.set(mark.date, [...new Set([...(kindsIn.get(mark.date) ?? []), mark.type])]);
  const dodge = (mark: CaseloadMark) => {
    const kinds = kindsIn.get(mark.date);
    if (!mark.members || !kinds) return 0;
    const step = Math.min(12, ((mark.precision === 'year' ? yearWidth : yearWidth / 4) - 4) / kinds.length);
    return (kinds.indexOf(mark.type) - (kinds.length - 1) / 2) * step;
  };
  const placedMarks = spec.marks.map((mark) => ({ mark, x: x(midpoint(mark.date)) + dodge(mark), y: yScale(mark.value ?? ((mark.low ?? 0) + (mark.high ?? 0)) / 2), y1: yScale(mark.low ?? mark.value ?? 0), y2: yScale(mark.high ?? mark.value ?? 0) }));
  // A gathered mark's whisker spans the values it stands for (a range's own bar already does).
  const whiskers = placedMarks.filter(({ mark }) => mark.members && mark.type !== 'range' && mark.low !== mark.high).map(({ x: mx, y1, y2 }) => ({ x: mx, y1, y2 }));
  marks.push(Plot.ruleX(whiskers, { x: 'x', y1: 'y1', y2: 'y2', stroke: COLOUR.muted, strokeWidth: 1.5, className: 'caseload-mark-whisker' }));
  for (const { mark, x: mx, y1, y2 } of placedMarks) marks.push(...markGlyph(mark.type, mx, yScale(mark.value ?? mark.low ?? 0), y1, y2, 'caseload-mark', 16, mark.id));

  // Labels: the series' first and latest values, then every mark's words, placed where they fit; else a numbered badge.
  const obstacles: Box[] = [
    ...seriesPoints.flat().map((point) => markBox(point.x, point.y, 4)),
    ...placedMarks.map(({ mark, x: mx, y1, y2 }) => glyphBox(mark.type, mx, yScale(mark.value ?? mark.low ?? 0), y1, y2)),
    ...whiskers.map((whisker) => ({ x: whisker.x - 2, y: Math.min(whisker.y1, whisker.y2), width: 4, height: Math.abs(whisker.y1 - whisker.y2) })),
  ];
  type Datum = { kind: 'series'; colour: string } | { kind: 'mark'; mark: CaseloadMark };
  const maxLabel = layout === 'narrow' ? 130 : 190;
  const requests: LabelRequest<Datum>[] = [
    ...spec.series.flatMap((series, index) => {
      const points = seriesPoints[index];
      const ends = points.length > 1 ? [points.at(-1)!, points[0]] : points;
      return ends.map((point, end) => ({
        anchor: { x: point.x, y: point.y },
        clearance: 6,
        lines: [{ text: String(point.value), size: size.small, bold: true }],
        priority: 100 - index * 10 - end * 5,
        sides: ['above', 'below', 'right', 'left'] as const,
        maxSlide: 0.5,
        datum: { kind: 'series' as const, colour: seriesStyle(series.place, index).stroke },
      }));
    }),
    ...placedMarks.map(({ mark, x: mx, y: my }) => ({
      anchor: { x: mx, y: my },
      clearance: 10,
      lines: [
        ...wrapText(mark.words, maxLabel, size.label, true).map((text) => ({ text, size: size.label, bold: true })),
        ...(mark.population ? shorten(wrapText(mark.population, maxLabel, size.small), 2).map((text) => ({ text, size: size.small })) : []),
      ],
      priority: 50,
      callout: String(mark.key),
      datum: { kind: 'mark' as const, mark },
    })),
  ];
  const layoutResult = placeLabelsOrCallouts(requests, { bounds: { x: plotLeft, y: plotTop - 4, width: plotRight - plotLeft, height: plotHeight + 4 }, obstacles, padding: 2, calloutSize: size.small });
  const labelLines = layoutResult.placed.flatMap((label) =>
    label.lines.map((line) => ({ ...line, anchor: label.textAnchor, colour: label.request.datum.kind === 'series' ? label.request.datum.colour : COLOUR.text, muted: !line.bold })),
  );
  for (const anchor of ['start', 'middle', 'end'] as const) {
    for (const [bold, className] of [[true, 'label-value'], [false, 'label-population']] as const) {
      const lines = labelLines.filter((line) => line.anchor === anchor && !!line.bold === bold);
      if (!lines.length) continue;
      marks.push(Plot.text(lines, { x: 'x', y: 'y', text: 'text', textAnchor: anchor, lineAnchor: 'middle', fontSize: bold ? size.label : size.small, fontWeight: bold ? 700 : 400, fill: bold ? 'colour' : COLOUR.muted, stroke: COLOUR.background, strokeWidth: 4, paintOrder: 'stroke', className }));
    }
  }
  // A label slid away from its mark is tied to it by a thin leader, so it cannot be read as a neighbour's.
  const leaders = layoutResult.placed
    .filter((label) => label.request.datum.kind === 'mark')
    .flatMap((label) => {
      const { x: ax, y: ay } = label.request.anchor;
      const nx = Math.min(Math.max(ax, label.box.x), label.box.x + label.box.width);
      const ny = Math.min(Math.max(ay, label.box.y), label.box.y + label.box.height);
      const distance = Math.hypot(nx - ax, ny - ay);
      if (distance <= (label.request.clearance ?? 6) + 4) return [];
      const start = (MARK.radius + 2) / distance;
      return [{ x1: ax + (nx - ax) * start, y1: ay + (ny - ay) * start, x2: nx, y2: ny }];
    });
  marks.push(Plot.link(leaders, { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: COLOUR.muted, strokeWidth: 1, className: 'leader' }));
  const badges = layoutResult.callouts.map((badge) => ({ text: badge.lines[0].text, x: badge.box.x + badge.box.width / 2, y: badge.box.y + badge.box.height / 2 }));
  marks.push(Plot.text(badges, { x: 'x', y: 'y', text: 'text', lineAnchor: 'middle', fontSize: size.small, fontWeight: 700, fill: COLOUR.text, stroke: COLOUR.background, strokeWidth: 4, paintOrder: 'stroke', className: 'mark-callout' }));

  // The time axis.
  const years = Array.from({ length: spec.years[1] - spec.years[0] + 1 }, (_, index) => spec.years[0] + index);
  const every = Math.max(1, Math.ceil((estimateTextWidth('2000', size.small) + 6) / yearWidth));
  marks.push(
    Plot.ruleX(yearLines, { x: (value: number) => value, y1: plotBottom, y2: plotBottom + 5, stroke: COLOUR.muted, className: 'time-tick' }),
    Plot.text(years.filter((year) => (year - spec.years[0]) % every === 0), { x: (year: number) => x(new Date(Date.UTC(year, 6, 1))), y: plotBottom + 17, text: String, lineAnchor: 'middle', fontSize: size.small, fill: COLOUR.muted, fontVariant: 'tabular-nums', className: 'time-label' }),
  );
  y = plotBottom + 34;

  // The numbered key: what each badge stands for.
  const called = layoutResult.callouts.map((badge) => (badge.request.datum as { mark: CaseloadMark }).mark).sort((a, b) => a.key - b.key);
  if (called.length) {
    const keyLines = [
      ...called.slice(0, KEY_LIMIT).flatMap((mark) => wrapText(`${mark.key}  ${mark.words}${mark.population ? `, ${mark.population}` : ''}: ${mark.when}, ${mark.source}`, inner, size.small)),
      ...(called.length > KEY_LIMIT ? wrapText(`and ${called.length - KEY_LIMIT} more numbered marks: see the table`, inner, size.small) : []),
    ];
    marks.push(Plot.text(keyLines.map((text, index) => ({ text, y: y + lineHeight * (index + 0.5) })), { x: margin.left, y: 'y', text: 'text', textAnchor: 'start', lineAnchor: 'middle', fontSize: size.small, className: 'mark-key' }));
    y += keyLines.length * lineHeight + 8;
  }
  const height = Math.ceil(y + 4);

  return chartDrawing(spec, layout, width, [{ svg: renderPixelPlot({ width, height, marks }), height, className: 'panel-caseloads' }]);
}

/** A mark's shape: a dot for an average, a diamond for the most or fewest, an arrow for "over" or "under", a dashed bar for a limit, a hollow dot when the kind is not stated, a bar for a range. */
function markGlyph(type: MarkType, x: number, y: number, y1: number, y2: number, className: string, arrowLength = 16, id?: string): Plot.Markish[] {
  const r = MARK.radius;
  // A reported number's glyph names its row (mark-data.ts); the key's samples name none.
  const mark = id === undefined ? {} : { title: () => id };
  switch (type) {
    case 'average':
      return [Plot.dot([{ x, y }], { x: 'x', y: 'y', r, fill: COLOUR.text, ...mark, className: `${className} ${className}--average` })];
    case 'extreme':
      return [Plot.dot([{ x, y }], { x: 'x', y: 'y', r: r + 1, symbol: 'diamond', fill: COLOUR.text, ...mark, className: `${className} ${className}--extreme` })];
    case 'unstated':
      return [Plot.dot([{ x, y }], { x: 'x', y: 'y', r, fill: COLOUR.background, stroke: COLOUR.text, strokeWidth: MARK.stroke, ...mark, className: `${className} ${className}--unstated` })];
    case 'lower-bound':
    case 'upper-bound': {
      const direction = type === 'lower-bound' ? -1 : 1;
      return [
        Plot.ruleY([{ x, y }], { y: 'y', x1: x - 7, x2: x + 7, stroke: COLOUR.text, strokeWidth: MARK.stroke, ...mark, className: `${className} ${className}--${type}` }),
        Plot.arrow([{ x, y }], { x1: 'x', y1: 'y', x2: 'x', y2: (d: { y: number }) => d.y + direction * arrowLength, stroke: COLOUR.text, strokeWidth: MARK.stroke, headLength: arrowLength > 12 ? 6 : 4, className: `${className}-arrow` }),
      ];
    }
    case 'limit':
      return [Plot.ruleY([{ x, y }], { y: 'y', x1: x - 12, x2: x + 12, stroke: COLOUR.text, strokeWidth: 3, strokeDasharray: '4 2', ...mark, className: `${className} ${className}--limit` })];
    case 'range':
      return [
        Plot.rect([{ x, y1, y2 }], { x1: x - 3, x2: x + 3, y1: 'y2', y2: 'y1', fill: COLOUR.text, ...mark, className: `${className} ${className}--range` }),
        Plot.ruleY([y1, y2], { y: (value: number) => value, x1: x - 7, x2: x + 7, stroke: COLOUR.text, strokeWidth: MARK.stroke, className: `${className}-range-end` }),
      ];
  }
}

/** The space a mark's shape takes, for labels to keep clear of. */
function glyphBox(type: MarkType, x: number, y: number, y1: number, y2: number): Box {
  switch (type) {
    case 'lower-bound':
      return { x: x - 8, y: y - 18, width: 16, height: 20 };
    case 'upper-bound':
      return { x: x - 8, y: y - 2, width: 16, height: 20 };
    case 'limit':
      return { x: x - 13, y: y - 3, width: 26, height: 6 };
    case 'range':
      return { x: x - 8, y: Math.min(y1, y2) - 2, width: 16, height: Math.abs(y1 - y2) + 4 };
    default:
      return markBox(x, y, MARK.radius + 2);
  }
}

/** At most `count` lines, the last ending in an ellipsis when words were left out. */
function shorten(lines: string[], count: number): string[] {
  return lines.length <= count ? lines : [...lines.slice(0, count - 1), `${lines[count - 1]}…`];
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
