import { markAnnouncement, rowAddress, type MarkText } from './mark-text.ts';

/**
 * What the script adds to a chart: a tooltip with the mark's value, period,
 * qualifiers, source and a link to its quote in the table; a ring around the
 * current mark; and a live region that reads each mark out. All are made
 * here, so a page without the script carries none of them.
 */
export interface MarkTooltip {
  show(mark: Element, text: MarkText, position: number, count: number, announce: boolean): void;
  hide(): void;
  /** The link to the current mark's row, if one is shown. */
  link(): HTMLAnchorElement | null;
}

/** Where the table's rows are: `data-site-root` and `data-table-target` on the chart's graphic (ChartGraphic.astro); each row names its page. */
interface TableLink {
  chartId: string;
  siteRoot: string;
  target?: string;
}

export function markTooltip(graphic: HTMLElement, table: TableLink): MarkTooltip {
  const doc = graphic.ownerDocument;
  const live = element(doc, 'div', 'visually-hidden');
  live.setAttribute('aria-live', 'polite');
  const ring = element(doc, 'div', 'chart-tip__ring');
  const tip = element(doc, 'div', 'chart-tip');
  ring.hidden = tip.hidden = true;
  graphic.append(ring, tip, live);

  return {
    show(mark, text, position, count, announce) {
      tip.replaceChildren(
        ...(text.value
          ? [
              line(doc, 'chart-tip__value', [strong(doc, text.value), ` · ${text.when}`]),
              line(doc, 'chart-tip__label', [text.label]),
              ...(text.qualifiers ? [line(doc, 'chart-tip__meta', [text.qualifiers])] : []),
              line(doc, 'chart-tip__meta', [`Source: ${text.source}`]),
            ]
          : [line(doc, 'chart-tip__meta', [`Row ${text.row} of the chart’s table`])]),
        line(doc, 'chart-tip__link', [anchor(doc, text, table)]),
      );
      tip.hidden = ring.hidden = false;
      place(graphic, mark, ring, tip);
      if (announce) live.textContent = text.value ? markAnnouncement(text, position, count) : `Row ${text.row} of the chart’s table. Mark ${position} of ${count}.`;
    },
    hide() {
      tip.hidden = ring.hidden = true;
    },
    link() {
      return tip.hidden ? null : tip.querySelector('a');
    },
  };
}

/** The ring around the mark, and the tooltip under it (above when there is more room there), kept inside the graphic. */
function place(graphic: HTMLElement, mark: Element, ring: HTMLElement, tip: HTMLElement) {
  const frame = graphic.getBoundingClientRect();
  const box = mark.getBoundingClientRect();
  const pad = 4;
  ring.style.transform = `translate(${box.left - frame.left - pad}px, ${box.top - frame.top - pad}px)`;
  ring.style.width = `${box.width + 2 * pad}px`;
  ring.style.height = `${box.height + 2 * pad}px`;
  const left = Math.max(0, Math.min(box.left - frame.left + box.width / 2 - tip.offsetWidth / 2, frame.width - tip.offsetWidth));
  const below = box.bottom - frame.top + pad + 6;
  const above = box.top - frame.top - pad - 6 - tip.offsetHeight;
  const top = below + tip.offsetHeight <= frame.height || above < 0 ? below : above;
  tip.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
}

function anchor(doc: Document, text: MarkText, table: TableLink): HTMLAnchorElement {
  const link = element(doc, 'a', '');
  link.href = rowAddress(table.siteRoot, text.page || `charts/${table.chartId}/`, table.chartId, text.row);
  link.textContent = 'Its row in the table, with the quote';
  if (table.target) {
    link.target = table.target;
    link.rel = 'noopener';
  }
  return link;
}

function line(doc: Document, className: string, parts: (string | Node)[]): HTMLElement {
  const paragraph = element(doc, 'p', className);
  paragraph.append(...parts);
  return paragraph;
}

function strong(doc: Document, text: string): HTMLElement {
  const bold = element(doc, 'strong', '');
  bold.textContent = text;
  return bold;
}

function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className: string): HTMLElementTagNameMap[K] {
  const created = doc.createElement(tag);
  if (className) created.className = className;
  return created;
}
