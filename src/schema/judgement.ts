import { z } from 'zod';
import { SlugSchema } from './slug.ts';

/** One graded judgement as the document writes it. */
export const JudgementSchema = z.strictObject({
  area: SlugSchema.describe("The judgement area: an area id of the document's framework."),
  grade: z
    .string()
    .min(1)
    .describe("The grade as written, matched to the framework's scale, e.g. \"Adequate\"."),
  quote: z.string().min(1).describe('The sentence or table row the grade comes from, verbatim.'),
});

export type Judgement = z.infer<typeof JudgementSchema>;
