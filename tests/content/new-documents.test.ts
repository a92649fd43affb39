import { DocumentKindSchema } from '../../src/schema/index.ts';
import { parseHTML } from 'linkedom';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../../scripts/build-site.ts';
import { checkSite } from '../../scripts/load-site-data.ts';
import { readContent } from '../../scripts/read-content.ts';
import type { ContentProblem } from '../../src/validate/content-problem.ts';
import { loadRealContent } from './load-real-content.ts';
import { newDocumentOfEachKind } from './new-documents.ts';

// A content-only change never needs a code or test change: a copy of the
// real content/ with one new valid document of each kind goes through the
// checks CI makes (validate, then the build, which derives the data first)
// and every new document reaches the site.
const { content } = await loadRealContent();
const added = newDocumentOfEachKind(content);
let work: string;
let dist: string;
let problems: ContentProblem[];

beforeAll(async () => {
  // Inside the project, where builds of other content keep their own caches (see tests/support/built-site.setup.ts).
  work = await mkdtemp(join(resolve('.build'), 'new-documents-'));
  await cp(resolve('content'), join(work, 'content'), { recursive: true });
  for (const doc of added) await writeFile(join(work, 'content', 'documents', `${doc.slug}.md`), doc.text);
  problems = checkSite(await readContent(join(work, 'content'), work)).problems;
  dist = join(work, 'dist');
  await buildSite({ contentDir: join(work, 'content'), outDir: dist, siteDataFile: join(work, 'site-data.json') });
}, 300_000);
afterAll(() => rm(work, { recursive: true, force: true }));

describe('the real content with a new document of each kind', () => {
  test('validates with no error', () => {
    expect(added.map((doc) => doc.kind).sort()).toEqual([...DocumentKindSchema.options].sort());
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  test('builds, with a page for each new document, each new event on the timeline, and the story', async () => {
    const page = async (path: string) => parseHTML(await readFile(join(dist, path, 'index.html'), 'utf8')).document;
    for (const doc of added) expect((await page(`documents/${doc.slug}`)).querySelector('h1'), doc.slug).not.toBeNull();
    const timeline = await page('timeline');
    for (const doc of added) expect(timeline.getElementById(doc.eventId), doc.eventId).not.toBeNull();
    expect((await page('')).querySelectorAll('main .chart').length).toBeGreaterThan(0);
  });
});
