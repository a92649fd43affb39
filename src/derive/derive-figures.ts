import { datePrecision, type Figure, type FigureRow, type Metric } from '../schema/index.ts';
import type { DocumentEntry } from '../validate/check-references.ts';
import { describeDerivation } from '../validate/derived-value.ts';

/** One row per figure, with its value in the shape the source gives it. */
export function deriveFigures(documents: readonly DocumentEntry[], metrics: readonly Metric[]): FigureRow[] {
  const figureById = new Map(documents.flatMap((doc) => doc.data.figures.map((figure) => [figure.id, figure] as const)));
  return documents.flatMap((doc) =>
    doc.data.figures.map((figure): FigureRow => ({
      id: figure.id,
      document: doc.slug,
      metric: figure.metric,
      metricLabel: metrics.find((metric) => metric.id === figure.metric)?.label ?? figure.metric,
      label: figure.label,
      valueKind: figure.value.kind,
      ...valueColumns(figure, figureById),
      ...(figure.statistic ? { statistic: figure.statistic } : {}),
      ...(figure.population ? { population: figure.population } : {}),
      ...(figure.unit ? { unit: figure.unit } : {}),
      place: figure.place,
      period: figure.period.label,
      date: figure.period.date,
      precision: datePrecision(figure.period.date),
      ...(figure.period.start ? { start: figure.period.start } : {}),
      qualifiers: figure.qualifiers,
      quote: figure.quote,
      ...(figure.cell
        ? {
            table: figure.cell.table,
            tableRow: Object.entries(figure.cell.row).map(([column, value]) => `${column}=${value}`).join('; '),
            tableColumn: figure.cell.column,
            published: figure.cell.published,
          }
        : {}),
      ...(figure.note ? { note: figure.note } : {}),
    })),
  );
}

function valueColumns(figure: Figure, figureById: ReadonlyMap<string, Figure>): Partial<FigureRow> {
  const value = figure.value;
  switch (value.kind) {
    case 'number':
      return { value: value.number };
    case 'range':
      return { low: value.low, high: value.high };
    case 'qualitative':
      return { text: value.text };
    case 'derived':
      return {
        value: value.number,
        inputs: value.inputs,
        derivation: `${describeDerivation(value.operation, value.inputs.map((input) => figureById.get(input)!.value))} = ${value.number}`,
      };
  }
}
