import type { ChartSpecBase } from './chart-spec.ts';
// The adoption chart's shape, shared by the module that shapes it
// (adoption-chart.ts) and the one that draws it (adoption-panel.ts), so that
// neither imports the other for its types.

/** A number quoted by one or more documents: one mark, every source kept. */
export interface Sourced {
  /** Figure ids, one per document that gives the number. */
  ids: string[];
  documents: string[];
}

/** The threshold of one period, as stated or derived. */
export interface PeriodThreshold extends Sourced {
  days: number;
  /** True when we computed it (wait minus the stated gap); the document does not state it. */
  derived: boolean;
  /** For a derived threshold: how, e.g. "740 − 203". */
  derivation?: string;
}

/** One period's average wait: a bar from zero, with that period's own threshold and gap when the documents give them. */
export interface AdoptionBar extends Sourced {
  period: string;
  days: number;
  date: string;
  /** Not yet validated: drawn hollow with a dashed outline. */
  unvalidated: boolean;
  qualifiers: string[];
  threshold?: PeriodThreshold;
  /** The days above the threshold, as a document states them. */
  gap?: Sourced & { days: number };
}

export interface AdoptionChartSpec extends ChartSpecBase {
  bars: AdoptionBar[];
  /** End of the days axis. */
  xMax: number;
}
