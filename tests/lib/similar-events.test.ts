import { describe, expect, test } from 'vitest';
import { similarEvents, type KnownEvent } from '../../src/validate/similar-events.ts';

const known: KnownEvent[] = [
  { id: '2014-sif-inspection', kind: 'inspection', title: 'Judged inadequate', dates: ['2014', '2014-06', '2014-09'], hasRecord: false },
  { id: '2016-09-monitoring-visit', kind: 'monitoring-visit', title: 'First visit', dates: ['2016-09'], hasRecord: false },
  { id: '2016-12-monitoring-visit', kind: 'monitoring-visit', title: 'Second visit', dates: ['2016-12'], hasRecord: false },
  { id: '2017-03-monitoring-visit-adoption', kind: 'monitoring-visit', title: 'Third visit', dates: ['2017-03-07'], hasRecord: true },
];
const ids = (wanted: Parameters<typeof similarEvents>[0]) => similarEvents(wanted, known).map((event) => event.id);

describe('similarEvents', () => {
  test('the 2014 report under a new id looks like the inspection three documents mention', () => {
    expect(ids({ id: '2014-06-sif-inspection', kind: 'inspection', date: '2014-06-25' })).toEqual(['2014-sif-inspection']);
  });

  test('not under its own id, not of another kind, not years away', () => {
    expect(ids({ id: '2014-sif-inspection', kind: 'inspection', date: '2014-06-25' })).toEqual([]);
    expect(ids({ id: '2014-06-sif-inspection', kind: 'focused-visit', date: '2014-06-25' })).toEqual([]);
    expect(ids({ id: '2017-sif-inspection', kind: 'inspection', date: '2017-10-09' })).toEqual([]);
  });

  test('ids whose dates name different months are different visits; an event with its own record is never offered', () => {
    expect(ids({ id: '2016-11-monitoring-visit', kind: 'monitoring-visit', date: '2016-11-30' })).toEqual([]);
    expect(ids({ id: '2017-03-monitoring-visit', kind: 'monitoring-visit', date: '2017-03-07' })).toEqual([]);
    expect(ids({ id: '2016-12-monitoring-vist', kind: 'monitoring-visit', date: '2016-12-06' })).toEqual(['2016-12-monitoring-visit']);
  });

  test('without an id (npm run new), every event of the kind within four months, nearest first', () => {
    expect(ids({ kind: 'monitoring-visit', date: '2016-11-30' })).toEqual(['2016-12-monitoring-visit', '2016-09-monitoring-visit']);
    expect(ids({ kind: 'monitoring-visit', date: '2017-06-06' })).toEqual([]);
  });
});
