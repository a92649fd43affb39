import { describe, expect, test } from 'vitest';
import { stressSiteData } from '../fixtures/stress-record.ts';
import { loadFixtureContent } from '../support/fixture-content.ts';

// Derivation tested on the frozen seed-era record (tests/fixtures/records/),
// so that adding a document to content/ changes no test here.
const { data, content } = await loadFixtureContent();
const figure = (id: string) => data.figures.find((row) => row.id === id);
const event = (id: string) => data.timeline.find((row) => row.id === id);

// The "Record of main findings" table of Ofsted's November 2010 report, as
// printed there (section, area, grade).
const RECORD_OF_MAIN_FINDINGS_2010: [string, string, string][] = [
  ['Safeguarding services', 'Overall effectiveness', 'Adequate'],
  ['Safeguarding services', 'Capacity for improvement', 'Good'],
  ['Safeguarding services', 'Children and young people are safe: effectiveness of services in taking reasonable steps to ensure that children and young people are safe', 'Adequate'],
  ['Safeguarding services', 'Children and young people feel safe: effectiveness of services in helping to ensure that children and young people feel safe', 'Good'],
  ['Safeguarding services', 'Quality of provision', 'Adequate'],
  ['Safeguarding services', 'Service responsiveness including complaints', 'Adequate'],
  ['Safeguarding services', 'Assessment and direct work with children and families', 'Adequate'],
  ['Safeguarding services', 'Case planning, review and recording', 'Inadequate'],
  ['Safeguarding services', 'Leadership and management', 'Good'],
  ['Safeguarding services', 'Ambition and prioritisation', 'Good'],
  ['Safeguarding services', 'Evaluation, including performance management, quality assurance and workforce development', 'Adequate'],
  ['Safeguarding services', 'User engagement', 'Adequate'],
  ['Safeguarding services', 'Partnerships', 'Outstanding'],
  ['Safeguarding services', 'Equality and diversity', 'Good'],
  ['Safeguarding services', 'Value for money', 'Good'],
  ['Services for looked after children', 'Overall effectiveness', 'Adequate'],
  ['Services for looked after children', 'Capacity for improvement', 'Good'],
  ['Services for looked after children', 'Being healthy', 'Adequate'],
  ['Services for looked after children', 'Staying safe', 'Good'],
  ['Services for looked after children', 'Enjoying and achieving', 'Good'],
  ['Services for looked after children', 'Making a positive contribution', 'Adequate'],
  ['Services for looked after children', 'Economic well-being', 'Adequate'],
  ['Services for looked after children', 'Quality of provision', 'Good'],
  ['Services for looked after children', 'Service responsiveness', 'Good'],
  ['Services for looked after children', 'Assessment and direct work with children', 'Good'],
  ['Services for looked after children', 'Case planning, review and recording', 'Adequate'],
  ['Services for looked after children', 'Leadership and management', 'Good'],
  ['Services for looked after children', 'Ambition and prioritisation', 'Good'],
  ['Services for looked after children', 'Evaluation, including performance management, quality assurance and workforce development', 'Adequate'],
  ['Services for looked after children', 'User engagement', 'Adequate'],
  ['Services for looked after children', 'Partnerships', 'Good'],
  ['Services for looked after children', 'Equality and diversity', 'Good'],
  ['Services for looked after children', 'Value for money', 'Good'],
];

