import { resolve } from 'node:path';
import { formatProblem, sortProblems, type ContentProblem } from '../../src/validate/content-problem.ts';
import { escapeXml } from '../../src/publish/xml.ts';

/**
 * The error the preview shows in the browser, in the shape Astro's error
 * overlay draws (Vite's `{ type: 'error', err }` payload, already "enhanced":
 * Astro would otherwise re-read the message as markdown and change it).
 * @see https://vite.dev/guide/api-plugin#client-server-communication
 */
export interface ContentErrorPayload {
  type: 'error';
  __isEnhancedAstroErrorPayload: true;
  err: {
    name: string;
    title: string;
    /** HTML: the problem lines, escaped, one per line. */
    message: string;
    hint: string;
    /** Plain text: the same lines, for the overlay's copy button. */
    stack: string;
    loc?: { file: string; line: number; column: number };
    /** HTML: the first problem's file, its line marked, as the overlay lays out code. */
    highlightedCode?: string;
  };
}

/** Where files named in problems are, and how to read one (for the code excerpt). */
export interface ProblemSources {
  /** Directory the problems' paths are relative to (the project root). */
  root: string;
  read: (absolutePath: string) => string | undefined;
}

/**
 * The error lines exactly as `npm run validate` prints them, errors only:
 * `file:line:column  field  message; fix`.
 */
export function contentErrorLines(problems: readonly ContentProblem[]): string[] {
  return sortProblems(problems.filter((problem) => problem.severity === 'error')).map(formatProblem);
}

/**
 * The browser's view of content that does not validate: every error line,
 * the first one's file with the line marked, and what to do.
 * @example contentErrorPayload(problems, { root: process.cwd(), read }).err.message
 * // 'content/documents/x.md:7:12  judgements[2].grade  &quot;Good-ish&quot; is not a grade of …'
 */
export function contentErrorPayload(problems: readonly ContentProblem[], sources: ProblemSources): ContentErrorPayload {
  const lines = contentErrorLines(problems);
  const first = sortProblems(problems.filter((problem) => problem.severity === 'error'))[0];
  const file = first ? resolve(sources.root, first.path) : undefined;
  const code = file ? sources.read(file) : undefined;
  return {
    type: 'error',
    __isEnhancedAstroErrorPayload: true,
    err: {
      name: 'Content error',
      title: `${lines.length} content error${lines.length === 1 ? '' : 's'}: this preview shows the last version without errors`,
      message: lines.map(escapeXml).join('\n'),
      hint: escapeXml('Fix the file and save it: this page reloads by itself once the content is valid. "npm run validate" prints the same list.'),
      stack: lines.join('\n'),
      ...(first && file ? { loc: { file, line: first.position.line, column: first.position.column } } : {}),
      ...(first && code !== undefined ? { highlightedCode: markedCode(code, first.position.line) } : {}),
    },
  };
}

/** The payload for a failure that is not about content (a crash while deriving). */
export function derivationFailurePayload(error: unknown): ContentErrorPayload {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return {
    type: 'error',
    __isEnhancedAstroErrorPayload: true,
    err: {
      name: 'Derivation failed',
      title: 'The site data could not be derived: this preview shows the last version that could',
      message: escapeXml(error instanceof Error ? error.message : String(error)),
      hint: escapeXml('This is a fault in the code, not in the content: "npm run derive" shows it too.'),
      stack: text,
    },
  };
}

// One span per line, the problem's line classed "error-line": the markup
// Astro's overlay numbers, scrolls to and puts a caret under.
function markedCode(text: string, line: number): string {
  const spans = text
    .replace(/\r?\n$/, '')
    .split(/\r?\n/)
    .map((content, index) => `<span class="line${index + 1 === line ? ' error-line' : ''}">${escapeXml(content)}</span>`);
  return `<pre class="shiki"><code>${spans.join('\n')}</code></pre>`;
}
