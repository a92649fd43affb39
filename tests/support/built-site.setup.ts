import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../../scripts/build-site.ts';

/**
 * Vitest global setup: one real build of the real content, shared by every
 * test that inspects the built site (tests/quality/**), into a temporary
 * directory (never the shared dist/). A failed build does not stop the other
 * tests: it is handed on, and the tests that need the site fail with it.
 *
 * QUALITY_SITE_DIR=/path/to/dist reuses a site built earlier (quicker when
 * working on the tests themselves).
 */
declare module 'vitest' {
  export interface ProvidedContext {
    builtSite: { dir: string } | { error: string };
  }
}

export default async function setup(project: TestProject) {
  if (process.env.QUALITY_SITE_DIR) {
    const dir = resolve(process.env.QUALITY_SITE_DIR);
    project.provide('builtSite', existsSync(join(dir, 'index.html')) ? { dir } : { error: `QUALITY_SITE_DIR=${dir} holds no built site (no index.html)` });
    return;
  }
  // Inside the project, not /tmp: Astro puts an out-of-tree build's
  // prerender chunks in the shared <project>/.astro/, where two builds at
  // once (another test run) break each other. .build/ is gitignored.
  await mkdir(resolve('.build'), { recursive: true });
  const work = await mkdtemp(join(resolve('.build'), 'built-site-'));
  const dir = join(work, 'dist');
  try {
    await buildSite({ outDir: dir, siteDataFile: join(work, 'site-data.json') });
    project.provide('builtSite', { dir });
  } catch (error) {
    project.provide('builtSite', { error: `The site did not build: ${error instanceof Error ? error.message : String(error)}` });
  }
  return () => rm(work, { recursive: true, force: true });
}
