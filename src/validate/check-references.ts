import type { Root } from 'mdast';
import type { Framework, SourceDocument } from '../schema/index.ts';
import { closestMatch } from './closest-match.ts';
import { problemsIn, type ContentProblem, type ReportProblem } from './content-problem.ts';
import { normaliseGrade } from './normalise-grade.ts';
import type { ParsedSourceFile } from './parse-source-file.ts';
import { formatPartialDate, withinPartialRange } from '../lib/partial-dates.ts';
import type { CheckedDocument } from './salvage-document.ts';

/** A document that passed every check, ready to derive from. */
export interface DocumentEntry {
  slug: string;
  file: ParsedSourceFile;
  data: SourceDocument;
  body: string;
  /** The body's markdown tree, as the validator checked it: pages are rendered from it. */
  bodyTree: Root;
}

/** What documents may refer to. */
export interface ReferenceContext {
  frameworks: readonly Framework[];
  /** Ids of frameworks whose own files have errors: documents naming them are not blamed. */
  brokenFrameworkIds: ReadonlySet<string>;
}

/**
 * Checks what one file cannot check alone: that each document's event is its
 * own, and that frameworks, areas and grades exist — a grade must be on the
 * scale of the framework it was given under ("Adequate" is not an ILACS grade).
 */
export function checkReferences(documents: readonly CheckedDocument[], context: ReferenceContext): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const frameworkById = new Map(context.frameworks.map((framework) => [framework.id, framework]));
  const frameworkIds = [...frameworkById.keys()];
  const ownEvents = new Map<string, string>();
  const knownEvents = new Set(documents.flatMap(({ data }) => [data.event?.id, ...data.mentions.map((mention) => mention?.event)]));

  const frameworkNamed = (id: string | undefined, at: PropertyKey[], report: ReportProblem) => {
    if (!id || context.brokenFrameworkIds.has(id)) return undefined;
    const framework = frameworkById.get(id);
    if (!framework) report(at, `"${id}" is not a framework in content/frameworks/`, suggest(id, frameworkIds, `use one of: ${frameworkIds.join(', ')}`));
    return framework;
  };

  for (const { file, data } of documents) {
    const report = problemsIn(file, problems);
    const warn = problemsIn(file, problems, 'warning');

    if (data.event) {
      const owner = ownEvents.get(data.event.id);
      if (owner) report(['event', 'id'], `"${data.event.id}" is already the event of ${owner}`, 'give this document its own event id, and list the other event under mentions if it reports it');
      else ownEvents.set(data.event.id, file.path);
    }

    const framework = frameworkNamed(data.framework, ['framework'], report);
    const wroteFramework = (file.data as { framework?: unknown } | undefined)?.framework !== undefined;
    if (!wroteFramework && data.judgements.some(Boolean)) {
      report(['judgements'], 'are grades, but the document does not say which framework they were given under', 'add "framework:" with the id of the framework, e.g. ilacs-2018');
    }
    data.judgements.forEach((judgement, index) => {
      if (!judgement) return;
      const at = ['judgements', index];
      if (framework) checkGrade(framework, judgement.area, judgement.grade, at, report, context.frameworks);
      const inspected = data.visit?.start ?? data.published;
      const area = framework?.areas.find((candidate) => candidate.id === judgement.area);
      if (area && inspected && !withinPartialRange(inspected, area.from, area.until)) {
        const replacements = framework!.areas.filter((other) => other !== area && other.topics.some((topic) => area.topics.includes(topic)) && withinPartialRange(inspected, other.from, other.until));
        report(
          [...at, 'area'],
          `"${area.id}" was judged ${area.from ? `from ${formatPartialDate(area.from)}` : ''}${area.from && area.until ? ' ' : ''}${area.until ? `until ${formatPartialDate(area.until)}` : ''}, but this inspection began on ${formatPartialDate(inspected)}`,
          replacements.length ? `use ${replacements.map((other) => `"${other.id}"`).join(' or ')}, the area${replacements.length > 1 ? 's' : ''} judged then` : 'check the inspection date, or the area\'s from:/until: in the framework',
        );
      }
      const first = data.judgements.findIndex((other) => other?.area === judgement.area);
      if (first !== index) report([...at, 'area'], `"${judgement.area}" is already judged in judgements[${first}]`, 'each area is judged once in a document: delete one of them');
    });

    data.mentions.forEach((mention, index) => {
      if (!mention) return;
      const at = ['mentions', index];
      if (mention.event === data.event?.id) report([...at, 'event'], 'is this document’s own event', 'delete the mention: a document does not mention the event it records');
      if (mention.event !== data.event?.id && countOf(documents, mention.event) === 1) {
        // Ids that differ in their dates are different events; a typo keeps the dates.
        const sameDates = [...knownEvents].filter((id): id is string => !!id && id !== mention.event && digitsOf(id) === digitsOf(mention.event));
        const similar = closestMatch(mention.event, sameDates);
        if (similar) warn([...at, 'event'], `"${mention.event}" is not reported by any other document, so it will be a separate event on the timeline`, `if it is the same event, write "${similar}"`);
      }
      const mentioned = frameworkNamed(mention.framework, [...at, 'framework'], report);
      if (!mention.outcome || !mentioned) return;
      const area = mention.outcome.area ?? mentioned.areas.find((candidate) => candidate.headline)?.id;
      if (!area) report([...at, 'outcome'], `needs an area: ${nameOf(mentioned)} has no headline judgement`, 'add "area:" to the outcome');
      else checkGrade(mentioned, area, mention.outcome.grade, [...at, 'outcome'], report, context.frameworks);
    });
  }
  return problems;
}

