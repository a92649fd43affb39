import type { ParsedSourceFile, SourcePosition } from './parse-source-file.ts';

/** One thing wrong (or worth a look) in a content file, worded for editors. */
export interface ContentProblem {
  severity: 'error' | 'warning';
  path: string;
  position: SourcePosition;
  /** The field, written as an editor would find it: `judgements[2].grade`. */
  field: string;
  /** What is wrong, as a phrase that follows the field name. */
  message: string;
  /** How to fix it, when there is something specific to say. */
  fix?: string;
}

/** Reports problems about one file, positioned at the field they concern. */
export type ReportProblem = (path: readonly PropertyKey[], message: string, fix?: string) => void;

/**
 * A reporter that positions each problem at its field in a file.
 * @example problemsIn(file, problems)(['judgements', 2, 'grade'], '"Good-ish" is not a grade')
 */
export function problemsIn(file: ParsedSourceFile, problems: ContentProblem[], severity: ContentProblem['severity'] = 'error'): ReportProblem {
  return (path, message, fix) =>
    problems.push({
      severity,
      path: file.path,
      position: file.locate(path),
      field: formatFieldPath(path),
      message,
      ...(fix ? { fix } : {}),
    });
}

/**
 * One line per problem: `path:line:column  field  what is wrong; how to fix it`.
 * @example
 * formatProblem(p) // 'content/documents/x.md:7:12  judgements[2].grade  "Good-ish" is not a grade of …; did you mean "Good"?'
 */
export function formatProblem(problem: ContentProblem): string {
  const where = `${problem.path}:${problem.position.line}:${problem.position.column}`;
  const label = problem.severity === 'warning' ? 'warning  ' : '';
  const fix = problem.fix ? `; ${problem.fix}` : '';
  return `${where}  ${label}${problem.field || '(file)'}  ${problem.message}${fix}`;
}

/** Problems in reading order: by file, then line, then column. */
export function sortProblems(problems: readonly ContentProblem[]): ContentProblem[] {
  return [...problems].sort(
    (a, b) =>
      a.path.localeCompare(b.path) || a.position.line - b.position.line || a.position.column - b.position.column,
  );
}

/** `['judgements', 2, 'grade']` → `judgements[2].grade` */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index ? '.' : ''}${String(key)}`))
    .join('');
}
