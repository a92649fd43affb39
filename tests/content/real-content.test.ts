import { describe, expect, test } from 'vitest';
import { loadRealContent } from './load-real-content.ts';

const { content, problems, raw } = await loadRealContent();

describe('the real content', () => {
  test('every document, framework and metric passes the schema and the cross-checks with no error', () => {
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  test('all five source documents are in the collection', () => {
    expect(content.documents.map((doc) => doc.slug).sort()).toEqual([
      '2010-12-17-ofsted-safeguarding-looked-after-inspection',
      '2017-06-13-ofsted-monitoring-visit-adoption',
      '2017-09-12-manchester-council-ofsted-subgroup-report',
      '2018-10-11-cypn-focused-visit-article',
      '2020-01-21-ofsted-focused-visit-help-and-protection',
    ]);
  });

  test('every document has a summary of its own in the body', () => {
    for (const file of raw.documentFiles) expect(file.body.split(/\s+/).length, file.path).toBeGreaterThan(150);
  });

  test('the frameworks of the 2010 report and of every later graded event are modelled', () => {
    const ids = content.frameworks.map((framework) => framework.id);
    expect(ids).toEqual(expect.arrayContaining(['slac-2009', 'sif-2013', 'ilacs-2018']));
  });

  test('the 2009 framework has the 33 graded areas of the "Record of main findings" plus its two outcome headings', () => {
    const slac = content.frameworks.find((framework) => framework.id === 'slac-2009')!;
    expect(slac.areas).toHaveLength(35);
    expect(slac.scale.map((grade) => grade.label)).toEqual(['Outstanding', 'Good', 'Adequate', 'Inadequate']);
  });
});
