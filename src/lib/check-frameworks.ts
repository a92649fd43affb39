import type { Framework, Metric } from '../schema/index.ts';
import { problemsIn, type ContentProblem } from './content-problem.ts';
import type { ParsedSourceFile } from './parse-source-file.ts';

/**
 * Checks what the schema cannot see inside a framework: ids unique across
 * frameworks and within one, sub-judgements whose parent exists, and a
 * scale numbered 1, 2, 3… with every wording used once.
 */
export function checkFrameworks(frameworks: readonly { file: ParsedSourceFile; framework: Framework }[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const owners = new Map<string, string>();
  for (const { file, framework } of frameworks) {
    const report = problemsIn(file, problems);
    const owner = owners.get(framework.id);
    if (owner) report(['id'], `"${framework.id}" is already the id of ${owner}`, 'give each framework its own id');
    owners.set(framework.id, file.path);
    const fileName = file.path.replace(/^.*[\\/]/, '').replace(/\.yaml$/, '');
    if (fileName !== framework.id) problemsIn(file, problems, 'warning')(['id'], `differs from the file name, "${fileName}"`, `name the file ${framework.id}.yaml`);

    const areaIds = framework.areas.map((area) => area.id);
    framework.areas.forEach((area, index) => {
      if (areaIds.indexOf(area.id) !== index) report(['areas', index, 'id'], `"${area.id}" is already an area of this framework`, 'give each area its own id');
      if (area.parent && !areaIds.includes(area.parent)) report(['areas', index, 'parent'], `"${area.parent}" is not an area of this framework`, 'use the id of the area this one is a sub-judgement of');
    });

    if (framework.graded && !framework.scale.length) report(['scale'], 'is empty, but the framework is graded', 'list its grades, best first, or write graded: false');
    framework.scale.forEach((grade, index) => {
      if (grade.position !== index + 1) report(['scale', index, 'position'], `is ${grade.position}, but this is grade number ${index + 1} on the scale`, 'list grades best first, numbered 1, 2, 3…');
    });
    const wordings = framework.scale.flatMap((grade, index) => [grade.label, ...grade.aliases].map((words) => ({ words: words.toLowerCase(), index })));
    wordings.forEach(({ words, index }, position) => {
      const first = wordings.findIndex((other) => other.words === words);
      if (first !== position && wordings[first].index !== index) report(['scale', index], `uses the wording "${words}", which another grade of the scale already uses`, 'each wording may name one grade only');
    });
  }
  return problems;
}

/** Metric ids are unique: figures refer to them and charts select by them. */
export function checkMetrics(file: ParsedSourceFile, metrics: readonly (Metric | undefined)[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const report = problemsIn(file, problems);
  const ids = metrics.map((metric) => metric?.id);
  metrics.forEach((metric, index) => {
    if (metric && ids.indexOf(metric.id) !== index) report([index, 'id'], `"${metric.id}" is already the id of metric ${ids.indexOf(metric.id) + 1}`, 'give each metric its own id');
  });
  return problems;
}
