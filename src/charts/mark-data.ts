import { parseHTML } from 'linkedom';
import type { ChartDataRow } from './chart-spec.ts';
import { GROUP_AFTER, markRowList, markText, type MarkRow, type MarkRows } from './interactive/mark-text.ts';

/**
 * What a data mark carries, so that the site's small script
 * (src/charts/interactive/) can tell its value, period, qualifiers and source.
 *
 * Chart modules name the rows a mark draws with Plot's `title` channel (the
 * ids in the rows' `mark` field, space-separated); chartSvg() turns each
 * such `<title>` into `data-rows`, the rows' numbers in the chart's table.
 * A mark standing for many rows (more than GROUP_AFTER, which share its one
 * mark id: a chart's aggregate, as the caseload chart's "14 averages in
 * 2019") names them by that id instead (`data-group`, `data-rows` its first
 * row), and the marks file lists them once: so a drawing's size follows
 * its marks, not the rows behind them.
 * The rows' words are not repeated in each of the six drawings a chart page
 * holds: they are one file per chart (markRowsFile, `/charts/<id>/marks.json`),
 * fetched when a reader first reaches for the chart. A standalone SVG file
 * has no such file beside it, so it carries every mark's words itself
 * (withMarkData).
 */

/** The attributes of a mark in a file that must describe itself (the SVG download). */
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
 * The `data-rows` of a mark naming these mark ids: its rows' numbers in the table, in order.
 * @example markRowNumbers('fig-1 fig-2', rowsByMark(rows)) // '3 7'
 */
export function markRowNumbers(ids: string, rows: RowsByMark): string {
  const found = [...new Set(ids.split(/\s+/).filter(Boolean))].flatMap((id) => rows.get(id) ?? []);
  if (!found.length) throw new Error(`A chart mark names "${ids}", which no row of the chart's data has as its mark: give the row its mark id, or the mark no title`);
  return [...new Set(found.map(({ number }) => number))].sort((a, b) => a - b).join(' ');
}

/** A row as a mark tells it, on the page `page` of the chart's table. */
export function markRow(row: ChartDataRow, page: string): MarkRow {
  return { label: row.label, value: row.value, when: row.when, source: row.source ?? row.document, qualifiers: row.qualifiers, page };
}

/**
 * The file a chart's marks read their words from: every row in table order,
 * with the page of the chart's table that holds it (`pageOf(index)`, 0-based).
 */
export function markRowsFile(rows: readonly ChartDataRow[], pageOf: (index: number) => string): MarkRows {
  const groups = markGroups(rows);
  return { rows: rows.map((row, index) => markRow(row, pageOf(index))), ...(Object.keys(groups).length ? { groups } : {}) };
}

/** What a drawing's mark says of its rows: their numbers, or its first and the group the marks file lists. */
export interface MarkRowReference {
  'data-rows': string;
  'data-group'?: string;
}

/**
 * How a drawing's mark names the rows of these mark ids: every number, or
 * for one id shared by more than GROUP_AFTER rows, the first and the group.
 * @example markRowReference('caseload-words-2019', rowsByMark(rows)) // { 'data-rows': '212', 'data-group': 'caseload-words-2019' }
 */
export function markRowReference(ids: string, rows: RowsByMark): MarkRowReference {
  const numbers = markRowNumbers(ids, rows);
  const id = ids.trim();
  if (/\s/.test(id) || (rows.get(id)?.length ?? 0) <= GROUP_AFTER) return { 'data-rows': numbers };
  return { 'data-rows': numbers.split(' ')[0], 'data-group': id };
}

/** The groups the marks file lists: each mark id shared by more than GROUP_AFTER rows, with their numbers. */
export function markGroups(rows: readonly ChartDataRow[]): Record<string, number[]> {
  return Object.fromEntries([...rowsByMark(rows)].filter(([, found]) => found.length > GROUP_AFTER).map(([id, found]) => [id, found.map(({ number }) => number)]));
}

/**
 * A mark's attributes from its rows: the first row's label, value and
 * period, the qualifiers every row shares, and every source once.
 * @example markAttributes('fig-1', rowsByMark(rows)) // { 'data-rows': '3', 'data-label': 'Caseload…', 'data-value': '22', … }
 */
export function markAttributes(ids: string, rows: RowsByMark): MarkAttributes {
  const numbers = markRowNumbers(ids, rows);
  const all = [...rows.values()].flat();
  const byNumber = new Map(all.map(({ row, number }) => [number, markRow(row, '')]));
  return attributesOf(numbers, (number) => byNumber.get(number));
}

function attributesOf(numbers: string, rowOf: (number: number) => MarkRow | undefined): MarkAttributes {
  const list = markRowList({ rows: numbers });
  const rows: MarkRow[] = [];
  for (const number of list) rows[number - 1] = rowOf(number)!;
  const text = markText(list, rows);
  return {
    'data-rows': numbers,
    'data-label': text.label,
    'data-value': text.value,
    'data-when': text.when,
    'data-source': text.source,
    ...(text.qualifiers ? { 'data-qualifiers': text.qualifiers } : {}),
  };
}

/** The attributes markAttributes() sets, all of them. */
const MARK_ATTRIBUTES = ['data-rows', 'data-group', 'data-label', 'data-value', 'data-when', 'data-source', 'data-qualifiers'] as const;

/**
 * A drawing whose marks carry their rows' words, for a file read with no
 * page around it (the standalone SVG download): each mark's label, value,
 * period, qualifiers and sources as data attributes.
 */
export function withMarkData(svg: string, rows: readonly ChartDataRow[]): string {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  const root = document.querySelector('svg')!;
  const groups = markGroups(rows);
  for (const mark of root.querySelectorAll('[data-rows]')) {
    // A file read alone has no marks file beside it: a group's mark lists all its rows itself.
    const numbers = markRowList({ rows: mark.getAttribute('data-rows')!, group: mark.getAttribute('data-group') ?? undefined }, { groups }).join(' ');
    const attributes = attributesOf(numbers, (number) => (rows[number - 1] ? markRow(rows[number - 1], '') : undefined));
    for (const [name, value] of Object.entries(attributes)) mark.setAttribute(name, xmlAttributeText(value));
  }
  return root.outerHTML;
}

/**
 * linkedom writes an attribute's `&` and `<` as they are (only `"` is
 * escaped), which HTML forgives but XML does not: the standalone SVG and
 * PNG downloads are XML. Escaped here, the string parses the same either way.
 */
export function xmlAttributeText(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
}

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
