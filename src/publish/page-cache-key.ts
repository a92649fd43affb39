import { createHash } from 'node:crypto';
import type { SiteData } from '../derive/derive-site-data.ts';

/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild` in
 * astro.config.mjs): a page whose key, and whose code, are what they were in
 * the last build is copied from that build instead of rendered again.
 *
 * Astro hashes each page's code itself. The derived data is read when the
 * pages render (scripts/runtime-site-data.ts), not bundled into that code,
 * so these keys stand for it. They err on the side of rendering: a key holds
 * all the data a page could read, leaving out only prose that kind of page
 * never shows — document bodies everywhere but on the document's own page,
 * and summaries too on a chart's pages and on a document's page (but its
 * own). A page that started to show such prose would be caught by
 * tests/build/incremental-build.test.ts, which rebuilds after rewording one
 * document and after rewording all, and compares the site with a build from
 * scratch each time.
 */

/** The key of a page that may show any data but document bodies; `own` adds what else it shows (its document's body). */
export function pageCacheKey(data: SiteData, ...own: string[]): string {
  return digest([fingerprint(data, 'data'), ...own]);
}

/**
 * The key of a page that shows no document's prose but what `own` names: a
 * chart's page, embed or download (its id; the PNG's fonts too), a
 * document's page (its own summary and body).
 */
export function factsCacheKey(data: SiteData, ...own: string[]): string {
  return digest([fingerprint(data, 'facts'), ...own]);
}

type Projection = 'data' | 'facts';

const projections: Record<Projection, (data: SiteData) => unknown> = {
  data: ({ bodies: _bodies, ...rest }) => rest,
  facts: ({ bodies: _bodies, documents, timeline, ...rest }) => ({
    ...rest,
    documents: documents.map(({ summary: _summary, ...doc }) => doc),
    timeline: timeline.map(({ summary: _summary, ...event }) => event),
  }),
};

// A thousand pages ask for a key: hash each projection of the data once.
const fingerprints = new WeakMap<SiteData, Partial<Record<Projection, string>>>();

function fingerprint(data: SiteData, projection: Projection): string {
  const known = fingerprints.get(data) ?? {};
  fingerprints.set(data, known);
  return (known[projection] ??= createHash('sha256').update(JSON.stringify(projections[projection](data))).digest('hex'));
}

function digest(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}
