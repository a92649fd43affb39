import { resolve } from 'node:path';
import { checkSite } from '../../scripts/load-site-data.ts';
import { readContent } from '../../scripts/read-content.ts';

/**
 * The real content/, validated and derived, as the build sees it. The tests
 * of content/ check rules that hold for any valid content on it; tests of
 * code use the frozen copy in tests/fixtures/ instead.
 */
export async function loadRealContent() {
  const raw = await readContent(resolve('content'));
  const { content, data, problems } = checkSite(raw);
  if (!data) throw new Error(`content/ has errors: run "npm run validate"\n${problems.map((problem) => `${problem.path}:${problem.position.line} ${problem.field} ${problem.message}`).join('\n')}`);
  return { raw, content, problems, data };
}
