import * as Plot from '@observablehq/plot';
import { cellGradeWords, type AreaCell, type AreaRecord } from './area-record.ts';
import { abbreviateGrade, fitGrade } from './grade-words.ts';
import { renderPixelPlot, type Panel } from './render-svg.ts';
import { estimateTextWidth, wrapText } from './text-layout.ts';
import { COLOUR, LINE_HEIGHT, MARGIN, TEXT_SIZE, gradeColour, type ChartLayout } from './theme.ts';

/** The narrowest a column may be before the record shows fewer inspections, by layout. */
const MIN_COLUMN: Record<ChartLayout, number> = { narrow: 46, wide: 62 };
const MAX_COLUMN: Record<ChartLayout, number> = { narrow: 90, wide: 128 };
const CELL_INSET = 4;

interface CellText {
  lines: string[];
  /** Short forms used, to spell out in the key: short → whole. */
  shortened: [string, string][];
}

/**
 * The area-by-area record as a grid: a row per judgement topic, a column per
 * graded inspection, each cell the grade in words on a tint of its colour.
 * On wide screens topics label their rows on the left; on phones each row's
 * topic is a line above its cells, so the cells have the whole width. Grades
 * are shortened only when their words do not fit the cell, and a key spells
 * out each short form; when the columns cannot all fit, the latest
 * inspections are shown and the heading says so (the table lists all).
 */
