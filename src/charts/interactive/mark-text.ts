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

/**
 * The file a chart's explorable marks read: its rows in table order (row n
 * is `rows[n - 1]`), and the rows of each mark that stands for many
 * (`data-group` in the drawing names it; see GROUP_AFTER), so that a mark
 * drawing hundreds of rows costs the drawings a few bytes, not hundreds.
 */
export interface MarkRows {
  rows: MarkRow[];
  groups?: Record<string, number[]>;
}

/** A mark naming more rows than this names them in the marks file (`data-group`), not in each drawing (`data-rows` holds its first row). */
export const GROUP_AFTER = 8;

/** A mark's words list this many rows' values and sources; the rest are counted ("and 24 more"). */
const LISTED = 3;

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
 * The rows a mark draws, from its `data-rows` and `data-group`: a group's
 * rows are in the marks file; without the file (or the group in it) the
 * mark still has its first row.
 * @example markRowList({ rows: '3', group: 'caseload-words-2014' }, { rows, groups: { 'caseload-words-2014': [3, 9, 12] } }) // [3, 9, 12]
 */
export function markRowList(mark: { rows?: string; group?: string }, file?: Pick<MarkRows, 'groups'>): number[] {
  const grouped = mark.group === undefined ? undefined : file?.groups?.[mark.group];
  return grouped?.length ? [...grouped].sort((a, b) => a - b) : rowNumbers(mark.rows);
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
  const sources = [...new Set(found.map(({ row }) => row.source))];
  if (found.length <= LISTED) return { value: first.row.value, when: first.row.when, label: first.row.label, qualifiers: qualifiers.join('; '), source: sources.join('; '), row: first.number, page: first.row.page };
  // A mark standing for many rows (the same kind of figure, near the same value and date): its first few, and a count.
  const labels = [...new Set(found.map(({ row }) => row.label))];
  const values = [...new Set(found.map(({ row }) => row.value))];
  // One figure or event quoted by many documents keeps its own period; a gathering of many lists theirs.
  const whens = labels.length === 1 && values.length === 1 ? [first.row.when] : [...new Set(found.map(({ row }) => row.when))];
  return {
    value: listed(values, `${found.length} in all`),
    when: listed(whens, `${whens.length} dates`),
    label: listed(labels, `${labels.length} kinds`),
    qualifiers: qualifiers.join('; '),
    source: listed(sources, `${sources.length} documents`),
    row: first.number,
    page: first.row.page,
  };
}

/** The first LISTED of `items`, then "and N more (total)" when there are more. @example listed(['a', 'b', 'c', 'd'], '4 in all') // 'a; b; c; and 1 more (4 in all)' */
function listed(items: readonly string[], total: string): string {
  return items.length <= LISTED ? items.join('; ') : `${items.slice(0, LISTED).join('; ')}; and ${items.length - LISTED} more (${total})`;
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
