import type { SiteData } from '../derive/derive-site-data.ts';
import { formatFigureValue } from '../lib/format-figure.ts';
import type { FigureRow } from '../schema/index.ts';
import { renderAdoptionSvg } from './adoption-panel.ts';
import { documentsCited, fitAlt, listInWords, plural, type ChartDataRow } from './chart-spec.ts';
import type { AdoptionBar, AdoptionChartSpec } from './adoption-types.ts';

export type { PeriodThreshold, AdoptionBar, AdoptionChartSpec } from './adoption-types.ts';

/**
 * The measures this chart shows (ids in content/metrics.yaml): the days from
 * entering care to placement for adoption, the days above the government's
 * threshold, and the threshold itself, stated or derived from those two.
 */
export const ADOPTION_METRICS = {
  days: 'adoption-days-care-to-placement',
  aboveThreshold: 'adoption-days-above-threshold',
  threshold: 'adoption-threshold-days',
} as const;

/** The most periods drawn; earlier ones stay in the table. */
export const MAX_BARS = 24;

/** The most periods the story's view of the chart draws, so the story keeps its length; the chart's page draws MAX_BARS. */
export const STORY_BARS = 6;

/**
 * The chart as the story shows it: its latest STORY_BARS periods, on the
 * full chart's scale, and the sentence that says so (undefined while every
 * period drawn fits).
 */
export function adoptionStoryView(spec: AdoptionChartSpec): { spec: AdoptionChartSpec; note?: string } {
  if (spec.bars.length <= STORY_BARS) return { spec };
  const bars = spec.bars.slice(-STORY_BARS);
  return { spec: { ...spec, bars }, note: `Here, the latest ${bars.length} of the ${spec.bars.length} periods the chart draws: the chart’s page shows them all, and its table every period with its quote.` };
}

const byDate = (a: FigureRow, b: FigureRow) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id);

/**
 * Figures that give the same number for the same measure and period (by its
 * start and end dates, whatever its wording), merged
 * into one with several sources: the 2014 report and the 2017 letter both
 * quote 740 days for 2013/14, and that is one wait, not two.
 */
function merged(figures: readonly FigureRow[]): { figure: FigureRow; ids: string[]; documents: string[] }[] {
  const groups = new Map<string, FigureRow[]>();
  for (const figure of figures) {
    // The period by its dates, not its wording: "2013/14" and "2013–14" are one period.
    const key = `${figure.metric}|${figure.start ?? ''}|${figure.date}|${figure.value}`;
    groups.set(key, [...(groups.get(key) ?? []), figure]);
  }
  return [...groups.values()].map((group) => ({ figure: group[0], ids: group.map((figure) => figure.id), documents: [...new Set(group.map((figure) => figure.document))] }));
}

/**
 * The adoption timeliness chart from the derived data: each period's wait
 * against that period's own threshold, never another period's. A threshold
 * or gap is matched to a wait by the period it is given for.
 */
