import type { FigureRow, Statistic } from '../schema/index.ts';

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** @example formatNumber(115910) // '115,910' */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

type ValueFields = Pick<FigureRow, 'valueKind' | 'value' | 'low' | 'high' | 'text' | 'unit'> & Partial<Pick<FigureRow, 'statistic'>>;

/**
 * Words a number needs in front of it to say what it is: "over 40" is not
 * 40. Averages, counts and the rest need none.
 */
const BOUND_WORDS: Partial<Record<Statistic, string>> = {
  'lower-bound': 'over',
  'upper-bound': 'under',
  max: 'up to',
  min: 'at least',
  cap: 'capped at',
  target: 'a target of',
};

/**
 * A figure's value split into the number (or words) and its unit, so that a
 * display can set them at different sizes. A bound keeps its word: "over 40".
 * @example splitFigureValue({ valueKind: 'number', value: 40, statistic: 'lower-bound', unit: 'cases' }) // { amount: 'over 40', unit: 'cases' }
 * @example splitFigureValue({ valueKind: 'range', low: 22, high: 24, unit: 'days' }) // { amount: '22 to 24', unit: 'days' }
 */
export function splitFigureValue(row: ValueFields): { amount: string; unit?: string } {
  switch (row.valueKind) {
    case 'number':
    case 'derived': {
      const bound = row.statistic ? BOUND_WORDS[row.statistic] : undefined;
      return { amount: bound ? `${bound} ${formatNumber(row.value!)}` : formatNumber(row.value!), unit: row.unit };
    }
    case 'range':
      return { amount: `${formatNumber(row.low!)} to ${formatNumber(row.high!)}`, unit: row.unit };
    case 'qualitative':
      return { amount: `“${row.text}”` };
  }
}

/**
 * A figure's value as a reader should see it: a range stays a range, a
 * statement stays words, a derived number says it is derived.
 * @example formatFigureValue({ valueKind: 'range', low: 22, high: 24, unit: 'cases per social worker' }) // '22 to 24 cases per social worker'
 */
export function formatFigureValue(row: ValueFields): string {
  const { amount, unit } = splitFigureValue(row);
  if (!unit) return amount;
  return unit === '%' ? `${amount}%` : `${amount} ${unit}`;
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

const STATISTIC_WORDS: Record<Statistic, string> = {
  mean: 'average',
  median: 'median',
  max: 'highest',
  min: 'lowest',
  'lower-bound': 'lower bound (“over”)',
  'upper-bound': 'upper bound (“under”)',
  cap: 'cap: a limit, not a measurement',
  target: 'target, not a measurement',
  threshold: 'threshold',
  count: 'count',
  total: 'total',
  rate: 'rate',
  share: 'share',
  change: 'change',
};

/**
 * What kind of number a figure is, in a reader's words; undefined when the
 * source does not say, so nothing is ever called an average by default.
 * @example describeStatistic({ statistic: 'max' }) // 'highest'
 */
export function describeStatistic(row: Pick<FigureRow, 'statistic'>): string | undefined {
  return row.statistic ? STATISTIC_WORDS[row.statistic] : undefined;
}

/**
 * A figure's evidence as a reader should see it: the quoted sentence, or for
 * a statistics table the cell's address (the CSV row itself is unreadable).
 * @example figureEvidence({ quote: '…', table: 'cin.csv', tableRow: 'time_period=2014; la_name=Manchester', tableColumn: 'At31_episodes', published: '5155' })
 * // { kind: 'cell', text: 'cin.csv, row time_period=2014; la_name=Manchester, column At31_episodes: 5155' }
 */
export function figureEvidence(row: Pick<FigureRow, 'quote' | 'table' | 'tableRow' | 'tableColumn' | 'published'>): { kind: 'quote' | 'cell'; text: string } {
  if (row.table && row.tableColumn) {
    return { kind: 'cell', text: `${row.table}, row ${row.tableRow}, column ${row.tableColumn}: ${row.published}` };
  }
  return { kind: 'quote', text: row.quote };
}
