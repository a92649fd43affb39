import type { Spread } from './stats.ts';

/**
 * What `npm run bench:peer` measured (bench/results/peer.json) and how the
 * bench picks the peer's figure: a measurement from the last day (same
 * machine, similar load, the same Framework) before the figure recorded in
 * scripts/bench/peer.ts, which may be from another day's load.
 */
export interface PeerMeasurement {
  /** ISO date and time the peer was measured. */
  date: string;
  name: string;
  machine: { cores: number; cpu: string; node: string };
  /** CPU seconds (user + system, children included) of cold builds: cache and output emptied. */
  cold: Spread;
  /** CPU seconds of rebuilds after a prose edit, Framework's cache kept. */
  cached: Spread;
  /** Wall seconds of the cold builds. */
  coldWall: Spread;
  /** The 1-minute load average sampled while measuring. */
  load: Spread;
  loadMax: number;
}

/** The peer as the bench report shows it: a CPU figure and where it comes from. */
export interface PeerFigure {
  name: string;
  cpuSeconds: number;
  how: string;
}

/** A measurement older than this is another day's machine and load: the recorded figure is used instead. */
export const PEER_MEASUREMENT_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * The peer figure for the bench: the median cold CPU of a measurement
 * younger than a day, else the recorded one. `measured` is the text of
 * bench/results/peer.json, or undefined when there is none; a file that does
 * not read as a measurement is named in `how` and not used.
 */
export function choosePeerFigure(recorded: PeerFigure, measured: string | undefined, now: Date): PeerFigure {
  if (measured === undefined) return { ...recorded, how: `${recorded.how} [recorded figure: no bench/results/peer.json]` };
  const measurement = readMeasurement(measured);
  if (!measurement) return { ...recorded, how: `${recorded.how} [recorded figure: bench/results/peer.json is not a peer measurement]` };
  const age = now.getTime() - Date.parse(measurement.date);
  if (!(age >= 0 && age <= PEER_MEASUREMENT_MAX_AGE_MS)) {
    return { ...recorded, how: `${recorded.how} [recorded figure: bench/results/peer.json is from ${measurement.date}, more than a day old]` };
  }
  const { cold, load, loadMax } = measurement;
  return {
    name: measurement.name,
    cpuSeconds: cold.median,
    how: `measured by \`npm run bench:peer\` at ${measurement.date}: cold \`observable build\`, median of ${cold.runs} (min ${cold.min.toFixed(1)} s), load median ${load.median.toFixed(1)}, max ${loadMax.toFixed(1)} [bench/results/peer.json]`,
  };
}

function readMeasurement(text: string): PeerMeasurement | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const candidate = value as Partial<PeerMeasurement> | null;
  const isSpread = (spread: unknown): spread is Spread =>
    typeof spread === 'object' && spread !== null && ['min', 'median', 'runs'].every((key) => typeof (spread as Record<string, unknown>)[key] === 'number');
  if (!candidate || typeof candidate.date !== 'string' || Number.isNaN(Date.parse(candidate.date)) || typeof candidate.name !== 'string') return undefined;
  if (!isSpread(candidate.cold) || !isSpread(candidate.load) || typeof candidate.loadMax !== 'number') return undefined;
  return candidate as PeerMeasurement;
}
