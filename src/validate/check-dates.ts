import { problemsIn, type ContentProblem } from './content-problem.ts';
import { firstDay, formatPartialDate } from '../lib/partial-dates.ts';
import type { CheckedDocument } from './salvage-document.ts';

/**
 * Checks that a document's dates are possible: nothing after today, a visit
 * ends on or after it starts, a document is dated after its visit, spans run
 * forwards, and a correction comes after what it corrects. Partial dates
 * ("2014-06") compare by the whole span they cover.
 */
export function checkDates(documents: readonly CheckedDocument[], today: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const { file, data } of documents) {
    const report = problemsIn(file, problems);
    const warn = problemsIn(file, problems, 'warning');
    const future = (date: string | undefined, at: PropertyKey[]) => {
      if (date && firstDay(date) > today) report(at, `"${date}" is in the future (today is ${formatPartialDate(today)})`, 'check the year; content records what has already happened');
    };

    future(data.published, ['published']);
    future(data.visit?.start, ['visit', 'start']);
    future(data.visit?.end, ['visit', 'end']);
    // The wording of these two follows DocumentSchema's own rules.
    if (data.visit && data.visit.end < data.visit.start) {
      report(['visit', 'end'], 'the visit must end on or after the day it starts', `the visit starts on ${formatPartialDate(data.visit.start)}: check both dates`);
    }
    if (data.visit && data.published && data.published < data.visit.end) {
      report(['published'], 'the document cannot be published before its visit ended', `the visit ends on ${formatPartialDate(data.visit.end)}: check both dates`);
    }

    data.mentions.forEach((mention, index) => {
      if (!mention) return;
      const at = ['mentions', index];
      future(mention.date, [...at, 'date']);
      future(mention.end, [...at, 'end']);
      if (mention.end && lastDay(mention.end) < firstDay(mention.date)) {
        report([...at, 'end'], `"${mention.end}" is before the start, "${mention.date}"`, 'check both dates');
      }
      if (data.published && firstDay(mention.date) > data.published) {
        warn([...at, 'date'], `"${mention.date}" is after this document was published (${formatPartialDate(data.published)})`, 'a document can only report events that had already happened: check the date');
      }
    });

    data.figures.forEach((figure, index) => {
      if (!figure) return;
      const at = ['figures', index, 'period'];
      future(figure.period.date, [...at, 'date']);
      future(figure.period.start, [...at, 'start']);
      if (figure.period.start && lastDay(figure.period.date) < firstDay(figure.period.start)) {
        report([...at, 'start'], `"${figure.period.start}" is after the end of the period, "${figure.period.date}"`, 'date: is the end of the period and start: its beginning');
      }
    });

    data.corrections.forEach((correction, index) => {
      if (!correction) return;
      const at = ['corrections', index, 'date'];
      future(correction.date, at);
      if (data.published && correction.date < data.published) {
        report(at, `"${correction.date}" is before the document was published (${formatPartialDate(data.published)})`, 'write the date on which we corrected our record');
      }
    });
  }
  return problems;
}

/** A day that sorts on or after every day a partial date covers: "2014-06" → "2014-06-31". */
function lastDay(date: string): string {
  if (date.length === 4) return `${date}-12-31`;
  return date.length === 7 ? `${date}-31` : date;
}
