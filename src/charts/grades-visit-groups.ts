import { SCREEN_DRAWINGS } from './drawing-widths.ts';
import type { UngradedVisit, VisitGroup, VisitGroups } from './grades-types.ts';
import { estimateTextWidth } from './text-layout.ts';
import { MARGIN, MARK, TEXT_SIZE, layoutFor } from './theme.ts';

/**
 * When the record holds more visits that give no grade than their row can
 * show one by one, each kind's visits are gathered by period: one marker per
 * kind per year (or per 2, 5, 10… years, the shortest that keeps markers
 * and their counts apart on the narrowest drawing), with the count beneath.
 * The table still lists every visit, and the marker's rows name each
 * (mark-data.ts). Decided from the data and the narrowest drawing's width,
 * not each drawing's, so that every drawing of the chart names the same
 * marks and the marks file lists each group once.
 */

/** Up to this many visits, each is its own marker, as the record to 2025 draws them; past it, two levels of markers overlap at 264 units. */
export const VISITS_DRAWN = 40;

/** Period lengths in years, shortest first: the first that keeps the row legible at the narrowest drawing is used, else the longest. */
const PERIODS = [1, 2, 5, 10, 20, 50] as const;

/** Room left between neighbouring markers' counts, in SVG units. */
const COUNT_GAP = 4;

/** The visits' markers as drawn: undefined (one per visit) while there are at most VISITS_DRAWN, else one per kind and period. */
export function gatherVisits(visits: readonly UngradedVisit[], years: readonly [number, number]): VisitGroups | undefined {
  if (visits.length <= VISITS_DRAWN) return undefined;
  const room = yearWidthAtNarrowest(years);
  const grouped = PERIODS.map((period) => ({ period, groups: groupsOf(visits, years, period) }));
  return grouped.find(({ period, groups }) => widestMarker(groups) + COUNT_GAP <= period * room) ?? grouped.at(-1)!;
}

/** A year's width on the narrowest drawing's time axis (grades-panels.ts: the axis runs from margin + 4 to width − margin − 4). */
function yearWidthAtNarrowest([first, last]: readonly [number, number]): number {
  const width = SCREEN_DRAWINGS[0].width;
  const margin = MARGIN[layoutFor(width)];
  return (width - margin.left - margin.right - 8) / (last - first + 1);
}

/** The widest a group's marker reaches across: its symbol with its stroke, or its count beneath. */
function widestMarker(groups: readonly VisitGroup[]): number {
  const size = TEXT_SIZE[layoutFor(SCREEN_DRAWINGS[0].width)].small;
  return Math.max(2 * (MARK.radius - 1) + MARK.stroke, ...groups.map((group) => estimateTextWidth(String(group.members.length), size)));
}

function groupsOf(visits: readonly UngradedVisit[], [first, last]: readonly [number, number], period: number): VisitGroup[] {
  const byCell = new Map<string, UngradedVisit[]>();
  for (const visit of visits) {
    const from = first + Math.floor((Number(visit.date.slice(0, 4)) - first) / period) * period;
    const key = `${visit.kind}|${from}`;
    const cell = byCell.get(key);
    if (cell) cell.push(visit);
    else byCell.set(key, [visit]);
  }
  return [...byCell.values()].map((members): VisitGroup => {
    const { kind } = members[0];
    const from = first + Math.floor((Number(members[0].date.slice(0, 4)) - first) / period) * period;
    const to = Math.min(from + period, last + 1);
    return {
      // A period holding one visit is that visit's own marker.
      id: members.length === 1 ? members[0].id : `visits-${kind}-${from}${to - from > 1 ? `-${to - 1}` : ''}`,
      kind,
      from,
      to,
      members: members.map((visit) => visit.id),
      // Hollow only when every visit it counts is known only from later documents.
      knownFromMentionsOnly: members.every((visit) => visit.knownFromMentionsOnly),
    };
  });
}
