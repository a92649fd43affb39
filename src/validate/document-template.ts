import { DocumentSchema, type DocumentKind, type EventKind, type Framework } from '../schema/index.ts';
import { formatPartialDate } from '../lib/partial-dates.ts';
import { descriptionAt } from './schema-walk.ts';
import type { KnownEvent } from './similar-events.ts';
import { suggestSlug } from './value-words.ts';

/** What `npm run new` asks for: enough to name the file and fill its header. */
export interface NewDocument {
  kind: DocumentKind;
  title: string;
  publisher: string;
  /** "YYYY-MM-DD": the date the document bears. */
  published: string;
  visit?: { start: string; end: string };
  sourceUrl: string;
  framework?: string;
  /** A few words for the file name, e.g. "ilacs-inspection". */
  shortTitle: string;
  /** The event's id, when chosen (an event other documents mention); by convention if left out. */
  eventId?: string;
}

/** Per kind: the event it records, its usual publisher, framework and licence. */
export const KIND_DEFAULTS: Record<DocumentKind, { event: EventKind; publisher?: string; framework?: string; licence: string; visit: boolean; shortTitle?: string }> = {
  'inspection-report': { event: 'inspection', publisher: 'Ofsted', licence: 'OGL-3.0', visit: true },
  'monitoring-visit-letter': { event: 'monitoring-visit', publisher: 'Ofsted', framework: 'monitoring-visits', licence: 'OGL-3.0', visit: true, shortTitle: 'monitoring-visit' },
  'focused-visit-letter': { event: 'focused-visit', publisher: 'Ofsted', framework: 'ilacs-2018', licence: 'OGL-3.0', visit: true, shortTitle: 'focused-visit' },
  'council-report': { event: 'council-report', publisher: 'Manchester City Council', licence: 'OGL-3.0', visit: false },
  'news-article': { event: 'news-article', licence: 'all-rights-reserved', visit: false },
  'statistics-release': { event: 'statistics-release', publisher: 'Department for Education', licence: 'OGL-3.0', visit: false },
};

// Publishers' short names as the existing file names use them.
const PUBLISHER_SLUGS: Record<string, string> = {
  ofsted: 'ofsted',
  'manchester city council': 'manchester-council',
  'children & young people now': 'cypn',
  'children and young people now': 'cypn',
  'department for education': 'dfe',
};

/**
 * The file name by the project's convention, YYYY-MM-DD-publisher-short-title.md.
 * @example documentFileName({ published: '2022-07-01', publisher: 'Ofsted', shortTitle: 'ILACS inspection', … }) // '2022-07-01-ofsted-ilacs-inspection.md'
 */
export function documentFileName(doc: Pick<NewDocument, 'published' | 'publisher' | 'shortTitle'>): string {
  const publisher = PUBLISHER_SLUGS[doc.publisher.trim().toLowerCase()] ?? suggestSlug(doc.publisher);
  return `${doc.published}-${publisher}-${suggestSlug(doc.shortTitle).replace(/\./g, '-')}.md`;
}

const FILLER = new Set(['a', 'an', 'and', 'the', 'of', 'in', 'on', 'for', 'to', 'at', 'by', 'with', 'from', 'manchester', 'manchesters', 'city', 'council', 'ofsted', 'ofsteds']);

/**
 * A few words for a file name, from a title.
 * @example shortTitleFrom("Ofsted praises supportive children's services environment in Manchester") // 'praises-supportive-childrens-services'
 */
export function shortTitleFrom(title: string): string {
  const words = suggestSlug(title).split(/[-.]/).filter((word) => word && !FILLER.has(word));
  return words.slice(0, 4).join('-') || 'document';
}

/** The event id by convention: "2022-05-ilacs-inspection", "2019-12-focused-visit". */
export function eventIdFor(doc: NewDocument): string {
  const month = (doc.visit?.start ?? doc.published).slice(0, 7);
  const framework = doc.framework?.replace(/-\d{4}$/, '');
  if (doc.kind === 'inspection-report') return `${month}-${framework ?? 'ofsted'}-inspection`;
  if (doc.kind === 'monitoring-visit-letter') return `${month}-monitoring-visit`;
  if (doc.kind === 'focused-visit-letter') return `${month}-focused-visit`;
  return documentFileName(doc).replace(/\.md$/, '');
}

/** How many known events the template lists for mentions: the latest before the document. */
const LISTED_EVENTS = 25;

/**
 * A new document's text: filled header, commented fields, "TODO" where the
 * editor must write, and the events already on the timeline, so that its
 * mentions use their ids.
 */