describe('judgements', () => {
  const rows2010 = data.judgements.filter((row) => row.event === '2010-11-slac-inspection');

  test('the 2010 inspection has the 33 judgements of its "Record of main findings", each with the printed grade', () => {
    expect(rows2010.map((row) => [row.section, row.areaLabel, row.gradeAsWritten])).toEqual(RECORD_OF_MAIN_FINDINGS_2010);
  });

  test('2010 grades sit on the 2009 four-point scale: Adequate is position 3 of 4', () => {
    const overall = rows2010.find((row) => row.area === 'safeguarding.overall-effectiveness')!;
    expect(overall).toMatchObject({ framework: 'slac-2009', grade: 'Adequate', position: 3, scaleSize: 4, headline: true });
  });

  test('the 2014 inadequate judgement is reported by three documents and keeps every citation', () => {
    const row = data.judgements.find((candidate) => candidate.id === '2014-sif-inspection/overall-effectiveness')!;
    expect(row).toMatchObject({ framework: 'sif-2013', grade: 'Inadequate', position: 4 });
    expect(row.citations.map((citation) => citation.document).sort()).toEqual([
      '2017-06-13-ofsted-monitoring-visit-adoption',
      '2017-09-12-manchester-council-ofsted-subgroup-report',
      '2018-10-11-cypn-focused-visit-article',
    ]);
  });

  test('"requires improvement" (2017) and "Adequate" (2010) share position 3 but keep their own labels', () => {
    const ri = data.judgements.find((candidate) => candidate.id === '2017-sif-reinspection/overall-effectiveness')!;
    expect(ri).toMatchObject({ gradeAsWritten: 'requires improvement', grade: 'Requires improvement', position: 3, framework: 'sif-2013' });
    expect(ri.grade).not.toBe('Adequate');
  });

  test('a grade whose framework the source does not name has no position on any scale', () => {
    const adoption2009 = data.judgements.find((candidate) => candidate.event === '2009-02-adoption-service-inspection')!;
    expect(adoption2009).toMatchObject({ grade: 'Adequate', frameworkName: 'Not stated' });
    expect(adoption2009.position).toBeUndefined();
  });
});

describe('figures', () => {
  test('adoption timeliness: 740 days in 2013/14 and 514 days in January 2017, the latter unvalidated', () => {
    // "has reduced from 740 days in 2013/14 to 514 days" (Ofsted, 13 June 2017)
    expect(figure('adoption-days-2013-14')).toMatchObject({ valueKind: 'number', value: 740, unit: 'days', period: '2013/14' });
    expect(figure('adoption-days-jan-2017')).toMatchObject({ valueKind: 'number', value: 514, unit: 'days' });
    expect(figure('adoption-days-jan-2017')!.qualifiers).toContain('unvalidated');
  });

  test('the government threshold, 426 days, is marked derived from 514 − 88 with its inputs', () => {
    // "Although improving, this is still 88 days above the government threshold."
    expect(figure('adoption-threshold-implied-2017')).toMatchObject({
      valueKind: 'derived',
      value: 426,
      derivation: '514 − 88 = 426',
      inputs: ['adoption-days-jan-2017', 'adoption-days-above-threshold-jan-2017'],
    });
  });

  test('caseloads: an average of 20 (2017) is a number, 22 to 24 (2018) is a range, "high caseloads" is words', () => {
    // "overall they remain at much reduced level with the overall average caseload reported to be 20"
    expect(figure('caseload-average-sep-2017')).toMatchObject({ valueKind: 'number', value: 20 });
    // "manageable caseloads ranging from 22 to 24 children"
    const range = figure('caseload-2018-focused-visit-range')!;
    expect(range).toMatchObject({ valueKind: 'range', low: 22, high: 24 });
    expect(range.value).toBeUndefined();
    const caseloads = data.figures.filter((row) => row.metric === 'caseload');
    const qualitativeYears = new Set(caseloads.filter((row) => row.valueKind === 'qualitative').map((row) => row.date.slice(0, 4)));
    expect([...qualitativeYears].sort()).toEqual(['2010', '2014', '2016', '2017']);
    for (const row of caseloads.filter((candidate) => candidate.valueKind === 'qualitative')) expect(row.value).toBeUndefined();
  });

  test('the 2010 context figures are there as the report states them', () => {
    expect(figure('child-protection-plans-2010-11')?.value).toBe(722);
    expect(figure('children-looked-after-2010-11')?.value).toBe(1456);
    expect(figure('referrals-growth-2010')).toMatchObject({ value: 54, place: 'Manchester' });
    expect(figure('referrals-growth-england-2010')).toMatchObject({ value: 17, place: 'England' });
  });

  test('2017: care leavers NEET 31% against 40% in England, and 180 new social workers', () => {
    expect(figure('care-leavers-neet-manchester-2017')).toMatchObject({ value: 31, unit: '%' });
    expect(figure('care-leavers-neet-england-2017')).toMatchObject({ value: 40, place: 'England' });
    expect(figure('social-workers-recruited-jul-2016-sep-2017')?.value).toBe(180);
  });
});

