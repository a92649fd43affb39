import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../tests/support/chromium.ts';
import { listPages, type PageKind } from '../tests/support/site-pages.ts';
import { measuredBuild, type BuildCost } from './bench/build-cost.ts';
import { lighthouseInstalled, runLighthouse } from './bench/lighthouse.ts';
import { PEER } from './bench/peer.ts';
import { choosePeerFigure } from './bench/peer-figure.ts';
import { measurePage, type PageWeight } from './bench/page-weight.ts';
import { formatReport, judgeTargets, type Measured, type Readers } from './bench/report.ts';
import { siteBounds } from './bench/site-bounds.ts';
import { spread } from './bench/stats.ts';
import { editOneSummary } from './bench/summary-edit.ts';
import { SYNTHETIC_CORPUS, writeSyntheticContent } from './bench/synthetic-content.ts';
import { serveSite } from './serve-site.ts';

/**
 * `npm run bench`: how much the site costs to build and to read, against
 * the project's targets (bench/README.md). Not a test: it prints figures
 * and where a target is missed, and writes bench/results/latest.json.
 *
 *   npm run bench                        everything: real content, +100, +500 and +1,000 documents, Lighthouse
 *   npm run bench -- --runs=5            repeat each build 5 times (default 3; min and median reported)
 *   npm run bench -- --sizes=100         fewer synthetic sizes
 *   npm run bench -- --no-lighthouse     skip Lighthouse
 *
 * Every build is measured in wall time and in CPU time (the build and all
 * it starts); CPU time is what a busy machine inflates least, so growth and
 * the rebuild are judged on it. The load average is sampled throughout and
 * printed; timing targets met on a busy machine are marked as unconfirmed.
 */

const args = process.argv.slice(2);
const option = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const sizes = (option('sizes') ?? '100,500,1000').split(',').filter(Boolean).map(Number);
const runs = Math.max(1, Number(option('runs') ?? 3));
const withLighthouse = !args.includes('--no-lighthouse');

const root = process.cwd();
const loadSamples: number[] = [];
const sampler = setInterval(() => loadSamples.push(loadavg()[0]!), 2000);
loadSamples.push(loadavg()[0]!);
// Under the project, not /tmp: Astro keeps an out-of-tree build's prerender
// chunks in the shared .astro/, where builds at the same time would collide.
await mkdir(resolve(root, '.build'), { recursive: true });
const work = await mkdtemp(join(resolve(root, '.build'), 'bench-'));

/** A build's directories: an empty set for a cold build, the same set again for a rebuild. */
const buildDirs = (name: string) => ({ outDir: join(work, name, 'dist'), imageCache: join(work, name, 'images')});

async function coldBuilds(label: string, content: string, name: string, today?: string) {
  const costs: BuildCost[] = [];
  for (let run = 1; run <= runs; run += 1) {
    await rm(join(work, name), { recursive: true, force: true });
    const cost = await measuredBuild(root, { content, ...buildDirs(name), today });
    console.error(`${label}, cold build ${run}/${runs}: ${cost.wallSeconds.toFixed(1)} s wall, ${cost.cpuSeconds?.toFixed(1) ?? '?'} s CPU, load ${cost.load[0].toFixed(1)}`);
    costs.push(cost);
  }
  return { costs, dir: buildDirs(name).outDir };
}

const pageKinds: PageKind[] = ['home', 'chart', 'embed', 'document'];

/** Page weight of each kind of page, and Lighthouse on each, for one built site. */
async function readerCost(dir: string, label: string): Promise<Readers> {
  const server = await serveSite({ root: dir, port: 0 });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const pages = await listPages(dir);
    const samples = pageKinds.map((kind) => ({ kind, path: pages.find((page) => page.kind === kind)?.path }));
    const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
    const weights: (PageWeight & { kind: PageKind })[] = [];
    try {
      for (const { kind, path } of samples) if (path) weights.push({ kind, ...(await measurePage(browser, origin, dir, path)) });
    } finally {
      await browser.close();
    }
    const lighthouse: Readers['lighthouse'] = [];
    if (withLighthouse && lighthouseInstalled()) {
      for (const { kind, path } of samples) {
        if (!path) continue;
        console.error(`${label}: lighthouse ${path} …`);
        try {
          lighthouse.push({ kind, path, scores: await runLighthouse(new URL(path, origin).href) });
        } catch (error) {
          lighthouse.push({ kind, path, problem: error instanceof Error ? error.message : String(error) });
        }
      }
    }
    return { label, weights, lighthouse, missing: samples.filter((sample) => !sample.path).map((sample) => sample.kind), bounds: await siteBounds(dir) };
  } finally {
    await new Promise((done) => server.close(done));
  }
}

