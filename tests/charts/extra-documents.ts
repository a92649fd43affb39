import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { readContent } from '../../scripts/read-content.ts';
import { deriveSiteData, type SiteData } from '../../src/lib/derive-site-data.ts';
import { validateContent } from '../../src/lib/validate-content.ts';
import { contentWith, FIXTURE, TODAY } from '../editors/support.ts';

/**
 * The site's data as it would be after an editor adds documents, with no code
 * change: the real content plus extra markdown files, validated and derived
 * exactly as the build does. Extra files must be valid (errors throw), so a
 * chart test never runs on data the build would refuse.
 */
export async function siteDataWith(extra: { slug: string; text: string }[]): Promise<SiteData> {
  const root = await contentWith(extra.map(({ slug, text }) => ({ saveAs: `documents/${slug}.md`, bytes: text })));
  try {
    const { content, problems } = validateContent(await readContent(join(root, 'content'), root), { today: TODAY });
    const errors = problems.filter((problem) => problem.severity === 'error');
    if (errors.length) throw new Error(`Extra documents are not valid:\n${errors.map((problem) => `${problem.path} ${problem.field} ${problem.message}`).join('\n')}`);
    return deriveSiteData(content);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** The editors' made-up 2022 ILACS inspection: graded Good, with area judgements, a caseload of 18 and an adoption wait of 390 days (2021/22, no threshold). */
export async function ilacs2022(): Promise<{ slug: string; text: string }> {
  return { slug: '2022-07-01-ofsted-ilacs-inspection', text: await readFile(FIXTURE, 'utf8') };
}

/** A made-up 2019 council report: caseload 17 in 2019, adoption 480 days in 2018/19, 63 above a stated threshold of 417 days for that year. */
export function adoption2019(): { slug: string; text: string } {
  return {
    slug: '2019-07-16-manchester-council-adoption-report',
    text: `---
# A TEST FIXTURE, not a real document.
title: "Adoption and workforce update (test fixture)"
publisher: Manchester City Council
kind: council-report
event:
  id: 2019-07-16-council-adoption-report
  kind: council-report
  title: "Council report on adoption and the workforce (test fixture)"
published: "2019-07-16"
sourceUrl: https://example.org/test-fixture/adoption-2019
licence: OGL-3.0
summary: >-
  A made-up council report used by the chart tests: adoption took 480 days in
  2018/19, 63 days above that year's threshold, and caseloads averaged 17.
judgements: []
figures:
  - id: adoption-days-2018-19-fixture
    metric: adoption-days-care-to-placement
    label: Average days from entering care to placement for adoption
    value: { kind: number, number: 480 }
    unit: days
    period: { label: "2018/19", start: "2018-04", date: "2019-03" }
    qualifiers: [reported by the council]
    quote: "Children waited an average of 480 days in 2018/19, 63 days above the government threshold of 417 days."
  - id: adoption-days-above-threshold-2018-19-fixture
    metric: adoption-days-above-threshold
    label: Days above the government threshold
    value: { kind: number, number: 63 }
    unit: days
    period: { label: "2018/19", start: "2018-04", date: "2019-03" }
    qualifiers: [reported by the council]
    quote: "Children waited an average of 480 days in 2018/19, 63 days above the government threshold of 417 days."
  - id: adoption-threshold-2018-19-fixture
    metric: adoption-threshold-days
    label: Government threshold
    value: { kind: number, number: 417 }
    unit: days
    period: { label: "2018/19", start: "2018-04", date: "2019-03" }
    qualifiers: [reported by the council]
    quote: "Children waited an average of 480 days in 2018/19, 63 days above the government threshold of 417 days."
  - id: caseload-2019-06-fixture
    metric: caseload
    label: Average caseload of social workers
    value: { kind: number, number: 17 }
    unit: children
    period: { label: "June 2019", date: "2019-06" }
    qualifiers: [reported by the council]
    quote: "The average caseload was 17 children in June 2019."
mentions: []
corrections: []
---

This document is a test fixture, not a real council report. It gives a later
adoption figure with its own threshold, and a later caseload figure.
`,
  };
}

/** 100 made-up documents, each the record of its own event: council reports and monitoring visit letters, 2010 to 2021. */
export function hundredDocuments(): { slug: string; text: string }[] {
  return Array.from({ length: 100 }, (_, index) => {
    const day = new Date(Date.UTC(2010, 0, 5) + index * 43 * 86_400_000).toISOString().slice(0, 10);
    const n = String(index + 1).padStart(3, '0');
    if (index % 4 === 0) {
      const slug = `${day}-ofsted-monitoring-visit-fixture-${n}`;
      return {
        slug,
        text: `---
title: "Monitoring visit letter number ${n} (test fixture)"
publisher: Ofsted
kind: monitoring-visit-letter
event:
  id: ${day.slice(0, 7)}-monitoring-visit-fixture-${n}
  kind: monitoring-visit
  title: "Monitoring visit number ${n} (test fixture)"
visit:
  start: "${day}"
  end: "${day}"
published: "${day}"
sourceUrl: https://example.org/test-fixture/visit-${n}
licence: OGL-3.0
framework: monitoring-visits
summary: >-
  A made-up monitoring visit letter, number ${n}, used by the chart tests to
  check that many more events never break a chart.
judgements: []
figures: []
mentions: []
corrections: []
---

A test fixture, not a real letter.
`,
      };
    }
    const slug = `${day}-manchester-council-report-fixture-${n}`;
    return {
      slug,
      text: `---
title: "Council report number ${n} (test fixture)"
publisher: Manchester City Council
kind: council-report
event:
  id: ${day}-council-report-fixture-${n}
  kind: council-report
  title: "Council report number ${n} (test fixture)"
published: "${day}"
sourceUrl: https://example.org/test-fixture/report-${n}
licence: OGL-3.0
summary: >-
  A made-up council report, number ${n}, used by the chart tests to check that
  many more documents never break a chart.
judgements: []
figures:${caseload(index, day)}
mentions: []
corrections: []
---

A test fixture, not a real report.
`,
    };
  });
}

/** Every other council report gives a caseload: a number, or in words. */
function caseload(index: number, day: string): string {
  if (index % 2 === 0) return ' []';
  const n = String(index + 1).padStart(3, '0');
  const number = 15 + (index % 10);
  const value = index % 3 === 0 ? '{ kind: qualitative, text: "caseloads remained high" }' : `{ kind: number, number: ${number} }`;
  const quote = index % 3 === 0 ? 'Social workers said caseloads remained high.' : `The average caseload was ${number}.`;
  return `
  - id: caseload-fixture-${n}
    metric: caseload
    label: Average caseload of social workers
    value: ${value}
${index % 3 === 0 ? '' : '    unit: children\n'}    period: { label: "${day}", date: "${day.slice(0, 7)}" }
    qualifiers: [reported by the council]
    quote: "${quote}"`;
}
