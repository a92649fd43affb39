import type { SiteData } from '../derive/derive-site-data.ts';
import { EVENT_KIND_LABEL } from '../lib/labels.ts';
import { formatDateSpan, formatPartialDate } from '../lib/partial-dates.ts';
import type { EventKind, TimelineEvent } from '../schema/index.ts';
import { documentsCited, fitAlt, plural, verdictsInWords, type ChartDataRow } from './chart-spec.ts';
import { chartDocument, sourceLabel } from './source-label.ts';
import { SCREEN_DRAWINGS } from './drawing-widths.ts';
import { renderTimelineByYear } from './timeline-by-year.ts';
import { fitsDetailed, renderTimelineDetailed } from './timeline-detailed.ts';
import type { TimelinePosition, TimelineMark, TimelineChartSpec } from './timeline-types.ts';

export type { TimelinePosition, TimelineMark, TimelineChartSpec } from './timeline-types.ts';

const VISIT_KINDS: ReadonlySet<EventKind> = new Set(['inspection', 'service-inspection', 'unannounced-inspection', 'monitoring-visit', 'focused-visit']);

/** The timeline chart from the derived data: every event, every date a source gives. */
export function shapeTimelineChart(data: SiteData): TimelineChartSpec {
  const events = data.timeline.map(toMark);
  const rows = data.timeline.flatMap((event) => eventRows(event, toMark(event)));
  const years: [number, number] = [Number(data.timeline[0].date.slice(0, 4)), Number(data.timeline.at(-1)!.date.slice(0, 4))];
  const graded = events.filter((event) => event.outcomePosition !== undefined);
  const steps = graded.map((event) => ({ grade: event.outcome!.toLowerCase(), year: event.positions[0].date.slice(0, 4), position: event.outcomePosition! }));
  const journey = verdictsInWords(steps);
  const withoutOverall = events.filter((event) => event.gradedWithoutOverall);
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
    title: steps.length ? `${capitalise(journey)}: the record in ${events.length} events` : `The record in ${events.length} events`,
    subtitle: `Every inspection, visit, council report and news report on Manchester's children's services in the documents we hold, placed as precisely as the sources date them.`,
    alt: fitAlt(
      `Timeline of ${events.length} events, ${years[0]} to ${years[1]}${steps.length ? `: Ofsted judged Manchester ${journey}.` : '.'}`,
      withoutOverall.length > 0 && `${plural(withoutOverall.length, 'inspection')} graded areas but gave no overall grade.`,
      [hollowWords && conflictWords ? sentence(`${hollowWords}; ${conflictWords}`) : '', sentence(hollowWords), sentence(conflictWords)],
    ),
    notes: [
      `Hollow markers: ${hollow} of the ${events.length} events are known only because a later document mentions them; we do not hold their own reports.`,
      'A bracket beside a marker: the source gives only the year, so the event could fall anywhere in it.',
      ...conflicts.slice(0, 4).map((event) => `${event.title.split(':')[0]}: ${dateClaimsInWords(data, event)}. Both dates are shown, joined; we do not choose between them.`),
      ...(conflicts.length > 4 ? [`The sources disagree on the dates of ${conflicts.length - 4} more events; the table gives every date.`] : []),
      ...(withoutOverall.length ? [`${withoutOverall.length <= 3 ? withoutOverall.map((event) => event.dateLabel).join('; ') : plural(withoutOverall.length, 'inspection')}: graded area by area with no overall grade, so labelled “no overall grade”, not “not graded”.`] : []),
      ...(fitsDetailed({ events, years } as TimelineChartSpec, SCREEN_DRAWINGS[0].width)
        ? []
        : ['The record is too long to label every event: the timeline goes year by year, naming the inspections first and counting the rest; the table lists every event.']),
      ...(unscaled.length
        ? [`${unscaled.slice(0, 4).map((event) => `${event.title} (${event.outcome!.toLowerCase()}, ${event.dateLabel})`).join('; ')}: the source gives the grade without its framework, so it is shown in grey, not on a scale's colour.`]
        : []),
      'Shapes: circles are inspections, diamonds monitoring visits, squares focused visits, triangles council reports, stars news reports, hexagons official statistics.',
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
    notGraded: !event.graded && VISIT_KINDS.has(event.kind),
    gradedWithoutOverall: event.graded && !event.outcome,
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
    : mark.gradedWithoutOverall
      ? 'No overall grade (areas graded)'
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
      mark: event.id,
    };
  });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The timeline as an inline SVG string, `width` units wide: every event labelled when the labels fit a readable height, else year by year. */
export function renderTimelineChart(spec: TimelineChartSpec, { width }: { width: number }): string {
  return fitsDetailed(spec, width) ? renderTimelineDetailed(spec, width) : renderTimelineByYear(spec, width);
}

export { groupLabels } from './timeline-detailed.ts';
