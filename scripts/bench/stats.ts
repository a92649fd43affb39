/** The smallest and the middle of repeated measurements, the two figures the bench reports. */
export interface Spread {
  min: number;
  median: number;
  runs: number;
}

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error('no measurements');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { min: sorted[0]!, median, runs: sorted.length };
}

/** "4.2 s (min 3.9, 3 runs)" */
export const formatSpread = ({ min, median, runs }: Spread, unit = 's', digits = 1) =>
  `${median.toFixed(digits)} ${unit} (min ${min.toFixed(digits)}, ${runs} run${runs === 1 ? '' : 's'})`;
