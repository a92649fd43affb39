import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { deriveData } from '../derive-data.ts';
import { measuredCommand } from './build-cost.ts';
import type { PeerMeasurement } from './peer-figure.ts';
import { installPeer, peerEnvironment, writePeerProject } from './peer-project.ts';
import { formatSpread, spread } from './stats.ts';

/**
 * `npm run bench:peer`: the peer of issue 14 (Observable Framework 1.13,
 * bench/peer/) built from the same story and data as the site, on this
 * machine, measured as `npm run bench` measures the site (CPU of the build
 * and all its children). Writes bench/results/peer.json, which `npm run
 * bench` then uses for a day (scripts/bench/peer-figure.ts).
 *
 *   npm run bench:peer                 3 cold builds and 3 rebuilds with Framework's cache kept
 *   npm run bench:peer -- --runs=5     5 of each
 *
 * Run it with `nice`, and `nice npm run bench` right after, so both figures
 * come from the same load.
 */

const runs = Math.max(1, Number(process.argv.slice(2).find((arg) => arg.startsWith('--runs='))?.slice(7) ?? 3));
const root = process.cwd();
const loadSamples: number[] = [loadavg()[0]!];
const sampler = setInterval(() => loadSamples.push(loadavg()[0]!), 2000);
await mkdir(resolve(root, '.build'), { recursive: true });
const work = await mkdtemp(join(resolve(root, '.build'), 'peer-'));
const project = join(work, 'peer');

/** One `observable build` in the peer project: wall and CPU seconds (user + system, children included). */
async function measuredPeerBuild(): Promise<{ wallSeconds: number; cpuSeconds: number }> {
  const cli = join(project, 'node_modules/@observablehq/framework/dist/bin/observable.js');
  const { wallSeconds, cpuSeconds } = await measuredCommand([cli, 'build'], { cwd: project, env: peerEnvironment(), what: "the peer's build" });
  if (cpuSeconds === undefined) throw new Error('no CPU time: /proc/self/stat is not readable (the peer bench needs Linux)');
  // Both readings are whole clock ticks (1/100 s): rounding drops the float error of their difference.
  return { wallSeconds, cpuSeconds: Math.round(cpuSeconds * 100) / 100 };
}

/** Framework's data loader and module cache, and its output: what a fresh clone has neither of. */
const emptyCaches = () => Promise.all([rm(join(project, 'src/.observablehq/cache'), { recursive: true, force: true }), rm(join(project, 'dist'), { recursive: true, force: true })]);

try {
  const siteData = join(work, 'site-data.json');
  await deriveData({ outFile: siteData });
  await writePeerProject(root, project, siteData);
  console.error('installing @observablehq/framework in the peer project …');
  await installPeer(project);

  // As `npm run bench` does: a first, untimed build warms the file system cache.
  console.error('warming up …');
  await measuredPeerBuild();

  const cold: { wallSeconds: number; cpuSeconds: number }[] = [];
  for (let run = 1; run <= runs; run += 1) {
    await emptyCaches();
    const cost = await measuredPeerBuild();
    console.error(`peer, cold build ${run}/${runs}: ${cost.wallSeconds.toFixed(1)} s wall, ${cost.cpuSeconds.toFixed(2)} s CPU, load ${loadavg()[0]!.toFixed(1)}`);
    cold.push(cost);
  }
  // The editor's case, as the site's rebuild: the prose edited, the cache of the last cold build kept.
  const cached: number[] = [];
  for (let run = 1; run <= runs; run += 1) {
    await appendFile(join(project, 'src/index.md'), `\nEdited for rebuild ${run}.\n`);
    const cost = await measuredPeerBuild();
    console.error(`peer, rebuild ${run}/${runs} (cache kept): ${cost.wallSeconds.toFixed(1)} s wall, ${cost.cpuSeconds.toFixed(2)} s CPU`);
    cached.push(cost.cpuSeconds);
  }

  clearInterval(sampler);
  loadSamples.push(loadavg()[0]!);
  const measurement: PeerMeasurement = {
    date: new Date().toISOString(),
    name: 'Observable Framework 1.13.4',
    machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown CPU', node: process.versions.node },
    cold: spread(cold.map((cost) => cost.cpuSeconds)),
    cached: spread(cached),
    coldWall: spread(cold.map((cost) => cost.wallSeconds)),
    load: spread(loadSamples),
    loadMax: Math.max(...loadSamples),
  };
  const { machine, load, loadMax } = measurement;
  console.log([
    `${measurement.name}, ${machine.cores} cores (${machine.cpu}), Node ${machine.node}`,
    `load average (1 min) median ${load.median.toFixed(1)}, max ${loadMax.toFixed(1)}${loadMax > machine.cores ? ': busy, the figures are inflated' : ''}`,
    `cold build:          ${formatSpread(measurement.cold, 's CPU', 2)}; wall ${formatSpread(measurement.coldWall, 's', 1)}`,
    `rebuild, cache kept: ${formatSpread(measurement.cached, 's CPU', 2)} (${((1 - measurement.cached.median / measurement.cold.median) * 100).toFixed(0)} % less than cold)`,
  ].join('\n'));
  await mkdir(resolve(root, 'bench/results'), { recursive: true });
  await writeFile(resolve(root, 'bench/results/peer.json'), `${JSON.stringify(measurement, null, 2)}\n`);
  console.log('\nWritten to bench/results/peer.json; `npm run bench` uses it for a day.');
} finally {
  clearInterval(sampler);
  await rm(work, { recursive: true, force: true });
}
