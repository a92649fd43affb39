import type { Citation, FigureRow, JudgementRow, TimelineEvent } from '../schema/index.ts';
import type { FlatTable } from './csv.ts';

// Flat versions of the derived datasets for CSV: lists are joined with " | "
// so that each row stays one line a spreadsheet can read.
const JOIN = ' | ';

const documentUrl = (siteUrl: string, slug: string) => new URL(`documents/${slug}/`, siteUrl).href;
const citationDocuments = (siteUrl: string, citations: readonly Citation[]) =>
  citations.map((citation) => documentUrl(siteUrl, citation.document)).join(JOIN);
const citationQuotes = (citations: readonly Citation[]) =>
  citations.flatMap((citation) => (citation.quote ? [citation.quote] : [])).join(JOIN);

export function timelineTable(events: readonly TimelineEvent[], siteUrl: string): FlatTable {
  return {
    columns: ['id', 'kind', 'title', 'date', 'precision', 'end', 'date_conflict', 'all_dates', 'framework', 'outcome', 'outcome_position', 'graded', 'known_from_mentions_only', 'summary', 'source_documents', 'source_quotes'],
    rows: events.map((event) => ({
      id: event.id,
      kind: event.kind,
      title: event.title,
      date: event.date,
      precision: event.precision,
      end: event.end,
      date_conflict: event.dateConflict,
      all_dates: event.dateClaims.map((claim) => `${claim.date} (${claim.document})`).join(JOIN),
      framework: event.framework,
      outcome: event.outcome,
      outcome_position: event.outcomePosition,
      graded: event.graded,
      known_from_mentions_only: event.knownFromMentionsOnly,
      summary: event.summary,
      source_documents: citationDocuments(siteUrl, event.citations),
      source_quotes: citationQuotes(event.citations),
    })),
  };
}

export function judgementTable(rows: readonly JudgementRow[], siteUrl: string): FlatTable {
  return {
    columns: ['id', 'event', 'date', 'framework', 'framework_name', 'section', 'area', 'area_label', 'parent_area', 'topics', 'headline', 'grade_as_written', 'grade', 'position', 'scale_size', 'source_documents', 'source_quotes'],
    rows: rows.map((row) => ({
      id: row.id,
      event: row.event,
      date: row.date,
      framework: row.framework,
      framework_name: row.frameworkName,
      section: row.section,
      area: row.area,
      area_label: row.areaLabel,
      parent_area: row.parentArea,
      topics: row.topics.join(JOIN),
      headline: row.headline,
      grade_as_written: row.gradeAsWritten,
      grade: row.grade,
      position: row.position,
      scale_size: row.scaleSize,
      source_documents: citationDocuments(siteUrl, row.citations),
      source_quotes: citationQuotes(row.citations),
    })),
  };
}

export function figureTable(rows: readonly FigureRow[], siteUrl: string): FlatTable {
  return {
    columns: ['id', 'metric', 'metric_label', 'label', 'value_kind', 'value', 'low', 'high', 'text', 'derivation', 'statistic', 'population', 'unit', 'place', 'period', 'date', 'precision', 'start', 'qualifiers', 'quote', 'table', 'table_row', 'table_column', 'published', 'note', 'source_document'],
    rows: rows.map((row) => ({
      id: row.id,
      metric: row.metric,
      metric_label: row.metricLabel,
      label: row.label,
      value_kind: row.valueKind,
      value: row.value,
      low: row.low,
      high: row.high,
      text: row.text,
      derivation: row.derivation,
      statistic: row.statistic,
      population: row.population,
      unit: row.unit,
      place: row.place,
      period: row.period,
      date: row.date,
      precision: row.precision,
      start: row.start,
      qualifiers: row.qualifiers.join(JOIN),
      quote: row.quote,
      table: row.table,
      table_row: row.tableRow,
      table_column: row.tableColumn,
      published: row.published,
      note: row.note,
      source_document: documentUrl(siteUrl, row.document),
    })),
  };
}
