import raw from '#site-data';
import type { DocumentRecord, SiteData } from './derive-site-data.ts';

/**
 * The derived data every page reads, written by `npm run derive` (the build
 * runs it first). Pages look things up here and never compute statistics.
 */
export const siteData = raw as unknown as SiteData;

/** The document with a slug; an unknown slug is a build error, not a blank page. */
export function documentBySlug(slug: string): DocumentRecord {
  const found = siteData.documents.find((doc) => doc.slug === slug);
  if (!found) throw new Error(`No document with slug "${slug}" in the derived data`);
  return found;
}

/** A document's body (our summary) as safe HTML, rendered when the data was derived. */
export function documentBody(slug: string): string {
  const found = siteData.bodies[slug];
  if (found === undefined) throw new Error(`No body for document "${slug}" in the derived data`);
  return found;
}

export function frameworkById(id: string | undefined) {
  return siteData.frameworks.find((framework) => framework.id === id);
}

export function eventById(id: string) {
  return siteData.timeline.find((event) => event.id === id);
}

/** A figure by id; an unknown id fails the build instead of printing nothing. */
export function figureById(id: string) {
  const found = siteData.figures.find((figure) => figure.id === id);
  if (!found) throw new Error(`No figure with id "${id}" in the derived data: check the id in content/documents/`);
  return found;
}

/** A judgement row by event and area id. */
export function judgementOf(event: string, area: string) {
  const found = siteData.judgements.find((row) => row.event === event && row.area === area);
  if (!found) throw new Error(`No judgement for area "${area}" of event "${event}" in the derived data`);
  return found;
}