/** The home page's height at 1,280 px wide, in Chromium. */
async function homeHeight(dir: string): Promise<number> {
  const server = await serveSite({ root: dir, port: 0 });
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { waitUntil: 'networkidle' });
    return await page.evaluate(() => document.documentElement.scrollHeight);
  } finally {
    await browser.close();
    await new Promise((done) => server.close(done));
  }
}

/** Which generated documents have no page in the build. */
async function missingPages(dir: string, slugs: readonly string[]) {
  const missing: string[] = [];
  for (const slug of slugs) if (!(await stat(join(dir, 'documents', slug, 'index.html')).catch(() => undefined))) missing.push(slug);
  return missing;
}

try {
  // The real content, copied so that the rebuild can edit it. A first,
  // untimed build warms what every build shares (the file system cache).
  const realContent = join(work, 'content-real');
  await cp(resolve(root, 'content'), realContent, { recursive: true });
  console.error('warming up …');
  await measuredBuild(root, { content: realContent, ...buildDirs('warm-up') });
  await rm(join(work, 'warm-up'), { recursive: true, force: true });

  const real = await coldBuilds('real content', realContent, 'real');
  const realDocuments = (await listPages(real.dir)).filter((page) => page.kind === 'document').length;

  // The rebuild: one summary edited, Astro's cache and the image cache kept from the last cold build.
  const rebuilds: BuildCost[] = [];
  for (let run = 1; run <= runs; run += 1) {
    const edited = await editOneSummary(realContent, run);
    const cost = await measuredBuild(root, { content: realContent, ...buildDirs('real') });
    console.error(`rebuild after editing ${edited}'s summary ${run}/${runs}: ${cost.wallSeconds.toFixed(1)} s wall, ${cost.cpuSeconds?.toFixed(1) ?? '?'} s CPU; ${cost.imageCache}`);
    rebuilds.push(cost);
  }
  const realReaders = await readerCost(real.dir, 'real content');

  // Growth: the synthetic corpus, from its base (no made-up documents) to
  // each size, every generated document checked for its page.
  const growth: Measured['growth'] = [];
  let largest: Readers | undefined;
  for (const size of [0, ...sizes.filter((size) => size > 0)]) {
    const content = join(work, `content-${size}`);
    const corpus = await writeSyntheticContent(content, size);
    const built = await coldBuilds(size ? `+${size} documents` : 'synthetic base', content, `synthetic-${size}`, corpus.today);
    const missing = await missingPages(built.dir, corpus.slugs);
    growth.push({ size, documents: (await listPages(built.dir)).filter((page) => page.kind === 'document').length, costs: built.costs, missing, homeHeight: await homeHeight(built.dir) });
    if (size > 0 && size === Math.max(...sizes)) largest = await readerCost(built.dir, `+${size} documents`);
    await rm(join(work, `synthetic-${size}`), { recursive: true, force: true });
    await rm(content, { recursive: true, force: true });
  }

  clearInterval(sampler);
  loadSamples.push(loadavg()[0]!);
  const machine = { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown CPU', node: process.versions.node, runs, load: spread(loadSamples), loadMax: Math.max(...loadSamples) };
  // The peer measured on this machine today (`npm run bench:peer`) if there is such a measurement, else the recorded figure.
  const peerFile = await readFile(resolve(root, 'bench/results/peer.json'), 'utf8').catch(() => undefined);
  const measured: Measured = {
    machine,
    peer: choosePeerFigure(PEER, peerFile, new Date()),
    corpus: SYNTHETIC_CORPUS,
    real: { documents: realDocuments, costs: real.costs },
    rebuilds,
    growth,
    readers: [realReaders, ...(largest ? [largest] : [])],
  };
  const targets = judgeTargets(measured);
  console.log(formatReport(measured, targets));
  await mkdir(resolve(root, 'bench/results'), { recursive: true });
  await writeFile(resolve(root, 'bench/results/latest.json'), `${JSON.stringify({ date: new Date().toISOString(), ...measured, targets }, null, 2)}\n`);
  console.log('\nWritten to bench/results/latest.json');
} finally {
  clearInterval(sampler);
  await rm(work, { recursive: true, force: true });
}

