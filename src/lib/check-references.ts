import type { Framework, Metric, SourceDocument } from '../schema/index.ts';
import { closestMatch } from './closest-match.ts';
import type { ContentProblem } from './content-problem.ts';
import { formatFieldPath } from './content-problem.ts';
import { normaliseGrade } from './normalise-grade.ts';
import { textStatesNumber } from './numbers-in-text.ts';
import type { ParsedSourceFile } from './parse-source-file.ts';
import { computeDerivedValue } from './derived-value.ts';

/** A document that passed the schema, with what is needed to point at it. */
export interface DocumentEntry {
  slug: string;
  file: ParsedSourceFile;
  data: SourceDocument;
  body: string;
}

/**
 * Checks what one file cannot check alone: that frameworks, areas, grades,
 * metrics and figure inputs exist; that ids are unique; and that every figure
 * is stated in its quote and every derived figure recomputes.
 */
export function checkReferences(
  documents: readonly DocumentEntry[],
  frameworks: readonly Framework[],
  metrics: readonly Metric[],
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const frameworkById = new Map(frameworks.map((framework) => [framework.id, framework]));
  const metricIds = metrics.map((metric) => metric.id);
  const figureById = new Map(documents.flatMap((doc) => doc.data.figures.map((figure) => [figure.id, figure] as const)));
  const seenFigures = new Map<string, string>();
  const seenOwnEvents = new Map<string, string>();

  for (const doc of documents) {
    const report = (path: PropertyKey[], message: string, fix?: string) =>
      problems.push({
        severity: 'error',
        path: doc.file.path,
        position: doc.file.locate(path),
        field: formatFieldPath(path),
        message,
        fix,
      });
    const data = doc.data;

    const otherOwner = seenOwnEvents.get(data.event.id);
    if (otherOwner) report(['event', 'id'], `"${data.event.id}" is already the event of ${otherOwner}`, 'give this document its own event id, or list the event under mentions');
    seenOwnEvents.set(data.event.id, doc.file.path);

    const framework = data.framework ? frameworkById.get(data.framework) : undefined;
    if (data.framework && !framework) {
      report(['framework'], `"${data.framework}" is not a framework in content/frameworks/`, suggest(data.framework, [...frameworkById.keys()]));
    }

    data.judgements.forEach((judgement, index) => {
      const at = ['judgements', index];
      if (!framework) {
        report(at, 'a judgement needs the document to name its framework', 'add "framework:" with the id of the framework the grades belong to');
        return;
      }
      checkGrade(framework, judgement.area, judgement.grade, at, report);
      const repeated = data.judgements.findIndex((other) => other.area === judgement.area);
      if (repeated !== index) report([...at, 'area'], `"${judgement.area}" is already judged in judgements[${repeated}]`, 'each area is judged once per document');
    });

    data.figures.forEach((figure, index) => {
      const at = ['figures', index];
      const owner = seenFigures.get(figure.id);
      if (owner) report([...at, 'id'], `"${figure.id}" is already the id of a figure in ${owner}`, 'figure ids must be unique across the site');
      seenFigures.set(figure.id, doc.file.path);
      if (!metricIds.includes(figure.metric)) {
        report([...at, 'metric'], `"${figure.metric}" is not a metric in content/metrics.yaml`, suggest(figure.metric, metricIds, 'or add the metric to content/metrics.yaml'));
      }
      const value = figure.value;
      if (value.kind === 'number' && !textStatesNumber(figure.quote, value.number)) {
        report([...at, 'quote'], `does not contain the number ${value.number}`, 'quote the sentence that states the number, or correct the number');
      }
      if (value.kind === 'range') {
        for (const end of ['low', 'high'] as const) {
          if (!textStatesNumber(figure.quote, value[end])) report([...at, 'quote'], `does not contain the range's ${end} end, ${value[end]}`, 'quote the sentence that states the range');
        }
      }
      if (value.kind === 'derived') {
        const missing = value.inputs.filter((input) => !figureById.has(input));
        if (missing.length) {
          report([...at, 'value', 'inputs'], `refers to figures that do not exist: ${missing.join(', ')}`, suggest(missing[0], [...figureById.keys()]));
        } else {
          const inputs = value.inputs.map((input) => figureById.get(input)!.value);
          const computed = computeDerivedValue(value.operation, inputs);
          if (computed === undefined) report([...at, 'value', 'inputs'], 'every input of a derived figure must be a number, a range is not enough', 'derive only from figures with kind number or derived');
          else if (Math.abs(computed - value.number) > 1e-9) report([...at, 'value', 'number'], `is ${value.number} but the inputs give ${computed}`, `write number: ${computed}, or correct the inputs`);
        }
      }
    });

    data.mentions.forEach((mention, index) => {
      const at = ['mentions', index];
      if (mention.event === data.event.id) report([...at, 'event'], 'is this document’s own event', 'remove the mention: the document already records its own event');
      if (!mention.framework) return;
      const mentioned = frameworkById.get(mention.framework);
      if (!mentioned) {
        report([...at, 'framework'], `"${mention.framework}" is not a framework in content/frameworks/`, suggest(mention.framework, [...frameworkById.keys()]));
        return;
      }
      if (mention.outcome && mentioned.graded) {
        const area = mention.outcome.area ?? mentioned.areas.find((candidate) => candidate.headline)?.id;
        if (!area) report([...at, 'outcome'], 'needs an area: the framework has no headline area', 'add "area:" to the outcome');
        else checkGrade(mentioned, area, mention.outcome.grade, [...at, 'outcome'], report);
      }
    });
  }
  return problems;
}

function checkGrade(
  framework: Framework,
  area: string,
  grade: string,
  at: PropertyKey[],
  report: (path: PropertyKey[], message: string, fix?: string) => void,
) {
  const areaIds = framework.areas.map((candidate) => candidate.id);
  if (!areaIds.includes(area)) {
    report([...at, 'area'], `"${area}" is not an area of the ${framework.shortName} framework`, suggest(area, areaIds));
  }
  if (!framework.graded) {
    report([...at, 'grade'], `the ${framework.shortName} framework gives no grades`, 'remove the grade, or name the graded framework');
    return;
  }
  if (!normaliseGrade(framework, grade)) {
    const wordings = framework.scale.flatMap((step) => [step.label, ...step.aliases]);
    const guess = closestMatch(grade, wordings);
    const canonical = guess ? normaliseGrade(framework, guess)?.label : undefined;
    report(
      [...at, 'grade'],
      `"${grade}" is not a grade of the ${framework.shortName} framework`,
      canonical ? `did you mean "${canonical}"?` : `use one of: ${framework.scale.map((step) => step.label).join(', ')}`,
    );
  }
}

function suggest(wrong: string, candidates: string[], otherwise?: string): string | undefined {
  const match = closestMatch(wrong, candidates);
  if (match) return `did you mean "${match}"?`;
  return otherwise;
}
