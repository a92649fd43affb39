import * as Plot from '@observablehq/plot';
import { scaleUtc } from 'd3';
import { formatPartialDate, midpoint, span } from '../lib/partial-dates.ts';
import type { EventKind } from '../schema/index.ts';
import { chartDrawing, renderPixelPlot } from './render-svg.ts';
import { dodgeLabels, wrapText } from './text-layout.ts';
import { COLOUR, KIND_SYMBOL, LINE_HEIGHT, MARK, TEXT_SIZE, gradeColour, layoutFor, type ChartLayout } from './theme.ts';
import type { TimelineChartSpec, TimelineMark, TimelinePosition } from './timeline-types.ts';

// Rendering: time runs down the page, so labels have the full width beside
// the spine at any screen size and never need rotating or shrinking.

/** Events that share one label: a run of ungraded visits of one kind. */
export interface LabelGroup {
  events: TimelineMark[];
  dateLabel: string;
  title: string;
}

const COUNT_WORDS = ['', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine'];
const KIND_PLURAL: Partial<Record<EventKind, string>> = { 'monitoring-visit': 'monitoring visits', 'focused-visit': 'focused visits' };

/**
 * Labels for the events: one each, except that ungraded visits of one kind
 * less than a year apart share a label ("Four monitoring visits"), so a
 * cluster does not push its labels far from their markers. Every event
 * keeps its own marker; the data table names each one.
 */
export function groupLabels(events: readonly TimelineMark[]): LabelGroup[] {
  const groups: TimelineMark[][] = [];
  for (const event of events) {
    const open = groups.find((group) => {
      const last = group.at(-1)!;
      return (
        KIND_PLURAL[event.kind] !== undefined &&
        last.kind === event.kind &&
        last.notGraded &&
        event.notGraded &&
        monthsBetween(last.positions[0].date, event.positions[0].date) < 12
      );
    });
    if (open) open.push(event);
    else groups.push([event]);
  }
  return groups.map((group) =>
    group.length === 1
      ? { events: group, dateLabel: group[0].dateLabel, title: group[0].title }
      : {
          events: group,
          dateLabel: `${formatPartialDate(group[0].positions[0].date.slice(0, 7))} to ${formatPartialDate(group.at(-1)!.positions[0].date.slice(0, 7))}`,
          title: `${COUNT_WORDS[group.length] ?? group.length} ${KIND_PLURAL[group[0].kind]}`,
        },
  );
}

function monthsBetween(a: string, b: string): number {
  const months = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7) || 6);
  return Math.abs(months(b) - months(a));
}

interface LabelLine {
  text: string;
  y: number;
  style: 'date' | 'title' | 'grade' | 'muted';
  colour: string;
}

type TextSize = (typeof TEXT_SIZE)[keyof typeof TEXT_SIZE];

/** The tallest the detailed timeline may draw its years, in SVG units: past this, it goes year by year. */
export const MAX_DETAILED_HEIGHT = 1500;

/** Where the detailed timeline's labels start and how wide they may be, by layout. */
function labelColumn(layout: ChartLayout, width: number) {
  const yearLabelX = layout === 'narrow' ? 34 : 46;
  const spineX = yearLabelX + 26;
  const labelX = spineX + 20;
  return { yearLabelX, spineX, labelX, labelWidth: Math.min(width - labelX - 6, 520) };
}

/** True when every event's label fits the detailed timeline within MAX_DETAILED_HEIGHT at this width. */
export function fitsDetailed(spec: Pick<TimelineChartSpec, 'events' | 'years'>, width: number): boolean {
  const layout = layoutFor(width);
  const size = TEXT_SIZE[layout];
  const lineHeight = size.label * LINE_HEIGHT;
  const { labelWidth } = labelColumn(layout, width);
  const total = groupLabels(spec.events).reduce((sum, group) => sum + labelBlock(group, labelWidth, size).length * lineHeight + 10, 0);
  return total * 1.25 + 80 <= MAX_DETAILED_HEIGHT;
}

/**
 * The timeline with a label for every event (or run of visits), beside a
 * spine where time runs down: for records whose labels all fit a readable
 * height (see `fitsDetailed`).
 */
