import type { Framework, JudgementTopic, Metric } from '../schema/index.ts';
import { closestMatch } from './closest-match.ts';
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
      if (area.from && area.until && area.until < area.from) report(['areas', index, 'until'], `is before from: (${area.from})`, 'an area applies from its first inspections until its last: swap the dates or correct one');
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

/**
 * Topic ids are unique, and every area's topics exist: the area-by-area
 * record lines frameworks up by them. A topic no area uses is worth a
 * warning (a row that stays empty).
 */
export function checkTopics(
  file: ParsedSourceFile,
  topics: readonly JudgementTopic[],
  frameworks: readonly { file: ParsedSourceFile; framework: Framework }[],
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const ids = topics.map((topic) => topic.id);
  topics.forEach((topic, index) => {
    if (ids.indexOf(topic.id) !== index) problemsIn(file, problems)([index, 'id'], `"${topic.id}" is already the id of topic ${ids.indexOf(topic.id) + 1}`, 'give each topic its own id');
  });
  const used = new Set<string>();
  for (const { file: frameworkFile, framework } of frameworks) {
    framework.areas.forEach((area, areaIndex) => {
      area.topics.forEach((topic, topicIndex) => {
        used.add(topic);
        if (ids.includes(topic)) return;
        const match = closestMatch(topic, ids);
        problemsIn(frameworkFile, problems)(['areas', areaIndex, 'topics', topicIndex], `"${topic}" is not a topic in content/judgement-topics.yaml`, match ? `did you mean "${match}"?` : 'use a topic id from content/judgement-topics.yaml, or add the topic there');
      });
    });
  }
  topics.forEach((topic, index) => {
    if (!used.has(topic.id)) problemsIn(file, problems, 'warning')([index, 'id'], `no framework area lists the topic "${topic.id}"`, 'add it to the topics: of the areas that judge it, or remove it');
  });
  return problems;
}
