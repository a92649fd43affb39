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
  /** The number that stands for the mark on the chart where its label does not fit. */
  key?: number;
  /** The id of the mark that draws this row (a figure's, an event's or a judgement's); several rows may share one mark. */
  mark?: string;
  /** The document named briefly ("Ofsted inspection report, July 2014"), added by the registry. */
  source?: string;
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

/** The most characters an accessible description may have (render-svg refuses more). */
export const ALT_LIMIT = 300;

/**
 * Alt text that fits whatever the data: the essential sentences first, then
 * optional ones, each added only while the whole stays within the limit. The
 * essentials are summaries (first and latest, counts, ranges), so they are
 * short whatever the data holds; if ever they are not, they are cut at a word.
 */
export function fitAlt(essential: string, ...optional: (string | false | undefined | readonly (string | false | undefined)[])[]): string {
  let alt = essential.trim();
  if (alt.length > ALT_LIMIT) alt = `${alt.slice(0, ALT_LIMIT - 1).replace(/\s+\S*$/, '')}…`;
  for (const choice of optional) {
    // An array offers alternatives, longest first: the first that fits is used.
    for (const sentence of Array.isArray(choice) ? choice : [choice]) {
      if (!sentence) continue;
      const longer = `${alt} ${sentence.trim()}`;
      if (longer.length <= ALT_LIMIT) {
        alt = longer;
        break;
      }
    }
  }
  return alt;
}

/**
 * Years in words, each once, in order; more than `max` become a count and a
 * span, so the words stay short however many years the data holds.
 * @example yearsInWords(['2010', '2014', '2014']) // '2010 and 2014'
 * @example yearsInWords(['2010', '2011', '2012', '2013', '2020']) // '5 years between 2010 and 2020'
 */
export function yearsInWords(years: readonly (string | number)[], max = 4): string {
  const unique = [...new Set(years.map(String))].sort();
  return unique.length > max ? `${unique.length} years between ${unique[0]} and ${unique.at(-1)}` : listInWords(unique);
}

/** @example plural(1, 'visit') // '1 visit'; plural(7, 'visit') // '7 visits' */
export function plural(count: number, singular: string, several = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : several}`;
}

/** A verdict at one inspection: its grade in words, its year and its place on its scale (1 best). */
export interface Verdict {
  grade: string;
  year: string;
  position: number;
}

/**
 * A record of verdicts as a reader would tell it: every one when there are
 * up to three, else the first, the lowest and the latest.
 * @example verdictsInWords([adequate2010, inadequate2014, ri2017, good2022, outstanding2025]) // 'adequate in 2010, inadequate in 2014, outstanding in 2025'
 */
export function verdictsInWords(steps: readonly Verdict[]): string {
  const worst = lowestVerdict(steps);
  const picked = steps.length <= 3 ? steps.map((_, index) => index) : [...new Set([0, worst, steps.length - 1])].sort((a, b) => a - b);
  return listInWords(picked.map((index) => `${steps[index].grade} in ${steps[index].year}`)).replace(/ and ([^,]*)$/, ', $1');
}

/** The index of the lowest verdict (the first, if several share it). */
export function lowestVerdict(steps: readonly Verdict[]): number {
  return steps.reduce((worst, step, index) => (step.position > steps[worst].position ? index : worst), 0);
}
