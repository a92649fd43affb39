import { cp, mkdir, mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { startDevServer, type DevServer } from '../../tests/support/dev-server.ts';
import { writeSyntheticContent } from './synthetic-content.ts';

/**
 * `npm run bench:preview`: how long the live preview (`npm run dev`) takes
 * to show an editor's save, on the real content and on larger copies of it.
 * Target (EDITING.md, issue 18): a new document's page and timeline entry
 * within 5 s of saving. Prints a table; not a test.
 *
 *   npm run bench:preview                    real content and +1,000 documents
 *   npm run bench:preview -- --sizes=0,100   other sizes (0 = the real content; others: the
 *                                            stress record of tests/fixtures with that many made-up documents)
 */
const TARGET_SECONDS = 5;
const SLUG = '2020-02-05-cypn-news-article';
const EVENT = '2020-02-05-cypn-article';

const root = process.cwd();
const sizes = (process.argv.find((arg) => arg.startsWith('--sizes='))?.slice(8) ?? '0,1000').split(',').map(Number);
const fixture = await readFile(resolve(root, 'tests/editors/fixtures', `${SLUG}.md`), 'utf8');
await mkdir(resolve(root, '.build'), { recursive: true });
const work = await mkdtemp(join(resolve(root, '.build'), 'bench-preview-'));

interface Latency { documents: number; startSeconds: number; pageSeconds: number; timelineSeconds: number; errorSeconds: number; fixedSeconds: number }

async function secondsUntil(check: () => Promise<boolean>, what: string): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < 60_000) {
    if (await check()) return (performance.now() - started) / 1000;
    await new Promise((done) => setTimeout(done, 20));
  }
  throw new Error(`${what}: not seen within 60 s`);
}

async function measure(size: number): Promise<Latency> {
  const content = join(work, `content-${size}`);
  // 0 is the real content; other sizes, the stress record with that many made-up documents.
  const today = size > 0 ? (await writeSyntheticContent(content, size)).today : '';
  if (size === 0) await cp(resolve(root, 'content'), content, { recursive: true });
  const documents = (await readdir(join(content, 'documents'))).filter((name) => name.endsWith('.md')).length + 1;
  const file = join(content, 'documents', `${SLUG}.md`);
  const started = performance.now();
  let server: DevServer | undefined;
  try {
    server = await startDevServer({ CONTENT_DIR: content, SITE_DATA_FILE: join(work, `site-data-${size}.json`), CONTENT_TODAY: today });
    const startSeconds = (performance.now() - started) / 1000;
    const { origin, output } = server;
    const status = (path: string) => fetch(new URL(path, origin)).then((response) => response.status);
    const onTimeline = async () => parseHTML(await (await fetch(new URL('/timeline/', origin))).text()).document.getElementById(EVENT) !== null;
    await writeFile(file, fixture);
    const pageSeconds = await secondsUntil(async () => (await status(`/documents/${SLUG}/`)) === 200, 'the new page');
    const timelineSeconds = pageSeconds + (await secondsUntil(onTimeline, 'the timeline entry'));

    const printedBefore = output().length;
    await writeFile(file, fixture.replace('\nkind: news-article\n', '\nkind: news-articel\n'));
    const errorSeconds = await secondsUntil(async () => output().slice(printedBefore).includes(`${SLUG}.md:7:7  kind`), 'the error in the terminal');

    const printedBroken = output().length;
    await writeFile(file, fixture);
    const fixedSeconds = await secondsUntil(async () => output().slice(printedBroken).includes('Content is valid again.'), 'the fix');
    await unlink(file);
    return { documents, startSeconds, pageSeconds, timelineSeconds, errorSeconds, fixedSeconds };
  } finally {
    await server?.stop();
  }
}

const results: Latency[] = [];
try {
  for (const size of sizes) {
    console.error(`measuring the preview with +${size} documents…`);
    results.push(await measure(size));
  }
} finally {
  await rm(work, { recursive: true, force: true });
}

const s = (seconds: number) => `${seconds.toFixed(2)} s`;
console.log(`Live preview (npm run dev), seconds from saving a file; target: page and timeline within ${TARGET_SECONDS} s`);
console.log(['documents', 'dev start', 'new page 200', 'on timeline', 'error shown', 'fix shown', 'target'].join('\t'));
for (const row of results) {
  const met = Math.max(row.pageSeconds, row.timelineSeconds) <= TARGET_SECONDS ? 'met' : `missed by ${s(Math.max(row.pageSeconds, row.timelineSeconds) - TARGET_SECONDS)}`;
  console.log([row.documents, s(row.startSeconds), s(row.pageSeconds), s(row.timelineSeconds), s(row.errorSeconds), s(row.fixedSeconds), met].join('\t'));
}