export function renderTimelineDetailed(spec: TimelineChartSpec, width: number): string {
  const layout = layoutFor(width);
  const size = TEXT_SIZE[layout];
  const lineHeight = size.label * LINE_HEIGHT;
  const { yearLabelX, spineX, labelX, labelWidth } = labelColumn(layout, width);
  // Events dated only to a year sit on a bracket spanning that year, left of the spine.
  const bracketX = spineX - 15;

  // The key: what hollow and solid markers mean, in words beside samples.
  const keyLineHeight = size.small * LINE_HEIGHT;
  const keyLines = [
    { symbol: 'solid', text: 'We hold the event’s own document' },
    { symbol: 'hollow', text: 'Known only from a later document' },
  ]
    .flatMap((entry) => wrapText(entry.text, width - labelX - 6, size.small).map((text, index) => ({ ...entry, text, first: index === 0 })))
    .map((line, index) => ({ ...line, y: 4 + keyLineHeight * (index + 0.5) }));
  const top = 4 + keyLines.length * keyLineHeight + 22;

  const groups = groupLabels(spec.events);
  const blocks = groups.map((group) => labelBlock(group, labelWidth, size));
  const totalLabelHeight = blocks.reduce((total, block) => total + block.length * lineHeight + 10, 0);
  const [firstYear, lastYear] = spec.years;
  const yearCount = lastYear + 1 - firstYear;
  const plotHeight = Math.max(yearCount * (layout === 'narrow' ? 64 : 60), totalLabelHeight * 1.25);
  const y = scaleUtc([new Date(Date.UTC(firstYear, 0, 1)), new Date(Date.UTC(lastYear + 1, 0, 1))], [top, top + plotHeight]);
  const height = Math.ceil(top + plotHeight + 12);
  const markerX = (position: TimelinePosition) => (position.precision === 'year' ? bracketX : spineX);

  const markers = spec.events.flatMap((event) =>
    event.positions.map((position) => ({
      id: event.id,
      x: markerX(position),
      y: y(midpoint(position.date)),
      symbol: KIND_SYMBOL[event.kind],
      colour: gradeColour(event.outcomePosition),
      fill: event.knownFromMentionsOnly ? COLOUR.background : gradeColour(event.outcomePosition),
    })),
  );
  const anchors = groups.map((group) => {
    const ys = group.events.flatMap((event) => event.positions.map((position) => y(midpoint(position.date))));
    return { y: (Math.min(...ys) + Math.max(...ys)) / 2, y1: Math.min(...ys), y2: Math.max(...ys) };
  });
  // Labels go in the order of their markers, so connectors never cross.
  const order = anchors.map((_, index) => index).sort((a, b) => anchors[a].y - anchors[b].y);
  const dodged = dodgeLabels(
    order.map((index) => ({ at: anchors[index].y - lineHeight / 2, size: blocks[index].length * lineHeight })),
    10,
    top - lineHeight / 2,
    height - 4,
  );
  const starts: number[] = [];
  order.forEach((index, rank) => (starts[index] = dodged[rank]));
  const lines: LabelLine[] = blocks.flatMap((block, index) => block.map((line, lineIndex) => ({ ...line, y: starts[index] + lineHeight * (lineIndex + 0.5) })));
  const connectors = groups.map((_, index) => ({ y1: anchors[index].y, y2: starts[index] + lineHeight / 2 }));
  // A group's markers are bracketed on the label side, so its one label reads as theirs.
  const groupBrackets = anchors.filter((_, index) => groups[index].events.length > 1);

  const yearBrackets = spec.events.flatMap((event) =>
    event.positions
      .filter((position) => position.precision === 'year')
      .map((position) => {
        const [start, end] = span(position.date);
        return { y1: y(start) + 3, y2: y(end) - 3 };
      }),
  );
  const joins = spec.events
    .filter((event) => event.sourcesDisagree)
    .map((event) => ({ y1: y(midpoint(event.positions[0].date)), y2: y(midpoint(event.positions.at(-1)!.date)), colour: gradeColour(event.outcomePosition) }));
  const yearStarts = Array.from({ length: yearCount + 1 }, (_, index) => firstYear + index);
  const connectorStart = spineX + MARK.radius + 3;

  const svg = renderPixelPlot({
    width,
    height,
    marks: [
      // Years: ticks at the boundaries, labels in the middle of each year.
      Plot.ruleY(yearStarts, { y: (year: number) => y(new Date(Date.UTC(year, 0, 1))), x1: 4, x2: spineX, stroke: COLOUR.rule, className: 'year-tick' }),
      Plot.text(yearStarts.slice(0, -1), {
        y: (year: number) => y(new Date(Date.UTC(year, 6, 1))),
        x: yearLabelX,
        text: String,
        textAnchor: 'end',
        lineAnchor: 'middle',
        fontSize: size.small,
        fill: COLOUR.muted,
        fontVariant: 'tabular-nums',
        className: 'year-label',
      }),
      Plot.ruleX([spineX], { y1: top, y2: top + plotHeight, stroke: COLOUR.muted, strokeWidth: 1, className: 'spine' }),
      Plot.ruleX(yearBrackets, { x: bracketX, y1: 'y1', y2: 'y2', stroke: COLOUR.muted, strokeWidth: MARK.thinStroke, className: 'date-bracket' }),
      Plot.ruleY(yearBrackets.flatMap((bracket) => [bracket.y1, bracket.y2]), { y: (value: number) => value, x1: bracketX, x2: bracketX + 5, stroke: COLOUR.muted, strokeWidth: MARK.thinStroke, className: 'date-bracket-end' }),
      Plot.ruleX(joins, { x: spineX, y1: 'y1', y2: 'y2', stroke: 'colour', strokeWidth: 4, className: 'date-conflict' }),
      Plot.ruleX(groupBrackets, { x: connectorStart, y1: 'y1', y2: 'y2', stroke: COLOUR.muted, strokeWidth: MARK.thinStroke, className: 'group-bracket' }),
      Plot.link(connectors, { x1: connectorStart, y1: 'y1', x2: labelX - 5, y2: 'y2', stroke: COLOUR.muted, strokeWidth: 1, className: 'connector' }),
      Plot.dot(markers, { x: 'x', y: 'y', symbol: 'symbol', r: MARK.radius, fill: 'fill', stroke: 'colour', strokeWidth: MARK.stroke, title: 'id', className: 'event-marker' }),
      ...labelMarks(lines, labelX, size),
      Plot.dot(keyLines.filter((line) => line.first), {
        x: spineX,
        y: 'y',
        symbol: 'circle',
        r: MARK.radius,
        stroke: COLOUR.ungraded,
        strokeWidth: MARK.stroke,
        fill: (line: { symbol: string }) => (line.symbol === 'solid' ? COLOUR.ungraded : COLOUR.background),
        className: 'key-marker',
      }),
      Plot.text(keyLines, { x: labelX, y: 'y', text: 'text', textAnchor: 'start', lineAnchor: 'middle', fontSize: size.small, className: 'key-label' }),
    ],
  });

  return chartDrawing(spec, layout, width, [{ svg, height, className: 'panel-timeline' }]);
}

