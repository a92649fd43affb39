import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parseHTML } from 'linkedom';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { startDevServer, type DevServer } from '../support/dev-server.ts';
import { contentWith, TODAY } from './support.ts';

// An editor runs `npm run dev`, adds a news article that mentions two events
// already on the record, then saves it with a mistake, then fixes it: all on
// a copy of the content, with the real dev server and a real browser, and
// no restart. (Astro allows one dev server per checkout: an `npm run dev`
// left running in this one makes this file fail with Astro's message.)
const SLUG = '2020-02-05-cypn-news-article';
const EVENT = '2020-02-05-cypn-article';
const EVENT_TITLE = 'News article (test fixture)';
const FIXTURE = resolve('tests/editors/fixtures', `${SLUG}.md`);
// Waits are generous for a loaded two-core machine; the speed itself is
// measured by `npm run bench:preview`, not here.
const WAIT_MS = 30_000;

let root: string;
let documentFile: string;
let server: DevServer;
let browser: Browser;
let timelinePage: Page;

const run = promisify(execFile);
const status = (path: string) => fetch(new URL(path, server.origin)).then((response) => response.status);
const html = async (path: string) => parseHTML(await (await fetch(new URL(path, server.origin))).text()).document;

async function eventually(check: () => Promise<boolean>, what: string) {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`Not seen within ${WAIT_MS / 1000} s: ${what}\n--- npm run dev printed ---\n${server.output()}`);
}

/** Whether the timeline chart's page (drawing and data table) names an event. */
async function chartLists(title: string): Promise<boolean> {
  return ((await html('/charts/timeline/')).querySelector('main')?.textContent ?? '').includes(title);
}

/** The error lines `npm run validate` prints for the same content: what the preview must show. */
async function validateErrorLines(): Promise<string[]> {
  const result = await run('npm', ['run', 'validate', '--silent', '--', join(root, 'content')], { env: { ...process.env, CONTENT_TODAY: TODAY } }).then(
    () => ({ stderr: '' }),
    (error: { stderr: string }) => error,
  );
  return result.stderr.split('\n').filter((line) => line.startsWith(join(root, 'content')) && !line.includes('  warning  '));
}

/** The error overlay's message, as an editor reads it; "" when there is none. */
async function overlayMessage(page: Page): Promise<string> {
  const message = page.locator('vite-error-overlay #message-content');
  return (await message.count()) > 0 ? message.innerText() : '';
}

beforeAll(async () => {
  root = await contentWith();
  documentFile = join(root, 'content/documents', `${SLUG}.md`);
  server = await startDevServer({ CONTENT_DIR: join(root, 'content'), SITE_DATA_FILE: join(root, 'site-data.json'), CONTENT_TODAY: TODAY });
  browser = await launchChromium();
  timelinePage = await browser.newPage();
  await timelinePage.goto(new URL('/timeline/', server.origin).href);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await rm(root, { recursive: true, force: true });
});

describe('npm run dev follows content as an editor writes it', () => {
  test('a new document gets its page and its timeline entry, and the open timeline reloads by itself', async () => {
    expect(await status(`/documents/${SLUG}/`)).toBe(404);
    expect(await chartLists(EVENT_TITLE)).toBe(false);
    expect(await timelinePage.locator(`[id="${EVENT}"]`).count()).toBe(0);

    await writeFile(documentFile, await readFile(FIXTURE));

    await eventually(async () => (await status(`/documents/${SLUG}/`)) === 200, `/documents/${SLUG}/ answering 200`);
    const page = await html(`/documents/${SLUG}/`);
    expect(page.querySelector('h1')?.textContent).toBe("Manchester children's services keep improving, says Ofsted (test fixture)");
    expect((await html('/timeline/')).getElementById(EVENT)).not.toBeNull();
    expect([...(await html('/documents/')).querySelectorAll('a')].some((a) => a.getAttribute('href')?.endsWith(`/documents/${SLUG}/`))).toBe(true);
    // The chart registry memoises each chart per data set: the new data set is seen.
    expect(await chartLists(EVENT_TITLE)).toBe(true);
    // The page already open in the browser was reloaded, not restarted by hand.
    await timelinePage.locator(`[id="${EVENT}"]`).waitFor({ timeout: WAIT_MS });
  });

  test('a broken file shows its positioned message in the browser and the terminal, and pages stay served', async () => {
    const good = await readFile(FIXTURE, 'utf8');
    await writeFile(documentFile, good.replace('\nkind: news-article\n', '\nkind: news-articel\n'));
    const expected = await validateErrorLines();
    expect(expected).toHaveLength(1);
    expect(expected[0]).toContain(`${SLUG}.md:7:7  kind  "news-articel" is not one of the values allowed here; did you mean "news-article"?`);

    await eventually(async () => (await overlayMessage(timelinePage)) === expected[0], 'the error overlay on the open timeline page');
    await eventually(async () => server.output().includes(expected[0]!), 'the error line in the terminal');
    await mkdir('test-results/preview', { recursive: true });
    await timelinePage.screenshot({ path: 'test-results/preview/content-error-overlay.png' });

    // A page opened while the content is broken shows the error too, over the last good pages.
    const fresh = await browser.newPage();
    await fresh.goto(new URL(`/documents/${SLUG}/`, server.origin).href);
    await eventually(async () => (await overlayMessage(fresh)) === expected[0], 'the error overlay on a page opened afterwards');
    await fresh.close();
    expect(await status(`/documents/${SLUG}/`)).toBe(200);
    expect((await html('/timeline/')).getElementById(EVENT)).not.toBeNull();
    expect(await status('/charts/timeline/')).toBe(200);
  });

  test('fixing the file takes the error away', async () => {
    await writeFile(documentFile, await readFile(FIXTURE));
    await eventually(async () => (await timelinePage.locator('vite-error-overlay').count()) === 0, 'the error overlay gone after the fix');
    expect(await timelinePage.locator(`[id="${EVENT}"]`).count()).toBe(1);
    expect(server.output()).toContain('Content is valid again.');
  });

  test('deleting the document takes its page and its timeline entry away', async () => {
    expect(await status(`/documents/${SLUG}/`)).toBe(200);
    await unlink(documentFile);
    await eventually(async () => (await status(`/documents/${SLUG}/`)) === 404, `/documents/${SLUG}/ answering 404`);
    expect((await html('/timeline/')).getElementById(EVENT)).toBeNull();
  });
});
