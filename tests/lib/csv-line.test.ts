import { describe, expect, test } from 'vitest';
import { toCsv } from '../../src/publish/csv.ts';
import { parseCsvLine } from '../../src/validate/csv-line.ts';

describe('parseCsvLine', () => {
  test('splits a DfE row at its commas, keeping empty cells', () => {
    expect(parseCsvLine('2017,Reporting year,National,E92000001,England,,,19.1')).toEqual(['2017', 'Reporting year', 'National', 'E92000001', 'England', '', '', '19.1']);
  });

  test('a quoted cell keeps its commas and doubled quotes', () => {
    expect(parseCsvLine('2023,"Bristol, City of","She said ""no""",c')).toEqual(['2023', 'Bristol, City of', 'She said "no"', 'c']);
  });

  test('reads back every row that toCsv writes', () => {
    const rows = [{ a: 'x,y', b: '"quoted"', c: '' }, { a: 'plain', b: 'line', c: '3' }];
    const [, ...lines] = toCsv({ columns: ['a', 'b', 'c'], rows }).trimEnd().split('\r\n');
    expect(lines.map(parseCsvLine)).toEqual(rows.map((row) => [row.a, row.b, row.c]));
  });
});
