import type { DatePrecision, EventKind } from '../schema/index.ts';
import type { ChartSpecBase } from './chart-spec.ts';
// The timeline chart's shape, shared by the module that shapes it
// (timeline-chart.ts) and the two layouts that draw it, so that none of
// them imports another for its types.

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
  /** True for an inspection that graded areas but gave no overall grade: graded, never "not graded". */
  gradedWithoutOverall: boolean;
  /** Drawn hollow: we hold no record of it, only later documents' mentions. */
  knownFromMentionsOnly: boolean;
}

export interface TimelineChartSpec extends ChartSpecBase {
  events: TimelineMark[];
  /** First and last year shown. */
  years: [number, number];
}
