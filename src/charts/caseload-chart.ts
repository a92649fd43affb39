import type { SiteData } from '../derive/derive-site-data.ts';
import { formatFigureValue } from '../lib/format-figure.ts';
import type { FigureRow, Statistic } from '../schema/index.ts';
import { documentsCited, fitAlt, listInWords, plural, yearsInWords, type ChartDataRow } from './chart-spec.ts';
import { gatherMarks, MARKS_DRAWN, statementYears } from './caseload-groups.ts';
import { renderCaseloadSvg } from './caseload-panels.ts';
import { chartDocument, sourceLabel } from './source-label.ts';
import type { CaseloadSeries, MarkType, CaseloadMark, CaseloadStatement, CaseloadChartSpec } from './caseload-types.ts';

export type { CaseloadSeries, MarkType, CaseloadMark, CaseloadStatement, CaseloadChartSpec } from './caseload-types.ts';

/**
 * The measures this chart shows (ids in content/metrics.yaml): social
 * workers' caseloads as documents report them, and the DfE's annual
 * statistic, the average caseload per full-time-equivalent social worker.
 * Independent reviewing officers' caseloads (`iro-caseload`) are a different
 * job and are not drawn.
 */
export const CASELOAD_METRICS = { reported: 'caseload', perFte: 'caseload-per-fte', reviewingOfficers: 'iro-caseload' } as const;

/** The place the chart is about; its series is drawn first and strongest. */
const HOME = 'Manchester';
/** The comparison the headline makes. */
const NATIONAL = 'England';

/** Statistics that are a caseload level, so can sit on the scale. Counts, totals, rates, shares and changes cannot. */
const LEVELS: ReadonlySet<Statistic> = new Set(['mean', 'median', 'max', 'min', 'lower-bound', 'upper-bound', 'cap', 'target', 'threshold']);

const MARK_TYPE: Partial<Record<Statistic, MarkType>> = {
  mean: 'average',
  median: 'average',
  max: 'extreme',
  min: 'extreme',
  'lower-bound': 'lower-bound',
  'upper-bound': 'upper-bound',
  cap: 'limit',
  target: 'limit',
  threshold: 'limit',
};

/**
 * A reported number in words that say what kind of number it is.
 * @example markWords({ valueKind: 'number', value: 40, statistic: 'lower-bound' }) // 'over 40'
 * @example markWords({ valueKind: 'number', value: 20 }) // '20'
 */
export function markWords(figure: Pick<FigureRow, 'valueKind' | 'value' | 'low' | 'high' | 'statistic'>): string {
  if (figure.valueKind === 'range') return `${figure.low} to ${figure.high}${figure.statistic === 'mean' ? ' on average' : ''}`;
  const value = String(figure.value);
  switch (figure.statistic) {
    case 'mean':
      return `${value} on average`;
    case 'median':
      return `median ${value}`;
    case 'max':
      return `up to ${value}`;
    case 'min':
      return `${value}, the fewest`;
    case 'lower-bound':
      return `over ${value}`;
    case 'upper-bound':
      return `under ${value}`;
    case 'cap':
      return `capped at ${value}`;
    case 'target':
      return `target of ${value}`;
    case 'threshold':
      return `threshold of ${value}`;
    default:
      return value;
  }
}

const byDate = (a: { date: string; id: string }, b: { date: string; id: string }) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id);

/**
 * The caseload chart from the derived data: the DfE's annual statistic as a
 * line for each place, and what documents report, each mark typed by the
 * statistic it is and labelled with whom it covers; statements with no
 * level to place sit in a band of their own.
 */
