import { describe, expect, test } from 'vitest';
import { FigureRowSchema, JudgementRowSchema, TimelineEventSchema } from '../../src/schema/index.ts';
import { dataPackage, datasetCsv, DATASETS, type DatasetName } from '../../src/publish/data-package.ts';
import { CHART_IDS, chartById, type ChartId } from '../../src/charts/registry.ts';
import type { SiteData } from '../../src/derive/derive-site-data.ts';
import { chartDataVersion, dataChangelog, dataVersion } from '../../src/publish/data-version.ts';
import { loadFixtureContent } from '../support/fixture-content.ts';
import { descriptorProblems, resourceFileProblems } from './data-package-rules.ts';

const SITE = 'https://judged.example/';
const { data } = await loadFixtureContent();
const version = dataVersion(data);
const descriptor = dataPackage(data, SITE, version);
const names = Object.keys(DATASETS) as DatasetName[];
const fileOf = (name: DatasetName) => new TextEncoder().encode(datasetCsv(name, data, SITE).csv);

describe('dataPackage', () => {
  test('is a valid Data Package v2 descriptor', () => {
    expect(descriptorProblems(JSON.parse(JSON.stringify(descriptor)))).toEqual([]);
  });

  test('describes the timeline, judgements and figures CSVs, each beside the descriptor', () => {
    expect(descriptor.resources.map((resource) => [resource.name, resource.path, resource.type])).toEqual([
      ['timeline', 'timeline.csv', 'table'],
      ['judgements', 'judgements.csv', 'table'],
      ['figures', 'figures.csv', 'table'],
    ]);
  });

  test.each(names)('the %s table schema matches its CSV: header, types, constraints, size and hash', (name) => {
    const resource = descriptor.resources.find((candidate) => candidate.name === name)!;
    expect(resourceFileProblems(JSON.parse(JSON.stringify(resource)), fileOf(name))).toEqual([]);
  });

  test('field descriptions are the zod schemas’ .describe() texts, not a second copy', () => {
    const field = (name: DatasetName, column: string) => descriptor.resources.find((resource) => resource.name === name)!.schema.fields.find((candidate) => candidate.name === column)!;
    expect(field('timeline', 'date_conflict').description).toBe(TimelineEventSchema.shape.dateConflict.description);
    expect(field('judgements', 'grade_as_written').description).toBe(JudgementRowSchema.shape.gradeAsWritten.description);
    expect(field('figures', 'quote').description).toBe(FigureRowSchema.shape.quote.description);
    // An optional field's description sits on its optional wrapper.
    expect(field('figures', 'derivation').description).toBe(FigureRowSchema.shape.derivation.description);
    // Flattened lists say how they were joined.
    expect(field('figures', 'qualifiers').description).toBe(`${FigureRowSchema.shape.qualifiers.description} Several values are joined with " | ".`);
  });

  test('types and constraints follow the schema: numbers, booleans, enums, required fields', () => {
    const fields = Object.fromEntries(descriptor.resources.flatMap((resource) => resource.schema.fields.map((field) => [`${resource.name}.${field.name}`, field])));
    expect(fields['figures.value']).toMatchObject({ type: 'number' });
    expect(fields['figures.value'].constraints).toBeUndefined();
    expect(fields['judgements.headline']).toMatchObject({ type: 'boolean', constraints: { required: true } });
    expect(fields['figures.value_kind']).toMatchObject({ type: 'string', constraints: { required: true, enum: ['number', 'range', 'qualitative', 'derived'] } });
    expect(fields['timeline.source_quotes'].constraints).toBeUndefined();
  });

  test('names the sources, each with its licence, and the OGL for the package', () => {
    expect(descriptor.sources).toHaveLength(data.documents.length);
    expect(descriptor.sources[0].title).toBe('Ofsted, Inspection of safeguarding and looked after children services: Manchester City Council, 17 December 2010 (Open Government Licence v3.0)');
    expect(descriptor.licenses[0]).toMatchObject({ name: 'OGL-3.0', path: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/' });
  });
});

describe('descriptorProblems and resourceFileProblems (the checks themselves)', () => {
  test('catch a descriptor without the v2 profile, a resource without a path and an unsafe path', () => {
    const broken = JSON.parse(JSON.stringify(descriptor));
    delete broken.$schema;
    delete broken.resources[0].path;
    broken.resources[1].path = '../judgements.csv';
    broken.resources[2].schema.fields[0].type = 'text';
    expect(descriptorProblems(broken)).toEqual([
      '$schema is undefined, not the v2 profile',
      'resources[0] needs exactly one of path and data',
      'resources[1].path is not a URL or a safe relative path',
      'resources[2].schema: field "id" has unknown type "text"',
    ]);
  });

  test('catch a header that differs from the fields, a cell of the wrong type and an empty required cell', () => {
    const resource = JSON.parse(JSON.stringify(descriptor.resources.find((candidate) => candidate.name === 'judgements')));
    delete resource.bytes;
    delete resource.hash;
    const lines = datasetCsv('judgements', data, SITE).csv.split('\r\n');
    const broken = [lines[0].replace('scale_size', 'scale'), lines[1].replace(/,true,|,false,/, ',yes,').replace(/^[^,]+/, ''), ''].join('\r\n');
    expect(resourceFileProblems(resource, new TextEncoder().encode(broken))).toEqual([
      expect.stringContaining('the CSV header'),
      'judgements row 2: id is required but empty',
      'judgements row 2: headline "yes" is not a boolean',
    ]);
  });
});

describe('dataVersion', () => {
  test('is SemVer: the date of the latest change, then a fingerprint of the data', () => {
    expect(version).toMatch(/^2020\.1\.21\+[0-9a-f]{8}$/);
  });

  test('is the same for the same data and changes when any published value changes', () => {
    expect(dataVersion(structuredClone(data))).toBe(version);
    const edited = structuredClone(data);
    edited.figures[0].quote += ' ';
    expect(dataVersion(edited)).not.toBe(version);
  });
});

describe('chartDataVersion', () => {
  const versionOf = (id: ChartId, of: SiteData) => chartDataVersion(chartById(id, of), of);

  test('is SemVer: the latest change to a document the chart cites, then a fingerprint of its rows', () => {
    for (const id of CHART_IDS) {
      const chart = chartById(id, data);
      const latest = data.documents.filter((doc) => chart.sourceDocuments.includes(doc.slug)).map((doc) => doc.published).sort().at(-1)!;
      const [year, month, day] = latest.split('-').map(Number);
      expect(versionOf(id, data)).toMatch(new RegExp(`^${year}\\.${month}\\.${day}\\+[0-9a-f]{8}$`));
    }
  });

  test('stays as it was when an edit leaves the chart’s data alone, and moves when its rows change', () => {
    const adoption = chartById('adoption', data);
    const elsewhere = data.documents.find((doc) => !adoption.sourceDocuments.includes(doc.slug))!;
    const reworded = structuredClone(data);
    reworded.documents.find((doc) => doc.slug === elsewhere.slug)!.summary += ' Reworded.';
    expect(dataVersion(reworded)).not.toBe(version);
    expect(versionOf('adoption', reworded)).toBe(versionOf('adoption', data));

    const requoted = structuredClone(data);
    const figure = requoted.figures.find((row) => adoption.rows.some((chartRow) => chartRow.quote === row.quote))!;
    figure.quote += ' ';
    expect(versionOf('adoption', requoted)).not.toBe(versionOf('adoption', data));
  });

  test('moves to the date of a correction to a document the chart cites, and only then', () => {
    const adoption = chartById('adoption', data);
    const cited = structuredClone(data);
    cited.documents.find((doc) => adoption.sourceDocuments.includes(doc.slug))!.corrections.push({ date: '2026-03-04', text: 'A figure now quotes the table.' });
    expect(versionOf('adoption', cited)).toMatch(/^2026\.3\.4\+/);
    const uncited = structuredClone(data);
    uncited.documents.find((doc) => !adoption.sourceDocuments.includes(doc.slug))!.corrections.push({ date: '2026-03-04', text: 'A date now quotes the report.' });
    expect(versionOf('adoption', uncited)).toBe(versionOf('adoption', data));
  });
});

describe('dataChangelog', () => {
  test('lists each document on the date it bears, newest first', () => {
    const changelog = dataChangelog(data);
    expect(changelog.map((change) => change.date)).toEqual(data.documents.map((doc) => doc.published).sort().reverse());
    expect(changelog.at(-1)).toMatchObject({ date: '2010-12-17', kind: 'document', document: '2010-12-17-ofsted-safeguarding-looked-after-inspection' });
    expect(changelog.at(-1)?.text).toBe('New source: Ofsted, “Inspection of safeguarding and looked after children services: Manchester City Council” (33 judgements, 44 figures, 3 reported events).');
  });

  test('lists a correction on its own date, and it moves the version on', () => {
    const corrected = structuredClone(data);
    corrected.documents[1].corrections.push({ date: '2021-02-03', text: 'The adoption figure for 2013/14 now quotes the table, not the summary.' });
    expect(dataChangelog(corrected)[0]).toEqual({
      date: '2021-02-03',
      kind: 'correction',
      document: corrected.documents[1].slug,
      text: `Correction to “${corrected.documents[1].title}”: The adoption figure for 2013/14 now quotes the table, not the summary.`,
    });
    expect(dataVersion(corrected)).toMatch(/^2021\.2\.3\+/);
  });
});
