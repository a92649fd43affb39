import { describe, expect, test } from 'vitest';
import { compareDates, datesAgree, formatDateSpan, formatPartialDate, midpoint, span } from '../../src/lib/partial-dates.ts';

describe('datesAgree', () => {
  test('a year agrees with any month in it; two different months disagree', () => {
    expect(datesAgree('2014', '2014-06')).toBe(true);
    expect(datesAgree('2014-09', '2014')).toBe(true);
    expect(datesAgree('2014-06', '2014-09')).toBe(false);
    expect(datesAgree('2017-06-06', '2017-06')).toBe(true);
  });
});

describe('formatPartialDate', () => {
  test('says no more than the source: a month stays a month', () => {
    expect(formatPartialDate('2014')).toBe('2014');
    expect(formatPartialDate('2014-06')).toBe('June 2014');
    expect(formatPartialDate('2010-12-17')).toBe('17 December 2010');
  });

  test('spans within a month are written once', () => {
    expect(formatDateSpan('2010-11-08', '2010-11-19')).toBe('8 to 19 November 2010');
    expect(formatDateSpan('2019-12-10', '2020-01-02')).toBe('10 December 2019 to 2 January 2020');
  });
});

describe('compareDates, midpoint and span', () => {
  test('sort by the first day a date can mean', () => {
    expect(['2014-06', '2009', '2014', '2009-02'].sort(compareDates)).toEqual(['2009', '2009-02', '2014', '2014-06']);
  });

  test('a month is placed mid-month and spans the whole month', () => {
    expect(midpoint('2014-06').toISOString().slice(0, 10)).toBe('2014-06-15');
    expect(span('2014-06').map((date) => date.toISOString().slice(0, 10))).toEqual(['2014-06-01', '2014-07-01']);
    expect(span('2018').map((date) => date.toISOString().slice(0, 10))).toEqual(['2018-01-01', '2019-01-01']);
  });
});
