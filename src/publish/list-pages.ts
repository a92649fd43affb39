import type { TimelineEvent } from '../schema/index.ts';
import type { DocumentRecord } from '../derive/derive-site-data.ts';

/**
 * The lists that grow with the record, kept to pages of a fixed size: the
 * feed holds the latest documents, and once the documents or the timeline
 * outgrow one page they are split by year, each year a page (or several,
 * `/2/` on, if a year alone outgrows one). Every page has its own address,
 * so a year can be linked to, and the sitemap lists them all. Page routes,
 * the sitemap and links to a timeline event all ask here, so they agree.
 */

/** Items in the RSS feed: the latest documents. */
export const FEED_ITEMS = 50;
/** Documents on the documents page, and on each year's page. */
export const DOCUMENTS_PER_PAGE = 50;
/** Events on the timeline page, and on each year's page. */
export const EVENTS_PER_PAGE = 60;
/** Changes listed on the data page; the changelog file holds them all. */
export const CHANGELOG_ITEMS = 50;
/** Source documents the About page lists one by one; past this it counts them by publisher. */
export const SOURCES_LISTED = 50;

/** One page of a list split by year. */
export interface YearPage<T> {
  year: string;
  /** 1 for the year's first page. */
  page: number;
  /** How many pages the year has. */
  pages: number;
  items: T[];
  /** From the site's base, e.g. "timeline/2014/" or "timeline/2014/2/". */
  path: string;
}

/** A year of a split list, for the navigation between years. */
export interface YearLink {
  year: string;
  count: number;
  path: string;
}

/**
 * Items (in the order given) grouped by year, each year cut into pages of
 * `perPage`, at `<prefix><year>/`, `<prefix><year>/2/`, …
 * @example yearPages(events, (event) => event.date.slice(0, 4), 60, 'timeline/')
 */
export function yearPages<T>(items: readonly T[], yearOf: (item: T) => string, perPage: number, prefix: string): YearPage<T>[] {
  const byYear = new Map<string, T[]>();
  for (const item of items) {
    const year = yearOf(item);
    const ofYear = byYear.get(year);
    if (ofYear) ofYear.push(item);
    else byYear.set(year, [item]);
  }
  return [...byYear].flatMap(([year, ofYear]) => {
    const pages = Math.ceil(ofYear.length / perPage);
    return Array.from({ length: pages }, (_, index) => ({
      year,
      page: index + 1,
      pages,
      items: ofYear.slice(index * perPage, (index + 1) * perPage),
      path: `${prefix}${year}/${index ? `${index + 1}/` : ''}`,
    }));
  });
}

/** The years of a split list, each linking to its first page. */
export function yearLinks<T>(pages: readonly YearPage<T>[]): YearLink[] {
  return pages.filter((page) => page.page === 1).map(({ year, path }) => ({ year, path, count: pages.filter((page) => page.year === year).reduce((sum, page) => sum + page.items.length, 0) }));
}

/** Documents newest first, as every list of them shows them. */
export function newestFirst(documents: readonly DocumentRecord[]): DocumentRecord[] {
  return [...documents].sort((a, b) => b.published.localeCompare(a.published) || a.slug.localeCompare(b.slug));
}

/** The documents' year pages, or none while they fit on the documents page. */
export function documentYearPages(documents: readonly DocumentRecord[]): YearPage<DocumentRecord>[] {
  if (documents.length <= DOCUMENTS_PER_PAGE) return [];
  return yearPages(newestFirst(documents), (doc) => doc.published.slice(0, 4), DOCUMENTS_PER_PAGE, 'documents/year/');
}

/** The timeline's year pages, or none while it fits on the timeline page. */
export function timelineYearPages(timeline: readonly TimelineEvent[]): YearPage<TimelineEvent>[] {
  if (timeline.length <= EVENTS_PER_PAGE) return [];
  return yearPages(timeline, (event) => event.date.slice(0, 4), EVENTS_PER_PAGE, 'timeline/');
}

const eventPages = new WeakMap<readonly TimelineEvent[], Map<string, string>>();

/** Where an event is on the timeline, from the site's base: "timeline/#<id>", or its year's page once the timeline is split. */
export function timelineEventPath(timeline: readonly TimelineEvent[], eventId: string): string {
  let pages = eventPages.get(timeline);
  if (!pages) {
    pages = new Map(timelineYearPages(timeline).flatMap((page) => page.items.map((event) => [event.id, page.path] as const)));
    eventPages.set(timeline, pages);
  }
  return `${pages.get(eventId) ?? 'timeline/'}#${eventId}`;
}

