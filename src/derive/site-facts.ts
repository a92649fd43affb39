import type { TimelineEvent } from '../schema/index.ts';
import type { SiteData } from './derive-site-data.ts';

/**
 * Facts about the record as a whole, read from the data so that no page,
 * card or description types them: the years it spans, how many documents it
 * holds, the latest grade. A new document moves them on by itself.
 */

/** First and last year of the record: its earliest event, its latest event or document. */
export function yearSpan(data: Pick<SiteData, 'timeline' | 'documents'>): { first: number; last: number } | undefined {
  const dates = [...data.timeline.flatMap((event) => [event.date, event.end ?? event.date]), ...data.documents.map((doc) => doc.published)];
  const years = dates.map((date) => Number(date.slice(0, 4)));
  return years.length ? { first: Math.min(...years), last: Math.max(...years) } : undefined;
}

/**
 * The years as a range, with an en dash: "2009–2020"; one year alone if it is all.
 * @example yearRange({ timeline: [...], documents: [...] }) // '2009–2020'
 */
export function yearRange(data: Pick<SiteData, 'timeline' | 'documents'>): string {
  const span = yearSpan(data);
  if (!span) return '';
  return span.first === span.last ? String(span.first) : `${span.first}–${span.last}`;
}

/** The things `:count{of=…}` counts. */
export const COUNTABLE = {
  documents: (data: SiteData) => data.documents.length,
  events: (data: SiteData) => data.timeline.length,
  inspections: (data: SiteData) => gradedInspections(data).length,
  judgements: (data: SiteData) => data.judgements.length,
  figures: (data: SiteData) => data.figures.length,
} as const satisfies Record<string, (data: SiteData) => number>;

export type Countable = keyof typeof COUNTABLE;

/** Full inspections with a headline grade, oldest first. */
export function gradedInspections(data: Pick<SiteData, 'timeline'>): TimelineEvent[] {
  return data.timeline.filter((event) => event.kind === 'inspection' && event.outcome);
}

/** The most recent full inspection with a headline grade, if any. */
export function latestGradedInspection(data: Pick<SiteData, 'timeline'>): TimelineEvent | undefined {
  return gradedInspections(data).at(-1);
}
