import * as Plot from '@observablehq/plot';
import { EVENT_KIND_LABEL } from '../lib/labels.ts';
import { formatPartialDate } from '../lib/partial-dates.ts';
import type { EventKind } from '../schema/index.ts';
import { listInWords, plural } from './chart-spec.ts';
import { chartDrawing, renderPixelPlot } from './render-svg.ts';
import { estimateTextWidth, wrapText } from './text-layout.ts';
import { COLOUR, KIND_SYMBOL, LINE_HEIGHT, MARK, TEXT_SIZE, gradeColour, layoutFor } from './theme.ts';
import type { TimelineChartSpec, TimelineMark } from './timeline-types.ts';

/** Events named on a year's row; the rest are counted in words. */
const NAMED_PER_YEAR = 3;
/** Lines of markers per year; more events than fit are counted ("+12"). */
const MARKER_LINES = 2;

const KIND_PLURAL: Record<EventKind, [string, string]> = {
  inspection: ['inspection', 'inspections'],
  'service-inspection': ['inspection of one service', 'inspections of one service'],
  'unannounced-inspection': ['unannounced inspection', 'unannounced inspections'],
  'monitoring-visit': ['monitoring visit', 'monitoring visits'],
  'focused-visit': ['focused visit', 'focused visits'],
  'council-report': ['council report', 'council reports'],
  'news-article': ['news report', 'news reports'],
  'statistics-release': ['statistics release', 'statistics releases'],
};

/** Graded inspections first, then other inspections and visits, then the rest; earlier first within each. */
function priority(event: TimelineMark): number {
  if (event.outcome || event.gradedWithoutOverall) return 3;
  if (event.notGraded) return 1;
  return 0;
}

/**
 * The timeline for a record too long to label every event: a row per year,
 * a marker for each of its events (shape by kind, colour by grade), its
 * graded inspections named with their grades, and the rest counted by kind.
 * Its height grows with the years, not with the events, so hundreds of
 * documents still make a picture a reader can scroll.
 */