/** Graded events a year of the split timeline names on the timeline page; the rest are counted. */
export const GRADED_NAMED_PER_YEAR = 3;

/** A year of the split timeline as the timeline page shows it: its link, and the grades given that year. */
export interface TimelineYear extends YearLink {
  /** The year's first graded events, each with the address of its entry. */
  graded: { event: TimelineEvent; path: string }[];
  /** Graded events of the year beyond those named. */
  moreGraded: number;
}

export function timelineYears(timeline: readonly TimelineEvent[]): TimelineYear[] {
  return yearLinks(timelineYearPages(timeline)).map((link) => {
    const graded = timeline.filter((event) => event.outcome && event.date.startsWith(link.year));
    return {
      ...link,
      graded: graded.slice(0, GRADED_NAMED_PER_YEAR).map((event) => ({ event, path: timelineEventPath(timeline, event.id) })),
      moreGraded: Math.max(0, graded.length - GRADED_NAMED_PER_YEAR),
    };
  });
}

/** Sources a chart's caption names in a story before it points to the chart's page for the rest. */
export const STORY_SOURCES = 8;

/**
 * The sources a story names under a chart: the newest `limit`, oldest first
 * as captions list them, and how many more the chart's page lists. A chart
 * drawn from a thousand documents must not turn the story into a list of them.
 * @example storySources([d2010, d2014, d2017], 2) // { shown: [d2014, d2017], more: 1 }
 */
export function storySources(documents: readonly DocumentRecord[], limit = STORY_SOURCES): { shown: DocumentRecord[]; more: number } {
  const shown = newestFirst(documents).slice(0, limit).reverse();
  return { shown, more: documents.length - shown.length };
}

/** Rows of a chart's table on its page; a longer table goes year by year, this many rows a page. */
export const CHART_ROWS_PER_PAGE = 100;

/** A row of a chart's table with its number in the whole table (1-based), which its id and every link to it use. */
export interface NumberedRow<T> {
  row: T;
  number: number;
}

const rowYear = (row: { date: string }) => row.date.slice(0, 4) || 'undated';

/**
 * A chart's table by year, once it outgrows the chart's page: each year's
 * rows in the table's order, at `charts/<id>/data/<year>/` (and `/2/` on).
 * None while the table fits on the chart's page. The CSV keeps every row.
 */
export function chartTablePages<T extends { date: string }>(chartId: string, rows: readonly T[]): YearPage<NumberedRow<T>>[] {
  if (rows.length <= CHART_ROWS_PER_PAGE) return [];
  const numbered = rows.map((row, index) => ({ row, number: index + 1 }));
  const byYear = [...numbered].sort((a, b) => rowYear(a.row).localeCompare(rowYear(b.row)) || a.number - b.number);
  return yearPages(byYear, (item) => rowYear(item.row), CHART_ROWS_PER_PAGE, `charts/${chartId}/data/`);
}

/** The page of a chart's table that holds each row (by 0-based index), from the site's base. */
export function chartRowPages(chartId: string, rows: readonly { date: string }[]): string[] {
  const pages = new Array<string>(rows.length).fill(`charts/${chartId}/`);
  for (const page of chartTablePages(chartId, rows)) for (const { number } of page.items) pages[number - 1] = page.path;
  return pages;
}

/** Characters of a chart's notes a story shows open: the longest notes of the record to 2025 (1,049) fit. */
export const STORY_NOTE_CHARACTERS = 1100;

/**
 * A chart's notes in a story: the first, in the chart's order (the chart
 * puts what a reader needs first), while they fit STORY_NOTE_CHARACTERS;
 * the rest folded under them (in the page, one click away, script or not).
 * @example storyNotes(['a…', 'b…'], 5) // { shown: ['a…'], folded: ['b…'] }
 */
export function storyNotes(notes: readonly string[], budget = STORY_NOTE_CHARACTERS): { shown: string[]; folded: string[] } {
  let used = 0;
  const fitting = notes.findIndex((note, index) => (used += note.length) > budget && index > 0);
  return fitting < 0 ? { shown: [...notes], folded: [] } : { shown: notes.slice(0, fitting), folded: notes.slice(fitting) };
}

/** The publishers of the documents, each with how many we hold, most first (then by name). */
export function publisherCounts(documents: readonly DocumentRecord[]): { publisher: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const doc of documents) counts.set(doc.publisher, (counts.get(doc.publisher) ?? 0) + 1);
  return [...counts].map(([publisher, count]) => ({ publisher, count })).sort((a, b) => b.count - a.count || a.publisher.localeCompare(b.publisher));
}
