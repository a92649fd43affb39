import type { DateOf, PartialDate } from '../schema/index.ts';
import { firstDay, formatPartialDate } from '../lib/partial-dates.ts';

/** A date a source gives for an event, and which of its dates it is. */
export interface EventDateClaim {
  date: PartialDate;
  end?: PartialDate;
  /** Left out when the source does not say: checked against the visit, and against other dates as they are. */
  dateOf?: DateOf;
}

/** The dates an event's own record gives: its visit, if any, and its publication. */
export interface RecordDates {
  visit?: { start: string; end: string };
  published: string;
}

/** First and last day, both included, "YYYY-MM-DD". */
type Days = readonly [first: string, last: string];

// An inspection's dates come in this order: inspectors visit, they judge
// (by the end of the visit at the earliest), the report is published.
const ORDER: Record<DateOf, number> = { visit: 0, judgement: 1, published: 2 };

/**
 * Whether a source's date fits the event's own record: a visit date must
 * fall in the visit, a judgement between the visit's first day and the
 * report, a publication date on the report's own date.
 * @example agreesWithRecord({ date: '2010-12', dateOf: 'published' }, { visit: { start: '2010-11-08', end: '2010-11-19' }, published: '2010-12-17' }) // true
 * @example agreesWithRecord({ date: '2010-12' }, { visit: { start: '2010-11-08', end: '2010-11-19' }, published: '2010-12-17' }) // false: December is not the visit
 */
export function agreesWithRecord(claim: EventDateClaim, record: RecordDates): boolean {
  return overlap(days(claim), recordWindow(record, claim.dateOf));
}

/**
 * Whether two sources' dates for an event can both be true when we hold no
 * record of it. Dates of the same kind, or of a kind a source does not say,
 * must overlap; a later kind of date (a publication) may follow an earlier
 * one (a visit) but not precede it.
 * @example claimsAgree({ date: '2014-06', dateOf: 'judgement' }, { date: '2014-09', dateOf: 'judgement' }) // false
 * @example claimsAgree({ date: '2010-11-08', end: '2010-11-19', dateOf: 'visit' }, { date: '2010-12', dateOf: 'published' }) // true
 */
export function claimsAgree(a: EventDateClaim, b: EventDateClaim): boolean {
  if (!a.dateOf || !b.dateOf || a.dateOf === b.dateOf) return overlap(days(a), days(b));
  const [earlier, later] = ORDER[a.dateOf] <= ORDER[b.dateOf] ? [a, b] : [b, a];
  return days(later)[1] >= days(earlier)[0];
}

/**
 * Whether the sources' dates for an event contradict each other. With a
 * record, the record settles it: each other date is checked against it.
 * Without one, every pair is checked.
 */
export function datesConflict(claims: readonly EventDateClaim[], record?: RecordDates): boolean {
  if (record) return claims.some((claim) => !agreesWithRecord(claim, record));
  return claims.some((a, index) => claims.slice(index + 1).some((b) => !claimsAgree(a, b)));
}

/** "the judgement of": how a message names which date a source gives. */
export function dateOfWords(dateOf: DateOf | undefined): string {
  if (!dateOf) return '';
  return { visit: 'the visit of ', judgement: 'the judgement of ', published: 'the report of ' }[dateOf];
}

/** The record's dates a claim of this kind is checked against, in words: "the visit, 8 to 19 November 2010". */
export function recordWindowWords(record: RecordDates, dateOf: DateOf | undefined): string {
  const [first, last] = recordWindow(record, dateOf);
  const span = first === last ? formatPartialDate(first) : `${formatPartialDate(first)} to ${formatPartialDate(last)}`;
  if (!record.visit || dateOf === 'published') return `its publication, ${span}`;
  return dateOf === 'judgement' ? `the visit and the report, ${span}` : `the visit, ${span}`;
}

function recordWindow(record: RecordDates, dateOf: DateOf | undefined): Days {
  const visit: Days = record.visit ? [record.visit.start, record.visit.end] : [record.published, record.published];
  if (dateOf === 'published') return [record.published, record.published];
  if (dateOf === 'judgement') return [visit[0], record.published];
  return visit;
}

function days(claim: EventDateClaim): Days {
  return [firstDay(claim.date), lastDay(claim.end ?? claim.date)];
}

function overlap(a: Days, b: Days): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
}

/** "2014" → "2014-12-31"; "2014-02" → "2014-02-28"; a day is itself. */
function lastDay(date: PartialDate): string {
  const [year, month, day] = date.split('-').map(Number);
  if (day !== undefined) return date;
  if (month === undefined) return `${year}-12-31`;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${date}-${String(last).padStart(2, '0')}`;
}
