import { Package } from 'datapackage';
import { csvFormatRows, csvParseRows } from 'd3';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { CSV_DIALECT } from '../../src/publish/csv.ts';
import { builtSiteDir, builtSiteDirOrUndefined } from '../support/built-site.ts';

// The data package as a data journalist's tools read it: the Frictionless
// client library `datapackage` loads /data/datapackage.json from the built
// site, reads every resource with its declared dialect, casts every cell to
// its field's type and checks its constraints (required, enum). Each table
// must hold as many rows as the JSON dataset published beside it.
const dir = builtSiteDirOrUndefined();
const descriptorFile = (siteDir: string) => join(siteDir, 'data', 'datapackage.json');
const pkg = dir ? await Package.load(descriptorFile(dir)) : undefined;
const resourceNames = pkg?.resources.map((resource) => resource.name) ?? [];

let work: string | undefined;
afterAll(() => (work ? rm(work, { recursive: true, force: true }) : undefined));

describe('the data package, read by a Frictionless client (datapackage)', () => {
  test('loads as a valid data package with tabular resources', () => {
    builtSiteDir();
    expect(pkg!.errors.map((error) => error.message)).toEqual([]);
    expect(pkg!.valid).toBe(true);
    expect(resourceNames.length).toBeGreaterThan(0);
    expect(pkg!.resources.every((resource) => resource.tabular)).toBe(true);
  });

  test('declares how every CSV resource is written, so no reader has to guess its dialect', () => {
    const csvResources = pkg!.resources.filter((resource) => resource.descriptor.format === 'csv' || /\.csv$/.test(String(resource.descriptor.path)));
    expect(csvResources.length).toBeGreaterThan(0);
    for (const resource of csvResources) {
      expect(resource.descriptor.dialect, resource.name).toMatchObject({ header: true, delimiter: expect.any(String), quoteChar: expect.any(String) });
    }
  });

  test.for(resourceNames)('reads every row of %s, typed and checked against its schema, as many as its JSON dataset has', async (name) => {
    const rows = await pkg!.getResource(name)!.read({ keyed: true });
    const path = String(pkg!.getResource(name)!.descriptor.path);
    const json = JSON.parse(await readFile(join(dir!, 'data', path.replace(/\.csv$/, '.json')), 'utf8')) as { id: string }[];
    expect(rows).toHaveLength(json.length);
    expect(rows.map((row) => row.id)).toEqual(json.map((row) => row.id));
  });

  test('refuses a table whose cell breaks its schema (the client checks, it does not just split lines)', async () => {
    const siteDir = builtSiteDir();
    const name = resourceNames[0]!;
    const resource = pkg!.getResource(name)!;
    const required = (resource.descriptor.schema as { fields: { name: string; constraints?: { required?: boolean } }[] }).fields.findIndex((field) => field.constraints?.required);
    work = await mkdtemp(join(tmpdir(), 'frictionless-client-'));
    await copyFile(descriptorFile(siteDir), join(work, 'datapackage.json'));
    // The first data row with its first required cell emptied: a required field without a value.
    const [header, ...rows] = csvParseRows(await readFile(join(siteDir, 'data', String(resource.descriptor.path)), 'utf8'));
    rows[0]![required] = '';
    const lines = [header!, ...rows].map((row) => csvFormatRows([row]));
    await writeFile(join(work, String(resource.descriptor.path)), lines.join(CSV_DIALECT.lineTerminator) + CSV_DIALECT.lineTerminator);
    const broken = await Package.load(join(work, 'datapackage.json'));
    const error = await broken.getResource(name)!.read({ keyed: true }).then(() => undefined, (reason: { errors?: Error[] }) => reason);
    expect(error?.errors?.map((cause) => cause.message)).toEqual([expect.stringMatching(/does not conform to the "required" constraint/)]);
  });
});
