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

/**
 * What kind of statistic a number is. Sources give averages, but also a
 * maximum ("two workers had 50"), a lower bound ("over 40"), a cap ("do not
 * exceed 15"), counts and rates: a page may call a number an average only
 * when it is a mean.
 */
export const StatisticSchema = z
  .enum(['mean', 'median', 'max', 'min', 'lower-bound', 'upper-bound', 'cap', 'target', 'threshold', 'count', 'total', 'rate', 'share', 'change'])
  .describe(
    'What the number is: mean (an average), median, max (the highest), min, lower-bound ("over 40"), upper-bound ("under 20"), cap or target (a limit set, not a measurement), threshold (a government benchmark), count (how many), total, rate (per 10,000 etc.), share (per cent of a group), change (a rise or fall).',
  );

/**
 * A figure taken from a statistics table rather than a sentence: the file,
 * the row (the columns that pick it out, e.g. year and area) and the column,
 * with the cell as published. The figure's quote is then the whole CSV row,
 * verbatim, and validation reads the cell from it.
 */
export const TableCellSchema = z.strictObject({
  table: z.string().min(1).describe('The file name of the table, one of the release\'s tables, e.g. "dfe-children-social-work-workforce-2017-2023.csv".'),
  row: z
    .record(z.string().min(1), z.string())
    .refine((row) => Object.keys(row).length > 0, { error: 'must name at least one column that picks out the row, e.g. time_period: "2017"' })
    .describe('The columns and values that pick out the row, e.g. { time_period: "2017", la_name: Manchester }.'),
  column: z.string().min(1).describe('The column the figure is read from, e.g. caseload_fte.'),
  published: z
    .string()
    .min(1)
    .describe('The cell exactly as published, e.g. "19.1"; "c" (suppressed), "z" (not applicable) and "k" (low) are words, never zero.'),
});

export const FigureSchema = z.strictObject({
  id: SlugSchema.describe('Stable id, unique across the site, e.g. "adoption-days-2013-14".'),
  metric: SlugSchema.describe('What is measured: an id from content/metrics.yaml.'),
  label: z.string().min(1).describe('What the number is, in a short phrase for tables.'),
  value: FigureValueSchema,
  statistic: StatisticSchema.optional(),
  population: z
    .string()
    .min(1)
    .optional()
    .describe('Whom or what the number covers, e.g. "all case-holding social workers (FTE)", "newly qualified social workers", "independent reviewing officers".'),
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
  quote: z.string().min(1).describe('The sentence the figure comes from, verbatim; for a table cell, the whole CSV row.'),
  cell: TableCellSchema.optional().describe('For a figure read from a statistics table: where the cell is.'),
  note: z.string().min(1).optional().describe('Our note on reading the figure.'),
});

export type FigureValue = z.infer<typeof FigureValueSchema>;
export type Figure = z.infer<typeof FigureSchema>;
export type Statistic = z.infer<typeof StatisticSchema>;
export type TableCell = z.infer<typeof TableCellSchema>;
