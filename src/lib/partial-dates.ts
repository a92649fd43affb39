import { datePrecision, type PartialDate } from '../schema/index.ts';

/**
 * Two dates agree when one contains the other: "2014" agrees with "2014-06",
 * but "2014-06" and "2014-09" disagree.
 * @example datesAgree('2014', '2014-09') // true
 */
export function datesAgree(a: PartialDate, b: PartialDate): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/** Sort order for partial dates: by the first day they can mean. */
export function compareDates(a: PartialDate, b: PartialDate): number {
  return firstDay(a).localeCompare(firstDay(b)) || a.length - b.length;
}

/** "2014" → "2014-01-01"; "2014-06" → "2014-06-01". */
export function firstDay(date: PartialDate): string {
  return (date + '-01-01').slice(0, 10);
}

/**
 * The middle of the span a partial date covers, as a UTC Date: where a chart
 * places a mark known only to the month or year (drawn with its span).
 */
export function midpoint(date: PartialDate): Date {
  const [year, month, day] = date.split('-').map(Number);
  if (day !== undefined) return new Date(Date.UTC(year, month - 1, day));
  if (month !== undefined) return new Date(Date.UTC(year, month - 1, 15));
  return new Date(Date.UTC(year, 6, 1));
}

/** The span [start, end) a partial date covers, for drawing its uncertainty. */
export function span(date: PartialDate): [Date, Date] {
  const [year, month, day] = date.split('-').map(Number);
  if (day !== undefined) return [new Date(Date.UTC(year, month - 1, day)), new Date(Date.UTC(year, month - 1, day + 1))];
  if (month !== undefined) return [new Date(Date.UTC(year, month - 1, 1)), new Date(Date.UTC(year, month, 1))];
  return [new Date(Date.UTC(year, 0, 1)), new Date(Date.UTC(year + 1, 0, 1))];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A date in words at its own precision, never more precise than the source.
 * @example formatPartialDate('2014-06') // 'June 2014'
 */
export function formatPartialDate(date: PartialDate): string {
  const [year, month, day] = date.split('-').map(Number);
  const precision = datePrecision(date);
  if (precision === 'year') return String(year);
  if (precision === 'month') return `${MONTHS[month - 1]} ${year}`;
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** @example formatDateSpan('2010-11-08', '2010-11-19') // '8 to 19 November 2010' */
export function formatDateSpan(start: PartialDate, end?: PartialDate): string {
  if (!end || end === start) return formatPartialDate(start);
  if (datePrecision(start) === 'day' && datePrecision(end) === 'day' && start.slice(0, 7) === end.slice(0, 7)) {
    return `${Number(start.slice(8))} to ${formatPartialDate(end)}`;
  }
  return `${formatPartialDate(start)} to ${formatPartialDate(end)}`;
}

/**
 * Whether a day falls within an area's from/until, each a partial date that
 * covers its whole month or year ("2023-01" starts on 1 January 2023).
 * @example withinPartialRange('2022-03-21', undefined, '2022-12') // true
 */
export function withinPartialRange(day: string, from?: PartialDate, until?: PartialDate): boolean {
  if (from && day.slice(0, from.length) < from) return false;
  if (until && day.slice(0, until.length) > until) return false;
  return true;
}
