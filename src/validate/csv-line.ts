/**
 * Splits one line of RFC 4180 CSV into its cells: commas separate, double
 * quotes enclose a cell that holds commas, and "" inside quotes is one quote.
 * A statistics release's rows are quoted this way, one row to a line.
 * @example parseCsvLine('2017,"North West, England",19.1') // ['2017', 'North West, England', '19.1']
 */
export function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}