export function areaRecordPanel(record: AreaRecord, width: number, layout: ChartLayout, frameworkNumber: (framework: string) => number): Panel {
  const size = TEXT_SIZE[layout];
  const margin = MARGIN[layout];
  const lineHeight = size.small * LINE_HEIGHT;
  const inner = width - margin.left - margin.right;
  const labelColumn = layout === 'wide' ? Math.min(150, Math.max(...record.topics.map((topic) => estimateTextWidth(topic.label, size.small, true))) + 10) : 0;
  const available = inner - labelColumn;
  // A column is never narrower than its widest cell's shortest words: a grade is always written, never dropped.
  const needed = Math.max(0, ...record.cells.map((cell) => estimateTextWidth(shortestWords(cell), size.small, true))) + 6 + 2 * CELL_INSET;
  const fitting = Math.max(1, Math.floor(available / Math.max(MIN_COLUMN[layout], needed)));
  const columns = record.columns.slice(-fitting);
  const columnWidth = Math.min(MAX_COLUMN[layout], available / Math.max(1, columns.length));
  const gridLeft = margin.left + labelColumn;
  const columnX = (index: number) => gridLeft + index * columnWidth;
  const cellWidth = columnWidth - 2 * CELL_INSET;

  const heading = wrapText(
    columns.length < record.columns.length
      ? `Area by area: the latest ${columns.length} of ${record.columns.length} graded inspections`
      : `Area by area: every graded inspection${record.columns.length ? `, ${record.columns[0].year} to ${record.columns.at(-1)!.year}` : ''}`,
    inner,
    size.strong,
    true,
  );
  let y = 14 + heading.length * size.strong * LINE_HEIGHT;

  // Framework names over their run of columns, else their number in the scales key.
  const runs: { framework: string; name: string; first: number; last: number }[] = [];
  columns.forEach((column, index) => {
    const last = runs.at(-1);
    if (last && last.framework === column.framework) last.last = index;
    else runs.push({ framework: column.framework, name: column.frameworkName, first: index, last: index });
  });
  const runLabels = runs.map((run) => {
    const room = (run.last - run.first + 1) * columnWidth - 2 * CELL_INSET;
    const lines = wrapText(run.name, room, size.small, true);
    const fits = lines.length <= 2 && lines.every((line) => estimateTextWidth(line, size.small, true) <= room);
    return { ...run, lines: fits ? lines : [String(frameworkNumber(run.framework))] };
  });
  const runTop = y;
  const runLines = Math.max(1, ...runLabels.map((run) => run.lines.length));
  y += runLines * lineHeight + 4;
  const headerTop = y;
  const headerLines = columns.map((column) => {
    const fitsMonth = estimateTextWidth(column.when, size.small, true) <= cellWidth;
    return fitsMonth ? [column.when] : [column.year];
  });
  y += lineHeight + 6;

  // `mark` names the rows a cell draws: its grades' judgements, or the inspection that gave no overall grade.
  const cells: { x: number; y: number; width: number; height: number; colour: string; dashed: boolean; empty: boolean; mark?: string }[] = [];
  const cellText: { text: string; x: number; y: number; colour: string; style: 'grade' | 'none' }[] = [];
  const rowLabels: { text: string; y: number }[] = [];
  const rowCentres = new Map<string, number>();
  // Changes of framework are drawn through the cells only, never through a topic's name.
  const breakSegments: { y1: number; y2: number }[] = [{ y1: runTop - 2, y2: y - 4 }];
  const shortened = new Map<string, Set<string>>();
  const maxLines = layout === 'wide' ? 2 : 1;

  for (const topic of record.topics) {
    if (layout === 'narrow') {
      for (const text of wrapText(topic.label, inner, size.small, true)) {
        rowLabels.push({ text, y: y + lineHeight / 2 });
        y += lineHeight;
      }
    }
    const texts = columns.map((column) => {
      const cell = record.cells.find((candidate) => candidate.event === column.event && candidate.topic === topic.id);
      return { cell, text: cell ? fitCell(cell, cellWidth - 6, size.small, maxLines) : undefined };
    });
    const lines = Math.max(1, ...texts.map(({ text }) => text?.lines.length ?? 1));
    const rowHeight = lines * lineHeight + 8;
    const labelLines = layout === 'wide' ? wrapText(topic.label, labelColumn - 10, size.small, true).slice(0, 2) : [];
    const top = y;
    const fullHeight = Math.max(rowHeight, labelLines.length * lineHeight + 8);
    labelLines.forEach((text, index) => rowLabels.push({ text, y: top + (fullHeight - labelLines.length * lineHeight) / 2 + lineHeight * (index + 0.5) }));
    rowCentres.set(topic.id, top + fullHeight / 2);
    breakSegments.push({ y1: top, y2: top + fullHeight });
    texts.forEach(({ cell, text }, index) => {
      const cx = columnX(index) + columnWidth / 2;
      const worst = cell?.grades.reduce((max, grade) => (grade.position > max.position ? grade : max), cell.grades[0]);
      const colour = worst ? gradeColour(worst.position, worst.scaleSize) : COLOUR.muted;
      cells.push({ x: columnX(index) + CELL_INSET, y: top + 2, width: cellWidth, height: fullHeight - 4, colour, dashed: !!cell && (cell.noOverallGrade || cell.grades.every((grade) => grade.reported)), empty: !cell || cell.grades.length === 0, mark: cell?.grades.length ? cell.grades.map((grade) => grade.row).join(' ') : cell?.noOverallGrade ? cell.event : undefined });
      const shown = text ?? { lines: ['–'], shortened: [] };
      if (cell && !text) throw new Error(`The area record has no room to write "${shortestWords(cell)}" in a ${cellWidth}-unit cell`);
      for (const [short, whole] of shown.shortened) shortened.set(short, new Set([...(shortened.get(short) ?? []), whole]));
      shown.lines.forEach((line, lineIndex) =>
        cellText.push({ text: line, x: cx, y: top + fullHeight / 2 + lineHeight * (lineIndex + 0.5 - shown.lines.length / 2), colour: worst ? colour : COLOUR.muted, style: worst ? 'grade' : 'none' }),
      );
    });
    y += fullHeight;
  }

  // A judgement of two topics at once is bracketed across both rows, on the cell's right.
  const brackets = columns.flatMap((column, index) =>
    record.cells
      .filter((cell) => cell.event === column.event && cell.judgedWith.length > 0)
      .flatMap((cell) => cell.judgedWith.filter((other) => rowCentres.has(other) && record.topics.findIndex((topic) => topic.id === other) > record.topics.findIndex((topic) => topic.id === cell.topic)).map((other) => ({ x: columnX(index) + columnWidth - 1, y1: rowCentres.get(cell.topic)!, y2: rowCentres.get(other)! }))),
  );

  const keyEntries = [...shortened].map(([short, wholes]) => `${short} ${[...wholes].join(' or ')}`);
  const keyLines = keyEntries.length ? wrapText(`Short forms: ${keyEntries.join(' · ')}`, inner, size.small) : [];
  const keyTop = y + 10;
  const height = Math.ceil(keyTop + keyLines.length * lineHeight + 8);

  const cellBox = { x1: 'x', x2: (d: { x: number; width: number }) => d.x + d.width, y1: 'y', y2: (d: { y: number; height: number }) => d.y + d.height } as const;
  const svg = renderPixelPlot({
    width,
    height,
    marks: [
      Plot.ruleY([0], { y: 0, x1: margin.left, x2: width - margin.right, stroke: COLOUR.rule, className: 'panel-rule' }),
      Plot.text(heading.map((text, index) => ({ text, y: 14 + size.strong * LINE_HEIGHT * (index + 0.5) })), { x: margin.left, y: 'y', text: 'text', textAnchor: 'start', lineAnchor: 'middle', fontWeight: 700, fontSize: size.strong, className: 'panel-heading' }),
      Plot.text(runLabels.flatMap((run) => run.lines.map((text, line) => ({ text, x: columnX(run.first) + CELL_INSET, y: runTop + lineHeight * (line + 0.5) }))), { x: 'x', y: 'y', text: 'text', textAnchor: 'start', lineAnchor: 'middle', fontSize: size.small, fontWeight: 700, fill: COLOUR.muted, className: 'framework-label' }),
      Plot.ruleX(runs.slice(1).flatMap((run) => breakSegments.map((segment) => ({ ...segment, x: columnX(run.first) }))), { x: 'x', y1: 'y1', y2: 'y2', stroke: COLOUR.text, strokeWidth: 1.5, strokeDasharray: '5 4', className: 'framework-break' }),
      Plot.text(headerLines.flatMap((lines, index) => lines.map((text) => ({ text, x: columnX(index) + columnWidth / 2 }))), { x: 'x', y: headerTop + lineHeight / 2, text: 'text', lineAnchor: 'middle', fontSize: size.small, fontWeight: 700, fontVariant: 'tabular-nums', className: 'column-label' }),
      Plot.text(rowLabels, { x: margin.left, y: 'y', text: 'text', textAnchor: 'start', lineAnchor: 'middle', fontSize: size.small, fontWeight: 700, className: 'topic-label' }),
      ...[false, true].flatMap((dashed) => [
        Plot.rect(cells.filter((cell) => !cell.empty && cell.dashed === dashed), { ...cellBox, fill: 'colour', fillOpacity: 0.14, stroke: 'colour', ...(dashed ? { strokeDasharray: '3 2' } : {}), title: 'mark', className: 'area-cell' }),
        Plot.rect(cells.filter((cell) => cell.empty && cell.dashed === dashed), { ...cellBox, fill: 'none', stroke: COLOUR.rule, ...(dashed ? { strokeDasharray: '3 2' } : {}), title: 'mark', className: 'area-cell area-cell--empty' }),
      ]),
      Plot.ruleX(brackets, { x: 'x', y1: 'y1', y2: 'y2', stroke: COLOUR.text, strokeWidth: 2, className: 'joint-judgement' }),
      Plot.ruleY(brackets.flatMap((bracket) => [bracket.y1, bracket.y2].map((by) => ({ y: by, x: bracket.x }))), { y: 'y', x1: (d: { x: number }) => d.x - 3, x2: 'x', stroke: COLOUR.text, strokeWidth: 2, className: 'joint-judgement-end' }),
      Plot.text(cellText.filter((text) => text.style === 'grade'), { x: 'x', y: 'y', text: 'text', lineAnchor: 'middle', fontSize: size.small, fontWeight: 700, fill: 'colour', className: 'area-grade' }),
      Plot.text(cellText.filter((text) => text.style === 'none'), { x: 'x', y: 'y', text: 'text', lineAnchor: 'middle', fontSize: size.small, fill: COLOUR.muted, className: 'area-none' }),
      Plot.text(keyLines.map((text, index) => ({ text, y: keyTop + lineHeight * (index + 0.5) })), { x: margin.left, y: 'y', text: 'text', textAnchor: 'start', lineAnchor: 'middle', fontSize: size.small, fill: COLOUR.muted, className: 'area-key' }),
    ],
  });
  return { svg, height, className: 'panel-areas' };
}

