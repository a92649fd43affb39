import { createHash } from 'node:crypto';
import { z } from 'zod';
import { CitationSchema, FigureRowSchema, JudgementRowSchema, TimelineEventSchema } from '../schema/index.ts';
import { CSV_DIALECT, toCsv, type FlatTable } from './csv.ts';
import { figureTable, judgementTable, timelineTable } from './dataset-tables.ts';
import type { SiteData } from '../derive/derive-site-data.ts';
import { LICENCE_LABEL, SITE_NAME } from '../lib/labels.ts';
import { yearRange } from '../derive/site-facts.ts';
import { formatPartialDate } from '../lib/partial-dates.ts';

/**
 * The published CSV datasets as a Frictionless Data Package v2. Field
 * descriptions come from the zod schemas' `.describe()` texts (src/schema/
 * derived.ts), so the data page, the package and the types never disagree.
 * @see https://datapackage.org/standard/data-package/
 * @see https://datapackage.org/standard/table-schema/
 */

export const DATA_PACKAGE_PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';
export const DATA_RESOURCE_PROFILE = 'https://datapackage.org/profiles/2.0/dataresource.json';
export const TABLE_SCHEMA_PROFILE = 'https://datapackage.org/profiles/2.0/tableschema.json';
export const TABLE_DIALECT_PROFILE = 'https://datapackage.org/profiles/2.0/tabledialect.json';
export const OGL_URL = 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/';

/** How a list becomes one cell (src/publish/dataset-tables.ts joins with " | "). */
const JOINED = 'Several values are joined with " | ".';
const PAGE_ADDRESS = 'Here the full address of the document’s page on this site.';

export interface TableField {
  name: string;
  type: 'string' | 'number' | 'boolean';
  description: string;
  constraints?: { required?: boolean; enum?: string[] };
}

export interface DataResource {
  $schema: string;
  name: DatasetName;
  path: string;
  type: 'table';
  title: string;
  description: string;
  format: 'csv';
  mediatype: 'text/csv';
  encoding: 'utf-8';
  bytes: number;
  hash: string;
  /** How the CSV is written, so that readers do not sniff it. */
  dialect: { $schema: string } & typeof CSV_DIALECT;
  schema: { $schema: string; fields: TableField[]; primaryKey: string[]; missingValues: string[] };
}

export type DatasetName = 'timeline' | 'judgements' | 'figures';

/** Where a CSV column's meaning comes from: a schema field, and how the column flattens it. */
interface ColumnSource {
  field: z.ZodType;
  note?: string;
}

interface Dataset {
  title: string;
  description: string;
  schema: z.ZodObject;
  /** Columns whose field is not simply the camelCase of the column name. */
  columns: Record<string, ColumnSource>;
  table: (data: SiteData, siteUrl: string) => FlatTable;
}

const citationColumns = {
  source_documents: { field: CitationSchema.shape.document, note: `${PAGE_ADDRESS} ${JOINED}` },
  source_quotes: { field: CitationSchema.shape.quote, note: JOINED },
};

/** The datasets, in the order the data page lists them. */
export const DATASETS: Record<DatasetName, Dataset> = {
  timeline: {
    title: 'Timeline of inspections, visits and reports',
    description: 'One row per event: every inspection, monitoring visit, focused visit, council report and news article, merged across the documents that report it, with every date the sources give.',
    schema: TimelineEventSchema,
    columns: {
      all_dates: { field: TimelineEventSchema.shape.dateClaims, note: `Each as "date (document slug)". ${JOINED}` },
      ...citationColumns,
    },
    table: (data, siteUrl) => timelineTable(data.timeline, siteUrl),
  },
  judgements: {
    title: 'Graded judgements',
    description: 'One row per graded judgement area of each inspection, with the grade as the source writes it and as its framework’s scale names it.',
    schema: JudgementRowSchema,
    columns: citationColumns,
    table: (data, siteUrl) => judgementTable(data.judgements, siteUrl),
  },
  figures: {
    title: 'Figures',
    description: 'One row per number taken from a document (caseloads, adoption timeliness, demand and more), with its value exactly as the source gives it and the sentence it comes from.',
    schema: FigureRowSchema,
    columns: {
      qualifiers: { field: FigureRowSchema.shape.qualifiers, note: JOINED },
      source_document: { field: FigureRowSchema.shape.document, note: PAGE_ADDRESS },
    },
    table: (data, siteUrl) => figureTable(data.figures, siteUrl),
  },
};

