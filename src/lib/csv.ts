/** A flat table: what CSV downloads and the data package describe. */
export interface FlatTable {
  columns: readonly string[];
  rows: readonly Record<string, string | number | boolean | undefined>[];
}

/**
 * RFC 4180 CSV with a header row and CRLF line ends; empty cells for absent
 * values. Cells that a spreadsheet would run as a formula are prefixed with
 * an apostrophe (quotes from sources never start with "=", but edits might).
 */
export function toCsv({ columns, rows }: FlatTable): string {
  const cell = (value: string | number | boolean | undefined) => {
    if (value === undefined) return '';
    let text = String(value);
    if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [columns.join(','), ...rows.map((row) => columns.map((column) => cell(row[column])).join(','))];
  return lines.join('\r\n') + '\r\n';
}
