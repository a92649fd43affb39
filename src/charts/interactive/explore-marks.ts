import { markRowList, markText, rowNumbers, type MarkRows } from './mark-text.ts';
import { markTooltip } from './mark-tooltip.ts';

/**
 * Explorable marks, as an enhancement of a drawing that already says
 * everything with its table: point at a mark (or tap it) for its value,
 * period, qualifiers, source and a link to its quote; or focus the chart and
 * move from mark to mark with the arrow keys (Home and End for the first and
 * last, Enter to open the mark's row in the table, Escape to close), each
 * mark read out by a live region. No Plot or d3 here: the marks carry the
 * numbers of their rows (src/charts/mark-data.ts), and the rows' words are
 * one file per chart (`data-marks`), fetched when a reader first points at,
 * touches or focuses the chart.
 */

/** How near a pointer must come to a mark, in CSS px, for it to count: small marks are hard to tap. */
const REACH = { mouse: 12, touch: 24 } as const;

/** Enhances every chart drawing on the page that holds data marks. */
export function exploreCharts(root: ParentNode = document): void {
  for (const graphic of root.querySelectorAll<HTMLElement>('.chart__graphic[data-chart]')) exploreChart(graphic);
}

function exploreChart(graphic: HTMLElement): void {
  if (graphic.dataset.explorable || !graphic.querySelector('[data-rows]')) return;
  graphic.dataset.explorable = 'true';
  const tooltip = markTooltip(graphic, { chartId: graphic.dataset.chart!, siteRoot: graphic.dataset.siteRoot ?? '/', target: graphic.dataset.tableTarget });
  const rows = markRowsOf(graphic);
  for (const first of ['pointerenter', 'touchstart', 'focusin']) graphic.addEventListener(first, () => void rows(), { once: true, passive: true });
  // The drawing on show (site.css picks one by width), its marks in the table's order, then left to right.
  const marks = () => {
    const svg = [...graphic.querySelectorAll<SVGSVGElement>('svg.chart-svg')].find((candidate) => candidate.checkVisibility());
    const found = svg ? [...svg.querySelectorAll<SVGGraphicsElement>('[data-rows]')] : [];
    const order = (mark: SVGGraphicsElement) => {
      const box = mark.getBoundingClientRect();
      return [rowNumbers(mark.dataset.rows)[0] ?? 0, box.left, box.top];
    };
    const keys = new Map(found.map((mark) => [mark, order(mark)]));
    return found.sort((a, b) => {
      const [ka, kb] = [keys.get(a)!, keys.get(b)!];
      return ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2];
    });
  };
  let current = -1;
  let pinned = false;

  // The current mark is marked `data-current`, for styles and tests to find.
  // The mark is current at once; its words follow as soon as the chart's rows are in (at once after the first time).
  const show = async (list: SVGGraphicsElement[], index: number, announce: boolean) => {
    graphic.querySelector('[data-current]')?.removeAttribute('data-current');
    current = index;
    const mark = list[index];
    mark.setAttribute('data-current', '');
    const file = await rows();
    const text = markText(markRowList(mark.dataset, file), file.rows);
    if (mark.hasAttribute('data-current')) tooltip.show(mark, text, index + 1, list.length, announce);
  };
  const hide = () => {
    pinned = false;
    graphic.querySelector('[data-current]')?.removeAttribute('data-current');
    tooltip.hide();
  };

  const count = marks().length;
  graphic.tabIndex = 0;
  graphic.setAttribute('role', 'group');
  graphic.setAttribute('aria-roledescription', 'explorable chart');
  const hint = graphic.ownerDocument.createElement('p');
  // Read with the chart's name by screen readers; shown under the chart while it has keyboard focus.
  hint.className = 'chart-hint';
  hint.id = `${graphic.dataset.chart}-explore-hint-${graphic.ownerDocument.querySelectorAll('[data-explorable]').length}`;
  hint.textContent = `${count} marks: use the arrow keys to move from one to the next, Enter to open its row in the table, Escape to close.`;
  graphic.append(hint);
  graphic.setAttribute('aria-describedby', hint.id);
  const svgTitle = graphic.querySelector('svg title')?.textContent;
  if (svgTitle) graphic.setAttribute('aria-label', svgTitle);

  graphic.addEventListener('keydown', (event) => {
    const list = marks();
    if (!list.length) return;
    const moves: Record<string, number> = { ArrowRight: current + 1, ArrowDown: current + 1, ArrowLeft: current - 1, ArrowUp: current - 1, Home: 0, End: list.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      pinned = true;
      void show(list, Math.max(0, Math.min(list.length - 1, current < 0 && event.key !== 'End' ? 0 : moves[event.key])), true);
    } else if (event.key === 'Enter' && event.target === graphic) {
      tooltip.link()?.click();
    } else if (event.key === 'Escape') {
      hide();
    }
  });
  graphic.addEventListener('pointermove', (event) => {
    if (pinned || event.pointerType !== 'mouse') return;
    const list = marks();
    const index = nearest(list, event.clientX, event.clientY, REACH.mouse);
    if (index < 0) hide();
    else if (index !== current || !tooltip.link()) void show(list, index, false);
  });
  graphic.addEventListener('pointerleave', () => {
    if (!pinned) hide();
  });
  // A tap or click on a mark pins its tooltip (and reads it out); elsewhere in the drawing, closes it.
  graphic.addEventListener('click', (event) => {
    if ((event.target as Element).closest('.chart-tip')) return;
    const list = marks();
    const index = nearest(list, event.clientX, event.clientY, REACH.touch);
    if (index < 0) return hide();
    pinned = true;
    void show(list, index, true);
  });
  graphic.ownerDocument.addEventListener('click', (event) => {
    if (pinned && !graphic.contains(event.target as Node)) hide();
  });
  // A new width may show another drawing, whose marks are elsewhere: close rather than point at nothing.
  let width = graphic.clientWidth;
  new ResizeObserver(() => {
    if (graphic.clientWidth === width) return;
    width = graphic.clientWidth;
    hide();
  }).observe(graphic);
}

/**
 * The chart's rows, fetched once, on first use, and shared by every call.
 * A failed fetch leaves each mark its row number and link, and is tried
 * again on the next mark.
 */
function markRowsOf(graphic: HTMLElement): () => Promise<MarkRows> {
  let loading: Promise<MarkRows> | undefined;
  return () => {
    loading ??= fetch(graphic.dataset.marks!)
      .then((response) => (response.ok ? (response.json() as Promise<MarkRows>) : Promise.reject(new Error(String(response.status)))))
      .catch(() => {
        loading = undefined;
        return { rows: [] };
      });
    return loading;
  };
}

/** How far outside its box a mark still counts as under the pointer: strokes are not in the box, and a fingertip is broad. */
const SLOP = 3;

/**
 * The mark under the point or nearest it, within `reach` CSS px: of marks
 * the point is on (a threshold across its bar), the one whose centre is
 * nearest. -1 if none.
 */
function nearest(marks: readonly Element[], x: number, y: number, reach: number): number {
  let best = -1;
  let bestScore = [reach, Infinity];
  marks.forEach((mark, index) => {
    const box = mark.getBoundingClientRect();
    const edge = Math.max(0, Math.hypot(Math.max(box.left - x, 0, x - box.right), Math.max(box.top - y, 0, y - box.bottom)) - SLOP);
    const centre = Math.hypot(box.left + box.width / 2 - x, box.top + box.height / 2 - y);
    if (edge < bestScore[0] || (edge === bestScore[0] && centre < bestScore[1])) {
      best = index;
      bestScore = [edge, centre];
    }
  });
  return best;
}
