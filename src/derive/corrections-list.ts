import type { DocumentRecord } from './derive-site-data.ts';

/** One correction with the document it corrects, for the corrections page. */
export interface CorrectionEntry {
  date: string;
  text: string;
  slug: string;
  title: string;
}

/**
 * Every correction on the site, newest first (then by document), so that a
 * reader can see what changed since they last looked.
 * @example correctionsNewestFirst(siteData.documents)[0].date // the latest correction's date
 */
export function correctionsNewestFirst(documents: readonly DocumentRecord[]): CorrectionEntry[] {
  return documents
    .flatMap((doc) => doc.corrections.map((correction) => ({ ...correction, slug: doc.slug, title: doc.title })))
    .sort((a, b) => b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug));
}
