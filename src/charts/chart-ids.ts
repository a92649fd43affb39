/**
 * The charts the site draws, by id (the id is the chart's address,
 * /charts/<id>/). Apart from the registry so that validation can check a
 * story's `::chart{id=…}` without loading the charts and their data.
 */
export const CHART_IDS = ['timeline', 'grades', 'caseloads', 'adoption'] as const;

export type ChartId = (typeof CHART_IDS)[number];

/** True for the id of a chart in the registry. */
export function isChartId(id: string): id is ChartId {
  return (CHART_IDS as readonly string[]).includes(id);
}
