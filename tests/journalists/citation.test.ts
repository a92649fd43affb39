import { describe, expect, test } from 'vitest';
import { chartCitation, CITED_SOURCES, documentCitation, licenceNotes, OGL_ATTRIBUTION } from '../../src/publish/citation.ts';
import { SITE_NAME } from '../../src/lib/labels.ts';
import { loadFixtureContent } from '../support/fixture-content.ts';

const { data } = await loadFixtureContent();
const doc = (slug: string) => data.documents.find((candidate) => candidate.slug === slug)!;
const report2010 = doc('2010-12-17-ofsted-safeguarding-looked-after-inspection');
const letter2017 = doc('2017-06-13-ofsted-monitoring-visit-adoption');
const article2018 = doc('2018-10-11-cypn-focused-visit-article');

describe('chartCitation', () => {
  test(`past ${CITED_SOURCES} sources names the oldest and newest and counts the rest, which the chart's data cites`, () => {
    const many = Array.from({ length: 30 }, (_, index) => ({ ...report2010, published: `${2000 + index}-01-01`, title: `Report ${2000 + index}` }));
    const line = chartCitation(many, 'https://judged.example/charts/grades/', 'v1');
    const parts = line.split('; ');
    expect(parts).toHaveLength(CITED_SOURCES + 2);
    expect(parts[0]).toContain('Report 2000');
    expect(parts[CITED_SOURCES / 2]).toBe(`${30 - CITED_SOURCES} more documents, each cited in the chart’s data`);
    expect(parts.at(-2)).toContain('Report 2029');
    expect(chartCitation(many.slice(0, CITED_SOURCES), 'https://judged.example/charts/grades/', 'v1').split('; ')).toHaveLength(CITED_SOURCES + 1);
  });

  test('names each source with its publisher, title and date, oldest first, then the chart and data version', () => {
    expect(chartCitation([letter2017, report2010], 'https://judged.example/charts/grades/', '2020.1.21+abcdef12')).toBe(
      'Source: Ofsted, Inspection of safeguarding and looked after children services: Manchester City Council, 17 December 2010; ' +
        `Ofsted, ${letter2017.title}, 13 June 2017; chart: ${SITE_NAME}, https://judged.example/charts/grades/ (data version 2020.1.21+abcdef12)`,
    );
  });
});

describe('documentCitation', () => {
  test('cites the document and our page about it', () => {
    expect(documentCitation(report2010, 'https://judged.example/documents/x/')).toBe(
      `Source: Ofsted, Inspection of safeguarding and looked after children services: Manchester City Council, 17 December 2010; summary and data: ${SITE_NAME}, https://judged.example/documents/x/`,
    );
  });
});

describe('licenceNotes', () => {
  test('gives the OGL v3.0 attribution statement for Ofsted and council documents', () => {
    expect(licenceNotes([report2010])).toEqual(['Contains public sector information licensed under the Open Government Licence v3.0.']);
  });

  test('says news reporting stays its publisher’s copyright, and gives no OGL statement for news alone', () => {
    expect(licenceNotes([article2018])).toEqual(['Children & Young People Now reporting remains the publisher’s copyright: quote it briefly and credit it.']);
    expect(licenceNotes([report2010, article2018])[0]).toBe(OGL_ATTRIBUTION);
  });
});
