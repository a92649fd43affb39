import { problemsIn, type ContentProblem } from './content-problem.ts';
import { formatPartialDate } from '../lib/partial-dates.ts';
import type { CheckedDocument } from './salvage-document.ts';
import { knownEvents, similarEvents, SAME_EVENT_MONTHS } from './similar-events.ts';

/**
 * Warns when a document's own event looks like one other documents already
 * mention under another id: the same kind, dated within a few months, an id
 * that says the same apart from its date. Left alone, the site would show
 * one inspection twice on the timeline.
 */
export function checkEventIdentity(documents: readonly CheckedDocument[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const known = knownEvents(documents);
  for (const doc of documents) {
    const { event, visit, published } = doc.data;
    const date = visit?.start ?? published;
    if (!event || !date) continue;
    const [likely] = similarEvents({ id: event.id, kind: event.kind, date }, known);
    if (!likely) continue;
    const reporters = documents.filter((other) => other !== doc && other.data.mentions.some((mention) => mention?.event === likely.id)).length;
    problemsIn(doc.file, problems, 'warning')(
      ['event', 'id'],
      `"${event.id}" looks like the event "${likely.id}" (${likely.kind.replace(/-/g, ' ')}, ${likely.dates.map(formatPartialDate).join(' / ')}: "${likely.title}"), which ${reporters === 1 ? 'another document mentions' : `${reporters} other documents mention`}, dated within ${SAME_EVENT_MONTHS} months of this one`,
      `if it is the same event, write id: ${likely.id}, so that the timeline shows it once with all its sources`,
    );
  }
  return problems;
}
