import { stringify } from 'yaml';
import { KIND_DEFAULTS } from '../../src/validate/document-template.ts';
import type { ValidContent } from '../../src/validate/validate-content.ts';
import { DocumentKindSchema, type DocumentKind, type Framework } from '../../src/schema/index.ts';

/**
 * One new, valid document of each kind, written against whatever content it
 * is added to: dated on the latest document's date (so never in the future),
 * graded on the newest graded framework's own scale and areas, counting a
 * metric the content defines, with ids no real document uses. What an
 * editor adding a document next would write, in outline.
 */
export function newDocumentOfEachKind(content: ValidContent): { slug: string; kind: DocumentKind; eventId: string; text: string }[] {
  const latest = content.documents.map((doc) => doc.data.published).sort().at(-1) ?? '2020-01-01';
  const day = (offset: number) => new Date(Date.parse(`${latest}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  const month = latest.slice(0, 7);
  const graded = [...content.frameworks].filter((framework) => framework.graded).sort((a, b) => (b.years?.from ?? 0) - (a.years?.from ?? 0))[0];
  const metric = content.metrics.find((candidate) => candidate.id === 'caseload') ?? content.metrics[0]!;
  const frameworkOf = (kind: DocumentKind) => {
    const wanted = KIND_DEFAULTS[kind].framework;
    return wanted && content.frameworks.some((framework) => framework.id === wanted) ? wanted : undefined;
  };
  const inspectionEvent = `${month}-new-test-inspection`;

  const documents: Record<DocumentKind, () => Record<string, unknown>> = {
    'inspection-report': () => ({
      ...header('inspection-report', 'Inspection of the local authority’s children’s services (new test document)', inspectionEvent, 'inspection'),
      visit: { start: day(-40), end: day(-30) },
      ...(graded ? { framework: graded.id, judgements: [headlineJudgement(graded)] } : { judgements: [] }),
      figures: [{ id: 'new-test-inspection-figure', metric: metric.id, label: metric.label, value: { kind: 'number', number: 18 }, unit: 'children', period: { label: 'At the inspection', date: day(-40).slice(0, 7) }, quote: 'Social workers have an average of 18 children each.' }],
    }),
    'monitoring-visit-letter': () => ({
      ...header('monitoring-visit-letter', 'Monitoring visit (new test document)', `${month}-new-test-monitoring-visit`, 'monitoring-visit'),
      visit: { start: day(-20), end: day(-19) },
      ...(frameworkOf('monitoring-visit-letter') ? { framework: frameworkOf('monitoring-visit-letter') } : {}),
    }),
    'focused-visit-letter': () => ({
      ...header('focused-visit-letter', 'Focused visit (new test document)', `${month}-new-test-focused-visit`, 'focused-visit'),
      visit: { start: day(-15), end: day(-14) },
      ...(frameworkOf('focused-visit-letter') ? { framework: frameworkOf('focused-visit-letter') } : {}),
      figures: [{ id: 'new-test-focused-visit-figure', metric: metric.id, label: metric.label, value: { kind: 'qualitative', text: 'manageable caseloads' }, period: { label: 'At the visit', date: day(-15).slice(0, 7) }, quote: 'Social workers said they had manageable caseloads.' }],
    }),
    'council-report': () => ({
      ...header('council-report', 'Report to the scrutiny committee (new test document)', `${latest}-new-test-council-report`, 'council-report', 'Manchester City Council'),
      mentions: [{ event: inspectionEvent, kind: 'inspection', title: 'Inspection (new test document)', date: day(-40).slice(0, 7), dateOf: 'visit', quote: 'Inspectors visited the service this year.' }],
    }),
    'news-article': () => ({
      ...header('news-article', 'Inspectors report on children’s services (new test document)', `${latest}-new-test-news-article`, 'news-article', 'Children & Young People Now', 'all-rights-reserved'),
      mentions: [{ event: inspectionEvent, kind: 'inspection', title: 'Inspection (new test document)', date: latest.slice(0, 7), dateOf: 'published', quote: 'The report was published this month.' }],
    }),
    'statistics-release': () => ({
      ...header('statistics-release', 'Official statistics on children’s services (new test document)', `${latest}-new-test-statistics-release`, 'statistics-release', 'Department for Education'),
      release: {
        referenceDate: 'at 31 March',
        collectionYears: latest.slice(0, 4),
        tables: [{ file: 'new-test-table.csv', url: 'https://example.org/new-test-documents/new-test-table.csv', header: 'time_period,la_name,number' }],
      },
      figures: [{
        id: 'new-test-statistics-release-figure', metric: metric.id, label: metric.label, statistic: 'mean', value: { kind: 'number', number: 17.5 }, unit: 'children',
        period: { label: `31 March ${latest.slice(0, 4)}`, date: `${latest.slice(0, 4)}-03-31` },
        cell: { table: 'new-test-table.csv', row: { time_period: latest.slice(0, 4), la_name: 'Manchester' }, column: 'number', published: '17.5' },
        quote: `${latest.slice(0, 4)},Manchester,17.5`,
      }],
    }),
  };

  return DocumentKindSchema.options.map((kind) => {
    const fields: Record<string, unknown> = { judgements: [], figures: [], mentions: [], corrections: [], ...documents[kind]() };
    const slug = `${latest}-new-test-${kind}`;
    const body = `A test document of the kind "${kind}", added to a copy of the content to prove that a new document of every kind validates, derives and builds with no change to code or tests.\n`;
    return { slug, kind, eventId: (fields.event as { id: string }).id, text: `---\n${stringify(fields, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' })}---\n\n${body}` };
  });

  function header(kind: DocumentKind, title: string, eventId: string, eventKind: string, publisher = 'Ofsted', licence = 'OGL-3.0') {
    return {
      title,
      publisher,
      kind,
      event: { id: eventId, kind: eventKind, title },
      published: latest,
      sourceUrl: `https://example.org/new-test-documents/${kind}`,
      licence,
      summary: `A new test document of the kind ${kind}, added to a copy of the content by the tests.`,
    };
  }
}

function headlineJudgement(framework: Framework) {
  const area = framework.areas.find((candidate) => candidate.headline) ?? framework.areas[0]!;
  const grade = framework.scale[Math.min(1, framework.scale.length - 1)]!.label;
  return { area: area.id, grade, quote: `${area.label}: ${grade}` };
}
