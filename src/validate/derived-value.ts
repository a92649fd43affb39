import type { FigureValue } from '../schema/index.ts';

/**
 * Recomputes a derived figure from its inputs' values; undefined when an
 * input has no single number (a range or a qualitative statement).
 * @example computeDerivedValue('difference', [{kind:'number',number:514},{kind:'number',number:88}]) // 426
 */
export function computeDerivedValue(
  operation: 'difference' | 'sum',
  inputs: readonly FigureValue[],
): number | undefined {
  const numbers = inputs.map((input) => (input.kind === 'number' || input.kind === 'derived' ? input.number : undefined));
  if (numbers.some((value) => value === undefined)) return undefined;
  const [first, ...rest] = numbers as number[];
  return operation === 'sum'
    ? numbers.reduce<number>((total, value) => total + (value as number), 0)
    : rest.reduce((total, value) => total - value, first);
}

/** "514 − 88" for a difference of those inputs. */
export function describeDerivation(operation: 'difference' | 'sum', inputs: readonly FigureValue[]): string {
  const symbol = operation === 'sum' ? ' + ' : ' − ';
  return inputs.map((input) => ('number' in input ? String(input.number) : '?')).join(symbol);
}
