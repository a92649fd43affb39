import type { SiteData } from '../derive/derive-site-data.ts';
import { DOCUMENT_KIND_LABEL } from '../lib/labels.ts';
import { formatPartialDate } from '../lib/partial-dates.ts';

type DocumentLike = Pick<SiteData['documents'][number], 'publisher' | 'kind' | 'published'>;

/**
 * A document named briefly enough to sit on a chart, with its month.
 * @example sourceLabel({ publisher: 'Ofsted', kind: 'monitoring-visit-letter', published: '2017-06-13' }) // 'Ofsted monitoring visit letter, June 2017'
 */
export function sourceLabel(doc: DocumentLike): string {
  const month = formatPartialDate(doc.published.slice(0, 7));
  if (doc.kind === 'news-article') return `${doc.publisher}, ${month}`;
  const kind = DOCUMENT_KIND_LABEL[doc.kind];
  const name = doc.kind === 'council-report' ? kind : `${doc.publisher} ${kind.toLowerCase()}`;
  return `${name}, ${month}`;
}

/** The document with a slug, from the data a chart is shaped from. */
export function chartDocument(data: Pick<SiteData, 'documents'>, slug: string) {
  const doc = data.documents.find((candidate) => candidate.slug === slug);
  if (!doc) throw new Error(`A chart cites "${slug}", which is not a document in the data`);
  return doc;
}
