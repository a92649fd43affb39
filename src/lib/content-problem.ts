import type { SourcePosition } from './parse-source-file.ts';

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

/**
 * @example
 * formatProblem(p) // 'content/documents/x.md:7:8  judgements[2].grade  "Good-ish" is not a grade of ...  fix: ...'
 */
export function formatProblem(problem: ContentProblem): string {
  const where = `${problem.path}:${problem.position.line}:${problem.position.column}`;
  const label = problem.severity === 'warning' ? 'warning  ' : '';
  const fix = problem.fix ? `  fix: ${problem.fix}` : '';
  return `${where}  ${label}${problem.field || '(file)'}  ${problem.message}${fix}`;
}

/** `['judgements', 2, 'grade']` → `judgements[2].grade` */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index ? '.' : ''}${String(key)}`))
    .join('');
}
