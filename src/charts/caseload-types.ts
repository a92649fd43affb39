import type { DatePrecision, Statistic } from '../schema/index.ts';
import type { ChartSpecBase } from './chart-spec.ts';
// The caseload chart's shape, shared by the module that shapes it
// (caseload-chart.ts) and the one that draws it (caseload-panels.ts), so that
// neither imports the other for its types.

/** One place's annual statistic: a line. */
export interface CaseloadSeries {
  place: string;
  points: { id: string; year: number; date: string; value: number; document: string }[];
}

/** What kind of mark a reported number is, by the statistic it is. */
export type MarkType = 'average' | 'extreme' | 'lower-bound' | 'upper-bound' | 'limit' | 'unstated' | 'range';

/** A caseload a document reports as a number or a range, at its own date: a mark on the scale. */
export interface CaseloadMark {
  id: string;
  /** Its number in the chart's key and the data table, when its label does not fit. */
  key: number;
  type: MarkType;
  value?: number;
  low?: number;
  high?: number;
  statistic?: Statistic;
  /** Whom it covers, as the document says. */
  population?: string;
  /** The number in words that say what it is: "over 40", "up to 50", "20" (never "average" unless it is a mean). */
  words: string;
  date: string;
  precision: DatePrecision;
  when: string;
  document: string;
  /** The document, named briefly ("12 documents" for a gathered mark). */
  source: string;
  /**
   * A mark standing for several reported figures of its kind near the same
   * spot (caseload-groups.ts): their ids. Its value is their median, `low`
   * and `high` the span of their values, drawn as a whisker.
   */
  members?: string[];
}

/** What documents say about caseloads with no level to place on the scale: words, or a count or change. */
export interface CaseloadStatement {
  id: string;
  text: string;
  date: string;
  precision: DatePrecision;
  when: string;
  document: string;
}

/** A year's statements off the scale, drawn as one bar when there are too many to draw one by one. */
export interface CaseloadStatementYear {
  /** The mark id its rows share. */
  id: string;
  year: number;
  count: number;
  members: string[];
}

export interface CaseloadChartSpec extends ChartSpecBase {
  series: CaseloadSeries[];
  marks: CaseloadMark[];
  statements: CaseloadStatement[];
  /** The statements as a bar a year, once there are more than STATEMENTS_DRAWN. */
  statementYears?: CaseloadStatementYear[];
  years: [number, number];
  /** Top of the numeric axis. */
  yMax: number;
}
