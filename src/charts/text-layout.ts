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
 * Places labels along one axis, in the order given, without overlapping and
 * as near as possible to where each wants to be: labels that collide are
 * merged into a run, centred on where its members want to be (so a crowd
 * spreads both ways, not only downwards), then kept within [min, max].
 * Returns each label's start.
 * @example dodgeLabels([{at: 0, size: 10}, {at: 5, size: 10}], 2) // [-3.5, 8.5]
 */
export function dodgeLabels(slots: readonly LabelSlot[], gap: number, min = -Infinity, max = Infinity): number[] {
  interface Run { first: number; last: number; start: number; size: number }
  const offsets: number[] = [];
  const place = (run: Run) => {
    // The start that puts members nearest their wishes on average, clamped.
    let total = 0;
    for (let index = run.first; index <= run.last; index += 1) total += slots[index].at - offsets[index];
    const ideal = total / (run.last - run.first + 1);
    run.start = Math.max(min, Math.min(ideal, max - run.size));
  };
  const runs: Run[] = [];
  slots.forEach((slot, index) => {
    offsets[index] = 0;
    const run: Run = { first: index, last: index, start: slot.at, size: slot.size };
    place(run);
    runs.push(run);
    // Merge backwards while the new run collides with the one before it.
    while (runs.length > 1) {
      const [before, after] = runs.slice(-2);
      if (before.start + before.size + gap <= after.start) break;
      for (let member = after.first; member <= after.last; member += 1) offsets[member] += before.size + gap;
      const merged: Run = { first: before.first, last: after.last, start: before.start, size: before.size + gap + after.size };
      place(merged);
      runs.splice(-2, 2, merged);
    }
  });
  const starts: number[] = [];
  for (const run of runs) for (let index = run.first; index <= run.last; index += 1) starts[index] = run.start + offsets[index];
  return starts;
}
