import { describe, expect, test } from 'vitest';
import { CHART_IDS } from '../../src/charts/chart-ids.ts';
import type { PageEntry } from '../../src/validate/validate-content.ts';
import { checkPages } from '../../src/story/check-pages.ts';
import { DIRECTIVES } from '../../src/story/directive-vocabulary.ts';
import { loadFixtureContent } from '../support/fixture-content.ts';

const { data, problems } = await loadFixtureContent();
const context = { data, chartIds: CHART_IDS };
const at = { line: 3, column: 8 };
const check = (body: string, fields: Partial<PageEntry['fields']> = {}) =>
  checkPages([{ name: 'story', path: 'content/pages/story.md', bodyLine: 10, body, fields: { title: 'A title', headline: 'A headline', standfirst: 'A standfirst.', ...fields } }], context, () => at);
const described = (body: string, fields?: Partial<PageEntry['fields']>) =>
  check(body, fields).map((problem) => `${problem.position.line}:${problem.position.column} ${problem.field} ${problem.message}${problem.fix ? `; ${problem.fix}` : ''}`);

describe('checkPages', () => {
  test('the fixture story and About page check clean', () => {
    expect(problems.filter((problem) => problem.path.includes('/pages/'))).toEqual([]);
  });

  test.each(Object.entries(DIRECTIVES))('the guide’s example of :%s is valid on the fixture data', (_name, spec) => {
    const example = spec.form === 'text' ? `A sentence with ${spec.example} in it.` : spec.example;
    expect(described(example)).toEqual([]);
  });

  test('positions body problems in the file: the body’s first line plus the line in the body, and the column', () => {
    expect(described('First line.\n\nThen :figure[adoption-days-2013-15] here.')).toEqual([
      '12:6 body there is no figure "adoption-days-2013-15"; did you mean "adoption-days-2013-14"?',
    ]);
  });

  test('positions a problem in a field at the field', () => {
    expect(described('Text.', { kicker: 'Manchester · :yeras' })).toEqual(['3:8 kicker ":yeras" is not a directive; did you mean ":years"? (write \\: for a colon that starts no directive)']);
  });

  test('a field is one paragraph', () => {
    expect(described('Text.', { standfirst: '# A heading' })).toEqual(['3:8 standfirst must be one paragraph of text; write it as a sentence, without headings, lists or blank lines']);
  });

  test('links a reader can follow, no images, no HTML, no TODO', () => {
    expect(described('[a](javascript:alert(1)) [b](../timeline/) [c](/charts/caseload/) ![d](/x.png) TODO <i>e</i>')).toEqual([
      '10:1 body has a link to "javascript:", which readers cannot follow; link to an https:// address or to a page of this site, e.g. /timeline/',
      '10:26 body has a link to "../timeline/", which would change meaning with the page\'s address; write links to this site from its root, e.g. /timeline/, or use :document{id=…}',
      '10:44 body links to the chart "caseload", which does not exist; the charts are: timeline, grades, caseloads, adoption',
      '10:67 body has an image: pages show charts, not images; use ::chart{id=…} for a chart',
      '10:79 body still has a "TODO" from the template; replace it with the text',
      '10:85 body has raw HTML, which pages do not allow; write it in markdown, or with a directive (see "Editing the story" in EDITING.md)',
    ]);
  });

  test('a grade by document: the grade it gives, else the one it reports; asked which when there are several', () => {
    // The 2010 report gives both its headline judgements "Adequate": one grade, no question.
    expect(described(':grade{document=2010-12-17-ofsted-safeguarding-looked-after-inspection}')).toEqual([]);
    // The 2018 article grades no event itself, but reports two grades.
    expect(described(':grade{document=2018-10-11-cypn-focused-visit-article}')).toEqual([
      '10:1 body the document "2018-10-11-cypn-focused-visit-article" gives different headline grades: say which; name the event, e.g. :grade[2014-sif-inspection]{document=2018-10-11-cypn-focused-visit-article}',
    ]);
    expect(described(':grade[2017-sif-reinspection]{document=2018-10-11-cypn-focused-visit-article}')).toEqual([]);
    expect(described(':grade{document=2020-01-21-ofsted-focused-visit-help-and-protection}')).toEqual([
      '10:1 body the document "2020-01-21-ofsted-focused-visit-help-and-protection" gives no grade; name a document that gives one, or an event: :grade[2014-sif-inspection]',
    ]);
  });
});
