import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';

// Page templates hold no story: its words and the years it covers are
// content (content/pages/), so a story carried forward to another year
// needs no change here. A year in a template is a sign of prose or a date
// range typed into code.
test('no page template names a year', async () => {
  const files = (await readdir('src/pages', { recursive: true })).filter((name) => /\.(astro|ts)$/.test(name));
  const found: string[] = [];
  for (const name of files) {
    const lines = (await readFile(join('src/pages', name), 'utf8')).split('\n');
    lines.forEach((line, index) => {
      // Addresses such as the XML namespaces' (w3.org/2005/Atom) are not prose.
      if (/\b20\d\d\b/.test(line.replace(/\bhttps?:\/\/\S+/g, ''))) found.push(`src/pages/${name}:${index + 1}: ${line.trim()}`);
    });
  }
  expect(found).toEqual([]);
});
