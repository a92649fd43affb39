import type { SiteData } from '../lib/derive-site-data.ts';
import { EVENT_KIND_LABEL } from '../lib/labels.ts';
import { formatDateSpan, formatPartialDate } from '../lib/partial-dates.ts';
import type { DatePrecision, EventKind, Framework, JudgementRow } from '../schema/index.ts';
import { countInWords, documentsCited, fitAlt, journeyInWords, listInWords, type ChartDataRow, type ChartSpecBase } from './chart-spec.ts';
import { renderGradesSvg } from './grades-panels.ts';

/** One headline (overall effectiveness) judgement, placed on its framework's scale. */
export interface OverallJudgement {
  /** Judgement row id(s): the 2010 report gives two headline judgements with one grade. */
  ids: string[];
  event: string;
  framework: string;
  /** The sections judged, where the framework has parts ("Safeguarding services"). */
  sections: string[];
  grade: string;
  /** Place on the framework's scale, 1 best. */
  position: number;
  /** Where the sources date it; two or more when they disagree. */
  dates: { date: string; precision: DatePrecision }[];
  dateLabel: string;
  sourcesDisagree: boolean;
  /** Drawn hollow: we hold no report of the inspection, only later documents' mentions. */
  knownFromMentionsOnly: boolean;
}

/** A framework's span of years and its scale, for one region of the chart. */
export interface ScaleRegion {
  framework: string;
  name: string;
  /** First year (inclusive) and the year after the last. */
  from: number;
  to: number;
  /** Grade names, best first: position = index + 1. */
  scale: string[];
}

/** A straight segment of the overall-effectiveness path: only ever within one framework. */
export interface PathSegment {
  from: number;
  to: number;
  framework: string;
}

/** An inspection or visit that gave no grade. */
export interface UngradedVisit {
  id: string;
  /** Drawn hollow: we hold no record of the visit, only later documents' mentions. */
  knownFromMentionsOnly: boolean;
  kind: EventKind;
  title: string;
  date: string;
  precision: DatePrecision;
  dateLabel: string;
}

/** One area judgement of an inspection that graded many areas. */
export interface AreaJudgement {
  id: string;
  section?: string;
  label: string;
  /** True for a heading area with no grade of its own ("Outcomes…"). */
  heading: boolean;
  sub: boolean;
  grade?: string;
  position?: number;
}

export interface AreaMatrix {
  event: string;
  dateLabel: string;
  frameworkName: string;
  scale: string[];
  areas: AreaJudgement[];
}

export interface GradesChartSpec extends ChartSpecBase {
  overall: OverallJudgement[];
  path: PathSegment[];
  regions: ScaleRegion[];
  ungraded: UngradedVisit[];
  matrices: AreaMatrix[];
  years: [number, number];
}

const UNGRADED_KINDS: ReadonlySet<EventKind> = new Set(['unannounced-inspection', 'monitoring-visit', 'focused-visit']);

/**
 * The grades chart from the derived data: overall effectiveness on each
 * framework's own scale, the area judgements of inspections that graded
 * areas, and the visits that gave no grade. A path joins judgements only
 * within one framework: never across the change of scale, never across a gap
 * in frameworks.
 */
