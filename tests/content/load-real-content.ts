import { resolve } from 'node:path';
import { readContent } from '../../scripts/read-content.ts';
import { deriveSiteData } from '../../src/lib/derive-site-data.ts';
import { validateContent } from '../../src/lib/validate-content.ts';

/** The real content, validated and derived, as the build sees it. */
export async function loadRealContent() {
  const raw = await readContent(resolve('content'));
  const { content, problems } = validateContent(raw);
  return { raw, content, problems, data: deriveSiteData(content) };
}
