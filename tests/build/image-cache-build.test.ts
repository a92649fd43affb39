import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseDocument, Scalar } from 'yaml';
import { measuredBuild, type BuildCost } from '../../scripts/bench/build-cost.ts';
import { CHART_IDS } from '../../src/charts/chart-ids.ts';
import { editOneSummary } from '../../scripts/bench/summary-edit.ts';
import { RECORD_DIRS, RECORD_TODAY } from '../fixtures/records.ts';

// Real builds of the seed era sharing one image cache: the first draws every
// image; a second, and one after a summary edit (no chart's data changed),
// draw none, Astro copying the charts' files from the last build; one with
// Astro's page cache emptied reads every image from the image cache; one
// after a correction to a cited document (the charts' data versions move)
// draws only those cards' words, never a chart drawing.
// Each build reports its cache use on a line "image cache: …".

let work: string;
const builds: Record<Step, BuildCost> = {} as Record<Step, BuildCost>;
const pngs: Record<Step, Record<string, Buffer>> = {} as Record<Step, Record<string, Buffer>>;
const steps = ['first', 'again', 'edited', 'without page cache', 'corrected'] as const;
type Step = (typeof steps)[number];
const content = () => join(work, 'content');
// Astro's page cache sits beside the site (scripts/build-site.ts): another folder, another cache.
const dirs = (site = 'kept') => ({ content: content(), outDir: join(work, site, 'dist'), imageCache: join(work, 'images'), today: RECORD_TODAY });

/** Adds a dated correction to the first document (by file name), which the charts cite. */
async function correctFirstDocument() {
  const dir = join(content(), 'documents');
  const [name] = (await readdir(dir)).filter((file) => file.endsWith('.md')).sort();
  const text = await readFile(join(dir, name!), 'utf8');
  const end = text.indexOf('\n---', 4);
  const frontmatter = parseDocument(text.slice(4, end));
  // Quoted, as editors must write dates (YAML would read a bare one as a timestamp).
  const date = Object.assign(new Scalar('2026-01-05'), { type: Scalar.QUOTE_DOUBLE });
  frontmatter.set('corrections', frontmatter.createNode([{ date, text: 'A date now quotes the report itself.' }]));
  await writeFile(join(dir, name!), `---\n${frontmatter.toString({ lineWidth: 0 }).trimEnd()}${text.slice(end)}`);
}

async function chartPngs(dist: string) {
  const names = (await readdir(join(dist, 'charts'))).filter((name) => name.endsWith('.png'));
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await readFile(join(dist, 'charts', name))] as const)));
}

beforeAll(async () => {
  await mkdir(resolve('.build'), { recursive: true });
  work = await mkdtemp(join(resolve('.build'), 'image-cache-build-'));
  await cp(RECORD_DIRS['seed-era'], content(), { recursive: true });
  for (const step of steps) {
    if (step === 'edited') await editOneSummary(content(), 1);
    if (step === 'corrected') await correctFirstDocument();
    const site = step === 'without page cache' ? 'fresh' : 'kept';
    builds[step] = await measuredBuild(process.cwd(), dirs(site));
    pngs[step] = await chartPngs(dirs(site).outDir);
  }
}, 300_000);
afterAll(() => rm(work, { recursive: true, force: true }));

const counts = (line: string) => Object.fromEntries([...line.matchAll(/([a-z-]+) (\d+) reused, (\d+) rendered/g)].map(([, kind, reused, rendered]) => [kind, { reused: Number(reused), rendered: Number(rendered) }]));

describe('a build with the image cache', () => {
  test('draws every chart card and the site card the first time', () => {
    expect(counts(builds.first.imageCache)).toEqual({ 'chart-drawing': { reused: 0, rendered: 4 }, 'chart-card': { reused: 0, rendered: 4 }, png: { reused: 0, rendered: 1 } });
  });

  test.each(['again', 'edited'] as const)('rasterises nothing when no chart’s data changed (%s), and publishes the same bytes', (step) => {
    // The charts' PNGs come from Astro's page cache; only the site card, on an unkeyed page, asks the image cache.
    expect(counts(builds[step].imageCache)).toEqual({ png: { reused: 1, rendered: 0 } });
    for (const [name, png] of Object.entries(pngs.first)) expect(pngs[step][name]!.equals(png), name).toBe(true);
  });

  test('reads every image from the image cache when Astro’s page cache is empty', () => {
    expect(counts(builds['without page cache'].imageCache)).toEqual({ 'chart-card': { reused: 4, rendered: 0 }, png: { reused: 1, rendered: 0 } });
    for (const [name, png] of Object.entries(pngs.first)) expect(pngs['without page cache'][name]!.equals(png), name).toBe(true);
  });

  test('after a correction to a cited document redraws those cards’ words only: every chart drawing is reused', () => {
    const used = counts(builds.corrected.imageCache);
    expect(used['chart-drawing']?.rendered).toBe(0);
    expect(used['chart-drawing']?.reused).toBeGreaterThan(0);
    // Every chart's files are made again (the data changed); the cards of charts that cite the document get new words.
    expect(used['chart-card']!.rendered).toBe(used['chart-drawing']!.reused);
    expect(used['chart-card']!.reused + used['chart-card']!.rendered).toBe(CHART_IDS.length);
    const changed = Object.keys(pngs.first).filter((name) => !pngs.corrected[name]!.equals(pngs.first[name]!));
    expect(changed, 'the redrawn cards carry the new data version').toHaveLength(used['chart-card']!.rendered);
  });
});
