import * as Plot from '@observablehq/plot';
import { scaleUtc } from 'd3';
import type { SiteData } from '../lib/derive-site-data.ts';
import { EVENT_KIND_LABEL } from '../lib/labels.ts';
import { formatDateSpan, formatPartialDate, midpoint, span } from '../lib/partial-dates.ts';
import type { DatePrecision, EventKind, TimelineEvent } from '../schema/index.ts';
import { documentsCited, fitAlt, journeyInWords, type ChartDataRow, type ChartSpecBase } from './chart-spec.ts';
import { chartSvg, renderPixelPlot } from './render-svg.ts';
import { chartDocument, sourceLabel } from './source-label.ts';
import { dodgeLabels, wrapText } from './text-layout.ts';
import { COLOUR, KIND_SYMBOL, LINE_HEIGHT, MARK, TEXT_SIZE, gradeColour, layoutFor } from './theme.ts';

/** Where a source places an event; several when sources disagree. */
export interface TimelinePosition {
  date: string;
  precision: DatePrecision;
  end?: string;
  /** Slugs of the documents that give this date. */
  documents: string[];
}

/** One event as the timeline draws it. */
export interface TimelineMark {
  id: string;
  kind: EventKind;
  title: string;
  /** The date in words, as precise as the sources: "June or September 2014". */
  dateLabel: string;
  positions: TimelinePosition[];
  sourcesDisagree: boolean;
  /** The grade in words, for graded events. */
  outcome?: string;
  /** The grade's place on its framework's scale (1 best); absent when the scale is not stated. */
  outcomePosition?: number;
  /** True for inspections and visits that give no grade. */
  notGraded: boolean;
  /** Drawn hollow: we hold no record of it, only later documents' mentions. */
  knownFromMentionsOnly: boolean;
}

export interface TimelineChartSpec extends ChartSpecBase {
  events: TimelineMark[];
  /** First and last year shown. */
  years: [number, number];
}

const VISIT_KINDS: ReadonlySet<EventKind> = new Set(['inspection', 'service-inspection', 'unannounced-inspection', 'monitoring-visit', 'focused-visit']);

/** The timeline chart from the derived data: every event, every date a source gives. */
export function shapeTimelineChart(data: SiteData): TimelineChartSpec {
  const events = data.timeline.map(toMark);
  const rows = data.timeline.flatMap((event) => eventRows(event, toMark(event)));
  const years: [number, number] = [Number(data.timeline[0].date.slice(0, 4)), Number(data.timeline.at(-1)!.date.slice(0, 4))];
  const graded = events.filter((event) => event.outcomePosition !== undefined);
  const grades = graded.map((event) => `${event.outcome!.toLowerCase()} in ${event.positions[0].date.slice(0, 4)}`);
  // Every grade when there are few; else the first and the latest, with a count.
  const journey = grades.length <= 4 ? grades.join(', then ') : `${grades[0]} first and ${grades.at(-1)} most recently, across ${grades.length} graded inspections`;
  const hollow = events.filter((event) => event.knownFromMentionsOnly).length;
  const conflicts = events.filter((event) => event.sourcesDisagree);
  const unscaled = events.filter((event) => event.outcome && event.outcomePosition === undefined);
  const hollowWords = hollow ? `${hollow === 1 ? '1 event is' : `${hollow} events are`} known only from later documents` : '';
  const conflictWords =
    conflicts.length === 1
      ? `the sources disagree on the date of ${conflicts[0].title.split(':')[0].toLowerCase()} (${conflicts[0].dateLabel})`
      : conflicts.length > 1
        ? `the sources disagree on the dates of ${conflicts.length} events`
        : '';
  const sentence = (text: string) => (text ? `${capitalise(text)}.` : '');
  return {
    title: grades.length ? `${capitalise(journeyInWords(grades))}: the record in ${events.length} events` : `The record in ${events.length} events`,
    subtitle: `Every inspection, visit, council report and news report on Manchester's children's services in the documents we hold, placed as precisely as the sources date them.`,
    alt: fitAlt(
      `Timeline of ${events.length} events, ${years[0]} to ${years[1]}${grades.length ? `: Ofsted judged Manchester ${journey}.` : '.'}`,
      [hollowWords && conflictWords ? sentence(`${hollowWords}; ${conflictWords}`) : '', sentence(hollowWords), sentence(conflictWords)],
    ),
    notes: [
      `Hollow markers: ${hollow} of the ${events.length} events are known only because a later document mentions them; we do not hold their own reports.`,
      'A bracket beside a marker: the source gives only the year, so the event could fall anywhere in it.',
      ...conflicts.map((event) => `${event.title.split(':')[0]}: ${dateClaimsInWords(data, event)}. Both dates are shown, joined; we do not choose between them.`),
      ...(unscaled.length
        ? [`${unscaled.map((event) => `${event.title} (${event.outcome!.toLowerCase()}, ${event.dateLabel})`).join('; ')}: the source gives the grade without its framework, so it is shown in grey, not on a scale's colour.`]
        : []),
      'Shapes: circles are inspections, diamonds monitoring visits, squares focused visits, triangles council reports, stars news reports.',
    ],
    sourceDocuments: documentsCited(rows, data.documents.map((doc) => doc.slug)),
    rows,
    events,
    years,
  };
}

