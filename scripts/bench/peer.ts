/**
 * The peer a data journalist would otherwise pick, as measured by an earlier
 * session of this project (issue 14) on a machine of the same kind (2 cores,
 * shared): Observable Framework 1.13 building the same prose, data and four
 * Plot charts as one page. Not re-measured by the bench: reproducing the
 * peer project is outside this repository. The targets are fractions of it.
 */
export const PEER = {
  name: 'Observable Framework 1.13',
  /** CPU seconds (user + system) of a cold `npm run build` of the peer project. */
  cpuSeconds: 10,
  how: 'cold `observable build` of the same prose, data and four Plot charts, CPU time (user + system, children included), on a 2-core machine; measured by an earlier session, not re-measured here',
} as const;
