import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { CHART_IDS } from '../../src/charts/chart-ids.ts';
import type { PageEntry } from '../../src/validate/validate-content.ts';
import { renderPage } from '../../src/story/render-page.ts';
import { loadFixtureContent } from '../support/fixture-content.ts';

// The fixture story (tests/fixtures/records/seed-era/pages/story.md), rendered.
const { data } = await loadFixtureContent();
const context = { data, chartIds: CHART_IDS };
const story = renderPage(data.pages!.story!, context, '/');
const prose = parseHTML(`<main>${story.blocks.flatMap((block) => (block.kind === 'prose' ? [block.html] : [])).join('')}</main>`).document;
const page = (body: string, fields: Partial<PageEntry['fields']> = {}): PageEntry => ({
  name: 'story', path: 'content/pages/story.md', bodyLine: 8, body,
  fields: { title: 'A title', headline: 'A headline', standfirst: 'A standfirst.', ...fields },
});

describe('renderPage on the fixture story', () => {
  test('its fields, with the years and counts read from the data', () => {
    expect(story.title).toBe('Judged: Manchester’s children’s services, 2009–2020');
    expect(story.kicker?.text).toBe('Manchester · Children’s services · 2009–2020');
    expect(story.headline.text).toBe('Adequate, then inadequate, then on the way back: ten years of Ofsted’s verdicts on Manchester’s children’s services');
    expect(story.standfirst?.text).toContain('told from 5 official documents');
    expect(story.description).toBe('How Ofsted judged Manchester’s children’s services from 2009 to 2020 (adequate, then inadequate, then requires improvement), told with charts and every number traced to an official document.');
  });

  test('blocks in the order written: key numbers in one row, each chart where it stands, prose between', () => {
    expect(story.blocks.map((block) => (block.kind === 'chart' ? `chart ${block.chart}` : block.kind === 'key-numbers' ? `key numbers ×${block.items.length}` : block.kind))).toEqual([
      'key numbers ×4', 'chart timeline', 'prose', 'chart grades', 'prose', 'chart caseloads', 'prose', 'chart adoption', 'prose',
    ]);
  });

  test('a grade is words with its place on the scale; a figure links to the sentence it comes from', () => {
    const grades = [...prose.querySelectorAll('span.grade')].map((span) => `${span.textContent} ${span.getAttribute('class')}`);
    expect(grades).toEqual(['Adequate grade grade--3', 'Inadequate grade grade--4', 'Requires improvement grade grade--3']);
    const link = prose.querySelector('a.figure-ref[href$="#figure-adoption-days-2013-14"]')!;
    expect(link.textContent).toBe('740 days');
    expect(link.getAttribute('href')).toBe('/documents/2017-06-13-ofsted-monitoring-visit-adoption/#figure-adoption-days-2013-14');
    expect(link.getAttribute('title')).toBe('Source: The time taken from a child being received into care to being placed for adoption has reduced from 740 days in 2013/14 to 514 days.');
    // {bare}: the sentence says "children"
    expect(prose.querySelector('a[href$="#figure-child-protection-plans-2010-11"]')!.textContent).toBe('722');
  });

  test('quotes, document links, notes and headings', () => {
    const quote = prose.querySelector('q')!;
    expect(quote.textContent).toBe('reduced but remained variable');
    expect(quote.getAttribute('cite')).toBe('/documents/2017-09-12-manchester-council-ofsted-subgroup-report/');
    expect(prose.querySelector('a[href="/documents/2010-12-17-ofsted-safeguarding-looked-after-inspection/"]')!.textContent).toBe('the 2010 report');
    expect(prose.querySelector('div.note p')!.textContent).toMatch(/^“Inadequate” in 2014/);
    expect([...prose.querySelectorAll('h2')].map((heading) => heading.id)).toEqual(['2010-adequate-under-strain', '2014-inadequate', '2016-2017-monitored-back-to-health', '2017-2019-requires-improvement-and-focused-visits', 'explore']);
  });
});

describe('renderPage', () => {
  test('publishes links to the site, and every link a directive makes, under the site’s base path', () => {
    const rendered = renderPage(page('See [the timeline](/timeline/), :document{id=2018-10-11-cypn-focused-visit-article} and :event[the visit]{id=2019-12-focused-visit}. Also [Ofsted](https://www.gov.uk/ofsted).'), context, '/judged/');
    const { document } = parseHTML(`<main>${(rendered.blocks[0] as { html: string }).html}</main>`);
    expect([...document.querySelectorAll('a')].map((link) => `${link.textContent} ${link.getAttribute('href')}`)).toEqual([
      'the timeline /judged/timeline/',
      'Children & Young People Now, 11 October 2018 /judged/documents/2018-10-11-cypn-focused-visit-article/',
      'the visit /judged/timeline/#2019-12-focused-visit',
      'Ofsted https://www.gov.uk/ofsted',
    ]);
  });

  test('derived phrases: the latest grade and its date, a date the sources disagree on, counts', () => {
    const rendered = renderPage(page('Latest: :latest-grade, :latest-inspection-date. The 2014 judgement: :date[2014-sif-inspection]. :count{of=events} events, :count{of=inspections} inspections; :first-year to :last-year.'), context, '/');
    const { document } = parseHTML(`<main>${(rendered.blocks[0] as { html: string }).html}</main>`);
    expect(document.querySelector('p')!.textContent).toBe('Latest: Requires improvement, 2017. The 2014 judgement: June 2014 or September 2014 (the sources disagree). 14 events, 3 inspections; 2009 to 2020.');
  });

  test('a grade by document and area', () => {
    const rendered = renderPage(page(':grade{document=2010-12-17-ofsted-safeguarding-looked-after-inspection area=safeguarding.partnerships}'), context, '/');
    expect((rendered.blocks[0] as { html: string }).html).toBe('<p><span class="grade grade--1">Outstanding</span></p>');
  });

  test('a time of day is text, not a directive; an escaped colon is a colon', () => {
    const rendered = renderPage(page('The panel met at 10:30. Write \\:years to show the word.'), context, '/');
    expect((rendered.blocks[0] as { html: string }).html).toBe('<p>The panel met at 10:30. Write :years to show the word.</p>');
  });

  test('refuses to render a page that was not checked: an unknown figure throws, naming it', () => {
    expect(() => renderPage(page('A :figure[no-such-figure].'), context, '/')).toThrow('there is no figure "no-such-figure"');
  });
});
