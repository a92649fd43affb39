import type { PeerFigure } from './peer-figure.ts';

/**
 * The peer a data journalist would otherwise pick, as last recorded here:
 * Observable Framework 1.13 building the same prose, data and four Plot
 * charts as one page (bench/peer/, built by `npm run bench:peer`). The bench
 * uses a fresher measurement from bench/results/peer.json when there is one
 * (scripts/bench/peer-figure.ts). The targets are fractions of it.
 */
export const PEER = {
  name: 'Observable Framework 1.13.4',
  /** CPU seconds (user + system, children included) of a cold `observable build` of bench/peer/. */
  cpuSeconds: 4.57,
  how: 'recorded 2 December 2026 by `npm run bench:peer` (bench/peer/): cold `observable build` (its cache and output emptied), median of 3: 4.57 s at load 1.1 (5.27 and 5.30 s earlier that day at load 4.2 and 2.7) on 2 shared cores (Xeon, Node 24.21); cached rebuild 2.25 s. The earlier 10 s, from a lost project under unknown load, was not reproduced',
} as const satisfies PeerFigure;
