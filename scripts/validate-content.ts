import { resolve } from 'node:path';
import { formatProblem } from '../src/lib/content-problem.ts';
import { validateContent } from '../src/lib/validate-content.ts';
import { readContent } from './read-content.ts';

// `npm run validate`: checks all content in a second, without building.
const contentDir = resolve(process.argv[2] ?? 'content');
const { problems, content } = validateContent(await readContent(contentDir));
for (const problem of problems) console.error(formatProblem(problem));
const errors = problems.filter((problem) => problem.severity === 'error').length;
const warnings = problems.length - errors;
console.error(
  errors
    ? `\n${errors} error(s), ${warnings} warning(s): nothing was built. Fix the errors above and run "npm run validate" again.`
    : `Content is valid: ${content.documents.length} documents, ${content.frameworks.length} frameworks, ${warnings} warning(s).`,
);
process.exitCode = errors ? 1 : 0;
