import { datePrecision, type Framework, type Mention, type TimelineEvent, type DatedClaim, type Citation } from '../schema/index.ts';
import type { DocumentEntry } from '../validate/check-references.ts';
import { datesConflict } from '../validate/event-dates.ts';
import { compareDates } from '../lib/partial-dates.ts';
import { gradeOnScale, headlineOutcome, type Outcome } from '../validate/headline-outcome.ts';

interface EventDraft {
  id: string;
  record?: DocumentEntry;
  mentions: { doc: DocumentEntry; mention: Mention }[];
}

/**
 * One timeline event per real-world event, merged across every document that
 * records or reports it. Where sources give incompatible dates (June 2014 in
 * the Ofsted letter, September 2014 in the news article, while we hold no
 * report of that inspection) every date is kept and `dateConflict` is set:
 * the conflict is shown, never resolved. A date that is the report's
 * publication ("December 2010") does not contradict the visit before it.
 */
export function deriveTimeline(documents: readonly DocumentEntry[], frameworks: readonly Framework[]): TimelineEvent[] {
  const drafts = new Map<string, EventDraft>();
  const draft = (id: string) => drafts.get(id) ?? drafts.set(id, { id, mentions: [] }).get(id)!;
  const byPublication = [...documents].sort((a, b) => a.data.published.localeCompare(b.data.published));
  for (const doc of byPublication) {
    draft(doc.data.event.id).record = doc;
    for (const mention of doc.data.mentions) draft(mention.event).mentions.push({ doc, mention });
  }
  return [...drafts.values()].map((event) => toTimelineEvent(event, frameworks)).sort((a, b) => compareDates(a.date, b.date));
}

function toTimelineEvent({ id, record, mentions }: EventDraft, frameworks: readonly Framework[]): TimelineEvent {
  const recordClaim: DatedClaim[] = record ? [ownDateClaim(record)] : [];
  const mentionClaims: DatedClaim[] = mentions.map(({ doc, mention }) => ({
    date: mention.date,
    precision: datePrecision(mention.date),
    ...(mention.end ? { end: mention.end } : {}),
    ...(mention.dateOf ? { dateOf: mention.dateOf } : {}),
    document: doc.slug,
  }));
  const dateClaims = [...recordClaim, ...mentionClaims];
  const dateConflict = datesConflict(mentionClaims, record?.data);
  // A record's own dates place the event; otherwise the most precise date,
  // from the earliest-published source that gives it.
  const placed = recordClaim[0] ?? [...mentionClaims].sort((a, b) => b.date.length - a.date.length)[0];

  const first = mentions[0]?.mention;
  const frameworkId = record?.data.framework ?? mentions.find(({ mention }) => mention.framework)?.mention.framework;
  const outcome: Outcome | undefined = record
    ? headlineOutcome(record.data, frameworks)
    : mentionOutcome(mentions.map(({ mention }) => mention), frameworks);
  const citations: Citation[] = [
    ...(record ? [{ document: record.slug, role: 'record' as const }] : []),
    ...mentions.map(({ doc, mention }) => ({ document: doc.slug, role: 'mention' as const, quote: mention.quote })),
  ];

  return {
    id,
    kind: record?.data.event.kind ?? first!.kind,
    title: record?.data.event.title ?? first!.title,
    date: placed.date,
    precision: placed.precision,
    ...(placed.end ? { end: placed.end } : {}),
    dateClaims,
    dateConflict,
    ...(frameworkId ? { framework: frameworkId } : {}),
    ...(outcome ? { outcome: outcome.grade, ...(outcome.position ? { outcomePosition: outcome.position } : {}) } : {}),
    // An inspection can grade its areas and give no overall grade (Ofsted's
    // reforms after 2025): it is graded all the same, never "not graded".
    graded: outcome !== undefined || (record ? record.data.judgements.length > 0 : mentions.some(({ mention }) => mention.outcome)),
    // An event we hold no record of is summarised in its first reporter's words.
    summary: record?.data.summary ?? first!.quote,
    ...(record ? { recordDocument: record.slug } : {}),
    knownFromMentionsOnly: !record,
    citations,
  };
}

/** The date a document gives its own event: its visit, else its own date. */
export function ownDateClaim(doc: DocumentEntry): DatedClaim {
  const { visit, published } = doc.data;
  return visit
    ? { date: visit.start, precision: 'day', end: visit.end, dateOf: 'visit', document: doc.slug }
    : { date: published, precision: 'day', dateOf: 'published', document: doc.slug };
}

function mentionOutcome(mentions: readonly Mention[], frameworks: readonly Framework[]): Outcome | undefined {
  const withOutcome = mentions.find((mention) => mention.outcome);
  return withOutcome?.outcome ? gradeOnScale(frameworks, withOutcome.framework, withOutcome.outcome.grade) : undefined;
}
