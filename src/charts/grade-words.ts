import { estimateTextWidth, wrapText } from './text-layout.ts';

/**
 * A grade's words set to fit a space on a chart: whole when they fit, else a
 * shorter wording the framework itself uses (an alias), else an abbreviation
 * that a key on the chart and the data table spell out. Never overprinted,
 * never cut mid-word.
 */

const MINOR_WORDS = new Set(['to', 'be', 'of', 'and', 'the', 'is', 'not', 'a', 'in', 'for']);

/**
 * A short form of a grade: one word cut to four letters and a point, several
 * words to the initials of the first two that carry meaning.
 * @example abbreviateGrade('Inadequate') // 'Inad.'
 * @example abbreviateGrade('Requires improvement to be good') // 'RI'
 * @example abbreviateGrade('Good') // 'Good'
 */
export function abbreviateGrade(grade: string): string {
  const words = grade.split(/[\s:]+/).filter(Boolean);
  if (words.length === 1) return grade.length <= 5 ? grade : `${grade.slice(0, 4)}.`;
  const meaningful = words.filter((word) => !MINOR_WORDS.has(word.toLowerCase()));
  return meaningful
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase())
    .join('');
}

/** A grade set in a space: its lines, and whether they abbreviate it. */
export interface FittedGrade {
  lines: string[];
  abbreviated: boolean;
}

/**
 * The longest wording of a grade that fits `width` in at most `maxLines`
 * lines: the label, its aliases (shortest last), then its abbreviation.
 * Returns undefined when not even the abbreviation fits.
 */
export function fitGrade(grade: string, { aliases = [], width, size, bold = false, maxLines = 1 }: { aliases?: readonly string[]; width: number; size: number; bold?: boolean; maxLines?: number }): FittedGrade | undefined {
  const wordings = [grade, ...[...aliases].sort((a, b) => b.length - a.length).filter((alias) => alias.length < grade.length)];
  for (const wording of wordings) {
    const lines = wrapText(wording, width, size, bold);
    if (lines.length <= maxLines && lines.every((line) => estimateTextWidth(line, size, bold) <= width)) return { lines, abbreviated: false };
  }
  const short = abbreviateGrade(grade);
  return estimateTextWidth(short, size, bold) <= width ? { lines: [short], abbreviated: true } : undefined;
}