describe('timeline', () => {
  test('every event the documents mention is on the timeline, once', () => {
    const ids = data.timeline.map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        '2009-02-adoption-service-inspection',
        '2009-12-unannounced-inspection',
        '2010-11-slac-inspection',
        '2014-sif-inspection',
        '2016-09-monitoring-visit',
        '2016-12-monitoring-visit',
        '2017-03-monitoring-visit-adoption',
        '2017-06-monitoring-visit',
        '2017-sif-reinspection',
        '2018-focused-visit',
        '2019-12-focused-visit',
      ]),
    );
  });

  test('the 2014 date conflict is flagged and both dates are kept while we hold no report of it: June (Ofsted) and September (news), each the judgement’s date', () => {
    const inspection = event('2014-sif-inspection')!;
    expect(inspection.dateConflict).toBe(true);
    expect(inspection.dateClaims.map((claim) => [claim.date, claim.dateOf, claim.document])).toEqual(
      expect.arrayContaining([
        ['2014-06', 'judgement', '2017-06-13-ofsted-monitoring-visit-adoption'],
        ['2014-09', 'judgement', '2018-10-11-cypn-focused-visit-article'],
      ]),
    );
    expect(inspection.knownFromMentionsOnly).toBe(true);
  });

  test('the March 2017 monitoring visit merges its own letter with the council report that mentions it', () => {
    const visit = event('2017-03-monitoring-visit-adoption')!;
    expect(visit).toMatchObject({ date: '2017-03-07', end: '2017-03-08', dateConflict: false, knownFromMentionsOnly: false });
    expect(visit.citations.map((citation) => citation.role)).toEqual(['record', 'mention']);
  });

  test('events are in date order, and the overall grades run adequate → inadequate → requires improvement', () => {
    const dates = data.timeline.map((row) => row.date);
    expect(dates).toEqual([...dates].sort((a, b) => (a + '-01-01').slice(0, 10).localeCompare((b + '-01-01').slice(0, 10))));
    const graded = data.timeline.filter((row) => row.kind === 'inspection').map((row) => row.outcome);
    expect(graded).toEqual(['Adequate', 'Inadequate', 'Requires improvement']);
  });
});

describe('frameworks', () => {
  test('the 2009 framework has the 33 graded areas of the "Record of main findings" plus its two outcome headings', () => {
    const slac = content.frameworks.find((framework) => framework.id === 'slac-2009')!;
    expect(slac.areas).toHaveLength(35);
    expect(slac.scale.map((grade) => grade.label)).toEqual(['Outstanding', 'Good', 'Adequate', 'Inadequate']);
  });
});

describe('timeline: graded inspections', () => {
  test('an inspection that grades areas but gives no overall grade is graded, with no outcome', async () => {
    const stress = await stressSiteData();
    const reformed = stress.timeline.filter((row) => row.framework === 'reformed-2026');
    expect(reformed).toHaveLength(4);
    for (const row of reformed) expect(row).toMatchObject({ graded: true });
    for (const row of reformed) expect(row.outcome).toBeUndefined();
  });

  test('visits are not graded; an inspection with an overall grade is', () => {
    expect(event('2016-09-monitoring-visit')?.graded).toBe(false);
    expect(event('2010-11-slac-inspection')).toMatchObject({ graded: true, outcome: 'Adequate' });
    expect(event('2014-sif-inspection')).toMatchObject({ graded: true, outcome: 'Inadequate' });
  });
});
