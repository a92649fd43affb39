import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

/**
 * The edit an editor makes most: a sentence added to one document's
 * summary. It changes that document's page, the feed, the search index and
 * the data package's version, but no chart's data (so no chart's version,
 * card or drawing): what a rebuild must then redo is the measure of its caches.
 */

/** The schema's limit on a summary (src/schema/document.ts). */
const SUMMARY_MAX = 280;

const editNote = (run: number) => `Edited for the benchmark, run ${run}.`;
const EARLIER_EDIT = / Edited for the benchmark, run \d+\.$/;

/** The summary with the sentence at its end (instead of an earlier run's), words dropped before it if it would be too long. */
function withSentence(summary: string, sentence: string): string {
  let kept = summary.replace(EARLIER_EDIT, '');
  while (kept.length + 1 + sentence.length > SUMMARY_MAX) kept = kept.slice(0, kept.lastIndexOf(' '));
  return `${kept} ${sentence}`;
}

// The frontmatter fences, as src/validate/parse-source-file.ts reads them.
const FRONTMATTER = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(\r?\n|$)/;

/** Ends the summary of the first document (by file name) in `contentDir` with a note of this run; returns its file name. */
export async function editOneSummary(contentDir: string, run: number): Promise<string> {
  const documents = join(contentDir, 'documents');
  const name = (await readdir(documents)).filter((file) => file.endsWith('.md')).sort()[0];
  if (!name) throw new Error(`no document in ${documents} to edit`);
  const text = await readFile(join(documents, name), 'utf8');
  const fence = FRONTMATTER.exec(text);
  if (!fence) throw new Error(`${name} has no frontmatter`);
  const frontmatter = parseDocument(fence[1] ?? '');
  const summary = frontmatter.get('summary');
  if (typeof summary !== 'string') throw new Error(`${name} has no summary`);
  frontmatter.set('summary', withSentence(summary.trim(), editNote(run)));
  await writeFile(join(documents, name), `---\n${frontmatter.toString({ lineWidth: 0 }).trimEnd()}\n---\n${text.slice(fence[0].length)}`);
  return name;
}
