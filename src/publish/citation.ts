import type { DocumentRecord } from '../derive/derive-site-data.ts';
import { SITE_NAME } from '../lib/labels.ts';
import { formatPartialDate } from '../lib/partial-dates.ts';

/**
 * Ready-to-paste citation lines for journalists, and the attribution the
 * Open Government Licence asks for.
 * @see https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/
 */

/** The attribution statement OGL v3.0 asks re-users to include, word for word. */
export const OGL_ATTRIBUTION = 'Contains public sector information licensed under the Open Government Licence v3.0.';

/** @example sourceReference(doc) // "Ofsted, Inspection of …, 17 December 2010" */
export function sourceReference(doc: Pick<DocumentRecord, 'publisher' | 'title' | 'published'>): string {
  return `${doc.publisher}, ${doc.title}, ${formatPartialDate(doc.published)}`;
}

/** Sources a chart's citation names before it counts the rest: a line to paste, not a bibliography. */
export const CITED_SOURCES = 8;

/**
 * The line to print under a chart: its sources, oldest first, then this
 * site. Past CITED_SOURCES it names the oldest and the newest and counts
 * the rest, which the chart's data cites row by row: a chart drawn from a
 * thousand documents must not make its embed or page a list of them.
 * @example chartCitation([doc], 'http://…/charts/grades/', '2020.1.21+3fa2b9c1')
 * // "Source: Ofsted, Inspection of …, 17 December 2010; chart: Judged: …, http://…/charts/grades/ (data version 2020.1.21+3fa2b9c1)"
 */
export function chartCitation(sources: readonly DocumentRecord[], chartUrl: string, version: string, limit = CITED_SOURCES): string {
  const ordered = [...sources].sort((a, b) => a.published.localeCompare(b.published)).map(sourceReference);
  const named =
    ordered.length <= limit
      ? ordered
      : [...ordered.slice(0, limit / 2), `${ordered.length - limit} more documents, each cited in the chart’s data`, ...ordered.slice(-limit / 2)];
  return `Source: ${named.join('; ')}; chart: ${SITE_NAME}, ${chartUrl} (data version ${version})`;
}

/** The line to cite one document and our record of it. */
export function documentCitation(doc: DocumentRecord, pageUrl: string): string {
  return `Source: ${sourceReference(doc)}; summary and data: ${SITE_NAME}, ${pageUrl}`;
}

/**
 * What a re-user must add for the licences of these sources: the OGL
 * statement when any is OGL-3.0, and a note on any that is not reusable.
 */
export function licenceNotes(sources: readonly DocumentRecord[]): string[] {
  const notes: string[] = [];
  if (sources.some((doc) => doc.licence === 'OGL-3.0')) notes.push(OGL_ATTRIBUTION);
  const reserved = [...new Set(sources.filter((doc) => doc.licence === 'all-rights-reserved').map((doc) => doc.publisher))];
  if (reserved.length > 0) {
    notes.push(`${reserved.join(' and ')} reporting remains the publisher’s copyright: quote it briefly and credit it.`);
  }
  return notes;
}
