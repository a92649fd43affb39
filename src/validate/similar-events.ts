import type { EventKind, PartialDate } from '../schema/index.ts';
import { closestMatch } from './closest-match.ts';
import { firstDay } from '../lib/partial-dates.ts';

/** An event as the documents know it so far: its id, kind, title, and every date they give it. */
export interface KnownEvent {
  id: string;
  kind: EventKind;
  title: string;
  dates: PartialDate[];
  /** Whether some document is the event's own record. */
  hasRecord: boolean;
}

/** How close in time two reports of one event can be: sources date an inspection by its visit, judgement or report. */
export const SAME_EVENT_MONTHS = 4;

/**
 * The events a new document's own event may be, best first: of the same
 * kind, with no record of their own yet (an event has one record), dated
 * within a few months, and with an id that says the same apart from its
 * dates. `npm run new` offers them; validation warns when a document's own
 * event is one of them under another id ("2014-06-sif-inspection" for the
 * "2014-sif-inspection" three documents mention).
 * @example similarEvents({ id: '2014-06-sif-inspection', kind: 'inspection', date: '2014-06-25' }, known)[0].id // '2014-sif-inspection'
 */
export function similarEvents(wanted: { id?: string; kind: EventKind; date: PartialDate }, known: readonly KnownEvent[]): KnownEvent[] {
  return known
    .filter((event) => event.id !== wanted.id && event.kind === wanted.kind && !event.hasRecord)
    .map((event) => ({ event, months: Math.min(...event.dates.map((date) => monthsApart(date, wanted.date))) }))
    .filter(({ event, months }) => months <= SAME_EVENT_MONTHS && (!wanted.id || idsAlike(event.id, wanted.id)))
    .sort((a, b) => a.months - b.months || a.event.id.localeCompare(b.event.id))
    .map(({ event }) => event);
}

/** Every event the documents record or mention, with the dates they give it. */
export function knownEvents(
  documents: readonly {
    data: {
      event?: { id: string; kind: EventKind; title: string };
      visit?: { start: string };
      published?: string;
      mentions: readonly ({ event: string; kind: EventKind; title: string; date: PartialDate } | undefined)[];
    };
  }[],
): KnownEvent[] {
  const events = new Map<string, KnownEvent>();
  const entry = (id: string, kind: EventKind, title: string) => events.get(id) ?? events.set(id, { id, kind, title, dates: [], hasRecord: false }).get(id)!;
  for (const { data } of documents) {
    const date = data.visit?.start ?? data.published;
    if (data.event && date) {
      const own = entry(data.event.id, data.event.kind, data.event.title);
      own.hasRecord = true;
      own.title = data.event.title;
      own.dates.push(date);
    }
    for (const mention of data.mentions) if (mention) entry(mention.event, mention.kind, mention.title).dates.push(mention.date);
  }
  return [...events.values()].filter((event) => event.dates.length > 0).sort((a, b) => firstDay(a.dates[0]!).localeCompare(firstDay(b.dates[0]!)) || a.id.localeCompare(b.id));
}

// Ids by convention start with the date at whatever precision the first
// source gave: "2014-sif-inspection", "2014-06-sif-inspection". Those dates
// must agree as far as both go ("2016-12" and "2017-03" name two visits),
// and what follows says what the event is, alike but for a typo.
function idsAlike(a: string, b: string): boolean {
  const [dateA, dateB] = [dateIn(a), dateIn(b)];
  if (!dateA.startsWith(dateB) && !dateB.startsWith(dateA)) return false;
  const [wordsA, wordsB] = [a.slice(dateA.length), b.slice(dateB.length)];
  return wordsA === wordsB || closestMatch(wordsA, [wordsB]) !== undefined;
}

function dateIn(id: string): string {
  return /^\d{4}(-\d{2}){0,2}(?=-)/.exec(id)?.[0] ?? '';
}

/** Whole months between the nearest days two partial dates can mean: "2014" and "2014-09-01" are 0 apart. */
function monthsApart(a: PartialDate, b: PartialDate): number {
  const [startA, endA] = bounds(a);
  const [startB, endB] = bounds(b);
  if (startA <= endB && startB <= endA) return 0;
  const [earlier, later] = endA < startB ? [endA, startB] : [endB, startA];
  const [yearE, monthE] = earlier.split('-').map(Number);
  const [yearL, monthL] = later.split('-').map(Number);
  return (yearL - yearE) * 12 + (monthL - monthE);
}

function bounds(date: PartialDate): [string, string] {
  const month = date.slice(0, 7);
  return date.length === 4 ? [`${date}-01`, `${date}-12`] : [month, month];
}