const camelCase = (column: string) => column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** A field's own schema, its optional wrapper removed. */
function unwrap(field: z.ZodType): { inner: z.ZodType; optional: boolean } {
  return field instanceof z.ZodOptional ? { inner: field.unwrap() as z.ZodType, optional: true } : { inner: field, optional: false };
}

/**
 * The Table Schema field for one CSV column, described by the schema field it
 * comes from. A column with no schema field or no description fails the
 * build: every published column must say what it is.
 */
function tableField(name: string, dataset: Dataset): TableField {
  const source = dataset.columns[name] ?? { field: dataset.schema.shape[camelCase(name)] as z.ZodType | undefined };
  if (!source.field) throw new Error(`CSV column "${name}" has no field in its zod schema: map it in src/publish/data-package.ts`);
  const { inner, optional } = unwrap(source.field);
  const description = source.field.description ?? inner.description;
  if (!description) throw new Error(`CSV column "${name}": its zod field has no .describe() text (src/schema/derived.ts)`);
  const kind = inner.def.type;
  const type = kind === 'number' ? 'number' : kind === 'boolean' ? 'boolean' : 'string';
  const constraints: TableField['constraints'] = {};
  // Lists become one cell and may be empty; everything else not optional is required.
  if (!optional && kind !== 'array') constraints.required = true;
  if (inner instanceof z.ZodEnum) constraints.enum = inner.options.map(String);
  return {
    name,
    type,
    description: source.note ? `${description} ${source.note}` : description,
    ...(Object.keys(constraints).length > 0 ? { constraints } : {}),
  };
}

/** The table and its CSV text for one dataset, as /data/<name>.csv serves it. */
export function datasetCsv(name: DatasetName, data: SiteData, siteUrl: string): { table: FlatTable; csv: string } {
  const table = DATASETS[name].table(data, siteUrl);
  return { table, csv: toCsv(table) };
}

/** The Table Schema fields of a dataset, one per CSV column, in column order. */
export function tableFields(name: DatasetName, data: SiteData, siteUrl: string): TableField[] {
  return datasetCsv(name, data, siteUrl).table.columns.map((column) => tableField(column, DATASETS[name]));
}

function dataResource(name: DatasetName, data: SiteData, siteUrl: string): DataResource {
  const { table, csv } = datasetCsv(name, data, siteUrl);
  const bytes = new TextEncoder().encode(csv);
  return {
    $schema: DATA_RESOURCE_PROFILE,
    name,
    path: `${name}.csv`,
    type: 'table',
    title: DATASETS[name].title,
    description: DATASETS[name].description,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    bytes: bytes.length,
    hash: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
    dialect: { $schema: TABLE_DIALECT_PROFILE, ...CSV_DIALECT },
    schema: {
      $schema: TABLE_SCHEMA_PROFILE,
      fields: table.columns.map((column) => tableField(column, DATASETS[name])),
      primaryKey: ['id'],
      missingValues: [''],
    },
  };
}

/**
 * The descriptor served at /data/datapackage.json. Resource paths are
 * relative to it: the CSVs sit beside it in /data/.
 * @param siteUrl the site's root address, with a trailing slash
 * @param version from `dataVersion(data)`
 */
export function dataPackage(data: SiteData, siteUrl: string, version: string) {
  return {
    $schema: DATA_PACKAGE_PROFILE,
    // A package's name is its identity: it stays the same as documents are added.
    name: 'manchester-childrens-services-ofsted',
    id: new URL('data/datapackage.json', siteUrl).href,
    title: SITE_NAME,
    description:
      `How Ofsted judged Manchester City Council’s children’s services, ${yearRange(data)}: every inspection and visit, every graded judgement and every figure that matters, each traced to the sentence in the source document it comes from.`,
    homepage: new URL('data/', siteUrl).href,
    version,
    keywords: ['Ofsted', 'Manchester', 'children’s services', 'inspections', 'social care'],
    licenses: [
      {
        name: 'OGL-3.0',
        path: OGL_URL,
        title: `${LICENCE_LABEL['OGL-3.0']}: Ofsted and council material. News reporting is summarised and quoted briefly; it remains its publisher’s copyright.`,
      },
    ],
    contributors: [{ title: SITE_NAME, path: siteUrl, roles: ['publisher'] }],
    sources: data.documents.map((doc) => ({
      title: `${doc.publisher}, ${doc.title}, ${formatPartialDate(doc.published)} (${LICENCE_LABEL[doc.licence]})`,
      path: doc.sourceUrl,
    })),
    resources: (Object.keys(DATASETS) as DatasetName[]).map((name) => dataResource(name, data, siteUrl)),
  };
}

export type DataPackage = ReturnType<typeof dataPackage>;
