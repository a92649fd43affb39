import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isMap, isSeq, parseDocument, type Document } from 'yaml';

/**
 * A copy of the content directory with `count` extra documents, each a real
 * document varied so that it still validates: its own file name, event id
 * and title, figure ids (and the derived figures' inputs renamed with
 * them), and a sentence of summary of its own. Judgements, figures' quotes
 * and mentions are kept, so each copy costs the build what a real one does.
 */

/**
 * Metrics of which the site holds exactly one figure and a chart insists on
 * it (src/charts/adoption-chart.ts: the implied government threshold and the
 * days above it). Copies leave these figures out, or the build stops.
 */
export const SINGLE_FIGURE_METRICS = ['adoption-threshold-days', 'adoption-days-above-threshold'];

export interface SyntheticOptions {
  /** Keep the copies' judgements (each copy then adds a graded event to the timeline). */
  judgements: boolean;
}

/** How the report describes the corpus. */
export const SYNTHETIC_CORPUS = 'varied copies of the real documents';

/** Writes the real content plus `count` documents into `outDir`; returns the generated documents' slugs (each must get a page). */
export async function writeSyntheticContent(outDir: string, count: number, options: SyntheticOptions = { judgements: true }): Promise<{ slugs: string[]; today?: string }> {
  const contentDir = resolve('content');
  await cp(contentDir, outDir, { recursive: true });
  const slugs: string[] = [];
  const documentsDir = join(contentDir, 'documents');
  const originals = (await readdir(documentsDir)).filter((name) => name.endsWith('.md')).sort();
  const texts = await Promise.all(originals.map((name) => readFile(join(documentsDir, name), 'utf8')));
  for (let index = 0; index < count; index += 1) {
    const tag = `s${String(index + 1).padStart(4, '0')}`;
    const original = index % originals.length;
    const name = originals[original]!.replace(/\.md$/, `-${tag}.md`);
    await writeFile(join(outDir, 'documents', name), varyDocument(texts[original]!, tag, options));
    slugs.push(name.replace(/\.md$/, ''));
  }
  return { slugs };
}

function varyDocument(text: string, tag: string, options: SyntheticOptions) {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error('a document without frontmatter');
  const [, frontmatter, body] = match;
  const doc = parseDocument(frontmatter!);
  const eventId = doc.getIn(['event', 'id']);
  if (typeof eventId === 'string') doc.setIn(['event', 'id'], `${eventId}-${tag}`);
  doc.setIn(['title'], `${doc.get('title')} (synthetic copy ${tag})`);
  if (typeof doc.getIn(['event', 'title']) === 'string') doc.setIn(['event', 'title'], `${doc.getIn(['event', 'title'])} (synthetic copy ${tag})`);
  if (!options.judgements && doc.has('judgements')) doc.set('judgements', doc.createNode([]));
  renameFigures(doc, tag);
  return `---\n${doc.toString({ lineWidth: 0 }).trimEnd()}\n---\n${body}\nThis synthetic copy (${tag}) exists only to measure how the build grows.\n`;
}

function renameFigures(doc: Document, tag: string) {
  const figures = doc.get('figures');
  if (!isSeq(figures)) return;
  figures.items = figures.items.filter((figure) => !(isMap(figure) && SINGLE_FIGURE_METRICS.includes(String(figure.get('metric')))));
  for (const figure of figures.items) {
    if (!isMap(figure)) continue;
    figure.set('id', `${figure.get('id')}-${tag}`);
    const value = figure.get('value');
    const inputs = isMap(value) ? value.get('inputs') : undefined;
    if (isSeq(inputs)) inputs.items = inputs.items.map((input) => doc.createNode(`${scalarValue(input)}-${tag}`));
  }
}

const scalarValue = (node: unknown) => (node && typeof node === 'object' && 'value' in node ? String((node as { value: unknown }).value) : String(node));
