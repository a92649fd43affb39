import type { Figure, SourceDocument } from '../schema/index.ts';
import { closestMatch } from './closest-match.ts';
import type { ReportProblem } from './content-problem.ts';
import { parseCsvLine } from './csv-line.ts';

/**
 * DfE's markers for cells with no number: suppressed to protect children,
 * not applicable, and a low count rounded away. None of them is a zero.
 * @see https://explore-education-statistics.service.gov.uk (each release's "Symbols used")
 */
export const CELL_SYMBOLS: Readonly<Record<string, string>> = {
  c: 'suppressed',
  z: 'not applicable',
  k: 'low, rounded to zero',
  x: 'not available',
  u: 'low reliability',
};

/**
 * For a figure read from a statistics table, "the number is in its quote"
 * becomes "the number is the cell": the quote must be a whole row of the
 * table named in the release, the row must be the one the cell picks out,
 * and the cited column must hold the published value, which must be the
 * figure's number.
 */
export function checkTableCell(document: Partial<Pick<SourceDocument, 'kind' | 'release'>>, figure: Figure, at: PropertyKey[], report: ReportProblem): void {
  const cell = figure.cell;
  if (!cell) {
    if (document.kind === 'statistics-release') {
      report([...at, 'cell'], 'is missing: a statistics release\'s figures are read from table cells', 'add cell: with table, row, column and published, and quote the whole CSV row');
    }
    return;
  }
  const tables = document.release?.tables ?? [];
  const table = tables.find((candidate) => candidate.file === cell.table);
  if (!table) {
    const match = closestMatch(cell.table, tables.map((candidate) => candidate.file)) ?? (tables.length === 1 ? tables[0].file : undefined);
    report([...at, 'cell', 'table'], tables.length ? `"${cell.table}" is not one of this release's tables` : 'cites a table, but the document is not a statistics release with tables', match ? `did you mean "${match}"?` : 'list the file under release.tables, or use a quote instead of a cell');
    return;
  }
  const header = parseCsvLine(table.header);
  const row = parseCsvLine(figure.quote);
  if (row.length !== header.length) {
    report([...at, 'quote'], `has ${row.length} cells, but ${table.file} has ${header.length} columns`, 'paste the whole row of the table, from the first cell to the last, as it is in the file');
    return;
  }
  const valueIn = (column: string) => row[header.indexOf(column)];
  for (const [column, wanted] of Object.entries(cell.row)) {
    if (!header.includes(column)) {
      const match = closestMatch(column, header);
      report([...at, 'cell', 'row', column], `is not a column of ${table.file}`, match ? `did you mean "${match}"?` : 'name a column from the table\'s header');
    } else if (valueIn(column) !== wanted) {
      report([...at, 'cell', 'row', column], `is "${wanted}", but the quoted row has "${valueIn(column)}" there`, 'quote the row the cell picks out, or correct the row');
    }
  }
  if (!header.includes(cell.column)) {
    const match = closestMatch(cell.column, header);
    report([...at, 'cell', 'column'], `"${cell.column}" is not a column of ${table.file}`, match ? `did you mean "${match}"?` : 'name a column from the table\'s header');
    return;
  }
  const published = valueIn(cell.column);
  if (published !== cell.published) {
    report([...at, 'cell', 'published'], `is "${cell.published}", but the quoted row has "${published}" in ${cell.column}`, `write published: "${published}", or quote the right row`);
    return;
  }
  const value = figure.value;
  const symbol = CELL_SYMBOLS[published];
  if (symbol && value.kind !== 'qualitative') {
    report([...at, 'value'], `is a number, but the cell is "${published}" (${symbol}), not a number`, `write value: { kind: qualitative, text: "${symbol}" }: it is never a zero`);
  } else if ((value.kind === 'number' || value.kind === 'derived') && Number(published) !== value.number) {
    report([...at, 'value', 'number'], `is ${value.number}, but the cell says ${published}`, `write number: ${published}`);
  }
}
