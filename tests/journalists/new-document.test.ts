import { parseFeed } from '@rowanmanning/feed-parser';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../../scripts/build-site.ts';
import { loadSiteData } from '../../scripts/load-site-data.ts';
import { dataVersion } from '../../src/publish/data-version.ts';
import { pathOfPublicUrl } from '../support/public-address.ts';
import { FIXTURE_CONTENT, loadFixtureContent } from '../support/fixture-content.ts';

// An editor adds one document file and changes no code: the data version
// moves on and the document leads the RSS feed. Built from a temporary copy
// of the fixture content (to 2020), into a temporary directory.
const FIXTURE = '2021-03-02-cypn-fixture-follow-up';
const { data: realData } = await loadFixtureContent();

let work: string;
let dist: string;
let contentDir: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'journalists-new-document-'));
  contentDir = join(work, 'content');
  dist = join(work, 'dist');
  await cp(FIXTURE_CONTENT, contentDir, { recursive: true });
  await cp(join(import.meta.dirname, 'fixtures', `${FIXTURE}.md`), join(contentDir, 'documents', `${FIXTURE}.md`));
  await buildSite({ contentDir, outDir: dist, siteDataFile: join(work, 'site-data.json') });
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('adding a document', () => {
  test('changes the data package version to the new data’s version', async () => {
    const descriptor = JSON.parse(await readFile(join(dist, 'data', 'datapackage.json'), 'utf8'));
    const { data } = await loadSiteData(contentDir);
    expect(descriptor.version).not.toBe(dataVersion(realData));
    expect(descriptor.version).toBe(dataVersion(data));
    expect(descriptor.version).toMatch(/^2021\.3\.2\+[0-9a-f]{8}$/);
    expect(descriptor.sources).toHaveLength(realData.documents.length + 1);
  });

  test('puts it first in the RSS feed, newest first', async () => {
    const rss = await readFile(join(dist, 'rss.xml'), 'utf8');
    const items = parseFeed(rss).items;
    expect(items.map((item) => pathOfPublicUrl(item.url ?? ''))[0]).toBe(`documents/${FIXTURE}/`);
    expect(items).toHaveLength(realData.documents.length + 1);
    expect(items[0].published?.toISOString()).toBe('2021-03-02T00:00:00.000Z');
  });

  test('lists it first in the changelog on /data/, and in the sitemap', async () => {
    const dataPage = await readFile(join(dist, 'data', 'index.html'), 'utf8');
    const changelog = dataPage.slice(dataPage.indexOf('id="changelog"'));
    expect(changelog.indexOf(`/documents/${FIXTURE}/`)).toBeGreaterThan(0);
    expect(changelog.indexOf(`/documents/${FIXTURE}/`)).toBeLessThan(changelog.indexOf('/documents/2020-01-21-'));
    expect(await readFile(join(dist, 'sitemap.xml'), 'utf8')).toContain(`/documents/${FIXTURE}/</loc>`);
  });
});
