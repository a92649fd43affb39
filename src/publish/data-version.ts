import { createHash } from 'node:crypto';
import type { SiteData } from '../derive/derive-site-data.ts';
import type { FlatTable } from './csv.ts';

/** One dated change to the published data: a new source document or a correction. */
export interface DataChange {
  /** "YYYY-MM-DD": the document's own date, or the correction's. */
  date: string;
  kind: 'document' | 'correction';
  /** Slug of the document the change concerns. */
  document: string;
  /** What changed, in a sentence. */
  text: string;
}

const counted = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** " (33 judgements, 44 figures)": what a document adds to the data. */
function contentsOf(doc: SiteData['documents'][number]): string {
  const parts = [
    doc.judgements.length > 0 ? counted(doc.judgements.length, 'judgement') : '',
    doc.figures.length > 0 ? counted(doc.figures.length, 'figure') : '',
    doc.mentions.length > 0 ? counted(doc.mentions.length, 'reported event') : '',
  ].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/**
 * Every change to the data, newest first, read from the content itself: each
 * document enters on the date it bears, each correction on its own date. No
 * separate changelog file to keep in step.
 */
export function dataChangelog(data: Pick<SiteData, 'documents'>): DataChange[] {
  const changes: DataChange[] = data.documents.flatMap((doc) => [
    {
      date: doc.published,
      kind: 'document' as const,
      document: doc.slug,
      text: `New source: ${doc.publisher}, “${doc.title}”${contentsOf(doc)}.`,
    },
    ...doc.corrections.map((correction) => ({
      date: correction.date,
      kind: 'correction' as const,
      document: doc.slug,
      text: `Correction to “${doc.title}”: ${correction.text}`,
    })),
  ]);
  return changes.sort((a, b) => b.date.localeCompare(a.date) || a.kind.localeCompare(b.kind) || a.document.localeCompare(b.document));
}

/** The whole changelog as a table, for /data/changelog.csv (the data page lists the latest changes). */
export function changelogTable(data: Pick<SiteData, 'documents'>, siteUrl: string): FlatTable {
  const titles = new Map(data.documents.map((doc) => [doc.slug, doc.title]));
  return {
    columns: ['date', 'kind', 'document', 'document_title', 'document_url', 'text'],
    rows: dataChangelog(data).map((change) => ({
      date: change.date,
      kind: change.kind,
      document: change.document,
      document_title: titles.get(change.document),
      document_url: new URL(`documents/${change.document}/`, siteUrl).href,
      text: change.text,
    })),
  };
}

/** The part of the derived data a reader can download, in a stable order for hashing. */
function publishedData(data: SiteData) {
  return { documents: data.documents, timeline: data.timeline, judgements: data.judgements, figures: data.figures };
}

/**
 * The data version: the date of the latest change, then the first 8 hex digits
 * of a SHA-256 of everything published. Any edit to the data changes the hash,
 * so an embed, a PNG or a CSV can be matched to the data it shows, even when
 * an edit carries no dated correction. The form is SemVer, which Data Package
 * v2 recommends for `version`.
 * @example dataVersion(data) // "2020.1.21+3fa2b9c1"
 * @see https://datapackage.org/standard/data-package/#version
 */
export function dataVersion(data: SiteData): string {
  let version = versions.get(data);
  if (version === undefined) {
    const hash = createHash('sha256').update(JSON.stringify(publishedData(data))).digest('hex').slice(0, 8);
    const latest = dataChangelog(data)[0]?.date ?? '1970-01-01';
    const [year, month, day] = latest.split('-').map(Number);
    versions.set(data, (version = `${year}.${month}.${day}+${hash}`));
  }
  return version;
}

// Every page and download asks for the version; hashing all the data each
// time cost seconds at a thousand documents. The derived data is never mutated.
const versions = new WeakMap<SiteData, string>();

/** What a chart's version is made of: the rows it draws and the documents they come from. */
export interface VersionedChart {
  rows: readonly object[];
  sourceDocuments: readonly string[];
}

/**
 * A chart's data version, in the form of the data version but of the chart
 * alone: the date of the latest change to a document the chart cites, then a
 * hash of the rows it draws. An edit that leaves a chart's data as it was
 * (another document's summary, another chart's figure) leaves its version,
 * and so its downloads and images, as they were: a journalist's copy still
 * matches the site, and a rebuild redraws nothing. The data package keeps
 * the version of all the data (dataVersion).
 * @example chartDataVersion(chartById('adoption'), data) // "2017.7.21+9c04e1d2"
 */
export function chartDataVersion(chart: VersionedChart, data: Pick<SiteData, 'documents'>): string {
  let version = chartVersions.get(chart.rows);
  if (version === undefined) {
    const cited = new Set(chart.sourceDocuments);
    const hash = createHash('sha256').update(JSON.stringify(chart.rows)).digest('hex').slice(0, 8);
    const latest = dataChangelog({ documents: data.documents.filter((doc) => cited.has(doc.slug)) })[0]?.date ?? '1970-01-01';
    const [year, month, day] = latest.split('-').map(Number);
    chartVersions.set(chart.rows, (version = `${year}.${month}.${day}+${hash}`));
  }
  return version;
}

// Keyed on the rows: a chart is shaped once per data (src/charts/registry.ts).
const chartVersions = new WeakMap<object, string>();
