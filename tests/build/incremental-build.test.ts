import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import { readContent } from '../../scripts/read-content.ts';
import { checkSite } from '../../scripts/load-site-data.ts';
import { newDocumentOfEachKind } from '../content/new-documents.ts';
import { RECORD_DIRS, RECORD_TODAY } from '../fixtures/records.ts';

// Astro's incremental build copies a page from the last build when its code
// and cache key (src/publish/page-cache-key.ts) are unchanged. A key that
// misses something a page shows would publish a stale page, so each
// rebuild here is compared, file by file, with a build of the same content
// from scratch: they must be identical, and the rebuild must have reused pages.

let work: string;
const added: string[] = [];
const content = () => join(work, 'content');
const SUMMARY_MAX = 280;
const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

interface Build {
  log: string;
  /** How many pages Astro copied from the last build instead of rendering. */
  reused: number;
  /** How many it rendered. */
  rendered: number;
}

/** Route files with no parameter: pages without getStaticPaths, which Astro always renders. */
async function unkeyedRoutes(): Promise<number> {
  const files = await readdir(resolve('src/pages'), { recursive: true, withFileTypes: true });
  return files.filter((entry) => entry.isFile() && !join(entry.parentPath, entry.name).includes('[')).length;
}

/** `npm run build` of the work content into `out`, with its own caches under `caches`. */
function build(out: string, caches: string): Promise<Build> {
  const env = {
    ...process.env,
    CONTENT_DIR: content(),
    SITE_OUT_DIR: join(work, out),
    SITE_DATA_FILE: join(work, caches, 'site-data.json'),
    ASTRO_CACHE_DIR: join(work, caches, 'astro'),
    IMAGE_CACHE_DIR: join(work, caches, 'images'),
    CONTENT_TODAY: RECORD_TODAY,
  };
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [resolve('scripts/build-site.ts')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    child.on('error', fail);
    child.on('close', (code) => {
      if (code !== 0) return fail(new Error(`build into ${out} failed:\n${log.split('\n').slice(-30).join('\n')}`));
      const pages = log.split('\n').filter((line) => line.includes('├─') || line.includes('└─'));
      const reused = pages.filter((line) => /\((cached|restored)\)\s*$/.test(line)).length;
      done({ log, reused, rendered: pages.length - reused });
    });
  });
}

async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), await readFile(path));
  }
  return files;
}

/** The paths whose bytes differ between two built sites, or that only one has. */
async function differences(a: string, b: string): Promise<string[]> {
  const [left, right] = await Promise.all([filesOf(join(work, a)), filesOf(join(work, b))]);
  const paths = [...new Set([...left.keys(), ...right.keys()])].sort();
  return paths.filter((path) => !left.get(path)?.equals(right.get(path) ?? Buffer.alloc(0)) || !right.has(path));
}

/** Rewords the summary and body of every document, or of the one named: prose that only some pages show. */
async function rewordProse(only?: string) {
  const dir = join(content(), 'documents');
  for (const name of (await readdir(dir)).filter((file) => file.endsWith('.md') && (!only || file === `${only}.md`))) {
    const text = await readFile(join(dir, name), 'utf8');
    const fence = FRONTMATTER.exec(text)!;
    const frontmatter = parseDocument(fence[1]!);
    let summary = String(frontmatter.get('summary')).trim();
    while (summary.length + ' Reworded.'.length > SUMMARY_MAX) summary = summary.slice(0, summary.lastIndexOf(' '));
    frontmatter.set('summary', `${summary} Reworded.`);
    await writeFile(join(dir, name), `---\n${frontmatter.toString({ lineWidth: 0 }).trimEnd()}\n---\n${text.slice(fence[0].length).trimEnd()}\n\nReworded for the test.\n`);
  }
}

/** Rebuilds the work site incrementally and builds the same content from scratch; returns the rebuild. */
async function rebuildAndCompare(scratch: string): Promise<{ rebuild: Build; differ: string[] }> {
  const rebuild = await build('site', 'kept');
  await build(scratch, `${scratch}-caches`);
  return { rebuild, differ: await differences('site', scratch) };
}

beforeAll(async () => {
  // Inside the project, where builds of other content keep their own caches (see tests/support/built-site.setup.ts).
  work = await mkdtemp(join(resolve('.build'), 'incremental-'));
  await cp(RECORD_DIRS['to-2025'], content(), { recursive: true });
  const first = await build('site', 'kept');
  expect(first.reused, 'a first build has nothing to reuse').toBe(0);
}, 300_000);
afterAll(() => rm(work, { recursive: true, force: true }));

describe('an incremental rebuild publishes what a build from scratch would', () => {
  test('after nothing changed, reusing every page it can', async () => {
    const { rebuild, differ } = await rebuildAndCompare('scratch-unchanged');
    expect(differ).toEqual([]);
    // Every page of a route with parameters has a key, so only the others are rendered again.
    expect(rebuild.rendered).toBeLessThanOrEqual(await unkeyedRoutes());
    expect(rebuild.reused).toBeGreaterThan(40);
  }, 300_000);

  test('after one document is reworded, one that others report on, reusing the other documents’ pages', async () => {
    const { data } = checkSite(await readContent(content()), { today: RECORD_TODAY });
    if (!data) throw new Error('the fixture record does not validate');
    // Its summary is its event's summary, which other pages may show beside their own.
    const reported = data.documents.find((doc) => data.documents.some((other) => other !== doc && other.mentions.some((mention) => mention.event === doc.event.id)));
    if (!reported) throw new Error('the fixture record has no document whose event another reports');
    await rewordProse(reported.slug);
    const { rebuild, differ } = await rebuildAndCompare('scratch-one-reworded');
    expect(differ).toEqual([]);
    const other = data.documents.find((doc) => doc !== reported)!;
    expect(rebuild.log).toMatch(new RegExp(`documents/${other.slug}/index\\.html.*\\((cached|restored)\\)`));
    expect(rebuild.log).not.toMatch(new RegExp(`documents/${reported.slug}/index\\.html.*\\((cached|restored)\\)`));
  }, 300_000);

  test('after every summary and body is reworded, reusing the charts’ pages and files', async () => {
    await rewordProse();
    const { rebuild, differ } = await rebuildAndCompare('scratch-reworded');
    expect(differ).toEqual([]);
    expect(rebuild.reused).toBeGreaterThan(0);
    expect(rebuild.log).toMatch(/charts\/grades\/index\.html.*\((cached|restored)\)/);
  }, 300_000);

  test('after a new document of each kind changes the data', async () => {
    const { content: valid } = checkSite(await readContent(content()), { today: RECORD_TODAY });
    if (!valid) throw new Error('the fixture record does not validate');
    for (const doc of newDocumentOfEachKind(valid)) {
      await writeFile(join(content(), 'documents', `${doc.slug}.md`), doc.text);
      added.push(doc.slug);
    }
    const { rebuild, differ } = await rebuildAndCompare('scratch-added');
    expect(differ).toEqual([]);
    // New data reaches every chart: none of their pages may be reused.
    expect(rebuild.log).not.toMatch(/charts\/grades\/index\.html.*\((cached|restored)\)/);
  }, 300_000);

  test('after a document is deleted', async () => {
    // One that no other document refers to: a document added above.
    await rm(join(content(), 'documents', `${added.at(-1)}.md`));
    const { differ } = await rebuildAndCompare('scratch-deleted');
    expect(differ).toEqual([]);
  }, 300_000);
});
