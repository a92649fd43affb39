import { describe, expect, test } from 'vitest';
import { checkQuotes, csvSourceText, normaliseForQuote, proseSourceText } from '../../src/validate/verbatim-quotes.ts';

// A page of a report as pdftotext gives it: a sentence broken across lines,
// uneven spacing, curly quotes, an en dash, and a running header.
const REPORT = `Inspection of Manchester local authority children’s services
   Children’s social workers have manageable caseloads ranging from 22 to 24
children, and they feel “positive” about working for the authority.
                                                       Page 3 of 12
Help and protection   Requires improvement to be good
Of the 1,456 children looked after, 881 are of school age (5–16 years).`;

const CSV = `time_period,la_name,caseload_fte
2017,Manchester,19.1
2018,Manchester,17.6`;

const sources = [proseSourceText('report.txt', REPORT), csvSourceText('workforce.csv', CSV), proseSourceText('other.txt', 'Another document altogether.')];
const doc = (slug: string, ...quotes: string[]) => ({ slug, quotes: quotes.map((text, index) => ({ at: `figures[${index}].quote`, text })) });

describe('normaliseForQuote', () => {
  test('joins broken lines and evens out spaces, quote marks, apostrophes and dashes, and nothing else', () => {
    expect(normaliseForQuote('children’s  “positive”\n  5–16 — done')).toBe(`children's "positive" 5-16 - done`);
    expect(normaliseForQuote('Requires Improvement')).not.toBe(normaliseForQuote('Requires improvement'));
  });
});

describe('checkQuotes', () => {
  test('a quote across a line break, with straight quotes and a hyphen for the dash, is verbatim', () => {
    const [finding] = checkQuotes([doc('inspection', `manageable caseloads ranging from 22 to 24 children, and they feel "positive"`, 'Of the 1,456 children looked after, 881 are of school age (5-16 years).', 'Help and protection Requires improvement to be good')], sources);
    expect(finding).toEqual({ slug: 'inspection', status: 'verified', source: 'report.txt', count: 3 });
  });

  test('finds each document’s source by its quotes, with no table: a CSV row is a source text too', () => {
    const findings = checkQuotes([doc('statistics', '2017,Manchester,19.1'), doc('inspection', 'Requires improvement to be good')], sources);
    expect(findings.map((finding) => finding.status === 'verified' && finding.source)).toEqual(['workforce.csv', 'report.txt']);
  });

  test('a CSV quote cannot run from one record into the next', () => {
    expect(checkQuotes([doc('statistics', '19.1 2018,Manchester')], sources)[0]!.status).toBe('no-source');
  });

  test('a document whose quotes are partly found fails, naming each quote that is not verbatim', () => {
    const [finding] = checkQuotes([doc('inspection', 'caseloads ranging from 22 to 24 children', 'caseloads ranging from 20 to 24 children', 'Page 3 of 12 Help and protection')], sources);
    expect(finding).toEqual({
      slug: 'inspection',
      status: 'not-verbatim',
      source: 'report.txt',
      missing: [{ at: 'figures[1].quote', text: 'caseloads ranging from 20 to 24 children' }],
    });
  });

  test('a quote that runs over a running header is not verbatim: headers are not removed', () => {
    const [finding] = checkQuotes([doc('inspection', 'Requires improvement to be good', 'working for the authority. Help and protection')], sources);
    expect(finding).toMatchObject({ status: 'not-verbatim', missing: [{ text: 'working for the authority. Help and protection' }] });
  });

  test('a table row laid out in columns reads column by column: the area, then its grade wrapped over two lines', () => {
    const table = `The judgements are:

2. Children looked after and achieving
                                                       Requires improvement
   permanence

                                                                           Requires
2.2 Experiences and progress of care leavers
                                                                           improvement`;
    const [finding] = checkQuotes([doc('table', '2. Children looked after and achieving permanence Requires improvement', '2.2 Experiences and progress of care leavers Requires improvement')], [proseSourceText('table.txt', table)]);
    expect(finding).toMatchObject({ status: 'verified' });
  });

  test('a line holding only a page number is furniture: the sentence runs on across it', () => {
    const page = 'workers have up to 30 cases while in court teams dealing with a\n\n\n                                   19\n     range of work, workers have up to 40 each.';
    expect(checkQuotes([doc('break', 'teams dealing with a range of work, workers have up to 40 each.')], [proseSourceText('page.txt', page)])[0]).toMatchObject({ status: 'verified' });
    expect(checkQuotes([doc('break', 'teams dealing with a 19 range of work')], [proseSourceText('page.txt', page)])[0]).toMatchObject({ status: 'no-source' });
  });

  test('a document whose quotes is in any text is reported as having no source, not passed', () => {
    expect(checkQuotes([doc('article', 'A sentence from a text we do not hold.')], sources)).toEqual([{ slug: 'article', status: 'no-source' }]);
  });
});
