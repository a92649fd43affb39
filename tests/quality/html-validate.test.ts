import { readFile } from 'node:fs/promises';
import { HtmlValidate, type Message } from 'html-validate';
import { describe, expect, test } from 'vitest';
import { builtPages, builtSiteDir } from '../support/built-site.ts';

// Every built page is valid HTML by .htmlvalidate.json: html-validate's
// recommended and document presets, with two choices explained here since
// JSON has no comments:
// - valid-id relaxed: HTML allows ids that begin with a digit, and our event
//   ids (`2014-sif-inspection`) are anchors readers link to;
// - require-sri only for cross-origin resources: integrity hashes protect
//   against a compromised CDN, and we load nothing from another origin.
const config = JSON.parse(await readFile(new URL('../../.htmlvalidate.json', import.meta.url), 'utf8'));
const validator = new HtmlValidate(config);
const pages = await builtPages();

const describeMessage = (file: string, message: Message) =>
  `${file}:${message.line}:${message.column} ${message.ruleId}: ${message.message}${message.selector ? ` (${message.selector})` : ''}`;

describe('the built HTML', () => {
  test('the site built and has pages', () => {
    builtSiteDir();
    expect(pages.length).toBeGreaterThan(0);
  });

  test.for(pages.map((page) => [page.path, page.file]))('%s validates with html-validate', async ([, file]) => {
    const report = await validator.validateString(await readFile(file, 'utf8'), file);
    const errors = report.results.flatMap((result) => result.messages.filter((message) => message.severity === 2));
    expect(errors.map((message) => describeMessage(file, message))).toEqual([]);
  });
});
