import type { SiteData } from '../lib/derive-site-data.ts';
import { formatFigureValue } from '../lib/format-figure.ts';
import type { DatePrecision, FigureRow } from '../schema/index.ts';
import { countInWords, documentsCited, fitAlt, listInWords, yearsInWords, type ChartDataRow, type ChartSpecBase } from './chart-spec.ts';
import { renderCaseloadSvg } from './caseload-panels.ts';
import { chartDocument, sourceLabel } from './source-label.ts';

/** The measure this chart shows (an id in content/metrics.yaml). */
export const CASELOAD_METRIC = 'caseload';

/** A caseload the source gives as a number or a range: drawn on the numeric axis. */
export interface CaseloadNumber {
  id: string;
  kind: 'number' | 'range';
  /** The number, for a single value. */
  value?: number;
  /** The ends, for a range. */
  low?: number;
  high?: number;
  unit?: string;
  date: string;
  precision: DatePrecision;
  /** The period as the source names it. */
  when: string;
  document: string;
  /** The document, named briefly for the chart. */
  source: string;
  qualifiers: string[];
}

/**
 * What one document says about caseloads in words, at one date: drawn in a
 * band of its own, never on the numeric axis, because it has no number.
 */
export interface CaseloadStatement {
  ids: string[];
  /** The statement shown: the words the document uses most often. */
  text: string;
  /** How many statements the document makes at that date. */
  count: number;
  date: string;
  precision: DatePrecision;
  when: string;
  document: string;
  source: string;
}

export interface CaseloadChartSpec extends ChartSpecBase {
  numbers: CaseloadNumber[];
  statements: CaseloadStatement[];
  years: [number, number];
  /** Top of the numeric axis. */
  yMax: number;
}

/** The caseload chart from the derived data: numbers, ranges and words, each kept as the source gives it. */
export function shapeCaseloadChart(data: SiteData): CaseloadChartSpec {
  const figures = data.figures.filter((figure) => figure.metric === CASELOAD_METRIC && figure.place === 'Manchester');
  const numbers: CaseloadNumber[] = figures
    .filter((figure) => figure.valueKind === 'number' || figure.valueKind === 'range')
    .map((figure) => ({
      id: figure.id,
      kind: figure.valueKind as 'number' | 'range',
      ...(figure.valueKind === 'number' ? { value: figure.value } : { low: figure.low, high: figure.high }),
      ...(figure.unit ? { unit: figure.unit } : {}),
      date: figure.date,
      precision: figure.precision,
      when: figure.period,
      document: figure.document,
      source: sourceLabel(chartDocument(data, figure.document)),
      qualifiers: figure.qualifiers,
    }))
    .sort((a, b) => a.date.localeCompare(b.date));
  const statements = groupStatements(data, figures.filter((figure) => figure.valueKind === 'qualitative'));
  const dates = figures.map((figure) => figure.date).sort();
  const years: [number, number] = [Number(dates[0].slice(0, 4)), Number(dates.at(-1)!.slice(0, 4))];
  const highest = Math.max(...numbers.map((number) => number.high ?? number.value ?? 0));
  const rows = figures.map((figure) => figureRow(figure));
  const wordsOnly = statements.filter((statement) => !numbers.some((number) => number.date.slice(0, 4) === statement.date.slice(0, 4)));
  const numberWord = (number: CaseloadNumber) => `${number.kind === 'range' ? `${number.low} to ${number.high}` : `an average of ${number.value}`} (${number.date.slice(0, 4)})`;
  const highYears = statements.filter((statement) => /\bhigh caseloads\b/.test(statement.text)).map((statement) => statement.date.slice(0, 4));
  const [first, latest] = [numbers[0], numbers.at(-1)];
  const numberDocuments = new Set(numbers.map((number) => number.document)).size;

  // Every number when there are few; else the first and the latest, with a count.
  const titleNumbers =
    numbers.length === 0
      ? ''
      : numbers.length === 1
        ? `the only number, from ${first!.date.slice(0, 4)}, puts them at ${numberWord(first!)}`
        : numbers.length <= 3
          ? `the first numbers, from ${first!.date.slice(0, 4)}, put them at ${listInWords(numbers.map(numberWord))}`
          : `${numbers.length} numbers since ${first!.date.slice(0, 4)}, the latest ${numberWord(latest!)}`;
  const titleWords = highYears.length ? `Caseloads were called “high” in ${yearsInWords(highYears)}` : '';
  const altNumbers =
    numbers.length === 0
      ? 'No document gives them as a number.'
      : numbers.length === 1
        ? `The only number is ${numberWord(first!)}`
        : numbers.length <= 3
          ? `The first numbers are ${listInWords(numbers.map(numberWord))}`
          : `There are ${numbers.length} numbers: the first ${numberWord(first!)}, the latest ${numberWord(latest!)}`;
  const altWords = wordsOnly.length
    ? `the documents describe them only in words in ${yearsInWords(wordsOnly.map((statement) => statement.date.slice(0, 4)))}${highYears.length ? `, as “high” in ${yearsInWords(highYears)}` : ''}.`
    : highYears.length
      ? `the documents call them “high” in ${yearsInWords(highYears)}.`
      : '';

  return {
    title: titleWords && titleNumbers ? `${titleWords}; ${titleNumbers}` : titleWords || capitalise(titleNumbers) || 'Caseloads, as the documents describe them',
    subtitle: `Social workers' caseloads in Manchester as the documents give them: a number, a range, or only words.`,
    alt: fitAlt(
      altWords ? `Caseloads in Manchester: ${altWords}` : `Caseloads in Manchester, ${years[0]} to ${years[1]}.`,
      numbers.length ? [`${altNumbers}, from ${sourcesInWords(data, numbers)}.`, `${altNumbers}.`] : altNumbers,
    ),
    notes: [
      'Statements in words have no number, so they sit in a band of their own, above the scale, and are not placed on it.',
      ...numbers.map((number) => {
        const figure = figures.find((candidate) => candidate.id === number.id)!;
        const value = number.kind === 'range' ? `${number.low} to ${number.high}` : String(number.value);
        return `${value}, ${number.when}: ${[figure.label.toLowerCase(), ...figure.qualifiers].join('; ')}.${figure.note ? ` ${figure.note}` : ''}`;
      }),
      ...(numbers.length < 2
        ? []
        : numberDocuments > 1
          ? [`The ${countInWords(numbers.length)} numbers come from ${numberDocuments === numbers.length ? 'different sources' : `${countInWords(numberDocuments)} different sources`} and may count differently (cases or children), so the chart does not join them into a trend.`]
          : [`The ${countInWords(numbers.length)} numbers come from one document; the chart does not join them into a trend.`]),
    ],
    sourceDocuments: documentsCited(rows, data.documents.map((doc) => doc.slug)),
    rows,
    numbers,
    statements,
    years,
    yMax: Math.max(10, Math.ceil((highest * 1.2) / 10) * 10),
  };
}

