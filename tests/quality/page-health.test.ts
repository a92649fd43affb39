import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { builtPages, builtSiteDir } from '../support/built-site.ts';
import { visit } from '../support/page-visit.ts';
import { useServedSiteAndBrowser } from '../support/site-in-browser.ts';

// Every built page in a real browser, served with its real headers (so the
// Content-Security-Policy is enforced): nothing broken, nothing fetched from
// elsewhere, every chart and table there without JavaScript, and nothing
// moving for readers who asked for reduced motion.
const pages = await builtPages();
const served = useServedSiteAndBrowser();

/**
 * Charts (outermost SVGs in a figure, or large ones, and loaded images in a figure) and tables, each with
 * whether a reader can get to it. A chart drawn at several widths shows one
 * drawing and hides the others, so the check is that
 * whatever a reader sees with JavaScript is there without it too.
 */
const chartsAndTables = (page: Page) =>
  page.evaluate(() => {
    const reachable = (element: Element) => {
      const box = element.getBoundingClientRect();
      // Inside a closed <details> counts: the reader opens it without script.
      return (box.width > 0 && box.height > 0) || Boolean(element.closest('details:not([open])'));
    };
    const charts = [...document.querySelectorAll('svg')].filter((svg) => !svg.parentElement?.closest('svg') && (svg.closest('figure') || svg.getBoundingClientRect().width >= 100));
    // A chart shown as an image counts only once it has loaded.
    const chartImages = [...document.querySelectorAll('figure img')].filter((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0);
    const tables = [...document.querySelectorAll('table')];
    const name = (element: Element) =>
      `<${element.localName}> ${element.getAttribute('aria-label') ?? element.getAttribute('alt') ?? element.querySelector('caption, title')?.textContent?.trim() ?? element.outerHTML.slice(0, 80)}`;
    return [...charts, ...chartImages, ...tables].map((element) => ({ name: name(element), reachable: reachable(element) }));
  });

describe('every page in a browser', { concurrent: true }, () => {
  test('the site built and has pages', () => {
    builtSiteDir();
    expect(pages.length).toBeGreaterThan(0);
  });

  test.for(pages.map((page) => page.path))('%s loads with no console error, failed request or request to another host', async (path, { expect }) => {
    const context = await served.browser.newContext();
    try {
      const { page, problems } = await visit(context, served.origin, path);
      await page.waitForLoadState('networkidle');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test.for(pages.map((page) => page.path))('%s shows every chart and table with JavaScript off', async (path, { expect }) => {
    const withScript = await served.browser.newContext();
    const withoutScript = await served.browser.newContext({ javaScriptEnabled: false });
    try {
      const withScriptFound = await chartsAndTables((await visit(withScript, served.origin, path)).page);
      const { page, problems } = await visit(withoutScript, served.origin, path);
      const withoutScriptFound = await chartsAndTables(page);
      expect(problems).toEqual([]);
      // Same markup either way (the site renders everything at build time), so match by position.
      const missing = withScriptFound.flatMap((element, index) =>
        element.reachable && !withoutScriptFound[index]?.reachable ? [`${element.name} (${withoutScriptFound[index] ? 'hidden' : 'absent'} without JavaScript)`] : []);
      expect(missing).toEqual([]);
      expect(withoutScriptFound.filter((element) => element.reachable).length, 'charts and tables a reader reaches').toBeGreaterThanOrEqual(withScriptFound.filter((element) => element.reachable).length);
    } finally {
      await withScript.close();
      await withoutScript.close();
    }
  });

  test.for(pages.map((page) => page.path))('%s does not move when the reader prefers reduced motion', async (path, { expect }) => {
    const context = await served.browser.newContext({ reducedMotion: 'reduce' });
    try {
      const { page } = await visit(context, served.origin, path);
      const moving = await page.evaluate(() => {
        const seconds = (value: string) => Math.max(...value.split(',').map((part) => (part.trim().endsWith('ms') ? parseFloat(part) / 1000 : parseFloat(part))));
        const found: string[] = [];
        const describe = (element: Element) => `<${element.localName}${element.id ? ` id="${element.id}"` : ''}${element.getAttribute('class') ? ` class="${element.getAttribute('class')}"` : ''}>`;
        for (const element of document.querySelectorAll('*')) {
          const style = getComputedStyle(element);
          if (style.animationName !== 'none' && seconds(style.animationDuration) > 0.01) found.push(`${describe(element)} animation ${style.animationName}`);
          if (style.transitionProperty !== 'none' && seconds(style.transitionDuration) > 0.01) found.push(`${describe(element)} transition of ${style.transitionProperty}`);
          if (style.scrollBehavior === 'smooth') found.push(`${describe(element)} smooth scrolling`);
        }
        for (const animation of document.getAnimations()) if (animation.playState === 'running') found.push(`running animation ${animation.id || (animation as CSSAnimation).animationName || ''}`);
        for (const element of document.querySelectorAll('animate, animateMotion, animateTransform, set')) found.push(`SVG ${describe(element)}`);
        for (const media of document.querySelectorAll<HTMLMediaElement>('video[autoplay], audio[autoplay]')) found.push(`autoplaying ${describe(media)}`);
        return found;
      });
      expect(moving).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
