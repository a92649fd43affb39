import { parseHTML } from 'linkedom';
import type { ChartDataRow } from './chart-spec.ts';

/**
 * What a data mark carries in the drawing, so that a reader's software (and
 * the site's small script, src/charts/interactive/) can tell its value,
 * period, qualifiers and source without the table: data attributes set at
 * build time from the chart's rows.
 *
 * Chart modules name the rows a mark draws with Plot's `title` channel (the
 * ids in the rows' `mark` field, space-separated); chartSvg() turns each
 * such `<title>` into these attributes.
 */

/** The attributes of a mark drawing these rows (1-based row numbers in the table). */
export interface MarkAttributes {
  'data-rows': string;
  'data-label': string;
  'data-value': string;
  'data-when': string;
  'data-source': string;
  'data-qualifiers'?: string;
}

/** A chart's rows by the mark that draws them, each with its number in the table (1-based). */
export type RowsByMark = ReadonlyMap<string, readonly { row: ChartDataRow; number: number }[]>;

/** Indexes rows by mark once per drawing, so that naming rows costs the same however many marks there are. */
export function rowsByMark(rows: readonly ChartDataRow[]): RowsByMark {
  const index = new Map<string, { row: ChartDataRow; number: number }[]>();
  rows.forEach((row, at) => {
    if (row.mark !== undefined) index.set(row.mark, [...(index.get(row.mark) ?? []), { row, number: at + 1 }]);
  });
  return index;
}

/**
 * A mark's attributes from its rows: the first row's label, value and
 * period, the qualifiers every row shares, and every source once.
 * @example markAttributes('fig-1', rowsByMark(rows)) // { 'data-rows': '3', 'data-label': 'Caseload…', 'data-value': '22', … }
 */
export function markAttributes(ids: string, rows: RowsByMark): MarkAttributes {
  const found = [...new Set(ids.split(/\s+/).filter(Boolean))].flatMap((id) => rows.get(id) ?? []).sort((a, b) => a.number - b.number);
  if (!found.length) throw new Error(`A chart mark names "${ids}", which no row of the chart's data has as its mark: give the row its mark id, or the mark no title`);
  const [first] = found;
  // Only what holds for every row: "reported by a later document" is not true of a mark whose own report is among its sources.
  const qualifiers = first.row.qualifiers.filter((qualifier) => found.every(({ row }) => row.qualifiers.includes(qualifier)));
  return {
    'data-rows': found.map(({ number }) => number).join(' '),
    'data-label': first.row.label,
    'data-value': first.row.value,
    'data-when': first.row.when,
    'data-source': unique(found.map(({ row }) => row.source ?? row.document)).join('; '),
    ...(qualifiers.length ? { 'data-qualifiers': qualifiers.join('; ') } : {}),
  };
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

/** The attributes markAttributes() sets, all of them. */
const MARK_ATTRIBUTES = ['data-rows', 'data-label', 'data-value', 'data-when', 'data-source', 'data-qualifiers'] as const;

/**
 * A drawing without its marks' data, for where no script or reader can use
 * it: an image file (the story's charts), whose words are in the page's
 * table link and the chart's own page.
 */
export function withoutMarkData(svg: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  const root = document.querySelector('svg')!;
  for (const mark of root.querySelectorAll('[data-rows]')) for (const name of MARK_ATTRIBUTES) mark.removeAttribute(name);
  return root.outerHTML;
}
