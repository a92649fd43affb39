import { CHART_IDS } from '../charts/chart-ids.ts';
import { siteData } from '../derive/site-data.ts';
import type { PageName } from '../schema/index.ts';
import { renderPage, type RenderedPage } from './render-page.ts';

const rendered = new Map<string, RenderedPage>();

/**
 * A page of the site written in content/pages/, rendered from the derived
 * data (`npm run derive` checked it). Several parts of a build ask for the
 * story (its page, the social card, every page's preview image): it is
 * rendered once per base path.
 */
export function sitePage(name: PageName, base: string): RenderedPage {
  const key = `${name} ${base}`;
  let page = rendered.get(key);
  if (!page) {
    const entry = siteData.pages?.[name];
    if (!entry) throw new Error(`No page "${name}" in the derived data: content/pages/${name}.md is missing, or the data predates it (run "npm run derive")`);
    rendered.set(key, (page = renderPage(entry, { data: siteData, chartIds: CHART_IDS }, base)));
  }
  return page;
}
