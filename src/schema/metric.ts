import { z } from 'zod';
import { SlugSchema } from './slug.ts';

/**
 * A measure that figures report, held in `content/metrics.yaml` so an editor
 * can add one without a code change. Charts select figures by metric id.
 */
export const MetricSchema = z.strictObject({
  id: SlugSchema.describe('Stable id that figures refer to, e.g. "caseload".'),
  label: z.string().min(1).describe('The measure in a short phrase.'),
  description: z.string().min(1).describe('What exactly is counted.'),
  topic: z
    .enum(['workforce', 'adoption', 'demand', 'children-in-care', 'care-leavers', 'population', 'education', 'other'])
    .describe('The theme the measure belongs to, for grouping tables.'),
});

export type Metric = z.infer<typeof MetricSchema>;