export function renderTimelineByYear(spec: TimelineChartSpec, width: number): string {
  const layout = layoutFor(width);
  const size = TEXT_SIZE[layout];
  const lineHeight = size.label * LINE_HEIGHT;
  const smallLine = size.small * LINE_HEIGHT;
  const yearLabelX = layout === 'narrow' ? 38 : 48;
  const step = 14;
  const perLine = layout === 'narrow' ? 6 : 10;
  const stripLeft = yearLabelX + 12;
  const labelX = stripLeft + perLine * step + 8;
  const labelWidth = width - labelX - 6;

  const intro = wrapText('Each row is a year: a marker for every event, its graded inspections named, the rest counted.', width - 12, size.small);
  let y = 6;
  const introLines = intro.map((text) => {
    const line = { text, y: y + smallLine / 2 };
    y += smallLine;
    return line;
  });
  y += 10;

  const markers: { id: string; x: number; y: number; symbol: string; colour: string; fill: string }[] = [];
  const overflow: { text: string; x: number; y: number }[] = [];
  const lines: { text: string; x: number; y: number; style: 'date' | 'grade' | 'note' | 'muted'; colour: string }[] = [];
  const years: { year: number; y: number }[] = [];
  const dividers: number[] = [];
  for (let year = spec.years[0]; year <= spec.years[1]; year += 1) {
    const events = spec.events.filter((event) => Number(event.positions[0].date.slice(0, 4)) === year);
    const top = y;
    dividers.push(top);
    years.push({ year, y: top + lineHeight / 2 + 2 });
    if (!events.length) {
      y += lineHeight + 4;
      continue;
    }
    // Markers, in date order, a line at a time; what does not fit is counted.
    const slots = perLine * MARKER_LINES;
    // When not all fit, the graded inspections keep their markers; the count says how many are not drawn.
    const shown = events.length > slots ? [...events].sort((a, b) => priority(b) - priority(a)).slice(0, slots - 3).sort((a, b) => events.indexOf(a) - events.indexOf(b)) : events;
    shown.forEach((event, index) => {
      const line = Math.floor(index / perLine);
      markers.push({
        id: event.id,
        x: stripLeft + (index % perLine) * step + step / 2,
        y: top + 4 + line * step + step / 2,
        symbol: KIND_SYMBOL[event.kind],
        colour: gradeColour(event.outcomePosition),
        fill: event.knownFromMentionsOnly ? COLOUR.background : gradeColour(event.outcomePosition),
      });
    });
    if (shown.length < events.length) overflow.push({ text: `+${events.length - shown.length}`, x: stripLeft + ((slots - 3) % perLine) * step + 2, y: top + 4 + (MARKER_LINES - 0.5) * step });
    const markerHeight = Math.ceil(Math.min(events.length, slots) / perLine) * step + 8;

    // Names: the year's graded inspections, then a count of everything else.
    const named = [...events].sort((a, b) => priority(b) - priority(a)).filter((event) => priority(event) === 3).slice(0, NAMED_PER_YEAR);
    let labelY = top + 2;
    for (const event of named.sort((a, b) => a.positions[0].date.localeCompare(b.positions[0].date))) {
      const month = formatPartialDate(event.positions[0].date.slice(0, 7));
      const date = `${layout === 'narrow' ? month.replace(/^(\w{3})\w+ /, '$1 ') : month}: ${EVENT_KIND_LABEL[event.kind].toLowerCase()}`;
      const grade = event.outcome ?? 'Areas graded, no overall grade';
      const gradeStyle = event.outcome ? ('grade' as const) : ('note' as const);
      const gradeColourOf = event.outcome ? gradeColour(event.outcomePosition) : COLOUR.muted;
      // Date and grade on one line where both fit, else the grade on the lines below.
      const dateWidth = estimateTextWidth(`${date}:`, size.label, true);
      if (dateWidth + 8 + estimateTextWidth(grade, size.label, !!event.outcome) <= labelWidth) {
        lines.push({ text: `${date}:`, x: labelX, y: labelY + lineHeight / 2, style: 'date', colour: COLOUR.text });
        lines.push({ text: grade, x: labelX + dateWidth + 8, y: labelY + lineHeight / 2, style: gradeStyle, colour: gradeColourOf });
        labelY += lineHeight;
        continue;
      }
      for (const text of wrapText(date, labelWidth, size.label, true)) {
        lines.push({ text, x: labelX, y: labelY + lineHeight / 2, style: 'date', colour: COLOUR.text });
        labelY += lineHeight;
      }
      for (const text of wrapText(grade, labelWidth, size.label, !!event.outcome)) {
        lines.push({ text, x: labelX, y: labelY + lineHeight / 2, style: gradeStyle, colour: gradeColourOf });
        labelY += lineHeight;
      }
    }
    const rest = events.filter((event) => !named.includes(event));
    if (rest.length) {
      const byKind = new Map<EventKind, number>();
      for (const event of rest) byKind.set(event.kind, (byKind.get(event.kind) ?? 0) + 1);
      // Wide, the rest by kind; narrow, only their number, so a year stays a few lines tall.
      const total = plural(rest.length, named.length ? 'other event' : 'event');
      const kinds = listInWords([...byKind].map(([kind, count]) => `${count} ${KIND_PLURAL[kind][count === 1 ? 0 : 1]}`));
      const words = (counted: string) => wrapText(named.length ? `and ${counted}` : capitalise(counted), labelWidth, size.small);
      const counted = layout === 'wide' && words(kinds).length <= 2 ? words(kinds) : words(total);
      for (const text of counted) {
        lines.push({ text, x: labelX, y: labelY + smallLine / 2, style: 'muted', colour: COLOUR.muted });
        labelY += smallLine;
      }
    }
    y = Math.max(top + markerHeight, labelY + 4) + 6;
  }
  const height = Math.ceil(y + 6);
  const overflowWidth = Math.max(0, ...overflow.map((item) => estimateTextWidth(item.text, size.small, true)));
  if (overflowWidth > 3 * step) throw new Error(`A year's count of events (${overflowWidth} units) does not fit its marker strip`);

  const svg = renderPixelPlot({
    width,
    height,
    marks: [
      Plot.text(introLines, { x: 6, y: 'y', text: 'text', textAnchor: 'start', lineAnchor: 'middle', fontSize: size.small, fill: COLOUR.muted, className: 'key-label' }),
      Plot.ruleY(dividers, { y: (value: number) => value - 3, x1: 4, x2: width - 4, stroke: COLOUR.rule, className: 'year-divider' }),
      Plot.text(years, { x: yearLabelX, y: 'y', text: (d: { year: number }) => String(d.year), textAnchor: 'end', lineAnchor: 'middle', fontSize: size.small, fontWeight: 700, fontVariant: 'tabular-nums', className: 'year-label' }),
      Plot.dot(markers, { x: 'x', y: 'y', symbol: 'symbol', r: MARK.radius - 1.5, fill: 'fill', stroke: 'colour', strokeWidth: MARK.thinStroke, title: 'id', className: 'event-marker' }),
      Plot.text(overflow, { x: 'x', y: 'y', text: 'text', textAnchor: 'start', lineAnchor: 'middle', fontSize: size.small, fontWeight: 700, className: 'event-overflow' }),
      Plot.text(lines.filter((line) => line.style === 'date'), { x: 'x', y: 'y', text: 'text', textAnchor: 'start', lineAnchor: 'middle', fontSize: size.label, fontWeight: 700, className: 'label-date' }),
      Plot.text(lines.filter((line) => line.style === 'grade'), { x: 'x', y: 'y', text: 'text', textAnchor: 'start', lineAnchor: 'middle', fontSize: size.label, fontWeight: 700, fill: 'colour', className: 'label-grade' }),
      Plot.text(lines.filter((line) => line.style === 'muted'), { x: 'x', y: 'y', text: 'text', textAnchor: 'start', lineAnchor: 'middle', fontSize: size.small, fill: COLOUR.muted, className: 'label-muted' }),
      Plot.text(lines.filter((line) => line.style === 'note'), { x: 'x', y: 'y', text: 'text', textAnchor: 'start', lineAnchor: 'middle', fontSize: size.label, fill: COLOUR.muted, className: 'label-muted' }),
    ],
  });
  return chartDrawing(spec, layout, width, [{ svg, height, className: 'panel-timeline-years' }]);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
