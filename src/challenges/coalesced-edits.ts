/**
 * Edits of one message, coalesced: at most one edit per key (a message) every `intervalMs`, and the last
 * request always runs. The first request edits at once; requests while an edit is running or too soon after
 * one wait for the interval and then run as one edit. Each run reads the current state when it starts, so a
 * run that stands in for many requests shows all of them.
 */
export type EditRun = () => Promise<void>;

interface Entry {
  run: EditRun | null;
  running: Promise<void> | null;
  lastStartedAt: number;
  timer: ReturnType<typeof setTimeout> | null;
  failures: number;
}

export interface CoalescedEditsOptions {
  intervalMs: number;
  /** A failed edit is tried again after the interval, up to this many times in a row. */
  maxRetries?: number;
  onError?: (error: unknown) => void;
  now?: () => number;
}

export class CoalescedEdits {
  private readonly entries = new Map<string, Entry>();
  private stopped = false;

  constructor(private readonly options: CoalescedEditsOptions) {}

  /** Asks for an edit of `key`; `run` replaces any run still waiting for the same key. */
  request(key: string, run: EditRun): void {
    if (this.stopped) return;
    const entry = this.entries.get(key) ?? { run: null, running: null, lastStartedAt: -Infinity, timer: null, failures: 0 };
    this.entries.set(key, entry);
    entry.run = run;
    this.schedule(key, entry);
  }

  /** Keys with an edit waiting or running. */
  pending(): number {
    return [...this.entries.values()].filter((entry) => entry.run !== null || entry.running !== null).length;
  }

  /** Runs every waiting edit now, ignoring the interval, and waits for all of them (used when stopping). */
  async flush(): Promise<void> {
    this.stopped = true;
    const work: Promise<void>[] = [];
    for (const [key, entry] of this.entries) {
      if (entry.timer) clearTimeout(entry.timer);
      entry.timer = null;
      work.push((async () => {
        if (entry.running) await entry.running;
        if (entry.run) await this.start(key, entry);
      })());
    }
    await Promise.all(work);
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private schedule(key: string, entry: Entry): void {
    if (entry.running || entry.timer || !entry.run) return;
    const wait = entry.lastStartedAt + this.options.intervalMs - this.now();
    if (wait <= 0) {
      void this.start(key, entry);
      return;
    }
    entry.timer = setTimeout(() => {
      entry.timer = null;
      void this.start(key, entry);
    }, wait);
    entry.timer.unref?.();
  }

  private async start(key: string, entry: Entry): Promise<void> {
    const run = entry.run;
    if (!run || entry.running) return;
    entry.run = null;
    entry.lastStartedAt = this.now();
    entry.running = (async () => {
      try {
        await run();
        entry.failures = 0;
      } catch (error) {
        this.options.onError?.(error);
        entry.failures += 1;
        if (entry.failures <= (this.options.maxRetries ?? 2)) entry.run ??= run;
        else entry.failures = 0;
      }
    })();
    await entry.running;
    entry.running = null;
    if (this.stopped) return;
    // Wait out the interval: a request meanwhile runs when it ends; with none, the key is forgotten.
    const wait = Math.max(0, entry.lastStartedAt + this.options.intervalMs - this.now());
    entry.timer = setTimeout(() => {
      entry.timer = null;
      if (entry.run) void this.start(key, entry);
      else if (!entry.running) this.entries.delete(key);
    }, wait);
    entry.timer.unref?.();
  }
}
