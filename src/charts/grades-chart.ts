import type { SiteData } from '../derive/derive-site-data.ts';
import { EVENT_KIND_LABEL } from '../lib/labels.ts';
import { formatDateSpan, formatPartialDate } from '../lib/partial-dates.ts';
import type { EventKind, Framework, JudgementRow } from '../schema/index.ts';
import { shapeAreaRecord, type AreaRecord } from './area-record.ts';
import { documentsCited, fitAlt, listInWords, lowestVerdict, plural, verdictsInWords, type ChartDataRow } from './chart-spec.ts';
import { renderGradesSvg } from './grades-panels.ts';
import { gatherVisits, VISITS_DRAWN } from './grades-visit-groups.ts';
import type { OverallJudgement, GradedWithoutOverall, ScaleRegion, PathSegment, UngradedVisit, GradesChartSpec } from './grades-types.ts';

export type { OverallJudgement, GradedWithoutOverall, ScaleRegion, PathSegment, UngradedVisit, GradesChartSpec } from './grades-types.ts';

const UNGRADED_KINDS: ReadonlySet<EventKind> = new Set(['unannounced-inspection', 'monitoring-visit', 'focused-visit']);

/**
 * The grades chart from the derived data: overall effectiveness on each
 * framework's own scale, with each framework's band running until the next;
 * inspections that graded areas but gave no overall grade; the visits that
 * give no grade; and the area-by-area record across every graded
 * inspection. A path joins judgements only within one framework.
 */
