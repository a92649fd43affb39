import { problemsIn, type ContentProblem } from './content-problem.ts';
import type { CheckedDocument } from './salvage-document.ts';

/** What a "TODO" left from `npm run new`'s template is reported as. */
export const PLACEHOLDER_MESSAGE = 'still has a "TODO" from the template';

/** A summary shorter than this is rarely "a sentence or two" on what was found. */
export const SHORT_SUMMARY = 80;

/**
 * Checks the words in a document's fields: none left blank ("   " passes a
 * "not empty" rule), no "TODO" left from `npm run new`'s template, and a
 * summary long enough to tell a reader what the document found.
 */
export function checkEditorial({ file, data }: CheckedDocument): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const report = problemsIn(file, problems);
  eachString(file.data, [], (text, path) => {
    if (text.length && !text.trim()) report(path, 'is blank: it holds only spaces', 'write the text, or delete the line if the field is optional');
    else if (/\bTODO\b/.test(text)) report(path, PLACEHOLDER_MESSAGE, 'replace it with the real value from the document');
  });
  if (data.summary?.trim() && data.summary.trim().length < SHORT_SUMMARY && !/\bTODO\b/.test(data.summary)) {
    problemsIn(file, problems, 'warning')(
      ['summary'],
      `is only ${data.summary.trim().length} characters`,
      `a sentence or two (${SHORT_SUMMARY}–280 characters) on what the document found shows on the timeline`,
    );
  }
  return problems;
}

function eachString(value: unknown, path: PropertyKey[], visit: (text: string, path: PropertyKey[]) => void) {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((item, index) => eachString(item, [...path, index], visit));
  else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) eachString(item, [...path, key], visit);
  }
}
