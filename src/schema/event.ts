import { z } from 'zod';
import { PartialDateSchema } from './partial-date.ts';
import { SlugSchema } from './slug.ts';

/**
 * Kinds of real-world event on the timeline. Inspections give grades; visits
 * and letters do not (see ../../../shared/FRAMEWORKS.md).
 */
export const EventKindSchema = z
  .enum([
    'inspection',
    'service-inspection',
    'unannounced-inspection',
    'monitoring-visit',
    'focused-visit',
    'council-report',
    'news-article',
    'statistics-release',
  ])
  .describe('What kind of event it is; inspections are graded, visits are not.');

export const EventIdSchema = SlugSchema.describe(
  'Stable id shared by every document that reports the event, e.g. "2014-sif-inspection".',
);

/**
 * Which of an event's dates a source gives. An inspection has three: the
 * visit (inspectors on site), the judgement (made during or after the visit,
 * and no later than the report) and the report's publication. Ofsted's 2014
 * report dates the 2010 inspection by its report ("December 2010") while the
 * 2010 report itself gives the visit, 8 to 19 November: both are right.
 */
export const DateOfSchema = z
  .enum(['visit', 'judgement', 'published'])
  .describe('Which date of the event the source gives: the visit, the judgement, or the report’s publication.');

/** The event a document is itself the record of. */
export const OwnEventSchema = z.strictObject({
  id: EventIdSchema,
  kind: EventKindSchema,
  title: z.string().min(1).describe('A short name for the event, e.g. "Monitoring visit: adoption".'),
});

/** An event a document reports about another inspection or visit. */
export const MentionSchema = z.strictObject({
  event: EventIdSchema,
  kind: EventKindSchema,
  title: z.string().min(1).describe('A short name for the event.'),
  date: PartialDateSchema.describe('When it happened, at the precision the source gives.'),
  end: PartialDateSchema.optional().describe('When it ended, if the source gives a span.'),
  dateOf: DateOfSchema.optional().describe(
    'Which date of the event the source gives: visit, judgement or published (the report’s publication). Leave out if the source does not say.',
  ),
  framework: SlugSchema.optional().describe('The framework it was graded under, if any.'),
  outcome: z
    .strictObject({
      area: SlugSchema.optional().describe("The area judged, an area id of the framework."),
      grade: z.string().min(1).describe('The grade as the source writes it.'),
    })
    .optional()
    .describe('The grade the source reports, if any.'),
  quote: z.string().min(1).describe('The sentence that reports the event, verbatim.'),
  note: z.string().min(1).optional().describe('Our note, e.g. how the date was read.'),
});

export type EventKind = z.infer<typeof EventKindSchema>;
export type DateOf = z.infer<typeof DateOfSchema>;
export type OwnEvent = z.infer<typeof OwnEventSchema>;
export type Mention = z.infer<typeof MentionSchema>;