export function shapeGradesChart(data: SiteData): GradesChartSpec {
  const overall = overallJudgements(data);
  const path = overall.slice(1).flatMap((judgement, index): PathSegment[] =>
    judgement.framework === overall[index].framework && judgement.sections.join() === overall[index].sections.join()
      ? [{ from: index, to: index + 1, framework: judgement.framework }]
      : [],
  );
  const noOverall: GradedWithoutOverall[] = data.timeline
    .filter((event) => event.graded && !event.outcome && event.framework && data.judgements.some((row) => row.event === event.id && row.position !== undefined))
    .map((event) => ({ event: event.id, framework: event.framework!, date: event.date, precision: event.precision, dateLabel: formatDateSpan(event.date, event.end), knownFromMentionsOnly: event.knownFromMentionsOnly }));
  const years: [number, number] = [Number(data.timeline[0].date.slice(0, 4)), Number(data.timeline.at(-1)!.date.slice(0, 4))];
  const regions = scaleRegions(data.frameworks, [...overall.map((judgement) => ({ framework: judgement.framework, event: judgement.event })), ...noOverall], years);
  const ungraded: UngradedVisit[] = data.timeline
    .filter((event) => UNGRADED_KINDS.has(event.kind) && !event.graded)
    .map((event) => ({ id: event.id, knownFromMentionsOnly: event.knownFromMentionsOnly, kind: event.kind, title: event.title, date: event.date, precision: event.precision, dateLabel: formatDateSpan(event.date, event.end) }));
  const areas = shapeAreaRecord(data);
  // What is drawn: a marker per visit, or past VISITS_DRAWN one per kind and period; the words (title, alt, row labels) count every visit.
  const visitGroups = gatherVisits(ungraded, years);
  const visitMark = new Map(visitGroups?.groups.flatMap((group) => group.members.map((id) => [id, group.id] as const)));

  const rows = [
    ...overall.flatMap((judgement) => judgement.ids.flatMap((id) => judgementRows(data, id, 'Overall effectiveness'))),
    ...noOverall.flatMap((event) => noOverallRows(data, event)),
    ...ungraded.flatMap((visit) => visitRows(data, visit, visitMark.get(visit.id) ?? visit.id)),
    ...areaRows(data),
  ];
  const steps = overall
    .filter((judgement, index) => index === overall.findIndex((other) => other.event === judgement.event))
    .map((judgement) => ({ grade: judgement.grade.toLowerCase(), year: judgement.dates[0].date.slice(0, 4), position: judgement.position, framework: judgement.framework }));
  const latestOverall = steps.at(-1);
  const laterWithoutOverall = noOverall.filter((event) => !latestOverall || event.date.slice(0, 4) > latestOverall.year);
  const breaks = regions.slice(1).map((region) => region.from);
  const latestColumn = areas.columns.at(-1);
  const latestCells = latestColumn ? areas.cells.filter((cell) => cell.event === latestColumn.event && cell.grades.length > 0) : [];

  return {
    title: gradesTitle(steps, laterWithoutOverall),
    subtitle: `Overall effectiveness at each graded inspection, on its framework's own scale, with the visits that give no grade; below, every graded inspection area by area${areas.columns.length ? `, ${areas.columns[0].year} to ${latestColumn!.year}` : ''}.`,
    alt: fitAlt(
      steps.length ? `Ofsted judged Manchester's children's services ${steps.length <= 5 ? listInWords(steps.map((step) => `${step.grade} in ${step.year}`)) : `${steps[0].grade} in ${steps[0].year} at first and ${latestOverall!.grade} in ${latestOverall!.year} most recently, across ${steps.length} overall judgements`}.` : 'No overall grade in the documents we hold.',
      laterWithoutOverall.length > 0 && `${plural(laterWithoutOverall.length, 'later inspection')} graded areas with no overall grade.`,
      breaks.length > 0 && `The framework and its scale changed in ${breaks.length <= 3 ? listInWords(breaks.map(String)) : `${breaks.length} years`}: no line joins grades across a change.`,
      latestColumn && latestCells.length > 0 && [`Area by area in ${latestColumn.year}: ${latestCells.map((cell) => `${topicLabel(areas, cell.topic).toLowerCase()} ${cell.grades.map((grade) => grade.grade.toLowerCase()).join(' / ')}`).join(', ')}.`, `${latestCells.length} areas were graded in ${latestColumn.year}.`],
      `${plural(ungraded.length, 'visit')} gave no grade.`,
    ),
    notes: [
      ...regions.slice(1).map(
        (region, index) =>
          `From ${region.from} Ofsted inspected under ${region.name}, with its own scale: “${regions[index].scale[2]}” on the old scale and “${region.scale[2] ?? region.scale.at(-1)}” on the new one are different judgements, so no line joins grades across the change.`,
      ),
      ...regions.filter((region) => region.inspections === 0).map((region) => `Ofsted inspected under ${region.name} from ${region.from}; the documents we hold report no graded inspection under it.`),
      ...(noOverall.length
        ? [`${noOverall.length <= 3 ? listInWords(noOverall.map((event) => event.dateLabel)) : `${noOverall.length} inspections from ${noOverall[0].date.slice(0, 4)}`}: graded area by area with no overall grade, so drawn as squares on a row of their own, with their area grades in the record below.`]
        : []),
      ...overall.filter((judgement) => judgement.sourcesDisagree).map((judgement) => `The ${judgement.grade.toLowerCase()} judgement is dated ${judgement.dateLabel} by different sources; both dates are drawn, joined.`),
      ...overall.filter((judgement) => judgement.dates.every((date) => date.precision === 'year')).map((judgement) => `The ${judgement.dates[0].date} ${judgement.grade.toLowerCase()} judgement is known only to the year: the bracket spans it.`),
      ...(overall.some((judgement) => judgement.knownFromMentionsOnly) ? ['Inspections we know only from later documents are drawn hollow: we do not hold their reports, only the grades those documents give.'] : []),
      ...(visitGroups
        ? [
            `With more than ${VISITS_DRAWN} visits that give no grade, each kind's visits are gathered: one marker ${visitGroups.period === 1 ? 'a year' : `for every ${visitGroups.period} years`}, with the number of visits beneath it, hollow only if every visit it counts is known only from later documents. The table lists each visit.`,
          ]
        : []),
      ...jointJudgementNotes(areas),
      ...headlineNotes(areas),
      'The area-by-area record shows each grade in words; where words do not fit they are shortened, and the key spells them out. The table below lists every judgement, including each report’s full list of sub-judgements.',
    ],
    sourceDocuments: documentsCited(rows, data.documents.map((doc) => doc.slug)),
    rows,
    overall,
    noOverall,
    path,
    regions,
    ungraded,
    ...(visitGroups ? { visitGroups } : {}),
    areas,
    years,
  };
}