export function documentTemplate(doc: NewDocument, frameworks: readonly Framework[], events: readonly KnownEvent[] = []): string {
  const defaults = KIND_DEFAULTS[doc.kind];
  const about = (...path: string[]) => `# ${descriptionAt(DocumentSchema, path, {}) ?? ''}`;
  const framework = frameworks.find((candidate) => candidate.id === doc.framework);
  const eventId = doc.eventId ?? eventIdFor(doc);
  const existing = events.find((event) => event.id === eventId);
  const lines = [
    '---',
    about('title'), `title: ${quote(doc.title)}`,
    about('publisher'), `publisher: ${quote(doc.publisher)}`,
    about('kind'), `kind: ${doc.kind}`,
    about('event'),
    '# Other documents that report this event use the same id under mentions:.',
    ...(existing ? [`# Already mentioned by other documents as "${existing.title}" (${existing.dates.map(formatPartialDate).join(' / ')}).`] : []),
    'event:',
    `  id: ${eventId}`,
    `  kind: ${defaults.event}`,
    `  title: ${quote(`TODO: a short name for the ${defaults.event.replace(/-/g, ' ')}, e.g. "Focused visit: help and protection"`)}`,
    ...(doc.visit ? [about('visit'), 'visit:', `  start: "${doc.visit.start}"`, `  end: "${doc.visit.end}"`] : []),
    about('published'), `published: "${doc.published}"`,
    about('sourceUrl'), `sourceUrl: ${doc.sourceUrl}`,
    about('licence'), `licence: ${defaults.licence}`,
    ...(doc.framework ? [about('framework'), `framework: ${doc.framework}`] : []),
    about('summary'),
    'summary: >-',
    '  TODO: one or two sentences, at most 280 characters, on what the document',
    '  found. It is shown on the timeline.',
    // Only inspection reports give grades; letters of visits under a graded framework do not.
    ...judgementLines(doc.kind === 'inspection-report' ? framework : undefined),
    ...FIGURE_LINES,
    ...MENTION_LINES,
    ...eventList(events.filter((event) => event.id !== eventId && event.dates.some((date) => date <= doc.published))),
    about('corrections'),
    '# Add one when we fix a mistake after publishing: { date: "YYYY-MM-DD", text: "What was wrong and what it now says." }',
    'corrections: []',
    '---',
    '',
    'TODO: our own summary of the document, in a few paragraphs: what was looked at,',
    'what was found, and what had to improve. Quote sparingly, in quotation marks.',
    'No HTML: write **bold**, *italic*, [links](https://…) and "- " lists.',
    '',
    '## What was found',
    '',
    '## What needs to improve',
    '',
  ];
  return lines.join('\n');
}

function judgementLines(framework: Framework | undefined): string[] {
  const intro = `# ${descriptionAt(DocumentSchema, ['judgements'], {})} One item per graded area, with the words that give the grade.`;
  if (!framework?.graded) return [intro, 'judgements: []'];
  return [
    intro,
    `# Grades on the ${framework.shortName} scale, best first: ${framework.scale.map((grade) => grade.label).join(', ')}.`,
    '# Delete the areas the document does not grade.',
    'judgements:',
    ...framework.areas.flatMap((area) => [
      `  - area: ${area.id}  # ${area.label}`,
      '    grade: TODO',
      `    quote: ${quote('TODO: the sentence or table row that gives the grade, copied exactly')}`,
    ]),
  ];
}

const FIGURE_LINES = [
  `# ${descriptionAt(DocumentSchema, ['figures'], {})} Each needs a metric from content/metrics.yaml and the`,
  '# sentence it comes from, copied exactly: the number must appear in the quote. Examples, one per kind of value:',
  '#  - id: caseload-2022-05                    # unique across the site',
  '#    metric: caseload',
  '#    label: Average caseload of social workers',
  '#    value: { kind: number, number: 18 }',
  '#    unit: children',
  '#    period: { label: "May 2022", date: "2022-05" }',
  '#    quote: "Social workers have an average of 18 children on their caseloads."',
  '#  A range:        value: { kind: range, low: 22, high: 24 }',
  '#  A statement:    value: { kind: qualitative, text: "high caseloads" }   (no unit)',
  '#  Our own sum:    value: { kind: derived, number: 426, operation: difference, inputs: [first-figure-id, second-figure-id] }',
  '#                  with qualifiers: [derived] and a note: saying how it was worked out',
  'figures: []',
];

const MENTION_LINES = [
  `# ${descriptionAt(DocumentSchema, ['mentions'], {})} Use the event id other documents use, if any. Example:`,
  '#  - event: 2014-sif-inspection',
  '#    kind: inspection',
  '#    title: "Inspection of children\'s services: judged inadequate"',
  '#    date: "2014-06"                  # as precisely as the document gives it: "2014", "2014-06" or "2014-06-17"',
  '#    framework: sif-2013',
  '#    outcome: { area: overall-effectiveness, grade: inadequate }',
  '#    dateOf: judgement                # which date it is, if the document says: visit, judgement or published',
  '#    quote: "…judged inadequate in June 2014."',
  'mentions: []',
];

/** The events already on the timeline, latest first, for mentions to name by id. */
function eventList(events: readonly KnownEvent[]): string[] {
  if (!events.length) return [];
  const latest = [...events].reverse().slice(0, LISTED_EVENTS);
  return [
    '# Events other documents already record or mention (id, dates, title), latest first:',
    ...latest.map((event) => `#   ${event.id}  ${event.dates.map(formatPartialDate).join(' / ')}  ${event.title}`),
    ...(events.length > latest.length ? [`#   … and ${events.length - latest.length} earlier: see the timeline page`] : []),
  ];
}

/** A YAML double-quoted string. */
function quote(text: string): string {
  return JSON.stringify(text);
}
