import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { darkPalette, lightPalette, themedSvg } from '../../src/publish/standalone-svg.ts';

// The story page's chart images carry the site's light and dark colours.
const siteCss = await readFile(new URL('../../src/styles/site.css', import.meta.url), 'utf8');
const chart = '<svg width="100" height="50" viewBox="0 0 100 50" fill="currentColor"><title>T</title><desc>D</desc><rect fill="var(--grade-4)"/><text fill="var(--muted, #555)">x</text></svg>';
const options = { light: lightPalette(siteCss), dark: darkPalette(siteCss), fontFamily: 'sans-serif' };

describe('themedSvg', () => {
  test('reads the dark palette from the stylesheet’s dark-mode rule', () => {
    const dark = darkPalette(siteCss);
    expect(dark['--text']).toMatch(/^#/);
    expect(dark['--text']).not.toBe(lightPalette(siteCss)['--text']);
    expect(() => darkPalette(':root { --text: #000; }')).toThrow(/prefers-color-scheme: dark/);
  });

  test('declares the colours the chart uses in both palettes, the dark ones on screens only, and keeps var()', () => {
    const svg = themedSvg(chart, options);
    const style = /<style>([\s\S]*?)<\/style>/.exec(svg)![1]!;
    const [light, dark] = style.split('@media screen and (prefers-color-scheme: dark)');
    for (const name of ['--text', '--grade-4', '--muted']) {
      expect(light).toContain(`${name}: ${options.light[name]};`);
      expect(dark).toContain(`${name}: ${options.dark[name]};`);
    }
    // Only what the chart uses: no fonts or layout properties.
    expect(style).not.toContain('--measure');
    expect(svg).toContain('fill="var(--grade-4)"');
  });

  test('is a file: XML declaration, xmlns, its title and description first', () => {
    const svg = themedSvg(chart, options);
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"')).toBe(true);
    expect(svg.indexOf('<desc>')).toBeLessThan(svg.indexOf('<style>'));
  });

  test('a colour the light palette lacks is an error, not an invisible mark', () => {
    expect(() => themedSvg(chart.replace('--grade-4', '--grade-9'), options)).toThrow(/--grade-9/);
  });
});
