import type { Framework, FigureRow, JudgementRow, JudgementTopic, Metric, PageName, SourceDocument, TimelineEvent } from '../schema/index.ts';
import { deriveFigures } from './derive-figures.ts';
import { deriveJudgements } from './derive-judgements.ts';
import { deriveTimeline } from './derive-timeline.ts';
import { renderBodyTree } from '../validate/markdown-body.ts';
import type { PageEntry, ValidContent } from '../validate/validate-content.ts';

/** A document's metadata and content model, addressed by its slug. */
export type DocumentRecord = SourceDocument & { slug: string };

/** Everything the pages read: written by `scripts/derive-data.ts`. */
export interface SiteData {
  documents: DocumentRecord[];
  frameworks: Framework[];
  metrics: Metric[];
  topics: JudgementTopic[];
  timeline: TimelineEvent[];
  judgements: JudgementRow[];
  figures: FigureRow[];
  /**
   * Each document's body, our summary, as the HTML its page shows, by slug:
   * rendered from the same syntax tree the validator checked, raw HTML
   * dropped and the rest sanitised (src/validate/markdown-body.ts).
   */
  bodies: Record<string, string>;
  /** The story and About pages as written (rendered by src/story/); absent in data derived from documents alone. */
  pages?: Partial<Record<PageName, PageEntry>>;
}

/** Derives the site's datasets from validated content. Pure and deterministic. */
export function deriveSiteData(content: ValidContent): SiteData {
  const { documents, frameworks, metrics, topics, pages } = content;
  return {
    documents: [...documents]
      .sort((a, b) => a.data.published.localeCompare(b.data.published))
      .map((doc) => ({ slug: doc.slug, ...doc.data })),
    frameworks,
    metrics,
    topics,
    timeline: deriveTimeline(documents, frameworks),
    judgements: deriveJudgements(documents, frameworks),
    figures: deriveFigures(documents, metrics),
    bodies: Object.fromEntries(documents.map((doc) => [doc.slug, renderBodyTree(doc.bodyTree)])),
    ...(pages ? { pages: Object.fromEntries(pages.map((page) => [page.name, page])) } : {}),
  };
}
