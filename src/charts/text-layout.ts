/**
 * Text measurement and label placement without a browser. Charts are drawn at
 * build time with no `getBBox`, so widths are estimated from a table of
 * DejaVu Sans advance widths: the widest of the fonts in the site's sans
 * stack, so estimates err on the long side and wrapped lines fit.
 */

const NARROW = new Set("fijlrt.,;:'!|()[]/ ");
const WIDE = new Set('mwMW@%&—');

/** Advance width of one character in ems (DejaVu Sans, rounded up). */
function charWidth(char: string): number {
  if (NARROW.has(char)) return char === 'r' ? 0.42 : char === 't' ? 0.4 : 0.34;
  if (WIDE.has(char)) return char === '—' ? 1 : 0.98;
  if (/[A-Z]/.test(char)) return 0.72;
  if (/[0-9]/.test(char)) return 0.64;
  if (/[“”"]/.test(char)) return 0.5;
  if (/[-–]/.test(char)) return char === '–' ? 0.5 : 0.37;
  return 0.62;
}

/**
 * Estimated width of a line of text, in the units of `fontSize`.
 * @example estimateTextWidth('Good', 10) // about 25
 */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let ems = 0;
  for (const char of text) ems += charWidth(char);
  return ems * fontSize * (bold ? 1.07 : 1);
}

/**
 * Breaks text into lines no wider than `maxWidth` (estimated), at spaces. A
 * single word longer than the line stays whole on its own line.
 * @example wrapText('Requires improvement', 80, 13) // ['Requires', 'improvement']
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && estimateTextWidth(candidate, fontSize, bold) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** A label that wants to sit at `at` and needs `size` units along the axis. */
export interface LabelSlot {
  at: number;
  size: number;
}

/**
 * Places labels along one axis, in the order given, as near as possible to
 * where each wants to be without overlapping: each label starts at least
 * `gap` after the previous one ends; if the last would run past `max`, the
 * whole run is pushed back towards `min`. Returns each label's start.
 * @example dodgeLabels([{at: 0, size: 10}, {at: 5, size: 10}], 2) // [0, 12]
 */
export function dodgeLabels(slots: readonly LabelSlot[], gap: number, min = -Infinity, max = Infinity): number[] {
  const starts: number[] = [];
  let end = min - gap;
  for (const slot of slots) {
    const start = Math.max(slot.at, end + gap);
    starts.push(start);
    end = start + slot.size;
  }
  // Pull back from the far edge, keeping the order and the gaps.
  let limit = max;
  for (let index = starts.length - 1; index >= 0; index -= 1) {
    const overflow = starts[index] + slots[index].size - limit;
    if (overflow > 0) starts[index] = Math.max(min, starts[index] - overflow);
    limit = starts[index] - gap;
  }
  return starts;
}
