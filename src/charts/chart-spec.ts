/**
 * What every chart specification carries besides its marks: the words around
 * the chart and the data behind it, as flat rows a table, a CSV or a screen
 * reader can use.
 */

/** One number, range or statement shown on a chart, with its evidence. */
export interface ChartDataRow {
  /** What the mark stands for, e.g. "Days from care to adoption, 2013/14". */
  label: string;
  /** The value as a reader should see it: "740 days", "22 to 24", "“high caseloads”", "Inadequate". */
  value: string;
  /** The number, for a single value. */
  number?: number;
  /** Lower end, for a range. */
  low?: number;
  /** Upper end, for a range. */
  high?: number;
  /** The unit, e.g. "days". */
  unit?: string;
  /** When, as the source gives it, e.g. "2013/14" or "June 2014". */
  when: string;
  /** The same as a partial date ("2014-06"), for sorting and CSV. */
  date: string;
  /** Caveats: unvalidated, derived, reported by the council… */
  qualifiers: string[];
  /** Slug of the document it comes from (its page is /documents/<slug>/). */
  document: string;
  /** The sentence it comes from, verbatim; absent when the document is the event's own record. */
  quote?: string;
  /** Our note on reading it. */
  note?: string;
}

/** The words around a chart. */
export interface ChartText {
  /** A headline that states the finding. */
  title: string;
  /** What is measured. */
  subtitle: string;
  /** The accessible description: the finding in at most 300 characters. */
  alt: string;
  /** Qualifiers a reader needs: unvalidated, derived, differing scales. */
  notes: string[];
  /** Slugs of the documents the chart draws on, oldest first. */
  sourceDocuments: string[];
}

/** Every chart specification: its words, its data and its marks. */
export interface ChartSpecBase extends ChartText {
  rows: ChartDataRow[];
}

/** The documents that rows cite, in the order the site lists documents. */
export function documentsCited(rows: readonly ChartDataRow[], documentOrder: readonly string[]): string[] {
  const cited = new Set(rows.map((row) => row.document));
  return documentOrder.filter((slug) => cited.has(slug));
}

/** @example listInWords(['2010', '2014', '2017']) // '2010, 2014 and 2017' */
export function listInWords(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
