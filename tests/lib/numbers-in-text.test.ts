import { describe, expect, test } from 'vitest';
import { numbersInText, textStatesNumber } from '../../src/validate/numbers-in-text.ts';
import { computeDerivedValue } from '../../src/validate/derived-value.ts';
import { normaliseGrade } from '../../src/validate/normalise-grade.ts';
import type { Framework } from '../../src/schema/index.ts';

describe('numbersInText', () => {
  test('reads digits with thousands separators, decimals and percentages', () => {
    expect(numbersInText('Of the 1,456 children looked after, 8.5% had a disability')).toEqual([1456, 8.5]);
  });

  test('reads small numbers written as words, as sources write them', () => {
    // "There were 11 foster-to-adopt placements made in 2015/16 and seven in this financial year."
    expect(textStatesNumber('11 foster-to-adopt placements made in 2015/16 and seven in this financial year', 7)).toBe(true);
    expect(textStatesNumber('Nine of the 25 approved adopters', 9)).toBe(true);
    expect(textStatesNumber('still 88 days above the government threshold', 426)).toBe(false);
  });

  test('a number too long to read exactly proves nothing', () => {
    // Read as a double, 999999999999999999999 is 1e21: it would "prove" 1e21.
    expect(textStatesNumber('999999999999999999999 children', 1e21)).toBe(false);
    expect(numbersInText('9,007,199,254,740,991 and 9007199254740993')).toEqual([Number.MAX_SAFE_INTEGER]);
  });
});

describe('computeDerivedValue', () => {
  test('the adoption threshold: 514 − 88 = 426', () => {
    expect(computeDerivedValue('difference', [{ kind: 'number', number: 514 }, { kind: 'number', number: 88 }])).toBe(426);
  });

  test('refuses to derive from a range', () => {
    expect(computeDerivedValue('sum', [{ kind: 'range', low: 22, high: 24 }, { kind: 'number', number: 1 }])).toBeUndefined();
  });
});

describe('normaliseGrade', () => {
  const ilacs = {
    scale: [
      { position: 3, label: 'Requires improvement to be good', aliases: ['Requires improvement'] },
      { position: 4, label: 'Inadequate', aliases: [] },
    ],
  } as unknown as Framework;

  test('matches the framework’s wording and its aliases, whatever the case', () => {
    expect(normaliseGrade(ilacs, 'requires improvement')?.label).toBe('Requires improvement to be good');
    expect(normaliseGrade(ilacs, ' INADEQUATE ')?.position).toBe(4);
    expect(normaliseGrade(ilacs, 'Adequate')).toBeUndefined();
  });
});
