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
export type OwnEvent = z.infer<typeof OwnEventSchema>;
export type Mention = z.infer<typeof MentionSchema>;