/** The grade is on the framework's scale and the area is one of its areas. */
function checkGrade(framework: Framework, area: string, grade: string, at: PropertyKey[], report: ReportProblem, frameworks: readonly Framework[]) {
  if (!framework.graded) {
    report([...at, 'grade'], `${nameOf(framework)} gives no grades`, 'remove the grade, or name the framework it was graded under');
    return;
  }
  const areaIds = framework.areas.map((candidate) => candidate.id);
  if (!areaIds.includes(area)) {
    report([...at, 'area'], `"${area}" is not an area of ${nameOf(framework)}`, suggest(area, areaIds, `use one of: ${areaIds.join(', ')}`));
  }
  if (!normaliseGrade(framework, grade)) {
    const scale = `use one of: ${framework.scale.map((step) => step.label).join(', ')}`;
    // "Adequate" is a real grade of 2009, not a typo of "Inadequate": say so.
    const elsewhere = frameworks.find((other) => other.id !== framework.id && normaliseGrade(other, grade));
    if (elsewhere) {
      report([...at, 'grade'], `"${grade}" is a grade of ${nameOf(elsewhere)}, not of ${nameOf(framework)}`, `check the framework, or ${scale}`);
      return;
    }
    const wordings = framework.scale.flatMap((step) => [step.label, ...step.aliases]);
    const guess = closestMatch(grade, wordings);
    const canonical = guess ? normaliseGrade(framework, guess)?.label : undefined;
    report([...at, 'grade'], `"${grade}" is not a grade of ${nameOf(framework)}`, canonical ? `did you mean "${canonical}"?` : scale);
  }
}

/** "the ILACS (2018) framework"; a short name that says "framework" already is not repeated. */
function nameOf(framework: Framework): string {
  return `the ${framework.shortName}${/framework/i.test(framework.shortName) ? '' : ' framework'}`;
}

function countOf(documents: readonly CheckedDocument[], eventId: string): number {
  return documents.reduce(
    (count, { data }) => count + (data.event?.id === eventId ? 1 : 0) + data.mentions.filter((mention) => mention?.event === eventId).length,
    0,
  );
}

function digitsOf(id: string): string {
  return id.replace(/\D+/g, ' ').trim();
}

function suggest(wrong: string, candidates: string[], otherwise?: string): string | undefined {
  const match = closestMatch(wrong, candidates);
  return match ? `did you mean "${match}"?` : otherwise;
}
