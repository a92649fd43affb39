import type { Framework } from '../schema/index.ts';
import { problemsIn, type ContentProblem } from './content-problem.ts';
import { gradeOnScale } from './headline-outcome.ts';
import { datesAgree, formatPartialDate } from './partial-dates.ts';
import type { CheckedDocument } from './salvage-document.ts';

interface Claim<Value> {
  doc: CheckedDocument;
  at: PropertyKey[];
  value: Value;
}

/**
 * Warns when a document gives an event a date or a grade that an earlier
 * document contradicts. These are warnings, not errors: sources do disagree
 * (the 2014 inspection is "June 2014" in Ofsted's letter and "September 2014"
 * in the news), and the site shows both. The warning lands on the later
 * document, the one an editor is most likely adding.
 */
export function checkConflicts(documents: readonly CheckedDocument[], frameworks: readonly Framework[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const dated = documents
    .filter((doc) => doc.data.published)
    .sort((a, b) => a.data.published!.localeCompare(b.data.published!) || a.file.path.localeCompare(b.file.path));
  const dates = new Map<string, Claim<string>[]>();
  const grades = new Map<string, Claim<{ written: string; onScale: string }>[]>();
  const add = <Value>(map: Map<string, Claim<Value>[]>, key: string, claim: Claim<Value>) => map.set(key, [...(map.get(key) ?? []), claim]);

  for (const doc of dated) {
    const { event, visit, published, framework, judgements, mentions } = doc.data;
    if (event) {
      add(dates, event.id, { doc, at: visit ? ['visit', 'start'] : ['published'], value: visit?.start ?? published! });
      judgements.forEach((judgement, index) => {
        if (judgement) add(grades, `${event.id} ${judgement.area}`, { doc, at: ['judgements', index, 'grade'], value: gradeOf(frameworks, framework, judgement.grade) });
      });
    }
    mentions.forEach((mention, index) => {
      if (!mention) return;
      add(dates, mention.event, { doc, at: ['mentions', index, 'date'], value: mention.date });
      if (!mention.outcome) return;
      const area = mention.outcome.area ?? frameworks.find((candidate) => candidate.id === mention.framework)?.areas.find((candidate) => candidate.headline)?.id ?? 'overall';
      add(grades, `${mention.event} ${area}`, { doc, at: ['mentions', index, 'outcome', 'grade'], value: gradeOf(frameworks, mention.framework, mention.outcome.grade) });
    });
  }

  for (const [event, claims] of dates) {
    eachContradiction(claims, (a, b) => !datesAgree(a, b), (claim, earlier) =>
      problemsIn(claim.doc.file, problems, 'warning')(
        claim.at,
        `dates the event "${event}" ${formatPartialDate(claim.value)}, but ${earlier.doc.file.path} dates it ${formatPartialDate(earlier.value)}`,
        'if the sources really disagree, keep both (the site shows both dates) and explain in the note: field; otherwise correct the date',
      ),
    );
  }
  for (const [key, claims] of grades) {
    const [event, area] = key.split(' ');
    eachContradiction(claims, (a, b) => a.onScale !== b.onScale, (claim, earlier) =>
      problemsIn(claim.doc.file, problems, 'warning')(
        claim.at,
        `gives "${claim.value.written}" for ${area} of the event "${event}", but ${earlier.doc.file.path} gives "${earlier.value.written}"`,
        'check both documents; if they really disagree, keep both and explain in the note: field',
      ),
    );
  }
  return problems;
}

/** Calls back once for each claim contradicted by a claim from an earlier document. */
function eachContradiction<Value>(
  claims: readonly Claim<Value>[],
  differ: (a: Value, b: Value) => boolean,
  found: (claim: Claim<Value>, earlier: Claim<Value>) => void,
) {
  claims.forEach((claim, index) => {
    const earlier = claims.slice(0, index).find((other) => other.doc !== claim.doc && differ(claim.value, other.value));
    if (earlier) found(claim, earlier);
  });
}

function gradeOf(frameworks: readonly Framework[], framework: string | undefined, written: string) {
  return { written, onScale: gradeOnScale(frameworks, framework, written).grade.toLowerCase() };
}
