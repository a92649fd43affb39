import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { coalescedTask } from '../../scripts/preview/coalesced-task.ts';
import { contentErrorLines, contentErrorPayload, derivationFailurePayload } from '../../scripts/preview/content-error-payload.ts';
import type { ContentProblem } from '../../src/validate/content-problem.ts';

// What `npm run dev` shows in the browser when content does not validate:
// Astro's error overlay sets the message as HTML, so the text of
// `npm run validate` must arrive escaped, and nothing else.
const GRADE: ContentProblem = {
  severity: 'error',
  path: 'content/documents/2022-07-01-ofsted-ilacs-inspection.md',
  position: { line: 3, column: 12 },
  field: 'judgements[0].grade',
  message: '"Good & <b>better</b>" is not a grade of the ILACS (2018) framework',
  fix: 'did you mean "Good"?',
};
const TITLE: ContentProblem = { severity: 'error', path: 'content/documents/2020-01-21-a.md', position: { line: 2, column: 1 }, field: 'title', message: 'is missing' };
const SHORT: ContentProblem = { severity: 'warning', path: 'content/documents/2020-01-21-a.md', position: { line: 1, column: 1 }, field: 'summary', message: 'is short' };
const FILE = ['---', 'title: "x"', 'judgements: [{ grade: Good & <b>better</b> }]', '---', ''].join('\n');

describe('contentErrorLines', () => {
  test('are the errors as npm run validate prints them, in file order, without the warnings', () => {
    expect(contentErrorLines([GRADE, SHORT, TITLE])).toEqual([
      'content/documents/2020-01-21-a.md:2:1  title  is missing',
      'content/documents/2022-07-01-ofsted-ilacs-inspection.md:3:12  judgements[0].grade  "Good & <b>better</b>" is not a grade of the ILACS (2018) framework; did you mean "Good"?',
    ]);
  });
});

describe('contentErrorPayload', () => {
  const payload = contentErrorPayload([GRADE], { root: '/project', read: (file) => (file === '/project/content/documents/2022-07-01-ofsted-ilacs-inspection.md' ? FILE : undefined) });

  test('is an error for the overlay that Astro passes on as it is', () => {
    expect(payload.type).toBe('error');
    expect(payload.__isEnhancedAstroErrorPayload).toBe(true);
    expect(payload.err.title).toBe('1 content error: this preview shows the last version without errors');
  });

  test('gives the message as escaped HTML, and the plain line to copy', () => {
    expect(payload.err.message).toBe(
      'content/documents/2022-07-01-ofsted-ilacs-inspection.md:3:12  judgements[0].grade  &quot;Good &amp; &lt;b&gt;better&lt;/b&gt;&quot; is not a grade of the ILACS (2018) framework; did you mean &quot;Good&quot;?',
    );
    expect(payload.err.stack).toBe(
      'content/documents/2022-07-01-ofsted-ilacs-inspection.md:3:12  judgements[0].grade  "Good & <b>better</b>" is not a grade of the ILACS (2018) framework; did you mean "Good"?',
    );
  });

  test('points at the first error in its file, with that line marked', () => {
    expect(payload.err.loc).toEqual({ file: '/project/content/documents/2022-07-01-ofsted-ilacs-inspection.md', line: 3, column: 12 });
    expect(payload.err.highlightedCode).toBe(
      '<pre class="shiki"><code><span class="line">---</span>\n<span class="line">title: &quot;x&quot;</span>\n' +
        '<span class="line error-line">judgements: [{ grade: Good &amp; &lt;b&gt;better&lt;/b&gt; }]</span>\n<span class="line">---</span></code></pre>',
    );
  });

  test('shows no code when the file cannot be read', () => {
    const unread = contentErrorPayload([TITLE], { root: '/project', read: () => undefined });
    expect(unread.err.loc).toEqual({ file: '/project/content/documents/2020-01-21-a.md', line: 2, column: 1 });
    expect(unread.err.highlightedCode).toBeUndefined();
  });
});

describe('derivationFailurePayload', () => {
  test('says a crash is in the code, not the content, and keeps its message', () => {
    const payload = derivationFailurePayload(new TypeError('Cannot read properties of undefined (reading "<id>")'));
    expect(payload.err.name).toBe('Derivation failed');
    expect(payload.err.message).toBe('Cannot read properties of undefined (reading &quot;&lt;id&gt;&quot;)');
    expect(payload.err.hint).toContain('a fault in the code, not in the content');
  });
});

describe('coalescedTask', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const tick = (ms: number) => vi.advanceTimersByTimeAsync(ms);
  const taking = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

  test('runs once for a burst of triggers, after they settle', async () => {
    const task = vi.fn(async () => {});
    const runner = coalescedTask(task, { settleMs: 100, onError: () => {} });
    for (let i = 0; i < 5; i += 1) {
      runner.trigger();
      await tick(50);
    }
    expect(task).toHaveBeenCalledTimes(0);
    await tick(100);
    expect(task).toHaveBeenCalledTimes(1);
  });

  test('runs exactly once more for triggers that come while it runs, never two at once', async () => {
    let running = 0;
    let most = 0;
    const task = vi.fn(async () => {
      running += 1;
      most = Math.max(most, running);
      await taking(500);
      running -= 1;
    });
    const runner = coalescedTask(task, { settleMs: 10, onError: () => {} });
    runner.trigger();
    await tick(100);
    runner.trigger();
    await tick(100);
    runner.trigger();
    await tick(2_000);
    expect(task).toHaveBeenCalledTimes(2);
    expect(most).toBe(1);
  });

  test('hands a failure to onError and keeps working', async () => {
    const failures: unknown[] = [];
    let calls = 0;
    const runner = coalescedTask(async () => {
      calls += 1;
      if (calls === 1) throw new Error('derive crashed');
    }, { settleMs: 10, onError: (error) => failures.push(error) });
    runner.trigger();
    await tick(50);
    runner.trigger();
    await tick(50);
    expect(failures.map(String)).toEqual(['Error: derive crashed']);
    expect(calls).toBe(2);
  });

  test('cancel drops a run not yet started', async () => {
    const task = vi.fn(async () => {});
    const runner = coalescedTask(task, { settleMs: 100, onError: () => {} });
    runner.trigger();
    runner.cancel();
    await tick(500);
    expect(task).not.toHaveBeenCalled();
  });
});
