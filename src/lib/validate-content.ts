import { z } from 'zod';
import { DocumentSchema, FrameworkSchema, MetricSchema, type Framework, type Metric } from '../schema/index.ts';
import { checkReferences, type DocumentEntry } from './check-references.ts';
import type { ContentProblem } from './content-problem.ts';
import type { ParsedSourceFile } from './parse-source-file.ts';
import { checkAgainstSchema } from './schema-issues.ts';

/** Content files as read from disk, before any validation. */
export interface RawContent {
  frameworkFiles: readonly ParsedSourceFile[];
  metricsFile: ParsedSourceFile;
  documentFiles: readonly ParsedSourceFile[];
}

/** Content that passed every check, ready to derive from. */
export interface ValidContent {
  frameworks: Framework[];
  metrics: Metric[];
  documents: DocumentEntry[];
}

/**
 * Validates all content and collects every problem rather than stopping at
 * the first, so an editor can fix a file in one pass.
 */
export function validateContent(raw: RawContent): { content: ValidContent; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const syntax = (file: ParsedSourceFile) => {
    for (const error of file.syntaxErrors) {
      problems.push({ severity: 'error', path: file.path, position: error.position, field: '', message: error.message });
    }
    return file.syntaxErrors.length === 0;
  };

  const frameworks = raw.frameworkFiles.filter(syntax).flatMap((file) => {
    const { value, problems: found } = checkAgainstSchema(file, FrameworkSchema);
    problems.push(...found);
    return value ? [value] : [];
  });

  const metrics = syntax(raw.metricsFile) ? parseMetrics(raw.metricsFile, problems) : [];

  const documents = raw.documentFiles.filter(syntax).flatMap((file): DocumentEntry[] => {
    const { value, problems: found } = checkAgainstSchema(file, DocumentSchema);
    problems.push(...found);
    if (!file.body.trim()) {
      problems.push({
        severity: 'error',
        path: file.path,
        position: { line: file.bodyLine, column: 1 },
        field: 'body',
        message: 'is empty: the body is our summary of the document',
        fix: 'write a few paragraphs under the closing "---": what inspectors found and what had to improve',
      });
    }
    return value ? [{ slug: slugOf(file.path), file, data: value, body: file.body }] : [];
  });

  problems.push(...checkReferences(documents, frameworks, metrics));
  return { content: { frameworks, metrics, documents }, problems };
}

function parseMetrics(file: ParsedSourceFile, problems: ContentProblem[]) {
  const { value, problems: found } = checkAgainstSchema(file, z.array(MetricSchema));
  problems.push(...found);
  return value ?? [];
}

/** `content/documents/2010-12-17-ofsted.md` → `2010-12-17-ofsted` */
export function slugOf(path: string): string {
  return path.replace(/^.*\//, '').replace(/\.md$/, '');
}
