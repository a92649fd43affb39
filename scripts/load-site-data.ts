import { resolve } from 'node:path';
import { CHART_IDS } from '../src/charts/chart-ids.ts';
import { formatProblem, sortProblems, type ContentProblem } from '../src/validate/content-problem.ts';
import { deriveSiteData, type SiteData } from '../src/derive/derive-site-data.ts';
import { validateContent, type RawContent, type ValidateOptions, type ValidContent } from '../src/validate/validate-content.ts';
import { checkPages } from '../src/story/check-pages.ts';
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
 * Every check content gets, in order: the documents, frameworks and metrics
 * on their own and against each other; then, once the data can be derived,
 * the pages' directives against it (a story can only name a figure that is
 * there). What `npm run validate`, `npm run derive` and the build all run.
 */
export function checkSite(raw: RawContent, options: ValidateOptions = {}): { content: ValidContent; data?: SiteData; problems: ContentProblem[] } {
  const { content, problems } = validateContent(raw, options);
  if (problems.some((problem) => problem.severity === 'error')) return { content, problems };
  const data = deriveSiteData(content);
  const files = new Map((raw.pageFiles ?? []).map((file) => [file.path, file]));
  const pageProblems = checkPages(content.pages ?? [], { data, chartIds: CHART_IDS }, (page, field) => files.get(page.path)!.locate([field]));
  return { content, data, problems: sortProblems([...problems, ...pageProblems]) };
}

/**
 * Reads, validates and derives the site's data from a content directory.
 * Throws a ContentError, naming every problem, if any error is found.
 */
export async function loadSiteData(contentDir = resolve('content')): Promise<{ data: SiteData; warnings: ContentProblem[] }> {
  const { data, problems } = checkSite(await readContent(contentDir), { today: contentToday() });
  if (!data || problems.some((problem) => problem.severity === 'error')) throw new ContentError(problems);
  return { data, warnings: problems };
}