export function shapeCaseloadChart(data: SiteData): CaseloadChartSpec {
  const reported = data.figures.filter((figure) => figure.metric === CASELOAD_METRICS.reported && figure.place === HOME).sort(byDate);
  const perFte = data.figures.filter((figure) => figure.metric === CASELOAD_METRICS.perFte && figure.value !== undefined).sort(byDate);
  const reviewingOfficers = data.figures.filter((figure) => figure.metric === CASELOAD_METRICS.reviewingOfficers && figure.place === HOME);

  const places = [...new Set(perFte.map((figure) => figure.place))].sort((a, b) => placeOrder(a) - placeOrder(b) || a.localeCompare(b));
  const series: CaseloadSeries[] = places.map((place) => ({
    place,
    points: perFte.filter((figure) => figure.place === place).map((figure) => ({ id: figure.id, year: Number(figure.date.slice(0, 4)), date: figure.date, value: figure.value!, document: figure.document })),
  }));
  const onScale = (figure: FigureRow) => (figure.valueKind === 'number' || figure.valueKind === 'derived' || figure.valueKind === 'range') && (figure.statistic === undefined || LEVELS.has(figure.statistic));
  const each: CaseloadMark[] = reported.filter(onScale).map((figure, index) => ({
    id: figure.id,
    key: index + 1,
    type: figure.valueKind === 'range' ? 'range' : figure.statistic ? MARK_TYPE[figure.statistic]! : 'unstated',
    ...(figure.valueKind === 'range' ? { low: figure.low, high: figure.high } : { value: figure.value }),
    ...(figure.statistic ? { statistic: figure.statistic } : {}),
    ...(figure.population ? { population: figure.population } : {}),
    words: markWords(figure),
    date: figure.date,
    precision: figure.precision,
    when: figure.period,
    document: figure.document,
    source: sourceLabel(chartDocument(data, figure.document)),
  }));
  const statements: CaseloadStatement[] = reported
    .filter((figure) => !onScale(figure))
    .map((figure) => ({ id: figure.id, text: figure.text ?? formatFigureValue(figure), date: figure.date, precision: figure.precision, when: figure.period, document: figure.document }));
  // What is drawn: each mark alone, or past MARKS_DRAWN gathered by kind and spot; the words (title, alt) count every figure.
  const drawn = gatherMarks(each);
  const byYear = statementYears(statements);
  const markOf = new Map<string, { id: string; key?: number }>([
    ...drawn.flatMap((mark) => (mark.members ?? [mark.id]).map((id) => [id, { id: mark.id, key: mark.key }] as const)),
    ...(byYear ?? []).flatMap((year) => year.members.map((id) => [id, { id: year.id }] as const)),
  ]);
  const marks = each;

  const dates = [...reported, ...perFte].map((figure) => figure.date).sort();
  const years: [number, number] = dates.length ? [Number(dates[0].slice(0, 4)), Number(dates.at(-1)!.slice(0, 4))] : [2009, 2010];
  const highest = Math.max(0, ...marks.map((mark) => mark.high ?? mark.value ?? 0), ...perFte.map((figure) => figure.value!));
  const rows = [...perFte, ...reported].map((figure) => figureRow(figure, markOf.get(figure.id)));
  const home = series.find((line) => line.place === HOME);
  const national = series.find((line) => line.place === NATIONAL);
  const highYears = statements.filter((statement) => /\bhigh\b/i.test(statement.text)).map((statement) => statement.date.slice(0, 4));
  const levelTypes = new Set(marks.map((mark) => mark.type));

  return {
    title: caseloadTitle(home, national, marks, highYears),
    subtitle: `Cases per social worker in Manchester${national ? ' and England' : ''}: ${series.length ? 'the DfE’s annual average per full-time social worker (lines), and ' : ''}what inspectors and the council reported at other dates (marks), each marked by the kind of number it is.`,
    alt: fitAlt(
      home ? `${seriesSentence(home, national)}.` : marks.length ? `Caseloads reported in Manchester: ${marks.length <= 3 ? listInWords(marks.map((mark) => `${mark.words} (${mark.date.slice(0, 4)})`)) : `${plural(marks.length, 'number')}, the first ${marks[0].words} (${marks[0].date.slice(0, 4)}), the latest ${marks.at(-1)!.words} (${marks.at(-1)!.date.slice(0, 4)})`}.` : 'No document gives Manchester’s caseloads as a number.',
      marks.length > 0 && home && [`Inspectors and the council reported ${marks.length <= 3 ? listInWords(marks.map((mark) => `${mark.words}${mark.population ? ` (${mark.population})` : ''} in ${mark.date.slice(0, 4)}`)) : `${plural(marks.length, 'other number')}, from ${marks[0].words} in ${marks[0].date.slice(0, 4)} to ${marks.at(-1)!.words} in ${marks.at(-1)!.date.slice(0, 4)}`}.`, `Inspectors and the council reported ${plural(marks.length, 'other number')}.`],
      highYears.length > 0 && `Documents called caseloads high in ${yearsInWords(highYears)}.`,
    ),
    notes: [
      ...(series.length
        ? [`The lines are the DfE’s official statistics: the average caseload per full-time-equivalent case-holding children and family social worker, at 30 September each year${places.length > 1 ? `, for ${listInWords(places)}` : ''}.`]
        : []),
      ...(marks.length
        ? [
            `The marks are what inspectors and the council reported, at their own dates and often about some workers only${describeTypes(levelTypes)}: only a mark labelled “on average” is an average, and none counts the same way as the lines, so they are not joined to them.`,
          ]
        : []),
      ...(statements.length ? [`${plural(statements.length, 'statement')} with no caseload level (in words, or a count or change) ${statements.length === 1 ? 'is' : 'are'} marked in the band above the scale${byYear ? ', a bar for each year as tall as its count' : ''}, not placed on it; the table quotes each.`] : []),
      ...(drawn.length < marks.length ? [`With more than ${MARKS_DRAWN} reported numbers, those of one kind from the same quarter or year (and near the same level, where there is room) are drawn as one mark, at their median, with a whisker across their values; its label counts them, and the table lists each.`] : []),
      ...(marks.length ? ['A mark whose label does not fit carries a number instead: the key beneath the chart and the table give what it is.'] : []),
      ...(reviewingOfficers.length
        ? [`Independent reviewing officers’ caseloads (${listInWords([...new Set(reviewingOfficers.map((figure) => `${formatFigureValue(figure)} in ${figure.date.slice(0, 4)}`))].slice(0, 3))}) are not drawn: they count the children each reviewing officer oversees, a different job.`]
        : []),
    ],
    sourceDocuments: documentsCited(rows, data.documents.map((doc) => doc.slug)),
    rows,
    series,
    marks: drawn,
    statements,
    ...(byYear ? { statementYears: byYear } : {}),
    years,
    yMax: Math.max(10, Math.ceil((highest * 1.12) / 10) * 10),
  };
}

