/**
 * Turns of the event loop for long jobs cut into slices (a club's board, an export). Every job waiting for a
 * turn is queued, and one job resumes per turn of the loop: with several jobs running at once their slices do
 * not pile up into one long stretch (setImmediate alone would run every waiting slice in the same turn), and
 * whatever else came in (an interaction, a reply from Discord) is handled between two slices.
 */
const waiting: (() => void)[] = [];
let pumping = false;

function resumeOne(): void {
  waiting.shift()?.();
  if (waiting.length > 0) setImmediate(resumeOne);
  else pumping = false;
}

/** Resolves on a later turn of the event loop, after the jobs that asked before it. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!pumping) {
      pumping = true;
      setImmediate(resumeOne);
    }
  });
}
