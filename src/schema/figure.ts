import { z } from 'zod';
import { PartialDateSchema } from './partial-date.ts';
import { SlugSchema } from './slug.ts';

/**
 * A number as the source prints it. Past 2^53 a JavaScript number loses
 * digits (999999999999999999999 reads as 1e21 and is published as
 * "1,000,000,000,000,000,000,000"), so it could neither be checked against
 * its quote nor shown as written. YAML's .inf and .nan are not numbers here.
 */
const SourceNumberSchema = z
  .number()
  .min(-Number.MAX_SAFE_INTEGER, { error: 'is too large a negative number to keep exactly (the limit is -9,007,199,254,740,991)' })
  .max(Number.MAX_SAFE_INTEGER, { error: 'is too large to keep exactly (the limit is 9,007,199,254,740,991)' });

/**
 * A figure's value exactly as the source gives it. Never turn a range, a
 * qualitative statement or a derived number into a single invented number.
 */
const NumberValueSchema = z.strictObject({
  kind: z.literal('number'),
  number: SourceNumberSchema.describe('The number as the source states it.'),
});

const RangeValueSchema = z
  .strictObject({
    kind: z.literal('range'),
    low: SourceNumberSchema.describe('The lower end of the range the source gives.'),
    high: SourceNumberSchema.describe('The upper end of the range the source gives.'),
  })
  .refine((range) => range.low <= range.high, {
    error: 'low must not be greater than high',
    path: ['high'],
  });

const QualitativeValueSchema = z.strictObject({
  kind: z.literal('qualitative'),
  text: z.string().min(1).describe('The statement, in the source’s words, e.g. "high caseloads".'),
});

const DerivedValueSchema = z.strictObject({
  kind: z.literal('derived'),
  number: SourceNumberSchema.describe('The value we computed from the inputs.'),
  operation: z
    .enum(['difference', 'sum'])
    .describe('difference: first input minus the rest; sum: all inputs added.'),
  inputs: z
    .array(SlugSchema)
    .min(2)
    .describe('Ids of the figures the value is computed from, in order.'),
});

export const FigureValueSchema = z
  .discriminatedUnion('kind', [
    NumberValueSchema,
    RangeValueSchema,
    QualitativeValueSchema,
    DerivedValueSchema,
  ])
  .describe('The value: a number, a range, a qualitative statement, or a derived number.');

export const FigureSchema = z.strictObject({
  id: SlugSchema.describe('Stable id, unique across the site, e.g. "adoption-days-2013-14".'),
  metric: SlugSchema.describe('What is measured: an id from content/metrics.yaml.'),
  label: z.string().min(1).describe('What the number is, in a short phrase for tables.'),
  value: FigureValueSchema,
  unit: z.string().min(1).optional().describe('The unit, e.g. "days", "children", "%".'),
  place: z
    .string()
    .min(1)
    .default('Manchester')
    .describe('The area the figure describes: Manchester, England, similar areas...'),
  period: z
    .strictObject({
      label: z.string().min(1).describe('The period as the source names it, e.g. "2013/14".'),
      date: PartialDateSchema.describe('When the figure applies (for a span, its end).'),
      start: PartialDateSchema.optional().describe('Start of the span, if the figure covers one.'),
    })
    .describe('The date or period the figure describes.'),
  qualifiers: z
    .array(z.string().min(1))
    .default([])
    .describe('Caveats the source attaches, e.g. "unvalidated", "reported by the council".'),
  quote: z.string().min(1).describe('The sentence the figure comes from, verbatim.'),
  note: z.string().min(1).optional().describe('Our note on reading the figure.'),
});

export type FigureValue = z.infer<typeof FigureValueSchema>;
export type Figure = z.infer<typeof FigureSchema>;
