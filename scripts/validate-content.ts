import { resolve } from 'node:path';
import { formatProblem } from '../src/validate/content-problem.ts';
import { checkSite, contentToday } from './load-site-data.ts';
import { readContent } from './read-content.ts';

// `npm run validate [content-dir]`: checks all content in about a second,
// without building, and prints every problem, one per line.
const contentDir = resolve(process.argv[2] ?? process.env.CONTENT_DIR ?? 'content');
const { problems, content } = checkSite(await readContent(contentDir), { today: contentToday() });
for (const problem of problems) console.error(formatProblem(problem));
const errors = problems.filter((problem) => problem.severity === 'error').length;
const warnings = problems.length - errors;
console.error(
  errors
    ? `\n${errors} error(s) and ${warnings} warning(s): fix the errors above, then run "npm run validate" again. Nothing can be published until there are none.`
    : `${problems.length ? '\n' : ''}Content is valid: ${content.documents.length} documents, ${content.frameworks.length} frameworks, ${content.metrics.length} metrics, ${content.pages?.length ?? 0} pages, ${warnings} warning(s).`,
);
process.exitCode = errors ? 1 : 0;
