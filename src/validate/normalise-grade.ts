import type { Framework, Grade } from '../schema/index.ts';

/**
 * Finds the grade on a framework's scale that a document's wording means.
 * Wording varies within a framework ("requires improvement" / "requires
 * improvement to be good"), so labels and aliases match case-insensitively;
 * the words as written are kept by the caller.
 * @example normaliseGrade(sif, 'requires improvement') // { position: 3, label: 'Requires improvement', ... }
 */
export function normaliseGrade(framework: Framework, written: string): Grade | undefined {
  const wanted = simplify(written);
  return framework.scale.find(
    (grade) => simplify(grade.label) === wanted || grade.aliases.some((alias) => simplify(alias) === wanted),
  );
}

function simplify(text: string): string {
  return text.trim().toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ');
}
