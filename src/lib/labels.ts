import type { DocumentKind, EventKind } from '../schema/index.ts';

/** Words for the kinds, in one place, for tables, charts and feeds. */
export const EVENT_KIND_LABEL: Record<EventKind, string> = {
  inspection: 'Inspection',
  'service-inspection': 'Inspection of one service',
  'unannounced-inspection': 'Unannounced inspection',
  'monitoring-visit': 'Monitoring visit',
  'focused-visit': 'Focused visit',
  'council-report': 'Council report',
  'news-article': 'News article',
  'statistics-release': 'Official statistics release',
};

export const DOCUMENT_KIND_LABEL: Record<DocumentKind, string> = {
  'inspection-report': 'Inspection report',
  'monitoring-visit-letter': 'Monitoring visit letter',
  'focused-visit-letter': 'Focused visit letter',
  'council-report': 'Council report',
  'news-article': 'News article',
  'statistics-release': 'Official statistics release',
};

export const LICENCE_LABEL = {
  'OGL-3.0': 'Open Government Licence v3.0',
  'all-rights-reserved': 'Copyright of the publisher: summarised and quoted briefly',
} as const;

/** The site's name, timeless: the years it covers are the story's (`:years` in content/pages/story.md). */
export const SITE_NAME = 'Judged: Manchester’s children’s services';
export const SITE_SHORT_NAME = 'Judged';