const SOURCE_KIND_WORDS: Record<string, [string, string]> = {
  'council-report': ['a council report', 'council reports'],
  'news-article': ['a news report', 'news reports'],
  'inspection-report': ['an Ofsted inspection report', 'Ofsted inspection reports'],
  'monitoring-visit-letter': ['an Ofsted letter', 'Ofsted letters'],
  'focused-visit-letter': ['an Ofsted letter', 'Ofsted letters'],
};

/** The kinds of document the numbers come from, e.g. "a council report and a news report". */
function sourcesInWords(data: SiteData, numbers: readonly CaseloadNumber[]): string {
  const slugs = [...new Set(numbers.map((number) => number.document))];
  const byWords = new Map<string, number>();
  for (const slug of slugs) {
    const kind = chartDocument(data, slug).kind;
    const key = SOURCE_KIND_WORDS[kind] ? kind : 'document';
    byWords.set(key, (byWords.get(key) ?? 0) + 1);
  }
  return listInWords([...byWords].map(([kind, count]) => {
    const [one, several] = SOURCE_KIND_WORDS[kind] ?? ['a document', 'documents'];
    return count === 1 ? one : `${countInWords(count)} ${several}`;
  }));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Statements grouped by document and date: one mark each. */
function groupStatements(data: SiteData, figures: readonly FigureRow[]): CaseloadStatement[] {
  const groups = new Map<string, FigureRow[]>();
  for (const figure of figures) {
    const key = `${figure.date}|${figure.document}`;
    groups.set(key, [...(groups.get(key) ?? []), figure]);
  }
  return [...groups.values()]
    .map((group): CaseloadStatement => ({
      ids: group.map((figure) => figure.id),
      text: mostUsedText(group),
      count: group.length,
      date: group[0].date,
      precision: group[0].precision,
      when: group[0].period,
      document: group[0].document,
      source: sourceLabel(chartDocument(data, group[0].document)),
    }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** The words a group uses most often; on a tie, the first in the document. */
function mostUsedText(group: readonly FigureRow[]): string {
  const counts = new Map<string, number>();
  for (const figure of group) counts.set(figure.text!, (counts.get(figure.text!) ?? 0) + 1);
  return [...counts.entries()].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

function figureRow(figure: FigureRow): ChartDataRow {
  return {
    label: figure.label,
    value: formatFigureValue(figure),
    ...(figure.value !== undefined ? { number: figure.value } : {}),
    ...(figure.low !== undefined ? { low: figure.low, high: figure.high } : {}),
    ...(figure.unit ? { unit: figure.unit } : {}),
    when: figure.period,
    date: figure.date,
    qualifiers: figure.valueKind === 'qualitative' ? ['in words: no number', ...figure.qualifiers] : figure.qualifiers,
    document: figure.document,
    quote: figure.quote,
    ...(figure.note ? { note: figure.note } : {}),
  };
}


/** The caseload chart as an inline SVG string, `width` units wide. */
export function renderCaseloadChart(spec: CaseloadChartSpec, { width }: { width: number }): string {
  return renderCaseloadSvg(spec, width);
}