function placeOrder(place: string): number {
  return place === HOME ? 0 : place === NATIONAL ? 1 : 2;
}

const TYPE_WORDS: Record<MarkType, string> = {
  average: 'averages',
  extreme: 'the most or fewest any worker held',
  'lower-bound': 'lower bounds (“over”)',
  'upper-bound': 'upper bounds (“under”)',
  limit: 'limits (set, not measured)',
  unstated: 'numbers whose kind the source does not state',
  range: 'ranges',
};

function describeTypes(types: ReadonlySet<MarkType>): string {
  const words = [...types].filter((type) => type !== 'average').map((type) => TYPE_WORDS[type]);
  return words.length ? ` (${listInWords(words)})` : '';
}

function seriesSentence(home: CaseloadSeries, national: CaseloadSeries | undefined): string {
  const [first, last] = [home.points[0], home.points.at(-1)!];
  const verb = last.value < first.value ? 'fell' : last.value > first.value ? 'rose' : 'stayed';
  const subject =
    home.points.length === 1
      ? `Manchester’s caseload per social worker was ${first.value} in ${first.year}`
      : verb === 'stayed'
        ? `Manchester’s caseload per social worker stayed at ${last.value} from ${first.year} to ${last.year}`
        : `Manchester’s caseload per social worker ${verb} from ${first.value} to ${last.value} between ${first.year} and ${last.year}`;
  const nationalAt = (year: number) => national?.points.find((point) => point.year === year)?.value;
  const [nationalFirst, nationalLast] = [nationalAt(first.year), nationalAt(last.year)];
  if (nationalLast === undefined) return subject;
  const england = `England ${nationalFirst !== undefined && nationalFirst !== nationalLast && home.points.length > 1 ? `${nationalFirst} to ${nationalLast}` : nationalLast}`.replace('England ', '');
  const gapNow = last.value - nationalLast;
  const gapThen = nationalFirst === undefined ? undefined : first.value - nationalFirst;
  if (Math.abs(gapNow) < 0.05) return `${subject}, ${gapThen !== undefined && Math.abs(gapThen) >= 0.05 ? 'closing the gap with' : 'level with'} England (${england})`;
  if (gapThen !== undefined && Math.abs(gapNow) < Math.abs(gapThen) && Math.sign(gapNow) === Math.sign(gapThen)) return `${subject}, nearer England (${england})`;
  return `${subject}, ${gapNow > 0 ? 'above' : 'below'} England (${england})`;
}

function caseloadTitle(home: CaseloadSeries | undefined, national: CaseloadSeries | undefined, marks: readonly CaseloadMark[], highYears: readonly string[]): string {
  if (home) return seriesSentence(home, national);
  const high = highYears.length ? `Caseloads were called “high” in ${yearsInWords(highYears)}` : '';
  if (!marks.length) return high || 'Caseloads, as the documents describe them';
  const numbers = marks.length === 1 ? `the only number, from ${marks[0].date.slice(0, 4)}, is ${marks[0].words}` : `the numbers run from ${marks[0].words} (${marks[0].date.slice(0, 4)}) to ${marks.at(-1)!.words} (${marks.at(-1)!.date.slice(0, 4)})`;
  return high ? `${high}; ${numbers}` : numbers.charAt(0).toUpperCase() + numbers.slice(1);
}

function figureRow(figure: FigureRow, drawnBy: { id: string; key?: number } | undefined): ChartDataRow {
  const key = drawnBy?.key;
  return {
    label: `${figure.place === HOME ? '' : `${figure.place}: `}${figure.label}${figure.population ? ` (${figure.population})` : ''}`,
    value: figure.metric === CASELOAD_METRICS.reported && (figure.valueKind === 'number' || figure.valueKind === 'range') ? markWords(figure) : formatFigureValue(figure),
    ...(figure.value !== undefined ? { number: figure.value } : {}),
    ...(figure.low !== undefined ? { low: figure.low, high: figure.high } : {}),
    ...(figure.unit ? { unit: figure.unit } : {}),
    when: figure.period,
    date: figure.date,
    qualifiers: [
      ...(figure.valueKind === 'qualitative' ? ['in words: no number'] : []),
      ...(figure.statistic ? [`statistic: ${figure.statistic}`] : figure.valueKind === 'qualitative' ? [] : ['statistic not stated']),
      ...figure.qualifiers,
    ],
    document: figure.document,
    quote: figure.quote,
    ...(key !== undefined ? { key } : {}),
    ...(figure.note ? { note: figure.note } : {}),
    mark: drawnBy?.id ?? figure.id,
  };
}

/** The caseload chart as an inline SVG string, `width` units wide. */
export function renderCaseloadChart(spec: CaseloadChartSpec, { width }: { width: number }): string {
  return renderCaseloadSvg(spec, width);
}
