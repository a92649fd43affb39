import fc from 'fast-check';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes } from 'hast';
import { describe, expect, test } from 'vitest';
import { inlineCodeIn } from '../../scripts/finish-steps/security-headers.ts';
import { checkBody } from '../../src/validate/check-body.ts';
import { parseBody, renderBody } from '../../src/validate/markdown-body.ts';
import { parseMarkdownSource } from '../../src/validate/parse-source-file.ts';

/** Payloads that browsers read as markup, among them the comment tricks that fooled the old validator. */
const PAYLOADS = [
  '<!--> <img src=x onerror=alert(1)> <script>alert(2)</script> -->',
  '<!---> <img src=x onerror=alert(1)> -->',
  '<!-- a --!> <script>alert(1)</script>',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<a href="javascript:alert(1)">x</a>',
  '<details open ontoggle=alert(1)>x</details>',
  '<style>body{display:none}</style>',
  '<div style="position:fixed">x</div>',
  '[x](javascript:alert(1))',
  '[x](JavaScript&#58;alert(1))',
  '![x](javascript:alert(1))',
  '<javascript:alert(1)>',
  '[x]: javascript:alert(1)\n\n[y][x]',
];

const MARKDOWN = ['Some **bold** text.', '## A heading', '- an item', '`<b>code</b>`', '> a quote', '[a link](https://example.org/)', '| a | b |\n|---|---|\n| 1 | 2 |', 'A note[^1].\n\n[^1]: The note.', ''];

/** Elements markdown itself produces; anything else in a published body came from raw HTML. */
const MARKDOWN_ELEMENTS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'a', 'strong', 'em', 'code', 'pre', 'blockquote', 'hr', 'br', 'del', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'sup', 'section', 'input']);

function elements(html: string): Element[] {
  const found: Element[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'element') found.push(node);
    if ('children' in node) node.children.forEach(walk);
  };
  walk(fromHtml(html, { fragment: true }));
  return found;
}

/** What in published HTML could run code or restyle the page. */
function dangerIn(html: string): string[] {
  return [
    ...inlineCodeIn(fromHtml(html, { fragment: true })),
    ...elements(html).filter((element) => !MARKDOWN_ELEMENTS.has(element.tagName)).map((element) => `<${element.tagName}>`),
  ];
}

const bodyErrors = (body: string) =>
  checkBody(parseMarkdownSource('content/documents/x.md', `---\ntitle: x\n---\n\n${body}`), new Set()).filter((problem) => problem.severity === 'error');

describe('renderBody', () => {
  test('publishes markdown as Astro did: curly quotes, en and em dashes, heading ids, GFM tables', () => {
    const html = renderBody('## What "had" to improve\n\n2013--14, then---later.\n\n| a |\n|---|\n| 1 |');
    expect(html).toContain('<h2 id="what-had-to-improve">What “had” to improve</h2>');
    expect(html).toContain('2013–14, then—later.');
    expect(html).toContain('<td>1</td>');
  });

  test.each(PAYLOADS)('%s is published inert', (payload) => {
    expect(dangerIn(renderBody(`Before.\n\n${payload}\n\nAfter.`))).toEqual([]);
  });

  test('whatever markdown and HTML are mixed, nothing that runs code is published', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PAYLOADS, ...MARKDOWN), { minLength: 1, maxLength: 6 }), fc.constantFrom('\n\n', '\n', ' ', '\n- ', '\n> '), (parts, glue) => {
        expect(dangerIn(renderBody(parts.join(glue)))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('checkBody and renderBody read the same tree', () => {
  test.each(PAYLOADS.filter((payload) => payload.startsWith('<') && !payload.startsWith('<javascript')))('%s is refused by validation, at its line', (payload) => {
    const [problem] = bodyErrors(`One.\n\n${payload}`);
    expect(problem?.position.line).toBe(7);
  });

  test('every html node of the tree is an error, bar comments, which are never published', () => {
    const body = 'Text <!-- a note for editors --> and more.\n\n<!--\nA longer note.\n-->';
    expect(bodyErrors(body)).toEqual([]);
    expect(parseBody(body).children.some((node) => node.type === 'html')).toBe(true);
    expect(renderBody(body)).not.toContain('note');
  });
});