function toMark(event: TimelineEvent): TimelineMark {
  return {
    id: event.id,
    kind: event.kind,
    title: displayTitle(event),
    dateLabel: event.dateConflict ? datesInWords(conflictPositions(event).map((position) => position.date)) : formatDateSpan(event.date, event.end),
    positions: event.dateConflict
      ? conflictPositions(event)
      : [{ date: event.date, precision: event.precision, ...(event.end ? { end: event.end } : {}), documents: event.dateClaims.filter((claim) => claim.date === event.date).map((claim) => claim.document) }],
    sourcesDisagree: event.dateConflict,
    ...(event.outcome ? { outcome: event.outcome } : {}),
    ...(event.outcomePosition !== undefined ? { outcomePosition: event.outcomePosition } : {}),
    notGraded: !event.outcome && VISIT_KINDS.has(event.kind),
    knownFromMentionsOnly: event.knownFromMentionsOnly,
  };
}

/**
 * The dates sources disagree on: every claim not contained in a more precise
 * one ("2014" agrees with both "2014-06" and "2014-09", so only those two).
 */
function conflictPositions(event: TimelineEvent): TimelinePosition[] {
  const precise = event.dateClaims.filter((claim) => !event.dateClaims.some((other) => other.date !== claim.date && other.date.startsWith(claim.date)));
  const dates = [...new Set(precise.map((claim) => claim.date))].sort();
  return dates.map((date) => {
    const claims = precise.filter((claim) => claim.date === date);
    return { date, precision: claims[0].precision, ...(claims[0].end ? { end: claims[0].end } : {}), documents: claims.map((claim) => claim.document) };
  });
}

/** "June or September 2014"; dates in different years keep their years. */
function datesInWords(dates: readonly string[]): string {
  const sameYearMonths = dates.every((date) => date.length === 7 && date.slice(0, 4) === dates[0].slice(0, 4));
  if (!sameYearMonths) return dates.map(formatPartialDate).join(' or ');
  return `${dates.map((date) => formatPartialDate(date).split(' ')[0]).join(' or ')} ${dates[0].slice(0, 4)}`;
}

function dateClaimsInWords(data: SiteData, mark: TimelineMark): string {
  return mark.positions
    .flatMap((position) => position.documents.map((slug) => `${sourceLabel(chartDocument(data, slug))} says ${formatPartialDate(position.date)}`))
    .join('; ');
}

/** A title without a trailing ": judged inadequate" when the grade is drawn beside it. */
function displayTitle(event: TimelineEvent): string {
  const suffix = event.outcome ? `: judged ${event.outcome.toLowerCase()}` : undefined;
  return suffix && event.title.toLowerCase().endsWith(suffix) ? event.title.slice(0, -suffix.length) : event.title;
}

function eventRows(event: TimelineEvent, mark: TimelineMark): ChartDataRow[] {
  const value = mark.outcome
    ? `${mark.outcome}${mark.outcomePosition === undefined ? ' (scale not stated)' : ''}`
    : mark.notGraded
      ? 'Not graded'
      : EVENT_KIND_LABEL[event.kind];
  return event.citations.map((citation) => {
    const claim = event.dateClaims.find((candidate) => candidate.document === citation.document) ?? event.dateClaims[0];
    return {
      label: `${EVENT_KIND_LABEL[event.kind]}: ${mark.title}`,
      value,
      when: formatDateSpan(claim.date, claim.end),
      date: claim.date,
      qualifiers: [
        ...(citation.role === 'mention' ? ['reported by a later document'] : ['the event’s own record']),
        ...(event.dateConflict ? ['sources disagree on the date'] : []),
      ],
      document: citation.document,
      ...(citation.quote ? { quote: citation.quote } : {}),
    };
  });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

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

/** The timeline as an inline SVG string, `width` units wide. */
export function renderTimelineChart(spec: TimelineChartSpec, { width }: { width: number }): string {
  const layout = layoutFor(width);
  const size = TEXT_SIZE[layout];
  const lineHeight = size.label * LINE_HEIGHT;
  const yearLabelX = layout === 'narrow' ? 34 : 46;
  const spineX = yearLabelX + 26;
  // Events dated only to a year sit on a bracket spanning that year, left of the spine.
  const bracketX = spineX - 15;
  const labelX = spineX + 20;
  const labelWidth = Math.min(width - labelX - 6, 520);

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
      Plot.dot(markers, { x: 'x', y: 'y', symbol: 'symbol', r: MARK.radius, fill: 'fill', stroke: 'colour', strokeWidth: MARK.stroke, className: 'event-marker' }),
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

  return chartSvg({
    width,
    panels: [{ svg, height, className: 'panel-timeline' }],
    title: spec.title,
    description: spec.alt,
    className: `chart-svg chart-svg--${layout}`,
    fontSize: size.label,
  });
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
