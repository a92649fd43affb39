import { z } from 'zod';
import { FrameworkSchema, JudgementTopicSchema, MetricSchema, PageSchema, type Framework, type JudgementTopic, type Metric, type PageFields, type PageName } from '../schema/index.ts';
import { checkBody } from './check-body.ts';
import { parseBody } from './markdown-body.ts';
import { checkConflicts } from './check-conflicts.ts';
import { checkDates } from './check-dates.ts';
import { checkEditorial, PLACEHOLDER_MESSAGE } from './check-editorial.ts';
import { checkEventIdentity } from './check-event-identity.ts';
import { checkFigures } from './check-figures.ts';
import { checkFileNames, checkStrayFiles, slugOf, type StrayFile } from './check-files.ts';
import { checkFrameworks, checkMetrics, checkTopics } from './check-frameworks.ts';
import { checkReferences, type DocumentEntry } from './check-references.ts';
import { sortProblems, type ContentProblem } from './content-problem.ts';
import type { ParsedSourceFile } from './parse-source-file.ts';
import { DocumentFieldsSchema, salvageDocument, type CheckedDocument } from './salvage-document.ts';
import { checkAgainstSchema } from './schema-issues.ts';

export { slugOf };
export type { FileKind, StrayFile } from './check-files.ts';

/** Content files as read from disk, before any validation. */
export interface RawContent {
  frameworkFiles: readonly ParsedSourceFile[];
  metricsFile: ParsedSourceFile;
  /** content/judgement-topics.yaml: what areas judge, across frameworks. */
  topicsFile: ParsedSourceFile;
  documentFiles: readonly ParsedSourceFile[];
  /** Entries under content/ that the site would skip: a `.markdown` document, a folder, a symbolic link. */
  strayFiles?: readonly StrayFile[];
  /** The pages whose words are content (content/pages/story.md, about.md); left out by tests of documents alone. */
  pageFiles?: readonly ParsedSourceFile[];
}

/** Content that passed the schema, ready to derive from once there are no errors. */
export interface ValidContent {
  frameworks: Framework[];
  metrics: Metric[];
  topics: JudgementTopic[];
  documents: DocumentEntry[];
  /** Pages whose fields passed the schema; their directives are checked against the derived data (src/story/). */
  pages?: PageEntry[];
}

/** A page of the site written in markdown: its fields and its body, unrendered. */
export interface PageEntry {
  name: PageName;
  /** Path as editors see it, for messages. */
  path: string;
  fields: PageFields;
  body: string;
  /** Line of the body's first line in the file. */
  bodyLine: number;
}

export interface ValidateOptions {
  /** "YYYY-MM-DD": dates after it are in the future. Tests pin it; the default is today in the UK. */
  today?: string;
}

/**
 * Validates all content and collects every problem rather than stopping at
 * the first, so an editor can fix a file in one pass. A document with a
 * schema error is still cross-checked on the fields that are valid.
 */
