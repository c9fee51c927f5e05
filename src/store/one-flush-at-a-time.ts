/**
 * Flushes of one log, one at a time (wal-sync.ts). A flush covers every commit made before it
 * starts; one already running may have started before a commit that now asks. So a caller that
 * finds one running waits for the next, and every caller that comes while that one waits shares
 * it: when the disk is slow (a flush of 10-20 ms while groups commit every few), the groups' flushes
 * no longer queue one behind another, each costing a whole flush.
 */
export function oneFlushAtATime(flush: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  const start = (): Promise<void> => {
    const flushing = flush();
    running = flushing;
    const over = () => {
      if (running === flushing) running = null;
    };
    flushing.then(over, over);
    return flushing;
  };
  const noop = () => {};
  return () => {
    if (!running) return start();
    // after the running one ends, whatever it ended with: the next flush is the callers' own
    next ??= running.then(noop, noop).then(() => {
      next = null;
      return start();
    });
    return next;
  };
}
