import type { FigureRow } from '../schema/index.ts';

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** @example formatNumber(115910) // '115,910' */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/**
 * A figure's value as a reader should see it: a range stays a range, a
 * statement stays words, a derived number says it is derived.
 * @example formatFigureValue({ valueKind: 'range', low: 22, high: 24, unit: 'cases per social worker' }) // '22 to 24 cases per social worker'
 */
export function formatFigureValue(row: Pick<FigureRow, 'valueKind' | 'value' | 'low' | 'high' | 'text' | 'unit'>): string {
  const unit = row.unit === '%' ? '%' : row.unit ? ` ${row.unit}` : '';
  switch (row.valueKind) {
    case 'number':
    case 'derived':
      return `${formatNumber(row.value!)}${unit}`;
    case 'range':
      return `${formatNumber(row.low!)} to ${formatNumber(row.high!)}${unit}`;
    case 'qualitative':
      return `“${row.text}”`;
  }
}

/** What kind of value it is, in words for a table's note column. */
export function describeValueKind(row: Pick<FigureRow, 'valueKind' | 'derivation'>): string {
  switch (row.valueKind) {
    case 'number':
      return 'stated';
    case 'range':
      return 'range stated';
    case 'qualitative':
      return 'statement, no number';
    case 'derived':
      return `derived: ${row.derivation}`;
  }
}
