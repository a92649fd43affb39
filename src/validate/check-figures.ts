import type { Figure, Metric } from '../schema/index.ts';
import { closestMatch } from './closest-match.ts';
import { problemsIn, type ContentProblem } from './content-problem.ts';
import { computeDerivedValue } from './derived-value.ts';
import { textStatesNumber } from './numbers-in-text.ts';
import { checkTableCell } from './check-table-cells.ts';
import type { CheckedDocument } from './salvage-document.ts';

/** What figures may refer to. */
export interface FigureContext {
  metrics: readonly Metric[];
  /** Ids of metrics whose entries in metrics.yaml have errors. */
  brokenMetricIds: ReadonlySet<string>;
  /** Every figure id written anywhere, even in figures with errors. */
  writtenFigureIds: ReadonlySet<string>;
}

/**
 * Checks every figure against its sources: its number must be in its quote,
 * a derived number must recompute from its inputs, its id must be unique
 * across the site and its metric must exist. A figure with no unit is worth
 * a warning: "514" means nothing without "days".
 */
export function checkFigures(documents: readonly CheckedDocument[], context: FigureContext): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const metricIds = context.metrics.map((metric) => metric.id);
  const figureById = new Map<string, Figure>();
  const owners = new Map<string, string>();
  for (const { data } of documents) for (const figure of data.figures) if (figure && !figureById.has(figure.id)) figureById.set(figure.id, figure);

  for (const { file, data } of documents) {
    const report = problemsIn(file, problems);
    const warn = problemsIn(file, problems, 'warning');
    if (data.kind && (data.kind === 'statistics-release') !== !!data.release) {
      report(data.release ? ['release'] : ['kind'], data.release ? `is given, but the document is a ${data.kind}, not a statistics-release` : 'is statistics-release, but the document has no release:', data.release ? 'write kind: statistics-release, or delete release:' : 'add release: with referenceDate, collectionYears and tables (file, url, header)');
    }
    data.figures.forEach((figure, index) => {
      if (!figure) return;
      const at = ['figures', index];
      const owner = owners.get(figure.id);
      if (owner) report([...at, 'id'], `"${figure.id}" is already the id of a figure in ${owner}`, 'figure ids must be unique across the site: add a date or place to this one');
      else owners.set(figure.id, file.path);

      if (!metricIds.includes(figure.metric) && !context.brokenMetricIds.has(figure.metric)) {
        const match = closestMatch(figure.metric, metricIds);
        report([...at, 'metric'], `"${figure.metric}" is not a metric in content/metrics.yaml`, match ? `did you mean "${match}"?` : 'use an id from content/metrics.yaml, or add the measure there');
      }

      checkTableCell(data, figure, at, report);
      const value = figure.value;
      if (value.kind === 'number' && !figure.cell && !textStatesNumber(figure.quote, value.number)) {
        report([...at, 'quote'], `does not contain the number ${value.number}`, 'quote the sentence that states the number, or correct the number');
      }
      if (value.kind === 'range') {
        for (const end of ['low', 'high'] as const) {
          if (!textStatesNumber(figure.quote, value[end])) report([...at, 'quote'], `does not contain the ${end} end of the range, ${value[end]}`, 'quote the sentence that states the range');
        }
      }
      if (value.kind === 'derived') {
        if (value.inputs.includes(figure.id)) {
          report([...at, 'value', 'inputs'], 'includes the figure itself', 'list the ids of the figures the number is computed from');
          return;
        }
        const missing = value.inputs.filter((input) => !context.writtenFigureIds.has(input));
        if (missing.length) {
          const match = closestMatch(missing[0], [...context.writtenFigureIds].filter((id) => id !== figure.id));
          report([...at, 'value', 'inputs'], `refers to ${missing.length > 1 ? 'figures that do' : 'a figure that does'} not exist: ${missing.join(', ')}`, match ? `did you mean "${match}"?` : 'use the ids of figures in content/documents/');
        } else if (value.inputs.every((input) => figureById.has(input))) {
          const computed = computeDerivedValue(value.operation, value.inputs.map((input) => figureById.get(input)!.value));
          if (computed === undefined) {
            report([...at, 'value', 'inputs'], 'includes a figure without a single number (a range or a statement)', 'derive only from figures of kind number or derived');
          } else if (Math.abs(computed - value.number) > 1e-9) {
            report([...at, 'value', 'number'], `is ${value.number} but the ${value.operation} of its inputs is ${computed}`, `write number: ${computed}, or correct the inputs`);
          }
        }
      }
      if (value.kind !== 'qualitative' && !figure.unit) {
        warn(at, 'has no unit', 'add unit: with what the number counts, e.g. "children", "days" or "%"');
      }
    });
  }
  return problems;
}
