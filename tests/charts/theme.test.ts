import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { COLOUR, LIGHT_COLOURS, gradeColour } from '../../src/charts/theme.ts';

// The charts take their colours from site.css; these tests read that file
// and check the colours the charts use, in light, dark and print.
const css = readFileSync('src/styles/site.css', 'utf8');

function properties(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{6})/gi)].map((match) => [match[1], match[2].toLowerCase()]));
}
const light = properties(css.slice(css.indexOf(':root {'), css.indexOf('}', css.indexOf(':root {'))));
const darkStart = css.indexOf('@media (prefers-color-scheme: dark)');
const dark = properties(css.slice(darkStart, css.indexOf('}', css.indexOf(':root {', darkStart))));
const chartPrint = css.slice(css.indexOf('/* ==== Charts'));
const print: Record<string, string> = { ...light, ...properties(css.slice(css.indexOf('@media print'), css.indexOf('}', css.indexOf('@media print')))), ...properties(chartPrint.slice(chartPrint.indexOf('@media print'))), '--bg': '#ffffff' };

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
/** WCAG 2 contrast ratio. */
function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}

const TEXT_COLOURS = ['--text', '--muted', '--grade-1', '--grade-2', '--grade-3', '--grade-4', '--grade-none'];

describe('chart colours', () => {
  test('the fallbacks in theme.ts are site.css’s light values', () => {
    for (const [name, value] of Object.entries(LIGHT_COLOURS)) expect([name, light[name]]).toEqual([name, value]);
  });

  test('marks use the custom properties, so inline SVG follows the page', () => {
    expect(gradeColour(4)).toBe('var(--grade-4, #b3261e)');
    expect(gradeColour(undefined)).toBe(COLOUR.ungraded);
    expect(COLOUR.text).toBe('currentColor');
  });

  test.for([
    ['light', light],
    ['dark', dark],
    ['print', print],
  ] as const)('%s: grade, muted and body colours reach 4.5:1 against the background (text) and so 3:1 (graphics)', ([, palette]) => {
    for (const name of TEXT_COLOURS) {
      expect({ name, ratio: contrast(palette[name], palette['--bg']) >= 4.5 }).toEqual({ name, ratio: true });
    }
  });

  test.for([
    ['light', light],
    ['dark', dark],
  ] as const)('%s: the background colour written on a muted bar (adoption chart) reaches 4.5:1', ([, palette]) => {
    expect(contrast(palette['--bg'], palette['--muted'])).toBeGreaterThanOrEqual(4.5);
  });
});
