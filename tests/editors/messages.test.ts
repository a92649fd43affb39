import { describe, expect, test } from 'vitest';
import { checkBody } from '../../src/validate/check-body.ts';
import { closestMatch } from '../../src/validate/closest-match.ts';
import { formatProblem } from '../../src/validate/content-problem.ts';
import { parseMarkdownSource } from '../../src/validate/parse-source-file.ts';
import { decodeSourceText, checkSourceSize, MAX_SOURCE_BYTES } from '../../src/validate/source-text.ts';
import { todayInLondon } from '../../src/validate/validate-content.ts';
import { describeValue, suggestDate, suggestSlug, suggestUrl } from '../../src/validate/value-words.ts';
import { documentFileName, eventIdFor, shortTitleFrom } from '../../src/validate/document-template.ts';
import { loadFixtureContent } from '../support/fixture-content.ts';

describe('formatProblem', () => {
  test('prints path:line:column, the field, what is wrong and how to fix it', () => {
    expect(formatProblem({ severity: 'error', path: 'content/documents/2022-ofsted.md', position: { line: 7, column: 8 }, field: 'judgements[2].grade', message: '"Requires Improvment" is not a grade of the ILACS (2018) framework', fix: 'did you mean "Requires improvement to be good"?' }))
      .toBe('content/documents/2022-ofsted.md:7:8  judgements[2].grade  "Requires Improvment" is not a grade of the ILACS (2018) framework; did you mean "Requires improvement to be good"?');
  });

  test('marks warnings, and names the whole file when there is no field', () => {
    expect(formatProblem({ severity: 'warning', path: 'a.md', position: { line: 1, column: 1 }, field: '', message: 'is odd' })).toBe('a.md:1:1  warning  (file)  is odd');
  });
});

describe('the fixture content', () => {
  test('has one warning and no error: the judgement of the 2014 inspection is June in Ofsted’s letter and September in the news', async () => {
    const { problems } = await loadFixtureContent();
    expect(problems.map((problem) => `${problem.severity} ${problem.field} ${problem.message}`)).toEqual([
      'warning mentions[0].date dates the judgement of the event "2014-sif-inspection" September 2014, but tests/fixtures/records/seed-era/documents/2017-06-13-ofsted-monitoring-visit-adoption.md dates the judgement June 2014',
    ]);
  });
});

describe('suggestDate', () => {
  test.each([
    ['17 June 2014', 'any', '2014-06-17'],
    ['June 17, 2014', 'any', '2014-06-17'],
    ['17/06/2014', 'day', '2014-06-17'],
    ['June 2014', 'any', '2014-06'],
    ['2014-6', 'any', '2014-06'],
    ['June 2014', 'day', undefined],
    ['30 February 2024', 'any', undefined],
    ['soon', 'any', undefined],
  ] as const)('%s (%s) → %s', (text, precision, expected) => {
    expect(suggestDate(text, precision)).toBe(expected);
  });
});

describe('value words', () => {
  test('slugs, addresses and values are described as an editor would recognise them', () => {
    expect(suggestSlug('2014 SIF Inspection’s report')).toBe('2014-sif-inspections-report');
    expect(suggestUrl('http://reports.ofsted.gov.uk/x')).toContain('"https://reports.ofsted.gov.uk/x"');
    expect(suggestUrl('www.cypnow.co.uk/x')).toContain('"https://www.cypnow.co.uk/x"');
    expect(describeValue(5)).toBe('the number 5');
    expect(describeValue(['a'])).toBe('a list');
  });

  test('closestMatch suggests typos but not unrelated words', () => {
    expect(closestMatch('sumary', ['summary', 'title'])).toBe('summary');
    expect(closestMatch('colour', ['id', 'metric', 'label', 'value', 'unit'])).toBeUndefined();
  });
});

describe('decodeSourceText', () => {
  test('drops a byte-order mark, refuses UTF-16, Latin-1 and NUL bytes, each with where and why', () => {
    expect(decodeSourceText(new Uint8Array([0xef, 0xbb, 0xbf, 0x2d]))).toEqual({ text: '-' });
    expect(decodeSourceText(new Uint8Array([0xff, 0xfe, 0x2d, 0x00]))).toMatchObject({ problem: { message: 'is saved as UTF-16, not UTF-8' } });
    const latin1 = decodeSourceText(new Uint8Array([0x61, 0x0a, 0x62, 0x92, 0x63]));
    expect(latin1).toMatchObject({ problem: { position: { line: 2, column: 2 } } });
    expect(decodeSourceText(new TextEncoder().encode('a\nb\0'))).toMatchObject({ problem: { message: 'contains NUL characters, so it is not a text file', position: { line: 2, column: 2 } } });
  });

  test('a file over 1 MB is refused before it is read', () => {
    expect(checkSourceSize(MAX_SOURCE_BYTES)).toBeUndefined();
    expect(checkSourceSize(MAX_SOURCE_BYTES + 1)?.message).toBe('is 1.0 MB, over the 1 MB limit for a content file');
  });
});

describe('checkBody', () => {
  const body = (text: string) => checkBody(parseMarkdownSource('content/documents/x.md', `---\ntitle: x\n---\n\n${text}`), new Set(['2017-06-13-ofsted-monitoring-visit-adoption']));

  test('allows markdown, HTML comments and links to documents we have', () => {
    expect(body('Text with **bold**, a [letter](../2017-06-13-ofsted-monitoring-visit-adoption/) and <!-- a note -->.')).toEqual([]);
  });

  test('finds a javascript: link however it is disguised, on its line', () => {
    const [problem] = body('One.\n\nTwo [x](JavaScript&#58;alert(1)).');
    expect(problem).toMatchObject({ field: 'body', position: { line: 7, column: 5 } });
    expect(problem.message).toContain('"javascript:"');
  });

  test('warns about a link from the site root, which breaks under a sub-path', () => {
    expect(body('[letter](/documents/2017-06-13-ofsted-monitoring-visit-adoption/)')[0]).toMatchObject({ severity: 'warning', fix: 'write ../2017-06-13-ofsted-monitoring-visit-adoption/' });
  });
});

describe('a new document’s names', () => {
  test('file names and event ids follow the convention of the existing content', () => {
    const doc = { kind: 'inspection-report', title: 'x', publisher: 'Ofsted', published: '2022-07-01', visit: { start: '2022-05-09', end: '2022-05-20' }, sourceUrl: 'https://x.org', framework: 'ilacs-2018', shortTitle: 'ILACS inspection' } as const;
    expect(documentFileName(doc)).toBe('2022-07-01-ofsted-ilacs-inspection.md');
    expect(eventIdFor(doc)).toBe('2022-05-ilacs-inspection');
    expect(documentFileName({ published: '2018-10-11', publisher: 'Children & Young People Now', shortTitle: 'focused visit article' })).toBe('2018-10-11-cypn-focused-visit-article.md');
    expect(documentFileName({ published: '2024-02-29', publisher: 'Department for Education', shortTitle: "children's social work workforce" })).toBe('2024-02-29-dfe-childrens-social-work-workforce.md');
    expect(shortTitleFrom("Ofsted praises supportive children's services environment in Manchester")).toBe('praises-supportive-childrens-services');
  });

  test('"today" is the date in the UK, where documents are published', () => {
    expect(todayInLondon(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(todayInLondon(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});
