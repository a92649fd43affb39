import * as Plot from '@observablehq/plot';
import { wrapText } from './text-layout.ts';
import { LINE_HEIGHT } from './theme.ts';

/**
 * A panel's heading in bold, wrapped to the panel's width, and how much
 * taller than one line it came out (what the panel moves its content down by).
 */
export function panelHeading(text: string, { left, width, fontSize, top = 14 }: { left: number; width: number; fontSize: number; top?: number }) {
  const lines = wrapText(text, width, fontSize, true);
  const lineHeight = fontSize * LINE_HEIGHT;
  return {
    mark: Plot.text(lines, {
      x: left,
      y: (_: string, index: number) => top + index * lineHeight,
      text: (line: string) => line,
      textAnchor: 'start',
      lineAnchor: 'middle',
      fontWeight: 700,
      fontSize,
      className: 'panel-heading',
    }),
    extra: (lines.length - 1) * lineHeight,
  };
}
