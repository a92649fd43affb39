import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtSiteDir, builtSiteDirOrUndefined } from '../support/built-site.ts';
import { describeNuMessage, nuFailures, runNuChecker, type NuReport } from '../support/nu-checker.ts';

// The reference validator, the W3C Nu Html Checker, over every page and every
// SVG file the site publishes (chart downloads, the drawings the story page
// shows as images, the icon). Drawings inline in a page are checked with it.
// One run of the checker for all of them: its JVM is slow to start.
const dir = builtSiteDirOrUndefined();

async function publishedMarkup(siteDir: string) {
  const entries = await readdir(siteDir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(html|svg)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .map((file) => ({ path: `/${relative(siteDir, file).split(sep).join('/')}`, file }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

const files = dir ? await publishedMarkup(dir) : [];

// Two files known to be wrong, checked in the same run: proof that the checker
// ran, read both kinds of file, and reports what it finds.
const CONTROLS = {
  page: { name: 'script-after-html.html', text: '<!doctype html><html lang="en"><head><title>Control</title></head><body><p>Control</p></body></html><script>0</script>', error: 'Stray start tag “script”.' },
  drawing: { name: 'font-variant.svg', text: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><g font-variant="tabular-nums"><text y="9">1</text></g></svg>', error: 'Bad value “tabular-nums” for attribute “font-variant” on element “g”.' },
};

let work: string;
let report: NuReport;
const controlFile = (control: keyof typeof CONTROLS) => join(work, CONTROLS[control].name);

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'nu-checker-controls-'));
  for (const control of Object.values(CONTROLS)) await writeFile(join(work, control.name), control.text);
  if (files.length > 0) report = await runNuChecker([...files.map(({ file }) => file), controlFile('page'), controlFile('drawing')]);
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('the W3C Nu Html Checker', () => {
  test('has the built site’s pages and SVG files to check', () => {
    builtSiteDir();
    expect(files.some(({ path }) => path.endsWith('.html'))).toBe(true);
    expect(files.some(({ path }) => path.endsWith('.svg'))).toBe(true);
  });

  test('read every file, and reports the errors in a page and a drawing known to be invalid', () => {
    expect(files.filter(({ file }) => !report.checked.has(file)).map(({ path }) => path)).toEqual([]);
    for (const control of ['page', 'drawing'] as const) {
      expect(nuFailures(report.messages.get(controlFile(control))).map((message) => message.message)).toContain(CONTROLS[control].error);
    }
  });

  test.for(files.map(({ path, file }) => [path, file]))('finds no error in %s', ([, file]) => {
    expect(nuFailures(report.messages.get(file)).map(describeNuMessage)).toEqual([]);
  });
});
