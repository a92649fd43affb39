import { resolve } from 'node:path';
import { checkSite } from '../../scripts/load-site-data.ts';
import { readContent } from '../../scripts/read-content.ts';

/** The frozen copy of the content (tests/fixtures/README.md): what tests of code run on. */
export const FIXTURE_CONTENT = resolve('tests/fixtures/records/seed-era');

/** "Today" for tests that validate content: dates after it are in the future. */
export const TODAY = '2026-11-23';

/** The fixture content, validated and derived, as the build would see it. */
export async function loadFixtureContent() {
  const raw = await readContent(FIXTURE_CONTENT);
  const { content, data, problems } = checkSite(raw, { today: TODAY });
  if (!data) throw new Error(`The fixture content has errors:\n${problems.map((problem) => `${problem.path}:${problem.position.line} ${problem.field} ${problem.message}`).join('\n')}`);
  return { raw, content, problems, data };
}
