import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { choosePeerFigure, type PeerMeasurement } from '../../scripts/bench/peer-figure.ts';
import { peerPage, STORY_MARKER } from '../../scripts/bench/peer-story.ts';
import { loadFixtureContent } from '../support/fixture-content.ts';

const recorded = { name: 'Observable Framework 1.13', cpuSeconds: 10, how: 'measured by hand' };
const now = new Date('2026-12-02T15:00:00Z');
const measurement = (date: string): string =>
  JSON.stringify({
    date,
    name: 'Observable Framework 1.13.4',
    machine: { cores: 2, cpu: 'Xeon', node: '24.21.0' },
    cold: { min: 5.1, median: 5.4, runs: 3 },
    cached: { min: 2.5, median: 2.6, runs: 3 },
    coldWall: { min: 4.2, median: 4.4, runs: 3 },
    load: { min: 1.2, median: 1.6, runs: 20 },
    loadMax: 2.2,
  } satisfies PeerMeasurement);

describe('choosePeerFigure', () => {
  test('a measurement from an hour ago is used: its median cold CPU, with the load it was made under', () => {
    const figure = choosePeerFigure(recorded, measurement('2026-12-02T14:00:00Z'), now);
    expect(figure.cpuSeconds).toBe(5.4);
    expect(figure.name).toBe('Observable Framework 1.13.4');
    expect(figure.how).toContain('npm run bench:peer');
    expect(figure.how).toContain('load median 1.6, max 2.2');
  });

  test('a measurement from more than a day ago gives way to the recorded figure, and says so', () => {
    const figure = choosePeerFigure(recorded, measurement('2026-12-01T14:59:00Z'), now);
    expect(figure.cpuSeconds).toBe(10);
    expect(figure.how).toContain('more than a day old');
  });

  test('no file, a file that is not a measurement, or one dated in the future: the recorded figure', () => {
    expect(choosePeerFigure(recorded, undefined, now)).toMatchObject({ cpuSeconds: 10, how: expect.stringContaining('no bench/results/peer.json') });
    expect(choosePeerFigure(recorded, '{"date": "2026-12-02T14:00:00Z"}', now)).toMatchObject({ cpuSeconds: 10, how: expect.stringContaining('not a peer measurement') });
    expect(choosePeerFigure(recorded, 'not json', now).cpuSeconds).toBe(10);
    expect(choosePeerFigure(recorded, measurement('2026-12-03T14:00:00Z'), now).cpuSeconds).toBe(10);
  });
});

describe('peerPage', () => {
  test("the story's prose with its numbers typed in, each ::chart a cell drawing the peer's chart", async () => {
    const { data } = await loadFixtureContent();
    const template = await readFile('bench/peer/src/index.md', 'utf8');
    const page = peerPage(template, data);
    const figure = data.figures.find((row) => row.id === 'referrals-growth-2010')!;
    expect(figure.value).toBe(54);
    // "Referrals had risen by :figure[referrals-growth-2010] in a year"
    expect(page).toMatch(/risen by 54%\s+in a year/);
    expect(page).toContain('display(resize((width) => gradesChart(grades, {width})))');
    expect(page).not.toMatch(/:figure\[|::chart|:grade\[/);
    expect(page).not.toContain(STORY_MARKER);
    expect(page.startsWith('---\ntitle: ')).toBe(true);
  });

  test('a template without the marker is refused', async () => {
    const { data } = await loadFixtureContent();
    expect(() => peerPage('# no marker', data)).toThrow(STORY_MARKER);
  });
});
