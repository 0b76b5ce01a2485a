interface Waiter {
  check(): void;
  abort(reason: Error): void;
}

/** Re-evaluates registered probes whenever the double's state changes; resolves the first defined result. */
export class ChangeNotifier {
  private readonly waiters = new Set<Waiter>();

  notify(): void {
    for (const waiter of [...this.waiters]) waiter.check();
  }

  waitUntil<T>(probe: () => T | undefined, timeoutMs: number, description: string): Promise<T> {
    const immediate = probe();
    if (immediate !== undefined) return Promise.resolve(immediate);
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = {
        check: () => {
          const value = probe();
          if (value === undefined) return;
          cleanup();
          resolve(value);
        },
        abort: (reason) => {
          cleanup();
          reject(reason);
        },
      };
      const timer = setTimeout(
        () => waiter.abort(new Error(`Discord double: timed out after ${timeoutMs} ms waiting for ${description}`)),
        timeoutMs,
      );
      const cleanup = (): void => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      this.waiters.add(waiter);
    });
  }

  abortAll(reason: string): void {
    for (const waiter of [...this.waiters]) waiter.abort(new Error(`Discord double: ${reason}`));
  }
}
