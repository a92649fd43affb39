import { describe, expect, test } from 'vitest';
import { agreesWithRecord, claimsAgree, datesConflict } from '../../src/validate/event-dates.ts';

// The 2010 inspection: inspectors on site 8 to 19 November, report 17 December 2010.
const REPORT_2010 = { visit: { start: '2010-11-08', end: '2010-11-19' }, published: '2010-12-17' };
// The 2014 inspection: 25 June to 16 July, report 1 September 2014.
const REPORT_2014 = { visit: { start: '2014-06-25', end: '2014-07-16' }, published: '2014-09-01' };

describe('agreesWithRecord', () => {
  test('"The previous inspection … was in December 2010" is the report’s date, not the visit’s', () => {
    expect(agreesWithRecord({ date: '2010-12', dateOf: 'published' }, REPORT_2010)).toBe(true);
    expect(agreesWithRecord({ date: '2010-12' }, REPORT_2010)).toBe(false);
    expect(agreesWithRecord({ date: '2010-12', dateOf: 'visit' }, REPORT_2010)).toBe(false);
  });

  test('a judgement falls between the first day of the visit and the report: June and September 2014 both fit', () => {
    expect(agreesWithRecord({ date: '2014-06', dateOf: 'judgement' }, REPORT_2014)).toBe(true);
    expect(agreesWithRecord({ date: '2014-09', dateOf: 'judgement' }, REPORT_2014)).toBe(true);
    expect(agreesWithRecord({ date: '2014-05', dateOf: 'judgement' }, REPORT_2014)).toBe(false);
    expect(agreesWithRecord({ date: '2014-10', dateOf: 'judgement' }, REPORT_2014)).toBe(false);
  });

  test('a year, or a span, agrees when it overlaps', () => {
    expect(agreesWithRecord({ date: '2014' }, REPORT_2014)).toBe(true);
    expect(agreesWithRecord({ date: '2014-07-01', end: '2014-07-31' }, REPORT_2014)).toBe(true);
    expect(agreesWithRecord({ date: '2014-08' }, REPORT_2014)).toBe(false);
  });

  test('a record with no visit (a council report) is dated by its own date, whatever the mention says it gives', () => {
    expect(agreesWithRecord({ date: '2017-09' }, { published: '2017-09-12' })).toBe(true);
    expect(agreesWithRecord({ date: '2017-10', dateOf: 'published' }, { published: '2017-09-12' })).toBe(false);
  });
});

describe('claimsAgree (no record held)', () => {
  test('two dates for the judgement must overlap: June and September 2014 disagree', () => {
    expect(claimsAgree({ date: '2014-06', dateOf: 'judgement' }, { date: '2014-09', dateOf: 'judgement' })).toBe(false);
  });

  test('a publication after the visit is no conflict; before it, it is', () => {
    expect(claimsAgree({ date: '2010-11-08', end: '2010-11-19', dateOf: 'visit' }, { date: '2010-12', dateOf: 'published' })).toBe(true);
    expect(claimsAgree({ date: '2010-12', dateOf: 'published' }, { date: '2010-11-08', dateOf: 'visit' })).toBe(true);
    expect(claimsAgree({ date: '2010-10', dateOf: 'published' }, { date: '2010-11-08', dateOf: 'visit' })).toBe(false);
    expect(claimsAgree({ date: '2014-06', dateOf: 'judgement' }, { date: '2014-09', dateOf: 'published' })).toBe(true);
  });

  test('a date whose kind the source does not say is compared as it is', () => {
    expect(claimsAgree({ date: '2014-03' }, { date: '2014-06', dateOf: 'judgement' })).toBe(false);
    expect(claimsAgree({ date: '2014' }, { date: '2014-06', dateOf: 'judgement' })).toBe(true);
  });
});

describe('datesConflict', () => {
  const mentions2014 = [{ date: '2014' }, { date: '2014-06', dateOf: 'judgement' as const }, { date: '2014-09', dateOf: 'judgement' as const }];

  test('without the 2014 report, the June and September judgements conflict', () => {
    expect(datesConflict(mentions2014)).toBe(true);
  });

  test('with the report, it settles them: each is checked against the record, not against the others', () => {
    expect(datesConflict(mentions2014, REPORT_2014)).toBe(false);
    expect(datesConflict([...mentions2014, { date: '2015-01', dateOf: 'judgement' }], REPORT_2014)).toBe(true);
  });
});
