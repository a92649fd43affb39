/**
 * Runs an async task once a burst of triggers has settled, never two at
 * once: a trigger while it runs queues exactly one more run. An editor's save
 * (or a `git checkout` of many files) fires many watcher events; the preview
 * re-derives once for them, and always from the files as they last were.
 */
export function coalescedTask(task: () => Promise<void>, { settleMs, onError }: { settleMs: number; onError: (error: unknown) => void }) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;

  const start = () => {
    timer = undefined;
    if (running) {
      again = true;
      return;
    }
    running = true;
    task()
      .catch(onError)
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          start();
        }
      });
  };

  return {
    /** Asks for a run once triggers have stopped for `settleMs`. */
    trigger() {
      clearTimeout(timer);
      timer = setTimeout(start, settleMs);
    },
    /** Drops a run not yet started (the server is closing). */
    cancel() {
      clearTimeout(timer);
      timer = undefined;
      again = false;
    },
  };
}
