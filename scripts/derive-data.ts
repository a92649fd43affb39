import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { formatProblem } from '../src/validate/content-problem.ts';
import type { SiteData } from '../src/derive/derive-site-data.ts';
import { ContentError, loadSiteData } from './load-site-data.ts';

/**
 * `npm run derive`: validates content and writes the typed site data that
 * pages import. Paths can be redirected so tests build from a temporary copy.
 */
export async function deriveData({
  contentDir = resolve(process.env.CONTENT_DIR ?? 'content'),
  outFile = resolve(process.env.SITE_DATA_FILE ?? 'src/generated/site-data.json'),
} = {}) {
  const { data, warnings } = await loadSiteData(contentDir);
  for (const warning of warnings) console.warn(formatProblem(warning));
  await writeSiteData(outFile, data);
  return data;
}

/** Writes the derived data where pages import it from (`#site-data`). */
export async function writeSiteData(outFile: string, data: SiteData) {
  await mkdir(dirname(outFile), { recursive: true });
  // Write then rename, so a reader never sees half a file.
  const partial = `${outFile}.${process.pid}.partial`;
  await writeFile(partial, JSON.stringify(data, null, 1) + '\n');
  await rename(partial, outFile);
}

if (import.meta.main) {
  try {
    const data = await deriveData();
    console.log(`Derived ${data.timeline.length} events, ${data.judgements.length} judgements and ${data.figures.length} figures from ${data.documents.length} documents.`);
  } catch (error) {
    console.error(error instanceof ContentError ? error.message : error);
    process.exitCode = 1;
  }
}