interface Step {
  grade: string;
  year: string;
  position: number;
  framework: string;
}

/**
 * The headline in a reader's words: the first verdict, the lowest and the
 * latest, and whether every inspection since the lowest was better than
 * the one before; positions are compared only within one framework's scale
 * or by the scales' shared best and worst, never "adequate" against
 * "requires improvement".
 */
function gradesTitle(steps: readonly Step[], laterWithoutOverall: readonly GradedWithoutOverall[]): string {
  const tail = laterWithoutOverall.length ? `; since ${laterWithoutOverall[0].date.slice(0, 4)}, graded area by area with no overall grade` : '';
  if (steps.length === 0) return laterWithoutOverall.length ? `Ofsted graded Manchester's children's services area by area, with no overall grade` : 'Ofsted’s verdicts: no graded inspection in the documents we hold';
  if (steps.length === 1) return `Ofsted judged Manchester's children's services ${steps[0].grade} in ${steps[0].year}${tail}`;
  const worstIndex = lowestVerdict(steps);
  const since = steps.slice(worstIndex);
  const betterEachTime = since.length > 2 && since.every((step, index) => index === 0 || step.position < since[index - 1].position);
  const words = capitalise(verdictsInWords(steps));
  if (tail) return `${words}${tail}`;
  return betterEachTime ? `${words}: better at every inspection since ${steps[worstIndex].year}` : `${words}: Ofsted’s verdicts on Manchester’s children’s services`;
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

/**
 * One band per graded framework in use on the time axis, each running from
 * its first year (or the axis start) until the next band begins, or until
 * the framework ended, or to the axis end: a framework in force still has
 * its scale drawn across the years since.
 */
function scaleRegions(frameworks: readonly Framework[], graded: readonly { framework: string; event: string }[], [first, last]: [number, number]): ScaleRegion[] {
  const axisEnd = last + 1;
  const used = frameworks
    .filter((framework) => framework.graded && framework.years && framework.scale.length && framework.years.from < axisEnd && (framework.years.to ?? axisEnd) >= first)
    .sort((a, b) => a.years!.from - b.years!.from);
  return used.map((framework, index) => {
    const next = used[index + 1];
    const ended = framework.years!.to !== undefined ? framework.years!.to + 1 : axisEnd;
    const scale = [...framework.scale].sort((a, b) => a.position - b.position);
    return {
      framework: framework.id,
      name: framework.shortName,
      from: Math.max(first, framework.years!.from),
      to: Math.min(axisEnd, next ? Math.max(next.years!.from, first) : ended),
      scale: scale.map((grade) => grade.label),
      aliases: scale.map((grade) => grade.aliases),
      inspections: new Set(graded.filter((judgement) => judgement.framework === framework.id).map((judgement) => judgement.event)).size,
    };
  });
}

function topicLabel(areas: AreaRecord, topic: string): string {
  return areas.topics.find((candidate) => candidate.id === topic)?.label ?? topic;
}

/** Notes for areas that judged two topics together, once per pair and framework wording. */
function jointJudgementNotes(areas: AreaRecord): string[] {
  const byPair = new Map<string, string[]>();
  for (const cell of areas.cells.filter((candidate) => candidate.judgedWith.length > 0)) {
    const topics = [cell.topic, ...cell.judgedWith].sort((a, b) => areas.topics.findIndex((topic) => topic.id === a) - areas.topics.findIndex((topic) => topic.id === b));
    const key = topics.join('+');
    const year = areas.columns.find((column) => column.event === cell.event)!.year;
    byPair.set(key, [...new Set([...(byPair.get(key) ?? []), year])]);
  }
  return [...byPair].map(([key, years]) => {
    const names = key.split('+').map((topic) => topicLabel(areas, topic).toLowerCase());
    return `In ${listInWords(years)}, ${listInWords(names)} were judged together, as one judgement: the record gives the grade on both rows, joined by a bracket.`;
  });
}

/** A note for inspections whose framework has no overall area: the record's overall row holds their headline judgements. */
function headlineNotes(areas: AreaRecord): string[] {
  const years = [...new Set(areas.cells.filter((cell) => cell.fromHeadlines && cell.grades.length > 1).map((cell) => areas.columns.find((column) => column.event === cell.event)!.year))];
  return years.length ? [`In ${listInWords(years)} the framework gave no single overall judgement: the overall row gives its headline judgements (${listInWords([...new Set(areas.cells.filter((cell) => cell.fromHeadlines).flatMap((cell) => cell.grades.map((grade) => grade.areaLabel.split(':')[0].toLowerCase())))])}).`] : [];
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
        ...(row.topics.length > 1 ? [`judged together: ${row.topics.join(' and ')}`] : []),
      ],
      document: citation.document,
      ...(citation.quote ? { quote: citation.quote } : {}),
      mark: id,
    };
  });
}

