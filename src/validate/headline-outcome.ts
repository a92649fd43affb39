import type { Framework, SourceDocument } from '../schema/index.ts';
import { normaliseGrade } from './normalise-grade.ts';

/** A grade named as its framework's scale names it, with its position. */
export interface Outcome {
  grade: string;
  /** 1 is best; absent when the framework (and so the scale) is not known. */
  position?: number;
}

/**
 * A grade as its framework's scale names it. When the source does not say
 * which framework applied, the words are kept, capitalised, with no position:
 * we do not place a grade on a scale we cannot name.
 * @example gradeOnScale(frameworks, 'sif-2013', 'inadequate') // { grade: 'Inadequate', position: 4 }
 */
export function gradeOnScale(frameworks: readonly Framework[], frameworkId: string | undefined, written: string): Outcome {
  const framework = frameworks.find((candidate) => candidate.id === frameworkId);
  const grade = framework ? normaliseGrade(framework, written) : undefined;
  if (grade) return { grade: grade.label, position: grade.position };
  return { grade: written.charAt(0).toUpperCase() + written.slice(1) };
}

/**
 * The grade a document leads with: its headline judgements (the 2010 report
 * has two, safeguarding and looked after children). When they differ, both
 * are named and the worse position is kept.
 */
export function headlineOutcome(doc: SourceDocument, frameworks: readonly Framework[]): Outcome | undefined {
  const framework = frameworks.find((candidate) => candidate.id === doc.framework);
  if (!framework) return undefined;
  const headlineAreas = new Set(framework.areas.filter((area) => area.headline).map((area) => area.id));
  const outcomes = doc.judgements
    .filter((judgement) => headlineAreas.has(judgement.area))
    .map((judgement) => gradeOnScale(frameworks, framework.id, judgement.grade));
  if (!outcomes.length) return undefined;
  const grades = [...new Set(outcomes.map((outcome) => outcome.grade))];
  const positions = outcomes.flatMap((outcome) => (outcome.position ? [outcome.position] : []));
  return { grade: grades.join(' / '), ...(positions.length ? { position: Math.max(...positions) } : {}) };
}
