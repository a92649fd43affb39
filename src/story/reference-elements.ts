import type { Element, ElementContent } from 'hast';
import { figureEvidence, formatFigureValue } from '../lib/format-figure.ts';
import type { FigureRow } from '../schema/index.ts';

/**
 * The HTML of what inline directives show, as hast elements: the same
 * markup and classes as the site's components (GradeLabel, the tables'
 * figure links), so the story looks like the rest of the site.
 */

/** A grade as words, with colour as a second channel only (see GradeLabel.astro). */
export function gradeElement(grade: string, position: number | undefined): Element {
  return element('span', { className: ['grade', `grade--${position ?? 'none'}`] }, [{ type: 'text', value: grade }]);
}

/** A number in running text, linked to the sentence (or table cell) it comes from on its document's page. */
export function figureElement(figure: FigureRow, bare: boolean, base: string): Element {
  const text = formatFigureValue(bare ? { ...figure, unit: undefined } : figure);
  return element('a', { className: ['figure-ref'], href: `${base}documents/${figure.document}/#figure-${figure.id}`, title: `Source: ${figureEvidence(figure).text}` }, [{ type: 'text', value: text }]);
}

/** Words quoted from a document; browsers add the quotation marks. */
export function quoteElement(text: string, documentSlug: string, base: string): Element {
  return element('q', { cite: `${base}documents/${documentSlug}/` }, [{ type: 'text', value: text }]);
}

/** A link to a page of the site, by its path from the site's root. */
export function siteLinkElement(path: string, children: ElementContent[], base: string): Element {
  return element('a', { href: `${base}${path}` }, children);
}

function element(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}