const NO_OVERALL_WORDS = ['No overall grade', 'None given', 'None'];

/** The fewest words a cell can be written in. */
function shortestWords(cell: AreaCell): string {
  if (cell.noOverallGrade) return NO_OVERALL_WORDS.at(-1)!;
  const grades = [...new Set(cell.grades.map((grade) => grade.grade))];
  return grades.map((grade) => (abbreviateGrade(grade).length < grade.length ? abbreviateGrade(grade) : grade)).join('/');
}

/** A cell's words: its grade (or grades) whole where they fit, else short forms; or that no overall grade was given. */
function fitCell(cell: AreaCell, width: number, size: number, maxLines: number): CellText | undefined {
  if (cell.noOverallGrade) {
    for (const words of NO_OVERALL_WORDS) {
      const lines = wrapText(words, width, size);
      if (lines.length <= maxLines && lines.every((line) => estimateTextWidth(line, size) <= width)) return { lines, shortened: [] };
    }
    return undefined;
  }
  const grades = [...new Map(cell.grades.map((grade) => [grade.grade, grade])).values()];
  if (grades.length === 1) {
    const fitted = fitGrade(grades[0].grade, { aliases: grades[0].aliases, width, size, bold: true, maxLines });
    if (!fitted) return undefined;
    return { lines: fitted.lines, shortened: fitted.abbreviated ? [[fitted.lines[0], grades[0].grade]] : [] };
  }
  const whole = wrapText(cellGradeWords(cell), width, size, true);
  if (whole.length <= maxLines && whole.every((line) => estimateTextWidth(line, size, true) <= width)) return { lines: whole, shortened: [] };
  const short = grades.map((grade) => abbreviateGrade(grade.grade)).join('/');
  if (estimateTextWidth(short, size, true) > width) return undefined;
  return { lines: [short], shortened: grades.filter((grade) => abbreviateGrade(grade.grade) !== grade.grade).map((grade) => [abbreviateGrade(grade.grade), grade.grade]) };
}