export function shapeAdoptionChart(data: SiteData): AdoptionChartSpec {
  const byMetric = (metric: string) => data.figures.filter((figure) => figure.metric === metric && figure.place === 'Manchester' && figure.value !== undefined).sort(byDate);
  const days = byMetric(ADOPTION_METRICS.days);
  const thresholds = merged(byMetric(ADOPTION_METRICS.threshold));
  const gaps = merged(byMetric(ADOPTION_METRICS.aboveThreshold));
  if (days.length === 0) throw new Error(`The adoption chart found no figure for "${ADOPTION_METRICS.days}"`);
  const samePeriod = (a: FigureRow, b: FigureRow) => a.date === b.date;

  const allBars: AdoptionBar[] = merged(days).map(({ figure, ids, documents }) => {
    const threshold = thresholds.find((candidate) => samePeriod(candidate.figure, figure));
    const gap = gaps.find((candidate) => samePeriod(candidate.figure, figure));
    return {
      ids,
      documents,
      period: figure.period,
      days: figure.value!,
      date: figure.date,
      unvalidated: figure.qualifiers.includes('unvalidated'),
      qualifiers: figure.qualifiers,
      ...(threshold
        ? {
            threshold: {
              ids: threshold.ids,
              documents: threshold.documents,
              days: threshold.figure.value!,
              derived: threshold.figure.valueKind === 'derived',
              ...(threshold.figure.derivation ? { derivation: threshold.figure.derivation.replace(/ = .*$/, '') } : {}),
            },
          }
        : {}),
      ...(gap ? { gap: { ids: gap.ids, documents: gap.documents, days: gap.figure.value! } } : {}),
    };
  });
  const bars = allBars.slice(-MAX_BARS);
  const [first, last] = [bars[0], bars.at(-1)!];
  const rows = [...days, ...byMetric(ADOPTION_METRICS.aboveThreshold), ...byMetric(ADOPTION_METRICS.threshold)].sort(byDate).map(figureRow);
  const withThreshold = bars.filter((bar) => bar.threshold);
  const without = bars.filter((bar) => !bar.threshold);
  const gapOnly = bars.filter((bar) => bar.gap && !bar.threshold);
  const multiSourced = bars.filter((bar) => bar.documents.length > 1);

  return {
    title: adoptionTitle(first, last, bars.length),
    subtitle: `Average days from a child entering care to being placed for adoption, Manchester, each period against that period’s government threshold${withThreshold.length < bars.length ? ' where the documents give one' : ''}.`,
    alt: fitAlt(
      `Bar chart of ${plural(bars.length, 'period')}: the average wait from entering care to placement for adoption was ${waitWords(first)}${bars.length > 1 ? ` and ${waitWords(last)}` : ''}.`,
      withThreshold.length > 2 && `${withThreshold.length} periods have their own threshold, each drawn on its bar.`,
      without.length > 0 && `${without.length === bars.length ? 'No period has' : `${plural(without.length, 'period')} ${without.length === 1 ? 'has' : 'have'}`} a threshold in the documents.`,
    ),
    notes: [
      'Each bar’s threshold is the government’s threshold for that bar’s own period, marked across the bar; thresholds changed from period to period, so no one line is drawn across all bars.',
      ...withThreshold
        .filter((bar) => bar.threshold!.derived)
        .slice(0, 6)
        .map((bar) => `The ${bar.period} threshold, ${bar.threshold!.days} days, is derived: the document says the wait of ${bar.days} days was ${bar.gap ? `“${bar.gap.days} days” above the government threshold` : 'above the government threshold'}, so ${bar.threshold!.derivation ?? `${bar.days} − ${bar.gap?.days}`} = ${bar.threshold!.days}. It is drawn dashed, and marked “derived”.`),
      ...(withThreshold.filter((bar) => bar.threshold!.derived).length > 6 ? [`${withThreshold.filter((bar) => bar.threshold!.derived).length - 6} more thresholds are derived the same way: the table gives each derivation.`] : []),
      ...bars
        .filter((bar) => bar.unvalidated)
        .slice(0, 4)
        .map((bar) => `${bar.days} days (${bar.period}) is unvalidated${bar.qualifiers.length > 1 ? ` (${bar.qualifiers.filter((qualifier) => qualifier !== 'unvalidated').join(', ')})` : ''}, so its bar is drawn hollow.`),
      ...(gapOnly.length ? [`For ${listInWords(gapOnly.map((bar) => bar.period))} the documents give the wait’s distance above the threshold but not the threshold itself, so none is drawn.`] : []),
      ...(without.length && without.length < bars.length ? [`The documents give no threshold for ${without.length <= 4 ? listInWords(without.map((bar) => bar.period)) : `${without.length} of the periods`}.`] : []),
      ...(multiSourced.length ? [`${multiSourced.length <= 3 ? listInWords(multiSourced.map((bar) => `${bar.days} days (${bar.period})`)) : `${multiSourced.length} waits`} ${multiSourced.length === 1 ? 'is' : 'are'} quoted by more than one document: one bar, every source in the table.`] : []),
      ...(allBars.length > bars.length ? [`The chart shows the latest ${bars.length} of ${allBars.length} periods; the table lists every one.`] : []),
    ],
    sourceDocuments: documentsCited(rows, data.documents.map((doc) => doc.slug)),
    rows,
    bars,
    xMax: Math.ceil((Math.max(...bars.map((bar) => Math.max(bar.days, bar.threshold?.days ?? 0))) * 1.08) / 100) * 100,
  };
}

/** @example waitWords(bar) // '740 days in 2013/14, 203 over that period’s threshold' */
function waitWords(bar: AdoptionBar): string {
  const over = bar.threshold ? bar.days - bar.threshold.days : bar.gap?.days;
  return `${bar.days} days in ${bar.period}${over !== undefined ? `, ${Math.abs(over)} ${over >= 0 ? 'over' : 'under'} that period’s threshold` : ''}`;
}

function adoptionTitle(first: AdoptionBar, last: AdoptionBar, count: number): string {
  if (count === 1) return `Children waited ${waitWords(last).replace(' days in', ' days for adoption in')}`;
  const verb = last.days < first.days ? 'fell' : last.days > first.days ? 'rose' : 'stayed';
  const overFirst = first.threshold ? first.days - first.threshold.days : first.gap?.days;
  const overLast = last.threshold ? last.days - last.threshold.days : last.gap?.days;
  const wait = verb === 'stayed' ? `The wait for adoption stayed at ${last.days} days from ${first.period} to ${last.period}` : `The wait for adoption ${verb} from ${first.days} days in ${first.period} to ${last.days} in ${last.period}`;
  if (overFirst !== undefined && overLast !== undefined) {
    return `${wait}: ${Math.abs(overFirst)} then ${Math.abs(overLast)} days ${overLast >= 0 ? 'over' : 'under'} each period’s government threshold`;
  }
  if (overLast !== undefined) return `${wait}, ${Math.abs(overLast)} days ${overLast >= 0 ? 'over' : 'under'} that period’s government threshold`;
  return wait;
}

function figureRow(figure: FigureRow): ChartDataRow {
  return {
    label: figure.label,
    value: formatFigureValue(figure),
    number: figure.value,
    ...(figure.unit ? { unit: figure.unit } : {}),
    when: figure.period,
    date: figure.date,
    qualifiers: figure.valueKind === 'derived' ? [`derived: ${figure.derivation}`, ...figure.qualifiers.filter((qualifier) => qualifier !== 'derived')] : figure.qualifiers,
    document: figure.document,
    quote: figure.quote,
    ...(figure.note ? { note: figure.note } : {}),
    mark: figure.id,
  };
}

/** The adoption chart as an inline SVG string, `width` units wide. */
export function renderAdoptionChart(spec: AdoptionChartSpec, { width }: { width: number }): string {
  return renderAdoptionSvg(spec, width);
}
