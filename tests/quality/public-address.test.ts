import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtSiteDir } from '../support/built-site.ts';

// A build names the site only by its public address (src/publish/site-address.ts),
// never by the machine it was built or previewed on: no published file — page,
// feed, sitemap, data, chart download, PNG text chunk — mentions a loopback host.
const LOOPBACK = /\blocalhost\b|\b127\.\d+\.\d+\.\d+\b|\b0\.0\.0\.0\b|\[::1\]/gi;

/** Every loopback address in a file, with a little context; read as latin1 so binary files (PNG text chunks) are searched too. */
function loopbackMentions(text: string): string[] {
  return [...text.matchAll(LOOPBACK)].map((match) => text.slice(Math.max(0, match.index - 40), match.index + match[0].length + 40).replace(/\s+/g, ' '));
}

describe('the public address', () => {
  test('the loopback search finds what it looks for', () => {
    expect(loopbackMentions('"document_url":"http://localhost:4321/documents/x/"')).toHaveLength(1);
    expect(loopbackMentions('<loc>http://127.0.0.1:8080/</loc> and http://[::1]/')).toHaveLength(2);
    expect(loopbackMentions('https://example.org/local-hosting/ 10.127.0.0.1x')).toEqual([]);
  });

  test('no file of the built site names localhost or another loopback address', async () => {
    const dir = builtSiteDir();
    const entries = await readdir(dir, { withFileTypes: true, recursive: true });
    const problems: string[] = [];
    for (const entry of entries.filter((candidate) => candidate.isFile())) {
      const file = join(entry.parentPath, entry.name);
      const path = `/${relative(dir, file).split(sep).join('/')}`;
      for (const mention of loopbackMentions(await readFile(file, 'latin1'))) problems.push(`${path}: …${mention}…`);
    }
    expect(problems).toEqual([]);
  });
});
