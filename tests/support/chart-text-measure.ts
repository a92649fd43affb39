import type { Page } from 'playwright-core';

/** What one chart shows in the browser: the drawing on show, the column it is in, how wide it is drawn and its text in CSS px. */
export interface ShownChart {
  chart: string;
  /** The class of each drawing on show: exactly one is expected. */
  drawings: string[];
  /** The chart's container (`.chart`), in CSS px. */
  container: number;
  /** The drawing's rendered width, in CSS px. */
  shown: number;
  /** Smallest and largest text: each label's font size times the drawing's scale. */
  minText: number;
  maxText: number;
  texts: number;
}

/**
 * Every chart on the page as Chromium lays it out: which drawing shows, and
 * its text as rendered (font size in SVG units times the drawing's scale on
 * screen), so the check does not trust the build's own arithmetic.
 */
export function measureShownCharts(page: Page): Promise<ShownChart[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.chart')].map((chart) => {
      const shown = [...chart.querySelectorAll<SVGSVGElement>('svg.chart-svg')].filter((svg) => svg.checkVisibility());
      const svg = shown[0];
      const scale = svg ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 0;
      const sizes = svg ? [...svg.querySelectorAll('text')].filter((text) => text.textContent?.trim()).map((text) => parseFloat(getComputedStyle(text).fontSize) * scale) : [];
      return {
        chart: chart.id,
        drawings: shown.map((candidate) => candidate.closest('.chart-drawing')?.className ?? candidate.getAttribute('class') ?? ''),
        container: chart.getBoundingClientRect().width,
        shown: svg ? svg.getBoundingClientRect().width : 0,
        minText: Math.min(...sizes),
        maxText: Math.max(...sizes),
        texts: sizes.length,
      };
    }),
  );
}
