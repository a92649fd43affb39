/**
 * The words a data mark says when a reader points at it, taps it or moves to
 * it with the keyboard. A drawing's marks carry only the numbers of the rows
 * they draw (`data-rows`, src/charts/mark-data.ts); the rows' words are one
 * file per chart (`/charts/<id>/marks.json`, MarkRows), read once however
 * many drawings the page holds. Pure, for the browser, the build and tests.
 */

/** One row of a chart's table as a mark tells it. */
export interface MarkRow {
  label: string;
  value: string;
  when: string;
  /** The document, named briefly. */
  source: string;
  qualifiers: readonly string[];
  /** The page holding the row in the chart's table, from the site's root: "charts/grades/", or a year of its data. */
  page: string;
}

/** The file a chart's explorable marks read: its rows in table order (row n is `rows[n - 1]`). */
export interface MarkRows {
  rows: MarkRow[];
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
  /** The page holding that row, from the site's root. */
  page: string;
}

/** The row numbers a mark's `data-rows` names, in order. @example rowNumbers('3 4') // [3, 4] */
export function rowNumbers(dataRows: string | undefined): number[] {
  return (dataRows ?? '')
    .split(' ')
    .map(Number)
    .filter((number) => Number.isInteger(number) && number > 0)
    .sort((a, b) => a - b);
}

/**
 * A mark's words from the rows it draws: the first row's label, value and
 * period, the qualifiers every row shares, and every source once.
 * Only what holds for every row: "reported by a later document" is not
 * true of a mark whose own report is among its sources.
 * @example markText([3, 4], rows).row // 3
 */
export function markText(numbers: readonly number[], rows: readonly MarkRow[]): MarkText {
  const found = numbers.flatMap((number) => (rows[number - 1] ? [{ number, row: rows[number - 1] }] : []));
  if (!found.length) return { value: '', when: '', label: '', qualifiers: '', source: '', row: numbers[0] ?? 0, page: '' };
  const [first] = found;
  const qualifiers = first.row.qualifiers.filter((qualifier) => found.every(({ row }) => row.qualifiers.includes(qualifier)));
  return {
    value: first.row.value,
    when: first.row.when,
    label: first.row.label,
    qualifiers: qualifiers.join('; '),
    source: [...new Set(found.map(({ row }) => row.source))].join('; '),
    row: first.number,
    page: first.row.page,
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

/**
 * The address of a mark's row in the chart's table: the site's root (a path
 * on the site's own pages, the published address from an embed), then the
 * page holding the row.
 * @example rowAddress('/', 'charts/adoption/', 'adoption', 3) // '/charts/adoption/#chart-adoption-row-3'
 */
export function rowAddress(siteRoot: string, page: string, chartId: string, row: number): string {
  return `${siteRoot}${page}#chart-${chartId}-row-${row}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
