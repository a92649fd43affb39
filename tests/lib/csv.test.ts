import { csvParse } from 'd3';
import { describe, expect, test } from 'vitest';
import { toCsv } from '../../src/publish/csv.ts';
import { formatFigureValue } from '../../src/lib/format-figure.ts';

describe('toCsv', () => {
  test('quotes commas, quotes and line breaks so that a CSV parser reads the cells back', () => {
    const rows = [{ id: 'a', quote: 'He said "22 to 24", then\nstopped', value: 20, empty: undefined }];
    const parsed = csvParse(toCsv({ columns: ['id', 'quote', 'value', 'empty'], rows }));
    expect(parsed[0]).toEqual({ id: 'a', quote: 'He said "22 to 24", then\nstopped', value: '20', empty: '' });
  });

  test('defuses cells a spreadsheet would run as formulas', () => {
    expect(toCsv({ columns: ['x'], rows: [{ x: '=HYPERLINK("http://x")' }] })).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});

describe('formatFigureValue', () => {
  test('a range stays a range, words stay words, per cent has no space', () => {
    expect(formatFigureValue({ valueKind: 'range', low: 22, high: 24, unit: 'cases per social worker' })).toBe('22 to 24 cases per social worker');
    expect(formatFigureValue({ valueKind: 'qualitative', text: 'high caseloads' })).toBe('“high caseloads”');
    expect(formatFigureValue({ valueKind: 'number', value: 1456, unit: 'children' })).toBe('1,456 children');
    expect(formatFigureValue({ valueKind: 'number', value: 31, unit: '%' })).toBe('31%');
  });
});