function labelBlock(group: LabelGroup, labelWidth: number, size: TextSize): Omit<LabelLine, 'y'>[] {
  const [event] = group.events;
  const grouped = group.events.length > 1;
  const date = !grouped && event.sourcesDisagree ? `${group.dateLabel}: sources disagree` : group.dateLabel;
  const lines: Omit<LabelLine, 'y'>[] = [
    ...wrapText(date, labelWidth, size.label, true).map((text) => ({ text, style: 'date' as const, colour: COLOUR.text })),
    ...wrapText(group.title, labelWidth, size.label).map((text) => ({ text, style: 'title' as const, colour: COLOUR.text })),
  ];
  if (!grouped && event.outcome) {
    const words = event.outcomePosition === undefined ? `${event.outcome} (scale not stated)` : event.outcome;
    const colour = gradeColour(event.outcomePosition);
    lines.push(...wrapText(words, labelWidth, size.label, true).map((text) => ({ text, style: 'grade' as const, colour })));
  } else if (!grouped && event.gradedWithoutOverall) {
    lines.push(...wrapText('Areas graded, no overall grade', labelWidth, size.label).map((text) => ({ text, style: 'muted' as const, colour: COLOUR.muted })));
  } else if (event.notGraded) {
    lines.push({ text: 'Not graded', style: 'muted', colour: COLOUR.muted });
  }
  return lines;
}

function labelMarks(lines: readonly LabelLine[], labelX: number, size: TextSize) {
  const common = { x: labelX, y: 'y', text: 'text', textAnchor: 'start', lineAnchor: 'middle', fontSize: size.label } as const;
  return [
    Plot.text(lines.filter((line) => line.style === 'date'), { ...common, fontWeight: 700, className: 'label-date' }),
    Plot.text(lines.filter((line) => line.style === 'title'), { ...common, className: 'label-title' }),
    Plot.text(lines.filter((line) => line.style === 'grade'), { ...common, fill: 'colour', fontWeight: 700, className: 'label-grade' }),
    Plot.text(lines.filter((line) => line.style === 'muted'), { ...common, fill: COLOUR.muted, className: 'label-muted' }),
  ];
}

