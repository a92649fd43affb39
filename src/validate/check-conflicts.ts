import type { Framework } from '../schema/index.ts';
import { problemsIn, type ContentProblem } from './content-problem.ts';
import { gradeOnScale } from './headline-outcome.ts';
import { claimsAgree, agreesWithRecord, dateOfWords, recordWindowWords, type EventDateClaim, type RecordDates } from './event-dates.ts';
import { formatPartialDate } from '../lib/partial-dates.ts';
import type { CheckedDocument } from './salvage-document.ts';

interface Claim<Value> {
  doc: CheckedDocument;
  at: PropertyKey[];
  value: Value;
}

/**
 * Warns when a document gives an event a date or a grade that another
 * document contradicts. These are warnings, not errors: sources do disagree
 * (while we hold no report of it, the 2014 inspection is "June 2014" in
 * Ofsted's letter and "September 2014" in the news), and the site shows
 * both. When we hold the event's own record, each other date is checked
 * against it, as the date of the visit, the judgement or the publication
 * (`dateOf`); otherwise the warning lands on the later of two documents,
 * the one an editor is most likely adding.
 */
export function checkConflicts(documents: readonly CheckedDocument[], frameworks: readonly Framework[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const dated = documents
    .filter((doc) => doc.data.published)
    .sort((a, b) => a.data.published!.localeCompare(b.data.published!) || a.file.path.localeCompare(b.file.path));
  const dates = new Map<string, Claim<EventDateClaim>[]>();
  const records = new Map<string, { doc: CheckedDocument; dates: RecordDates }>();
  const grades = new Map<string, Claim<{ written: string; onScale: string }>[]>();
  const add = <Value>(map: Map<string, Claim<Value>[]>, key: string, claim: Claim<Value>) => map.set(key, [...(map.get(key) ?? []), claim]);

  for (const doc of dated) {
    const { event, visit, published, framework, judgements, mentions } = doc.data;
    if (event) {
      records.set(event.id, { doc, dates: { visit, published: published! } });
      add(dates, event.id, { doc, at: visit ? ['visit', 'start'] : ['published'], value: visit ? { date: visit.start, end: visit.end } : { date: published!, dateOf: 'published' } });
      judgements.forEach((judgement, index) => {
        if (judgement) add(grades, `${event.id} ${judgement.area}`, { doc, at: ['judgements', index, 'grade'], value: gradeOf(frameworks, framework, judgement.grade) });
      });
    }
    mentions.forEach((mention, index) => {
      if (!mention) return;
      add(dates, mention.event, { doc, at: ['mentions', index, 'date'], value: { date: mention.date, end: mention.end, dateOf: mention.dateOf } });
      if (!mention.outcome) return;
      const area = mention.outcome.area ?? frameworks.find((candidate) => candidate.id === mention.framework)?.areas.find((candidate) => candidate.headline)?.id ?? 'overall';
      add(grades, `${mention.event} ${area}`, { doc, at: ['mentions', index, 'outcome', 'grade'], value: gradeOf(frameworks, mention.framework, mention.outcome.grade) });
    });
  }

  for (const [event, claims] of dates) {
    const record = records.get(event);
    if (record) {
      for (const claim of claims.filter((candidate) => candidate.doc !== record.doc && !agreesWithRecord(candidate.value, record.dates))) {
        problemsIn(claim.doc.file, problems, 'warning')(
          claim.at,
          `dates ${dateOfWords(claim.value.dateOf)}the event "${event}" ${formatPartialDate(claim.value.date)}, but its own record, ${record.doc.file.path}, gives ${recordWindowWords(record.dates, claim.value.dateOf)}`,
          `if the document gives the date of the judgement or of the report's publication, say so with dateOf: judgement or dateOf: published; ${KEEP_BOTH}`,
        );
      }
      continue;
    }
    eachContradiction(claims, (a, b) => !claimsAgree(a, b), (claim, earlier) =>
      problemsIn(claim.doc.file, problems, 'warning')(
        claim.at,
        `dates ${dateOfWords(claim.value.dateOf)}the event "${event}" ${formatPartialDate(claim.value.date)}, but ${earlier.doc.file.path} dates ${earlier.value.dateOf ? dateOfWords(earlier.value.dateOf).replace(/ of $/, '') : 'it'} ${formatPartialDate(earlier.value.date)}`,
        KEEP_BOTH,
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

const KEEP_BOTH = 'if the sources really disagree, keep both (the site shows both dates) and explain in the note: field; otherwise correct the date';

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
