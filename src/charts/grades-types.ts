import type { DatePrecision, EventKind } from '../schema/index.ts';
import type { AreaRecord } from './area-record.ts';
import type { ChartSpecBase } from './chart-spec.ts';
// The grades chart's shape, shared by the module that shapes it
// (grades-chart.ts) and the panels that draw it, so that none of them
// imports another for its types.

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

/** An inspection that graded areas but gave no overall grade (Ofsted's reformed inspections can). */
export interface GradedWithoutOverall {
  event: string;
  framework: string;
  date: string;
  precision: DatePrecision;
  dateLabel: string;
  knownFromMentionsOnly: boolean;
}

/** A framework's span of years and its scale, for one band of the chart. */
export interface ScaleRegion {
  framework: string;
  name: string;
  /** First year (inclusive) and the year after the last drawn: the next framework's first year, or the axis end. */
  from: number;
  to: number;
  /** Grade names, best first: position = index + 1. */
  scale: string[];
  /** Other wordings of each grade, by position, so a grade can be shortened in the framework's own words. */
  aliases: string[][];
  /** How many graded inspections the documents hold under it. */
  inspections: number;
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

/** One marker of gathered visits: every visit of one kind in a period of years (grades-visit-groups.ts). */
export interface VisitGroup {
  /** The mark id its rows carry: the visit's own id when it counts one visit. */
  id: string;
  kind: EventKind;
  /** First year, and the year after the last. */
  from: number;
  to: number;
  /** The ids of the visits it counts, in the chart's order. */
  members: string[];
  /** Drawn hollow: every visit it counts is known only from later documents. */
  knownFromMentionsOnly: boolean;
}

/** The visits' row once there are too many to draw one by one: a marker per kind per `period` years. */
export interface VisitGroups {
  period: number;
  groups: VisitGroup[];
}

export interface GradesChartSpec extends ChartSpecBase {
  overall: OverallJudgement[];
  noOverall: GradedWithoutOverall[];
  path: PathSegment[];
  regions: ScaleRegion[];
  /** Every visit that gave no grade, each counted in the words. */
  ungraded: UngradedVisit[];
  /** Past VISITS_DRAWN visits, how they are drawn: gathered by kind and period. Absent, one marker per visit. */
  visitGroups?: VisitGroups;
  areas: AreaRecord;
  /** First and last year on the time axis. */
  years: [number, number];
}
