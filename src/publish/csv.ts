/** A flat table: what CSV downloads and the data package describe. */
export interface FlatTable {
  columns: readonly string[];
  rows: readonly Record<string, string | number | boolean | undefined>[];
}

/**
 * How toCsv() writes CSV, in the Frictionless Table Dialect's terms: the data
 * package declares it, so readers need not guess (a guessing reader can take
 * a quoted sentence for the header).
 * @see https://datapackage.org/standard/table-dialect/
 */
export const CSV_DIALECT = { header: true, delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true } as const;

/**
 * RFC 4180 CSV with a header row and CRLF line ends; empty cells for absent
 * values. Cells that a spreadsheet would run as a formula are prefixed with
 * an apostrophe (quotes from sources never start with "=", but edits might).
 */
export function toCsv({ columns, rows }: FlatTable): string {
  const { delimiter, lineTerminator, quoteChar } = CSV_DIALECT;
  const cell = (value: string | number | boolean | undefined) => {
    if (value === undefined) return '';
    let text = String(value);
    if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
    return /[",\r\n]/.test(text) ? `${quoteChar}${text.replaceAll(quoteChar, quoteChar + quoteChar)}${quoteChar}` : text;
  };
  const lines = [columns.join(delimiter), ...rows.map((row) => columns.map((column) => cell(row[column])).join(delimiter))];
  return lines.join(lineTerminator) + lineTerminator;
}
