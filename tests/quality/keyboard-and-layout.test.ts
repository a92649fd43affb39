import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { builtPages, builtSiteDir } from '../support/built-site.ts';
import { visit } from '../support/page-visit.ts';
import { useServedSiteAndBrowser } from '../support/site-in-browser.ts';

// Keyboard and layout on every built page: every link and control reached
// by Tab in reading order with a visible focus indicator, a skip link where
// there is something to skip; at 320px no sideways scrolling and no chart
// text under 12px; at 1280px prose lines of a comfortable length.
const pages = await builtPages();
const served = useServedSiteAndBrowser();

/** Longest comfortable line, in characters: WCAG 1.4.8 (Visual Presentation) asks for at most 80. */
const MAX_LINE_CHARACTERS = 80;
/** Smallest chart text, in CSS pixels, as rendered at 320px wide. */
const MIN_CHART_TEXT_PX = 12;

async function open(path: string, viewport: { width: number; height: number }) {
  const context = await served.browser.newContext({ viewport });
  const { page } = await visit(context, served.origin, path);
  return { page, close: () => context.close() };
}

/**
 * Text under the minimum in charts shown as SVG images: the drawing the
 * browser picked (currentSrc), its text sizes from the file, scaled by the
 * width it is shown at. Every chart image must have some text to measure.
 */
const smallTextInChartImages = (page: Page, minimum: number) =>
  page.evaluate(async (minimum) => {
    const images = [...document.querySelectorAll<HTMLImageElement>('.chart__graphic img')];
    const found: string[] = [];
    for (const img of images) {
      const svg = new DOMParser().parseFromString(await (await fetch(img.currentSrc)).text(), 'image/svg+xml').documentElement;
      const scale = img.getBoundingClientRect().width / Number.parseFloat(svg.getAttribute('width') ?? svg.getAttribute('viewBox')!.split(/\s+/)[2]!);
      const sizeOf = (element: Element) => {
        for (let node: Element | null = element; node; node = node.parentElement) {
          const size = node.getAttribute('font-size') ?? /font-size:\s*([\d.]+)px/.exec(node.getAttribute('style') ?? '')?.[1];
          if (size) return Number.parseFloat(size);
        }
        return 16;
      };
      const texts = [...svg.querySelectorAll('text')].filter((text) => text.textContent?.trim());
      if (texts.length === 0) found.push(`${img.currentSrc} has no text to measure`);
      for (const text of texts) {
        const size = sizeOf(text) * scale;
        if (size < minimum - 0.01) found.push(`"${text.textContent?.trim().slice(0, 30)}" at ${size.toFixed(1)}px in ${img.currentSrc}`);
      }
    }
    return found;
  }, minimum);

/** Marks every element a keyboard user should reach, in document order, and notes how each looks unfocused. */
const markFocusable = (page: Page) =>
  page.evaluate(() => {
    const selector = 'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, audio[controls], video[controls], [contenteditable="true"], [tabindex]';
    const looks = (element: Element) => {
      const style = getComputedStyle(element);
      return [style.outlineStyle, style.outlineWidth, style.outlineColor, style.boxShadow, style.backgroundColor, style.color, style.textDecorationLine, style.textDecorationThickness, style.borderColor, style.borderWidth].join('|');
    };
    const focusable = [...document.querySelectorAll(selector)].filter((element) => {
      const box = element.getBoundingClientRect();
      // checkVisibility() also sees content hidden in a closed <details>.
      const shown = element.checkVisibility({ visibilityProperty: true }) && (box.width > 0 || box.height > 0);
      return shown && element.getAttribute('tabindex') !== '-1' && !(element as HTMLButtonElement).disabled && !element.closest('[inert]');
    });
    return focusable.map((element, index) => {
      element.setAttribute('data-tab-index', String(index));
      const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return { name: `<${element.localName}${element.getAttribute('href') ? ` href="${element.getAttribute('href')}"` : ''}> ${text}`, looks: looks(element) };
    });
  });