export function shapeGradesChart(data: SiteData): GradesChartSpec {
  const overall = overallJudgements(data);
  const path = overall.slice(1).flatMap((judgement, index): PathSegment[] =>
    judgement.framework === overall[index].framework && judgement.sections.join() === overall[index].sections.join()
      ? [{ from: index, to: index + 1, framework: judgement.framework }]
      : [],
  );
  const regions = scaleRegions(data.frameworks, overall);
  const ungraded: UngradedVisit[] = data.timeline
    .filter((event) => UNGRADED_KINDS.has(event.kind) && !event.outcome)
    .map((event) => ({ id: event.id, knownFromMentionsOnly: event.knownFromMentionsOnly, kind: event.kind, title: event.title, date: event.date, precision: event.precision, dateLabel: formatDateSpan(event.date, event.end) }));
  const matrices = areaMatrices(data);
  const years: [number, number] = [Number(data.timeline[0].date.slice(0, 4)), Number(data.timeline.at(-1)!.date.slice(0, 4))];

  const rows = [
    ...overall.flatMap((judgement) => judgement.ids.flatMap((id) => judgementRows(data, id, 'Overall effectiveness'))),
    ...ungraded.flatMap((visit) => visitRows(data, visit)),
    ...matrices.flatMap((matrix) =>
      matrix.areas.filter((area) => !area.heading).flatMap((area) => judgementRows(data, area.id, `${matrix.dateLabel} inspection, by area`)),
    ),
  ];
  const journey = overall
    .filter((judgement, index) => index === overall.findIndex((other) => other.event === judgement.event))
    .map((judgement) => `${judgement.grade.toLowerCase()} in ${judgement.dates[0].date.slice(0, 4)}`);
  const breaks = regions.slice(1).map((region) => region.from);
  // The alt text describes the latest inspection judged area by area.
  const matrix = matrices.at(-1);
  const counts = matrix ? gradeCounts(matrix) : '';
  const scales = regions.length < 2 ? 'one scale' : `${countInWords(regions.length)} different scales`;
  const matrixWords =
    matrices.length === 0
      ? ''
      : matrices.length === 1
        ? `, and the ${matrices[0].dateLabel} inspection's judgements area by area`
        : matrices.length <= 3
          ? `, and the ${listInWords(matrices.map((candidate) => candidate.dateLabel))} inspections' judgements area by area`
          : `, and the judgements of ${matrices.length} inspections area by area`;
  const altJourney = journey.length <= 4 ? listInWords(journey) : `${journey[0]} at first and ${journey.at(-1)} most recently, across ${journey.length} graded inspections`;
  return {
    title: journey.length ? `Ofsted's verdict: ${journeyInWords(journey)}, on ${scales}` : 'Ofsted’s verdicts: no graded inspection in the documents we hold',
    subtitle: `Overall effectiveness at each graded inspection, each on its own framework's four-point scale, with the visits that give no grade${matrixWords}.`,
    alt: fitAlt(
      journey.length ? `Ofsted judged Manchester's children's services ${altJourney}.` : 'No graded inspection of Manchester’s children’s services in the documents we hold.',
      breaks.length > 0 && `The scale changed in ${breaks.length <= 3 ? listInWords(breaks.map(String)) : `${breaks.length} times`}: no line joins grades across it.`,
      `${ungraded.length === 1 ? '1 visit' : `${ungraded.length} visits`} gave no grade.`,
      counts ? [`The ${matrix!.areas.filter((area) => !area.heading).length} area judgements of ${matrix!.dateLabel}: ${counts}.`, `Area by area in ${matrix!.dateLabel}: ${counts}.`] : undefined,
    ),
    notes: [
      ...regions.slice(1).map(
        (region, index) =>
          `From ${region.from} Ofsted used a new framework (${region.name}) with a new scale: “${regions[index].scale[2]}” on the old scale and “${region.scale[2]}” on the new one share third place but are different judgements, so no line joins grades across the change.`,
      ),
      ...overall
        .filter((judgement) => judgement.sourcesDisagree)
        .map((judgement) => `The ${judgement.grade.toLowerCase()} judgement is dated ${judgement.dateLabel} by different sources; both dates are drawn, joined.`),
      ...overall.filter((judgement) => judgement.dates.every((date) => date.precision === 'year')).map((judgement) => `The ${judgement.dates[0].date} ${judgement.grade.toLowerCase()} judgement is known only to the year: the bracket spans it.`),
      'Inspections we know only from later documents are drawn hollow: we do not hold their reports, only the grades those documents give.',
      ...laterFrameworkNote(data.frameworks, regions),
    ],
    sourceDocuments: documentsCited(rows, data.documents.map((doc) => doc.slug)),
    rows,
    overall,
    path,
    regions,
    ungraded,
    matrices,
    years,
  };
}

