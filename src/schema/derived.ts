import { z } from 'zod';
import { DateOfSchema, EventKindSchema } from './event.ts';
import { StatisticSchema } from './figure.ts';
import { DatePrecisionSchema } from './partial-date.ts';

// The derived datasets published at /data/*.json and /data/*.csv. Their
// descriptions feed the data page and the data package's table schemas.

export const CitationSchema = z.strictObject({
  document: z.string().describe('Slug of the citing document (its page is /documents/<slug>/).'),
  role: z.enum(['record', 'mention']).describe('record: the document is the event itself; mention: it reports it.'),
  quote: z.string().optional().describe('The sentence that reports the event, verbatim; absent for the event’s own record.'),
});

export const DatedClaimSchema = z.strictObject({
  date: z.string().describe('The date as the source gives it.'),
  precision: DatePrecisionSchema,
  end: z.string().optional().describe('The end date, where the source gives a span.'),
  dateOf: DateOfSchema.optional(),
  document: z.string().describe('Slug of the document that gives this date.'),
});

export const TimelineEventSchema = z.strictObject({
  id: z.string().describe('Stable event id, shared by every document that reports it.'),
  kind: EventKindSchema,
  title: z.string().describe('A short name for the event.'),
  date: z.string().describe('The date used to place the event: the record’s own date, else the most precise date a source gives.'),
  precision: DatePrecisionSchema,
  end: z.string().optional().describe('Last day, for visits and inspections with a record.'),
  dateClaims: z.array(DatedClaimSchema).describe('Every date the sources give for the event.'),
  dateConflict: z.boolean().describe('True when sources give incompatible dates; both are kept.'),
  framework: z.string().optional().describe('Id of the framework the event falls under.'),
  outcome: z.string().optional().describe('The headline grade as written, for graded events.'),
  outcomePosition: z.number().optional().describe('The headline grade’s place on its scale, 1 best.'),
  graded: z
    .boolean()
    .describe('True when the event gave graded judgements: with an overall grade (outcome), or only area grades and no overall grade, as Ofsted’s reformed inspections can.'),
  summary: z.string().describe('One line on the event: our summary of its record, or the first report of it, verbatim, when we hold no record.'),
  recordDocument: z.string().optional().describe('Slug of the document that is the event’s own record, if we hold it.'),
  knownFromMentionsOnly: z.boolean().describe('True when we hold no record of the event, only later reports of it.'),
  citations: z.array(CitationSchema).describe('Every document that records or reports the event.'),
});

export const JudgementRowSchema = z.strictObject({
  id: z.string().describe('Stable row id: event id and area id.'),
  event: z.string().describe('Id of the judged event.'),
  date: z.string().describe('Date of the judged event.'),
  framework: z.string().optional().describe('Id of the framework it was graded under; absent when the sources do not say.'),
  frameworkName: z.string().describe('Short name of the framework, or "Not stated".'),
  section: z.string().optional().describe('The part of the report, where the framework has parts.'),
  area: z.string().describe('Id of the judgement area.'),
  areaLabel: z.string().describe('The judgement area as the framework writes it.'),
  parentArea: z.string().optional().describe('Id of the area this is a sub-judgement of.'),
  topics: z.array(z.string()).describe('Ids of the judgement topics the area covers, so that rows line up across frameworks.'),
  headline: z.boolean().describe('True for the overall judgement.'),
  gradeAsWritten: z.string().describe('The grade in the source’s words.'),
  grade: z.string().describe('The grade as the framework’s scale names it.'),
  position: z.number().optional().describe('Place on the scale, 1 best; absent when the scale is not known.'),
  scaleSize: z.number().optional().describe('Number of grades on the scale.'),
  citations: z.array(CitationSchema).describe('Documents that give the grade.'),
});

export const FigureRowSchema = z.strictObject({
  id: z.string().describe('Stable figure id.'),
  document: z.string().describe('Slug of the document the figure comes from.'),
  metric: z.string().describe('Id of the measure.'),
  metricLabel: z.string().describe('The measure in words.'),
  label: z.string().describe('What the number is.'),
  valueKind: z.enum(['number', 'range', 'qualitative', 'derived']).describe('How the source gives the value.'),
  value: z.number().optional().describe('The number, for number and derived values.'),
  low: z.number().optional().describe('Lower end, for ranges.'),
  high: z.number().optional().describe('Upper end, for ranges.'),
  text: z.string().optional().describe('The statement, for qualitative values.'),
  derivation: z.string().optional().describe('How a derived value is computed, e.g. "514 − 88".'),
  inputs: z.array(z.string()).optional().describe('Ids of the figures a derived value comes from.'),
  statistic: StatisticSchema.optional(),
  population: z.string().optional().describe('Whom or what the number covers.'),
  unit: z.string().optional().describe('The unit.'),
  place: z.string().describe('The area the figure describes.'),
  period: z.string().describe('The period as the source names it.'),
  date: z.string().describe('When the figure applies (for a span, its end).'),
  precision: DatePrecisionSchema,
  start: z.string().optional().describe('Start of the span.'),
  qualifiers: z.array(z.string()).describe('Caveats: unvalidated, derived, reported by the council...'),
  quote: z.string().describe('The sentence the figure comes from, verbatim; for a table cell, the CSV row.'),
  table: z.string().optional().describe('For a statistics table: the file the cell is in.'),
  tableRow: z.string().optional().describe('For a statistics table: the columns that pick out the row, e.g. "time_period=2017; la_name=Manchester".'),
  tableColumn: z.string().optional().describe('For a statistics table: the column the value is read from.'),
  published: z.string().optional().describe('For a statistics table: the cell exactly as published.'),
  note: z.string().optional().describe('Our note on reading the figure.'),
});

export type Citation = z.infer<typeof CitationSchema>;
export type DatedClaim = z.infer<typeof DatedClaimSchema>;
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;
export type JudgementRow = z.infer<typeof JudgementRowSchema>;
export type FigureRow = z.infer<typeof FigureRowSchema>;