export function validateContent(raw: RawContent, { today = todayInLondon() }: ValidateOptions = {}): { content: ValidContent; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const readable = (file: ParsedSourceFile) => {
    for (const error of file.syntaxErrors) {
      problems.push({ severity: 'error', path: file.path, position: error.position, field: '', message: error.message, ...(error.fix ? { fix: error.fix } : {}) });
    }
    return file.syntaxErrors.length === 0;
  };

  const brokenFrameworkIds = new Set<string>();
  const frameworkEntries = raw.frameworkFiles.flatMap((file) => {
    const value = readable(file) ? collect(checkAgainstSchema(file, FrameworkSchema), problems) : undefined;
    if (!value) brokenFrameworkIds.add(idWritten(file.data) ?? file.path.replace(/^.*[\\/]|\.yaml$/g, ''));
    return value ? [{ file, framework: value }] : [];
  });
  problems.push(...checkFrameworks(frameworkEntries));
  const frameworks = frameworkEntries.map((entry) => entry.framework);

  const { metrics, brokenMetricIds } = readMetrics(raw.metricsFile, readable, problems);
  const topics = readable(raw.topicsFile) ? collect(checkAgainstSchema(raw.topicsFile, z.array(JudgementTopicSchema)), problems) ?? [] : [];
  problems.push(...checkTopics(raw.topicsFile, topics, frameworkEntries));

  const slugs = new Set(raw.documentFiles.map((file) => slugOf(file.path)));
  const checked: CheckedDocument[] = [];
  const documents: DocumentEntry[] = [];
  for (const file of raw.documentFiles) {
    if (!readable(file)) continue;
    const value = collect(checkAgainstSchema(file, DocumentFieldsSchema), problems);
    const entry = { slug: slugOf(file.path), file, data: value ?? salvageDocument(file.data) };
    checked.push(entry);
    const bodyTree = parseBody(file.body);
    problems.push(...checkEditorial(entry), ...checkBody(file, slugs, bodyTree));
    if (value) documents.push({ slug: entry.slug, file, data: value, body: file.body, bodyTree });
  }

  const pages = raw.pageFiles?.flatMap((file) => {
    const fields = readable(file) ? collect(checkAgainstSchema(file, PageSchema), problems) : undefined;
    return fields ? [{ name: slugOf(file.path) as PageName, path: file.path, fields, body: file.body, bodyLine: file.bodyLine }] : [];
  });

  const writtenFigureIds = new Set(raw.documentFiles.flatMap((file) => listAt(file.data, 'figures').flatMap((figure) => idWritten(figure) ?? [])));
  problems.push(
    ...checkFileNames(raw.documentFiles, (file) => checked.find((entry) => entry.file === file)?.data.published),
    ...checkStrayFiles(raw.strayFiles ?? []),
    ...checkReferences(checked, { frameworks, brokenFrameworkIds }),
    ...checkFigures(checked, { metrics, brokenMetricIds, writtenFigureIds }),
    ...checkDates(checked, today),
    ...checkConflicts(checked, frameworks),
    ...checkEventIdentity(checked),
  );
  return { content: { frameworks, metrics, topics, documents, ...(pages ? { pages } : {}) }, problems: sortProblems(withoutPlaceholderEchoes(problems)) };
}

// A "TODO" left from the template also fails the field's other rules ("TODO"
// is not a grade); the placeholder message alone says what to do.
function withoutPlaceholderEchoes(problems: ContentProblem[]): ContentProblem[] {
  const isPlaceholder = (problem: ContentProblem) => problem.message.startsWith(PLACEHOLDER_MESSAGE);
  const placeholders = new Set(problems.filter(isPlaceholder).map((problem) => `${problem.path} ${problem.field}`));
  return problems.filter((problem) => isPlaceholder(problem) || !placeholders.has(`${problem.path} ${problem.field}`));
}

/** Today's date in the UK, where the documents are published. */
export function todayInLondon(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

// metrics.yaml is one list: each entry is checked alone, so one bad entry
// does not make every figure's metric "unknown".
function readMetrics(file: ParsedSourceFile, readable: (file: ParsedSourceFile) => boolean, problems: ContentProblem[]) {
  const brokenMetricIds = new Set<string>();
  if (!readable(file)) return { metrics: [], brokenMetricIds };
  collect(checkAgainstSchema(file, z.array(MetricSchema)), problems);
  const salvaged = (Array.isArray(file.data) ? file.data : []).map((item: unknown) => {
    const result = MetricSchema.safeParse(item);
    if (!result.success) {
      const id = idWritten(item);
      if (id) brokenMetricIds.add(id);
    }
    return result.success ? result.data : undefined;
  });
  problems.push(...checkMetrics(file, salvaged));
  return { metrics: salvaged.filter((metric): metric is Metric => !!metric), brokenMetricIds };
}

function collect<Value>(result: { value?: Value; problems: ContentProblem[] }, problems: ContentProblem[]): Value | undefined {
  problems.push(...result.problems);
  return result.value;
}

function idWritten(data: unknown): string | undefined {
  const id = (data as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}

function listAt(data: unknown, key: string): unknown[] {
  const list = (data as Record<string, unknown> | null | undefined)?.[key];
  return Array.isArray(list) ? list : [];
}
