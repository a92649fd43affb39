import type { CaseloadMark, CaseloadStatement, CaseloadStatementYear, MarkType } from './caseload-types.ts';

/**
 * When the record holds more reported caseloads than a chart can show one
 * by one, marks that would sit on (nearly) the same spot and are the same
 * kind of number become one mark that names them all: drawn once, with a
 * whisker across their values and a label that counts them. The table
 * still lists every figure, and the mark's rows name each (mark-data.ts).
 * Decided from the data, not the drawing's width, so that every drawing of
 * a chart names the same marks and the marks file lists each group once.
 */

/** Up to this many reported numbers, each is its own mark, as the record to 2025 draws them. */
export const MARKS_DRAWN = 60;
/** Up to this many statements off the scale, each is its own square; past it, a bar for each year, as tall as its count. */
export const STATEMENTS_DRAWN = 40;

/** How finely marks are gathered, finest first: the first that leaves at most MARKS_DRAWN marks is used, else the coarsest. */
const GRAINS: readonly { period: 'quarter' | 'year'; cases: number }[] = [
  { period: 'quarter', cases: 2 },
  { period: 'year', cases: 5 },
  { period: 'year', cases: 10 },
  { period: 'year', cases: Infinity },
];

const NOUNS: Record<MarkType, string> = {
  average: 'averages',
  extreme: 'highest or lowest figures',
  'lower-bound': 'lower bounds (over)',
  'upper-bound': 'upper bounds (under)',
  limit: 'limits',
  unstated: 'figures of unstated kind',
  range: 'ranges',
};

const QUARTER_MONTHS = ['January to March', 'April to June', 'July to September', 'October to December'];

/** The marks as drawn: each alone while there are at most MARKS_DRAWN, else gathered by kind, period and value. Keys are renumbered in date order. */
export function gatherMarks(marks: readonly CaseloadMark[]): CaseloadMark[] {
  if (marks.length <= MARKS_DRAWN) return [...marks];
  const grouped = GRAINS.map((grain) => groupBy(marks, (mark) => cellOf(mark, grain)));
  const chosen = grouped.find((groups) => groups.size <= MARKS_DRAWN) ?? grouped.at(-1)!;
  const gathered = [...chosen].map(([cell, members]) => (members.length === 1 ? members[0] : gatheredMark(cell, members)));
  return gathered.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id)).map((mark, index) => ({ ...mark, key: index + 1 }));
}

/** The statements' band as drawn: undefined (a square each) while there are at most STATEMENTS_DRAWN, else one bar a year. */
export function statementYears(statements: readonly CaseloadStatement[]): CaseloadStatementYear[] | undefined {
  if (statements.length <= STATEMENTS_DRAWN) return undefined;
  return [...groupBy(statements, (statement) => statement.date.slice(0, 4))].map(([year, members]) => ({ id: `caseload-words-${year}`, year: Number(year), count: members.length, members: members.map((statement) => statement.id) }));
}

function cellOf(mark: CaseloadMark, grain: (typeof GRAINS)[number]): string {
  const year = mark.date.slice(0, 4);
  const month = mark.date.length >= 7 ? Number(mark.date.slice(5, 7)) : 7;
  const period = grain.period === 'year' ? year : `${year}-q${Math.ceil(month / 3)}`;
  const level = mark.value ?? ((mark.low ?? 0) + (mark.high ?? 0)) / 2;
  const bin = Number.isFinite(grain.cases) ? `-${Math.floor(level / grain.cases) * grain.cases}` : '';
  return `caseload-${mark.type}-${period}${bin}`;
}

function gatheredMark(cell: string, members: readonly CaseloadMark[]): CaseloadMark {
  const sorted = [...members].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const lows = sorted.map((mark) => mark.low ?? mark.value!);
  const highs = sorted.map((mark) => mark.high ?? mark.value!);
  const levels = sorted.map((mark) => mark.value ?? ((mark.low ?? 0) + (mark.high ?? 0)) / 2).sort((a, b) => a - b);
  const [low, high] = [Math.min(...lows), Math.max(...highs)];
  const quarter = /-q(\d)/.exec(cell);
  const year = sorted[0].date.slice(0, 4);
  const documents = new Set(sorted.map((mark) => mark.document)).size;
  const { type } = sorted[0];
  const statistics = new Set(sorted.map((mark) => mark.statistic));
  const [statistic] = statistics.size === 1 ? [...statistics] : [undefined];
  // Only means are called averages: a group holding medians says so.
  const noun = type === 'average' && statistic !== 'mean' ? (statistic === 'median' ? 'medians' : 'means or medians') : type === 'range' && statistic === 'mean' ? 'ranges of averages' : NOUNS[type];
  return {
    id: cell,
    key: 0,
    type,
    ...(type === 'range' ? { low, high } : { value: levels[Math.floor((levels.length - 1) / 2)], low, high }),
    ...(statistic ? { statistic } : {}),
    words: `${sorted.length} ${noun}, ${low === high ? `all ${low}` : `${low} to ${high}`}`,
    date: quarter ? `${year}-${String(Number(quarter[1]) * 3 - 1).padStart(2, '0')}` : year,
    precision: quarter ? 'month' : 'year',
    when: quarter ? `${QUARTER_MONTHS[Number(quarter[1]) - 1]} ${year}` : year,
    document: sorted[0].document,
    source: `${documents} ${documents === 1 ? 'document' : 'documents'}`,
    members: sorted.map((mark) => mark.id),
  };
}

function groupBy<Item>(items: readonly Item[], keyOf: (item: Item) => string): Map<string, Item[]> {
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
