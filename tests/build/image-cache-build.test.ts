import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { measuredBuild, type BuildCost } from '../../scripts/bench/build-cost.ts';
import { editOneSummary } from '../../scripts/bench/summary-edit.ts';
import { RECORD_DIRS, RECORD_TODAY } from '../fixtures/records.ts';

// Real builds of the seed era sharing one image cache: the first draws every
// image, a second draws none, and one after a summary edit draws only the
// cards' words (the data version on them changed), never a chart drawing.
// Each build reports its cache use on a line "image cache: …".

let work: string;
const builds: BuildCost[] = [];
const pngs: Record<string, Buffer>[] = [];
const content = () => join(work, 'content');
const dirs = () => ({ content: content(), outDir: join(work, 'dist'), imageCache: join(work, 'images'), today: RECORD_TODAY });

async function chartPngs(dist: string) {
  const names = (await readdir(join(dist, 'charts'))).filter((name) => name.endsWith('.png'));
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await readFile(join(dist, 'charts', name))] as const)));
}

beforeAll(async () => {
  await mkdir(resolve('.build'), { recursive: true });
  work = await mkdtemp(join(resolve('.build'), 'image-cache-build-'));
  await cp(RECORD_DIRS['seed-era'], content(), { recursive: true });
  for (const step of ['first', 'again', 'edited']) {
    if (step === 'edited') await editOneSummary(content(), 1);
    builds.push(await measuredBuild(process.cwd(), dirs()));
    pngs.push(await chartPngs(dirs().outDir));
  }
});
afterAll(() => rm(work, { recursive: true, force: true }));

const counts = (line: string) => Object.fromEntries([...line.matchAll(/([a-z-]+) (\d+) reused, (\d+) rendered/g)].map(([, kind, reused, rendered]) => [kind, { reused: Number(reused), rendered: Number(rendered) }]));

describe('a build with the image cache', () => {
  test('draws every chart card and the site card the first time', () => {
    expect(counts(builds[0]!.imageCache)).toEqual({ 'chart-drawing': { reused: 0, rendered: 4 }, 'chart-card': { reused: 0, rendered: 4 }, png: { reused: 0, rendered: 1 } });
  });

  test('rasterises nothing when nothing changed, and publishes the same bytes', () => {
    expect(counts(builds[1]!.imageCache)).toEqual({ 'chart-card': { reused: 4, rendered: 0 }, png: { reused: 1, rendered: 0 } });
    for (const [name, png] of Object.entries(pngs[0]!)) expect(pngs[1]![name]!.equals(png), name).toBe(true);
  });

  test('after a summary edit redraws the cards’ words only: every chart drawing is reused', () => {
    expect(counts(builds[2]!.imageCache)).toEqual({ 'chart-drawing': { reused: 4, rendered: 0 }, 'chart-card': { reused: 0, rendered: 4 }, png: { reused: 1, rendered: 0 } });
    for (const [name, png] of Object.entries(pngs[0]!)) expect(pngs[2]![name]!.equals(png), `${name} carries the new data version`).toBe(false);
  });
});
