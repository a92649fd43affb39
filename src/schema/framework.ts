import { z } from 'zod';
import { PartialDateSchema } from './partial-date.ts';
import { SlugSchema } from './slug.ts';

// Field documentation lives in `.describe()` so that the data page and the
// editors' error messages read it from the schema instead of a second copy.


export const GradeSchema = z.strictObject({
  position: z.number().int().min(1).describe('Place on the scale: 1 is best.'),
  label: z.string().min(1).describe("The grade's name as the framework writes it."),
  aliases: z
    .array(z.string().min(1))
    .default([])
    .describe('Other wordings of the same grade found in documents.'),
});

export const AreaSchema = z.strictObject({
  id: SlugSchema.describe('Stable id of the judgement area, unique within its framework.'),
  label: z.string().min(1).describe("The area's name as the framework writes it."),
  section: z.string().min(1).optional().describe('The part of the report the area belongs to.'),
  parent: SlugSchema.optional().describe('The id of the area this is a sub-judgement of.'),
  headline: z.boolean().default(false).describe('True for the judgement a report leads with.'),
  topics: z
    .array(SlugSchema)
    .default([])
    .describe(
      'What the area judges, as ids from content/judgement-topics.yaml, so that areas line up across frameworks; an area that judged two things together (children in care and care leavers) lists both.',
    ),
  from: PartialDateSchema.optional().describe('First inspections the area applies to, when a revision of the framework added it, e.g. "2023-01".'),
  until: PartialDateSchema.optional().describe('Last inspections the area applies to, when a revision replaced it, e.g. "2022-12".'),
});

/**
 * What a judgement area is about, the same across frameworks (help and
 * protection, children in care, leadership…): the rows of the area-by-area
 * record. Held in `content/judgement-topics.yaml`, in the order charts list them.
 */
export const JudgementTopicSchema = z.strictObject({
  id: SlugSchema.describe('Stable id that framework areas refer to, e.g. "children-in-care".'),
  label: z.string().min(1).max(40).describe('A short name for charts and tables, e.g. "Children in care".'),
  description: z.string().min(1).describe('What the topic covers, and how frameworks have judged it.'),
});

/**
 * An Ofsted inspection framework, held as data in `content/frameworks/` so
 * that an editor can add one without a code change.
 */
export const FrameworkSchema = z.strictObject({
  id: SlugSchema.describe('Stable id that documents refer to.'),
  name: z.string().min(1).describe("The framework's official name."),
  shortName: z.string().min(1).max(40).describe('A short name for charts and tables.'),
  years: z
    .strictObject({
      from: z.number().int().min(2000).max(2100),
      to: z.number().int().min(2000).max(2100).optional(),
    })
    .optional()
    .describe('First and, if it has ended, last year in use; omit for visits made under any framework.'),
  graded: z.boolean().describe('Whether inspections under it give grades.'),
  scale: z.array(GradeSchema).default([]).describe('The grade scale, best first.'),
  areas: z.array(AreaSchema).default([]).describe('The judgement areas and sub-judgements.'),
  sourceUrl: z.url({ protocol: /^https$/ }).optional().describe('Where the framework is published.'),
  description: z.string().min(1).describe('What the framework is for and what its grades mean.'),
});

export type Grade = z.infer<typeof GradeSchema>;
export type Area = z.infer<typeof AreaSchema>;
export type Framework = z.infer<typeof FrameworkSchema>;
export type JudgementTopic = z.infer<typeof JudgementTopicSchema>;
