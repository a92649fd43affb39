import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../tests/support/chromium.ts';
import { listPages, type PageKind } from '../tests/support/site-pages.ts';
import { CATEGORIES, lighthouseInstalled, runLighthouse, type LighthouseScores } from './bench/lighthouse.ts';
import { measurePage, type PageWeight } from './bench/page-weight.ts';
import { SINGLE_FIGURE_METRICS, writeSyntheticContent } from './bench/synthetic-content.ts';
import { serveSite } from './serve-site.ts';

/**
 * `npm run bench`: how fast the site builds and how light its pages are,
 * against the project's targets. Prints a table and writes
 * bench/results/latest.json (gitignored). Not a test: timings depend on the
 * machine; it reports misses and by how much.
 *
 *   npm run bench                       real content, +100 and +1,000 documents, Lighthouse
 *   npm run bench -- --sizes=100        fewer synthetic builds
 *   npm run bench -- --no-lighthouse    skip Lighthouse
 *   npm run bench -- --runs=3           time each build 3 times, keep the fastest
 *
 * Build times are only as good as the machine is quiet: the report prints
 * the load average before and after, and warns when something else was busy.
 */
const TARGETS = {
  lighthouse: 100,
  homeTotalBytes: 60 * 1024,
  firstRenderBytes: 14 * 1024,
  /** The story reads as a story: charts show their drawing and link to their data tables, so the page stays short. */
  homeHeightPx: 9000,
  buildSeconds1000: 60,
  /** Per-document build cost may at most double from the small to the large site. */
  growthRatio: 2,
};

const args = process.argv.slice(2);
const sizes = (args.find((arg) => arg.startsWith('--sizes='))?.slice(8) ?? '100,1000').split(',').filter(Boolean).map(Number);
const withLighthouse = !args.includes('--no-lighthouse');
const runs = Math.max(1, Number(args.find((arg) => arg.startsWith('--runs='))?.slice(7) ?? 1));
const loadBefore = loadavg()[0]!;
const root = process.cwd();
const contentDir = resolve(root, 'content');
// Builds go under .build/ (gitignored) inside the project: Astro keeps an
// out-of-tree build's prerender chunks in the shared .astro/, where builds
// running at the same time (someone's tests) would break each other.
await mkdir(resolve(root, '.build'), { recursive: true });
const work = await mkdtemp(join(resolve(root, '.build'), 'bench-'));

interface BuildTiming { label: string; documents: number; seconds: number }