/** Every graded area judgement that is not the headline, grouped by inspection: the record, and each report's whole list. */
function areaRows(data: SiteData): ChartDataRow[] {
  const rows = data.judgements.filter((row) => !row.headline && row.position !== undefined && row.framework);
  return rows.flatMap((row) => {
    const event = data.timeline.find((candidate) => candidate.id === row.event)!;
    const topics = row.topics.map((topic) => data.topics.find((candidate) => candidate.id === topic)?.label ?? topic);
    return judgementRows(data, row.id, `${formatPartialDate(event.date.slice(0, 7))} inspection, ${topics.length ? topics.join(' and ').toLowerCase() : 'by area'}`);
  });
}

function noOverallRows(data: SiteData, event: GradedWithoutOverall): ChartDataRow[] {
  const timelineEvent = data.timeline.find((candidate) => candidate.id === event.event)!;
  const framework = data.frameworks.find((candidate) => candidate.id === event.framework);
  return timelineEvent.citations.map((citation) => ({
    label: `Overall effectiveness: ${timelineEvent.title}`,
    value: 'No overall grade (areas graded)',
    when: event.dateLabel,
    date: event.date,
    qualifiers: [framework ? `${framework.shortName}: areas graded, no overall grade` : 'areas graded, no overall grade', ...(citation.role === 'mention' ? ['reported by a later document'] : [])],
    document: citation.document,
    ...(citation.quote ? { quote: citation.quote } : {}),
    mark: event.event,
  }));
}

/** A visit's rows, drawn by its own marker or, gathered, by its kind and period's (`mark`). */
function visitRows(data: SiteData, visit: UngradedVisit, mark: string): ChartDataRow[] {
  const event = data.timeline.find((candidate) => candidate.id === visit.id)!;
  return event.citations.map((citation) => ({
    label: `Not graded: ${EVENT_KIND_LABEL[visit.kind].toLowerCase()}, ${visit.title}`,
    value: 'Not graded',
    when: visit.dateLabel,
    date: visit.date,
    qualifiers: citation.role === 'mention' ? ['reported by a later document'] : ['the event’s own record'],
    document: citation.document,
    ...(citation.quote ? { quote: citation.quote } : {}),
    mark,
  }));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The grades chart as an inline SVG string, `width` units wide. */
export function renderGradesChart(spec: GradesChartSpec, { width }: { width: number }): string {
  return renderGradesSvg(spec, width);
}
