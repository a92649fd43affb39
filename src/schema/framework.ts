import { z } from 'zod';
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
