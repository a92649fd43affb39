import { resolve } from 'node:path';
import { formatProblem, type ContentProblem } from '../src/lib/content-problem.ts';
import { deriveSiteData, type SiteData } from '../src/lib/derive-site-data.ts';
import { validateContent } from '../src/lib/validate-content.ts';
import { readContent } from './read-content.ts';

/** Thrown when content has errors; its message lists every one. */
export class ContentError extends Error {
  readonly problems: ContentProblem[];

  constructor(problems: ContentProblem[]) {
    const errors = problems.filter((problem) => problem.severity === 'error');
    super(`${errors.map(formatProblem).join('\n')}\n\n${errors.length} content error(s): nothing was built or published. Run "npm run validate" to check again.`);
    this.name = 'ContentError';
    this.problems = problems;
  }
}

/**
 * "Today" for the future-date check: the real date, unless CONTENT_TODAY
 * ("YYYY-MM-DD") pins it, as tests do so that they never depend on the clock.
 */
export function contentToday(): string | undefined {
  const pinned = process.env.CONTENT_TODAY;
  return pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned) ? pinned : undefined;
}

/**
 * Reads, validates and derives the site's data from a content directory.
 * Throws a ContentError, naming every problem, if any error is found.
 */
export async function loadSiteData(contentDir = resolve('content')): Promise<{ data: SiteData; warnings: ContentProblem[] }> {
  const { content, problems } = validateContent(await readContent(contentDir), { today: contentToday() });
  if (problems.some((problem) => problem.severity === 'error')) throw new ContentError(problems);
  return { data: deriveSiteData(content), warnings: problems };
}