/** What has focus after a Tab: its mark, how it looks now, and whether it is on screen. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return undefined;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {
      index: element.getAttribute('data-tab-index'),
      name: `<${element.localName}> ${(element.textContent ?? '').trim().slice(0, 40)}`,
      looks: [style.outlineStyle, style.outlineWidth, style.outlineColor, style.boxShadow, style.backgroundColor, style.color, style.textDecorationLine, style.textDecorationThickness, style.borderColor, style.borderWidth].join('|'),
      onScreen: box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth,
    };
  });

describe('keyboard', { concurrent: true }, () => {
  test('the site built and has pages', () => {
    builtSiteDir();
    expect(pages.length).toBeGreaterThan(0);
  });

  test.for(pages.map((page) => page.path))('%s: Tab reaches every link and control in reading order, each with a visible focus indicator', async (path, { expect }) => {
    const { page, close } = await open(path, { width: 1280, height: 800 });
    try {
      const expected = await markFocusable(page);
      const problems: string[] = [];
      const reached: number[] = [];
      for (let presses = 0; presses < expected.length + 10; presses += 1) {
        await page.keyboard.press('Tab');
        const now = await focused(page);
        if (!now) continue;
        if (now.index === null) continue; // e.g. a scrollable region Chromium makes focusable itself
        const index = Number(now.index);
        if (reached.length && index === reached[0]) break; // round again
        if (reached.at(-1) === index) continue; // still inside an iframe
        reached.push(index);
        const before = expected[index]!;
        if (now.looks === before.looks) problems.push(`no visible focus indicator on ${before.name}`);
        if (!now.onScreen) problems.push(`focused but off screen: ${before.name}`);
      }
      for (let step = 1; step < reached.length; step += 1) {
        if (reached[step]! < reached[step - 1]!) problems.push(`out of reading order: ${expected[reached[step]!]!.name} comes after ${expected[reached[step - 1]!]!.name}`);
      }
      const missed = expected.filter((_, index) => !reached.includes(index)).map((element) => `never reached by Tab: ${element.name}`);
      expect([...problems, ...missed]).toEqual([]);
    } finally {
      await close();
    }
  });

  test.for(pages.map((page) => page.path))('%s: a skip link comes first and moves focus to the main content', async (path, { expect }) => {
    const { page, close } = await open(path, { width: 1280, height: 800 });
    try {
      // Bypass Blocks (WCAG 2.4.1) is about blocks repeated before the content.
      const hasBlocksToSkip = await page.evaluate(() => {
        const main = document.querySelector('main');
        return Boolean(main && [...document.querySelectorAll('nav, header')].some((block) => block.compareDocumentPosition(main) & Node.DOCUMENT_POSITION_FOLLOWING));
      });
      if (!hasBlocksToSkip) return;
      await page.keyboard.press('Tab');
      const skip = await page.evaluate(() => {
        const link = document.activeElement as HTMLAnchorElement;
        const box = link.getBoundingClientRect();
        return { text: link.textContent?.trim(), href: link.getAttribute('href'), visible: box.top >= 0 && box.height > 8 && box.width > 8 };
      });
      expect(skip.text).toMatch(/skip/i);
      expect(skip.visible, 'the skip link shows when focused').toBe(true);
      await page.keyboard.press('Enter');
      const inMain = await page.evaluate(() => Boolean(document.activeElement?.closest('main')));
      expect(inMain, `focus is in <main> after following ${skip.href}`).toBe(true);
    } finally {
      await close();
    }
  });
});

describe('layout', { concurrent: true }, () => {
  test.for(pages.map((page) => page.path))('%s at 320px wide: no sideways scrolling and no chart text under 12px', async (path, { expect }) => {
    const { page, close } = await open(path, { width: 320, height: 640 });
    try {
      const result = await page.evaluate((minimum) => {
        const width = document.documentElement.clientWidth;
        const name = (element: Element) => `<${element.localName}${element.getAttribute('class') ? ` class="${element.getAttribute('class')}"` : ''}>`;
        const clipped = (element: Element) => {
          for (let parent = element.parentElement; parent; parent = parent.parentElement) {
            if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(parent).overflowX)) return parent !== document.documentElement && parent !== document.body;
          }
          return false;
        };
        const overflowing = document.documentElement.scrollWidth > width
          ? [...document.body.querySelectorAll('*')].filter((element) => element.getBoundingClientRect().right > width + 1 && !clipped(element)).slice(0, 5).map((element) => `${name(element)} reaches ${Math.round(element.getBoundingClientRect().right)}px`)
          : [];
        const smallText = [...document.querySelectorAll('svg text')].flatMap((text) => {
          const box = text.getBoundingClientRect();
          const matrix = (text as SVGTextElement).getScreenCTM();
          if (!matrix || box.width === 0) return [];
          const size = parseFloat(getComputedStyle(text).fontSize) * Math.sqrt(Math.abs(matrix.a * matrix.d - matrix.b * matrix.c));
          return size < minimum - 0.01 ? [`"${text.textContent?.trim().slice(0, 30)}" at ${size.toFixed(1)}px in ${name(text.closest('svg')!.parentElement!)}`] : [];
        });
        return { scrollWidth: document.documentElement.scrollWidth, width, overflowing, smallText };
      }, MIN_CHART_TEXT_PX);
      const smallImageText = await smallTextInChartImages(page, MIN_CHART_TEXT_PX);
      expect(result.overflowing, `the page is ${result.scrollWidth}px wide in a ${result.width}px window`).toEqual([]);
      expect(result.scrollWidth).toBeLessThanOrEqual(result.width);
      expect(result.smallText.slice(0, 10)).toEqual([]);
      expect(smallImageText.slice(0, 10)).toEqual([]);
    } finally {
      await close();
    }
  });

  test.for(pages.map((page) => page.path))(`%s at 1280px wide: prose lines are at most ${MAX_LINE_CHARACTERS} characters`, async (path, { expect }) => {
    const { page, close } = await open(path, { width: 1280, height: 800 });
    try {
      const long = await page.evaluate((maximum) => {
        const context = document.createElement('canvas').getContext('2d')!;
        const blocks = [...document.querySelectorAll('main p, main li, main blockquote, main dd')].filter(
          (element) => !element.closest('table, figure, nav, svg') && ![...element.children].some((child) => ['P', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'DIV'].includes(child.tagName)),
        );
        return blocks.flatMap((element) => {
          const style = getComputedStyle(element);
          const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
          const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
          if (text.length < 60 || element.getBoundingClientRect().height < lineHeight * 1.9) return []; // one line: no measure to judge
          context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          const averageCharacter = context.measureText(text).width / text.length;
          const contentWidth = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
          const characters = Math.round(contentWidth / averageCharacter);
          return characters > maximum ? [`${characters} characters a line: <${element.localName} class="${element.getAttribute('class') ?? ''}"> "${text.slice(0, 40)}…"`] : [];
        });
      }, MAX_LINE_CHARACTERS);
      expect(long.slice(0, 10)).toEqual([]);
    } finally {
      await close();
    }
  });
});