/** The headline judgements on a known scale, one per event and grade, in date order. */
function overallJudgements(data: SiteData): OverallJudgement[] {
  const headline = data.judgements.filter((row) => row.headline && row.position !== undefined && row.framework);
  const byKey = new Map<string, JudgementRow[]>();
  for (const row of headline) {
    const key = `${row.event}|${row.position}`;
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  return [...byKey.values()]
    .map((rows): OverallJudgement => {
      const event = data.timeline.find((candidate) => candidate.id === rows[0].event);
      const dates = event?.dateConflict
        ? [...new Set(event.dateClaims.filter((claim) => !event.dateClaims.some((other) => other.date !== claim.date && other.date.startsWith(claim.date))).map((claim) => claim.date))]
            .sort()
            .map((date) => ({ date, precision: event.dateClaims.find((claim) => claim.date === date)!.precision }))
        : [{ date: event?.date ?? rows[0].date, precision: event?.precision ?? 'day' }];
      return {
        ids: rows.map((row) => row.id),
        event: rows[0].event,
        framework: rows[0].framework!,
        sections: rows.flatMap((row) => (row.section ? [row.section] : [])),
        grade: rows[0].grade,
        position: rows[0].position!,
        dates,
        dateLabel: event?.dateConflict ? dates.map((date) => formatPartialDate(date.date)).join(' or ') : formatDateSpan(dates[0].date, event?.end),
        sourcesDisagree: event?.dateConflict ?? false,
        knownFromMentionsOnly: event?.knownFromMentionsOnly ?? false,
      };
    })
    .sort((a, b) => a.dates[0].date.localeCompare(b.dates[0].date));
}

/** One region per framework that has an overall judgement, from its first year to the next region. */
function scaleRegions(frameworks: readonly Framework[], overall: readonly OverallJudgement[]): ScaleRegion[] {
  const used = frameworks.filter((framework) => framework.years && overall.some((judgement) => judgement.framework === framework.id));
  return used
    .sort((a, b) => a.years!.from - b.years!.from)
    .map((framework, index, all) => ({
      framework: framework.id,
      name: framework.shortName,
      from: framework.years!.from,
      to: all[index + 1]?.years!.from ?? (framework.years!.to ?? framework.years!.from) + 1,
      scale: [...framework.scale].sort((a, b) => a.position - b.position).map((grade) => grade.label),
    }));
}

function laterFrameworkNote(frameworks: readonly Framework[], regions: readonly ScaleRegion[]): string[] {
  const last = regions.at(-1);
  const later = frameworks.filter((framework) => framework.graded && framework.years && last && framework.years.from >= last.to);
  return later.map((framework) => `From ${framework.years!.from} Ofsted inspected under ${framework.shortName}; the documents we hold report no graded inspection under it, only focused visits, which are not graded.`);
}

/** Area-by-area judgements of each inspection that graded more than its headline. */
function areaMatrices(data: SiteData): AreaMatrix[] {
  const events = [...new Set(data.judgements.filter((row) => !row.headline && row.position !== undefined).map((row) => row.event))];
  return events.map((eventId) => {
    const rows = data.judgements.filter((row) => row.event === eventId);
    const framework = data.frameworks.find((candidate) => candidate.id === rows[0].framework)!;
    const event = data.timeline.find((candidate) => candidate.id === eventId)!;
    const areas: AreaJudgement[] = framework.areas.flatMap((area): AreaJudgement[] => {
      const row = rows.find((candidate) => candidate.area === area.id);
      const isParentOfJudged = rows.some((candidate) => candidate.parentArea === area.id);
      if (!row && !isParentOfJudged) return [];
      return [
        {
          id: row?.id ?? area.id,
          ...(area.section ? { section: area.section } : {}),
          label: area.label,
          heading: !row,
          sub: area.parent !== undefined,
          ...(row ? { grade: row.grade, position: row.position } : {}),
        },
      ];
    });
    return {
      event: eventId,
      dateLabel: formatPartialDate(event.date.slice(0, 7)),
      frameworkName: framework.shortName,
      scale: [...framework.scale].sort((a, b) => a.position - b.position).map((grade) => grade.label),
      areas,
    };
  });
}


function gradeCounts(matrix: AreaMatrix): string {
  return matrix.scale
    .map((grade, index) => ({ grade, count: matrix.areas.filter((area) => area.position === index + 1).length }))
    .filter(({ count }) => count > 0)
    .map(({ grade, count }) => `${count} ${grade.toLowerCase()}`)
    .join(', ');
}

function judgementRows(data: SiteData, id: string, group: string): ChartDataRow[] {
  const row = data.judgements.find((candidate) => candidate.id === id)!;
  const event = data.timeline.find((candidate) => candidate.id === row.event);
  return row.citations.map((citation) => {
    const claim = event?.dateClaims.find((candidate) => candidate.document === citation.document);
    return {
      label: `${group}: ${row.section ? `${row.section}, ` : ''}${row.areaLabel}`,
      value: row.grade,
      number: row.position,
      unit: `place on the ${row.frameworkName} scale of ${row.scaleSize}, 1 best`,
      when: claim ? formatDateSpan(claim.date, claim.end) : formatPartialDate(row.date),
      date: claim?.date ?? row.date,
      qualifiers: [
        ...(row.gradeAsWritten.toLowerCase() !== row.grade.toLowerCase() ? [`written “${row.gradeAsWritten}”`] : []),
        ...(citation.role === 'mention' ? ['reported by a later document'] : []),
        ...(event?.dateConflict ? ['sources disagree on the date'] : []),
      ],
      document: citation.document,
      ...(citation.quote ? { quote: citation.quote } : {}),
    };
  });
}

function visitRows(data: SiteData, visit: UngradedVisit): ChartDataRow[] {
  const event = data.timeline.find((candidate) => candidate.id === visit.id)!;
  return event.citations.map((citation) => ({
    label: `Not graded: ${EVENT_KIND_LABEL[visit.kind].toLowerCase()}, ${visit.title}`,
    value: 'Not graded',
    when: visit.dateLabel,
    date: visit.date,
    qualifiers: citation.role === 'mention' ? ['reported by a later document'] : ['the event’s own record'],
    document: citation.document,
    ...(citation.quote ? { quote: citation.quote } : {}),
  }));
}

/** The grades chart as an inline SVG string, `width` units wide. */
export function renderGradesChart(spec: GradesChartSpec, { width }: { width: number }): string {
  return renderGradesSvg(spec, width);
}