/** Runs `npm run build`'s script on other content into a temporary directory; its log is shown only if it fails. */
function build(content: string, name: string) {
  const dir = join(work, name, 'dist');
  const env = { ...process.env, CONTENT_DIR: content, SITE_OUT_DIR: dir, SITE_DATA_FILE: join(work, name, 'site-data.json') };
  return new Promise<string>((done, fail) => {
    execFile(process.execPath, [resolve(root, 'scripts/build-site.ts')], { cwd: root, env, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? fail(new Error(`the build of ${name} failed:\n${stdout}${stderr}`)) : done(dir));
  });
}

async function timedBuild(label: string, content: string, name: string): Promise<BuildTiming & { dir: string }> {
  let seconds = Infinity;
  let dir = '';
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    dir = await build(content, name);
    seconds = Math.min(seconds, (performance.now() - started) / 1000);
  }
  const documents = (await readdir(join(content, 'documents'))).filter((file) => file.endsWith('.md')).length;
  console.error(`built ${label}: ${documents} documents in ${seconds.toFixed(1)} s`);
  return { label, documents, seconds, dir };
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const table = (rows: string[][]) => {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')).join('\n');
};

try {
  // 1. The real site: build time, then what each page type weighs and scores.
  // A first, untimed build warms what every build shares (Vite's dependency
  // optimisation), so the timed builds compare like with like.
  console.error('warming up …');
  await build(contentDir, 'warm-up');
  const real = await timedBuild('real content', contentDir, 'real');
  const server = await serveSite({ root: real.dir, port: 0 });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const pages = await listPages(real.dir);
  const samples = (['home', 'chart', 'embed', 'document'] as PageKind[]).map((kind) => ({ kind, page: pages.find((page) => page.kind === kind) }));
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const weights: (PageWeight & { kind: PageKind })[] = [];
  for (const { kind, page } of samples) if (page) weights.push({ kind, ...(await measurePage(browser, origin, real.dir, page.path)) });
  await browser.close();

  const lighthouse: { kind: PageKind; path: string; scores: LighthouseScores }[] = [];
  const lighthouseProblems: string[] = [];
  if (!withLighthouse) lighthouseProblems.push('skipped (--no-lighthouse)');
  else if (!lighthouseInstalled()) lighthouseProblems.push('lighthouse is not in node_modules: ask the lead to add lighthouse@13 as a dev dependency');
  else {
    for (const { kind, page } of samples.filter((sample) => sample.kind !== 'document')) {
      if (!page) continue;
      console.error(`lighthouse ${page.path} …`);
      try {
        lighthouse.push({ kind, path: page.path, scores: await runLighthouse(new URL(page.path, origin).href) });
      } catch (error) {
        lighthouseProblems.push(error instanceof Error ? error.message : String(error));
      }
    }
  }
  await new Promise((done) => server.close(done));

  // 2. Growth: the same build with synthetic documents added. If the site
  // cannot be built with copies that carry judgements (every copy adds a
  // graded event), that is a finding, and growth is measured on copies
  // without judgements instead.
  const builds: BuildTiming[] = [real];
  const growthProblems: string[] = [];
  const grow = async (size: number, judgements: boolean) => {
    const variant = judgements ? '' : ', no judgements';
    const content = join(work, `content-${size}${variant ? '-nj' : ''}`);
    await writeSyntheticContent(contentDir, content, size, { judgements });
    const name = `synthetic-${size}${variant ? '-nj' : ''}`;
    try {
      const { label, documents, seconds } = await timedBuild(`+${size} synthetic${variant}`, content, name);
      builds.push({ label, documents, seconds });
      return true;
    } catch (error) {
      const log = error instanceof Error ? error.message : String(error);
      const reason = log.split('\n').find((line) => /\[ERROR\]|Error:/.test(line))?.replace(/^.*?\[ERROR\]\s*/, '').slice(0, 300) ?? 'see the build log';
      growthProblems.push(`the site does not build with +${size} synthetic documents${variant}: ${reason}`);
      console.error(`build of +${size}${variant} failed: ${reason}`);
      return false;
    } finally {
      await rm(join(work, name), { recursive: true, force: true });
      await rm(content, { recursive: true, force: true });
    }
  };
  let allBuilt = true;
  for (const size of sizes) if (allBuilt) allBuilt = await grow(size, true);
  if (!allBuilt) {
    builds.splice(1);
    for (const size of sizes) await grow(size, false);
  }

  // 3. Report.
  const misses: string[] = [];
  const met: string[] = [];
  const check = (ok: boolean, target: string, measured: string, miss: string) => (ok ? met : misses).push(ok ? `${target}: ${measured}` : `${target}: ${measured}, missed by ${miss}`);

  const home = weights.find((weight) => weight.kind === 'home');
  if (home) {
    check(home.total.gzip <= TARGETS.homeTotalBytes, `home ≤ ${kb(TARGETS.homeTotalBytes)} KB transferred (gzip)`, `${kb(home.total.gzip)} KB`, `${kb(home.total.gzip - TARGETS.homeTotalBytes)} KB`);
    check(home.worksWithoutJavaScript, 'home needs no JavaScript', home.worksWithoutJavaScript ? `same content without it (${kb(home.byKind.js.gzip)} KB JS loaded)` : 'its <main> differs with JavaScript off', 'content that only JavaScript shows');
    check(home.heightAt1280 <= TARGETS.homeHeightPx, `home ≤ ${TARGETS.homeHeightPx.toLocaleString('en-GB')} px tall at 1280 px wide`, `${home.heightAt1280.toLocaleString('en-GB')} px`, `${(home.heightAt1280 - TARGETS.homeHeightPx).toLocaleString('en-GB')} px`);
    check(home.firstRenderGzip <= TARGETS.firstRenderBytes, `home HTML + render-blocking CSS ≤ ${kb(TARGETS.firstRenderBytes)} KB (gzip)`, `${kb(home.firstRenderGzip)} KB`, `${kb(home.firstRenderGzip - TARGETS.firstRenderBytes)} KB`);
  }
  for (const { kind } of samples.filter((sample) => !sample.page)) misses.push(`no ${kind} page in the build to measure yet`);
  for (const { kind, path, scores } of lighthouse) {
    for (const category of CATEGORIES) check(scores[category] >= TARGETS.lighthouse, `Lighthouse ${category} on ${kind} (${path})`, String(scores[category]), `${TARGETS.lighthouse - scores[category]} points`);
  }
  for (const problem of lighthouseProblems) misses.push(`Lighthouse: ${problem}`);
  misses.push(...growthProblems);
  const thousand = builds.find((build) => build.label.startsWith('+1000 synthetic'));
  if (thousand) check(thousand.seconds <= TARGETS.buildSeconds1000, `build of +1,000 documents ≤ ${TARGETS.buildSeconds1000} s`, `${thousand.seconds.toFixed(1)} s on ${cpus().length} cores`, `${(thousand.seconds - TARGETS.buildSeconds1000).toFixed(1)} s`);
  const slopes = builds.slice(1).map((build, index) => (build.seconds - builds[index]!.seconds) / (build.documents - builds[index]!.documents));
  if (slopes.length >= 2) {
    const ratio = slopes.at(-1)! / slopes[0]!;
    check(ratio <= TARGETS.growthRatio, `roughly linear growth (cost per added document grows ≤ ${TARGETS.growthRatio}×)`, `${(slopes[0]! * 1000).toFixed(0)} → ${(slopes.at(-1)! * 1000).toFixed(0)} ms a document (${ratio.toFixed(2)}×)`, `${(ratio - TARGETS.growthRatio).toFixed(2)}×`);
  }

  const loadAfter = loadavg()[0]!;
  const busy = Math.max(loadBefore, loadAfter) > cpus().length;
  const report = [
    `Benchmark on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.versions.node}; load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after${runs > 1 ? `; fastest of ${runs} runs` : ''}`,
    ...(busy ? ['WARNING: the machine was busy with other work, so build times are inflated; run again on a quiet machine.'] : []),
    '',
    'Build time (validate, derive, astro build, finishing steps)',
    `  synthetic documents are varied copies of the real ones, without figures of ${SINGLE_FIGURE_METRICS.join(', ')} (one only, by design of a chart)`,
    table([
      ['build', 'documents', 'seconds', 'ms per added document'],
      ...builds.map((build, index) => [build.label, String(build.documents), build.seconds.toFixed(1), index ? (slopes[index - 1]! * 1000).toFixed(0) : '']),
    ]),
    '',
    'Page weight in KB: stored / gzip / brotli (what a browser fetches to load the page)',
    table([
      ['page type', 'path', 'HTML', 'CSS', 'JS', 'images', 'other', 'total', 'requests', 'first render (gzip)', 'height at 1280 px'],
      ...weights.map((weight) => [
        weight.kind, weight.path,
        ...(['html', 'css', 'js', 'image', 'other'] as const).map((kind) => `${kb(weight.byKind[kind].raw)}/${kb(weight.byKind[kind].gzip)}/${kb(weight.byKind[kind].brotli)}`),
        `${kb(weight.total.raw)}/${kb(weight.total.gzip)}/${kb(weight.total.brotli)}`, String(weight.requests), kb(weight.firstRenderGzip), `${weight.heightAt1280} px`,
      ]),
    ]),
    '',
    'Lighthouse (mobile: emulated phone, simulated slow 4G)',
    lighthouse.length ? table([['page type', 'path', ...CATEGORIES], ...lighthouse.map(({ kind, path, scores }) => [kind, path, ...CATEGORIES.map((category) => String(scores[category]))])]) : '  (not run)',
    ...lighthouse.flatMap(({ kind, scores }) => scores.failedAudits.map((audit) => `  ${kind}: ${audit}`)),
    '',
    `Targets met (${met.length})`,
    ...met.map((line) => `  ✓ ${line}`),
    `Targets missed (${misses.length})`,
    ...misses.map((line) => `  ✗ ${line}`),
  ].join('\n');
  console.log(report);

  await mkdir(resolve(root, 'bench/results'), { recursive: true });
  const results = { date: new Date().toISOString(), machine: { cores: cpus().length, cpu: cpus()[0]?.model, node: process.versions.node, loadBefore, loadAfter, runs }, targets: TARGETS, builds, weights, lighthouse, met, misses };
  await writeFile(resolve(root, 'bench/results/latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nWritten to bench/results/latest.json');
} finally {
  await rm(work, { recursive: true, force: true });
}
