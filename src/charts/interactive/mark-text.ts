/**
 * The words a data mark says when a reader points at it, taps it or moves to
 * it with the keyboard: built from the data attributes every mark carries
 * (src/charts/mark-data.ts), so the script holds no data of its own. Pure,
 * for the browser and for tests.
 */

/** A mark's data attributes, as `element.dataset` gives them. */
export interface MarkDataset {
  rows?: string;
  label?: string;
  value?: string;
  when?: string;
  source?: string;
  qualifiers?: string;
}

/** A mark's words, in the order a tooltip shows them. */
export interface MarkText {
  value: string;
  when: string;
  label: string;
  qualifiers: string;
  source: string;
  /** The mark's first row in the chart's table (1-based). */
  row: number;
}

/** @example markText({ rows: '3 4', value: '740 days', when: '2013/14', … }).row // 3 */
export function markText(data: MarkDataset): MarkText {
  return {
    value: data.value ?? '',
    when: data.when ?? '',
    label: data.label ?? '',
    qualifiers: data.qualifiers ?? '',
    source: data.source ?? '',
    row: Number((data.rows ?? '').split(' ')[0]) || 0,
  };
}

/**
 * What a screen reader hears for a mark: what, value and when, qualifiers,
 * source, and where it is among the chart's marks.
 * @example markAnnouncement(text, 2, 6) // 'Average days from entering care to placement for adoption: 740 days, 2013/14. Source: Ofsted inspection report, September 2014. Mark 2 of 6.'
 */
export function markAnnouncement(text: MarkText, position: number, count: number): string {
  return [`${text.label}: ${text.value}, ${text.when}.`, text.qualifiers && `${capitalise(text.qualifiers)}.`, `Source: ${text.source}.`, `Mark ${position} of ${count}.`].filter(Boolean).join(' ');
}

/** The address of a mark's row in the chart's table: on the chart's page, or this page when it holds the table. */
export function rowAddress(tablePage: string, chartId: string, row: number): string {
  return `${tablePage}#chart-${chartId}-row-${row}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
