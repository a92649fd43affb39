import { z } from 'zod';
import { OwnEventSchema, MentionSchema } from './event.ts';
import { FigureSchema } from './figure.ts';
import { JudgementSchema } from './judgement.ts';
import { DaySchema } from './partial-date.ts';
import { SlugSchema } from './slug.ts';

export const DocumentKindSchema = z
  .enum([
    'inspection-report',
    'monitoring-visit-letter',
    'focused-visit-letter',
    'council-report',
    'news-article',
    'statistics-release',
  ])
  .describe('What the document is; statistics-release is an official statistics publication whose figures cite table cells.');

export const LicenceSchema = z
  .enum(['OGL-3.0', 'all-rights-reserved'])
  .describe(
    'OGL-3.0 for Ofsted and council documents (reusable with attribution); all-rights-reserved for news, which we summarise and quote briefly.',
  );

/** One table (a CSV file) of a statistics release. */
export const ReleaseTableSchema = z.strictObject({
  file: z.string().min(1).describe('The file name as published, e.g. "dfe-children-social-work-workforce-2017-2023.csv".'),
  url: z.url({ protocol: /^https$/, error: 'must be a full https:// address of the file or its release page' }).describe('Where the file can be downloaded.'),
  header: z.string().min(1).describe('The first line of the file, verbatim: the column names that figures\' cells refer to.'),
});

/** What a statistics release is, beyond the fields every document has. */
export const ReleaseSchema = z.strictObject({
  referenceDate: z.string().min(1).describe('The date the figures describe, as the release puts it, e.g. "at 30 September" or "year ending 31 March".'),
  collectionYears: z.string().min(1).describe('The years the tables cover, e.g. "2017 to 2023".'),
  tables: z.array(ReleaseTableSchema).min(1).describe('The tables figures are read from.'),
});

export const CorrectionSchema = z.strictObject({
  date: DaySchema.describe('When the correction was made.'),
  text: z.string().min(1).describe('What was wrong and what it now says.'),
});

/**
 * The frontmatter of one source document in `content/documents/`: the single
 * source of truth for the content model, used by Astro's content config and
 * by `scripts/derive-data.ts` alike.
 */
export const DocumentSchema = z
  .strictObject({
    title: z.string().min(1).describe('The title as the document gives it.'),
    publisher: z.string().min(1).describe('Who published it, e.g. "Ofsted".'),
    kind: DocumentKindSchema,
    event: OwnEventSchema.describe('The event this document is the record of.'),
    visit: z
      .strictObject({
        start: DaySchema.describe('First day of the visit.'),
        end: DaySchema.describe('Last day of the visit.'),
      })
      .optional()
      .describe('The inspection or visit dates, for inspections and visits.'),
    published: DaySchema.describe('The date the document bears: publication, letter or meeting date.'),
    sourceUrl: z
      .url({ protocol: /^https$/, hostname: z.regexes.domain, error: 'must be a full https:// address of the original' })
      // The URL parser quietly mends what a bad paste leaves ("https:x.org",
      // spaces, quotes, "<"): an address that needed mending is refused.
      .regex(/^[a-z][a-z0-9+.-]*:\/\/[^\u0000-\u0020\u007f"<>\\^`{|}]+$/i, { error: 'must be a full https:// address of the original, with no spaces, quotes or < >' })
      .describe('Where the original can be read.'),
    licence: LicenceSchema,
    framework: SlugSchema.optional().describe('The framework the document was written under, if any.'),
    release: ReleaseSchema.optional().describe('For a statistics release: its reference date, years and tables.'),
    summary: z
      .string()
      .min(20, { error: 'must be a sentence of at least 20 characters' })
      .max(280, { error: 'must fit in 280 characters: it is the one-line summary' })
      .describe('One sentence on what the document found, for the timeline.'),
    judgements: z.array(JudgementSchema).default([]).describe('Every graded judgement it gives.'),
    figures: z.array(FigureSchema).default([]).describe('Every number that matters in it.'),
    mentions: z
      .array(MentionSchema)
      .default([])
      .describe('Other inspections and visits it reports.'),
    corrections: z.array(CorrectionSchema).default([]).describe('Dated corrections to our record.'),
  })
  .refine((doc) => !doc.visit || doc.visit.start <= doc.visit.end, {
    error: 'the visit must end on or after the day it starts',
    path: ['visit', 'end'],
  })
  .refine((doc) => (doc.kind === 'statistics-release') === !!doc.release, {
    error: 'a statistics-release needs release: (reference date, years, tables), and only a statistics-release has one',
    path: ['release'],
  })
  .refine((doc) => !doc.visit || doc.visit.end <= doc.published, {
    error: 'the document cannot be published before its visit ended',
    path: ['published'],
  });

export type DocumentKind = z.infer<typeof DocumentKindSchema>;
export type Release = z.infer<typeof ReleaseSchema>;
export type ReleaseTable = z.infer<typeof ReleaseTableSchema>;
export type SourceDocument = z.infer<typeof DocumentSchema>;
