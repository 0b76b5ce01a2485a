/**
 * How the process turns stop signals into one graceful stop. A terminal's Ctrl+C, or a SIGTERM sent to the
 * process group (as service managers do), reaches Pacer twice when it runs under `npm start`: once directly
 * and once forwarded by npm. Signals within `sameRequestMs` of the first are that same request; only a
 * signal after that means "exit now".
 */
export const SAME_REQUEST_MS = 1_000;

export interface StopSignalOptions {
  stop: () => Promise<void>;
  exit: (code: number) => void;
  say: (line: string) => void;
  now?: () => number;
  sameRequestMs?: number;
}

/** The handler to register for SIGINT and SIGTERM. */
export function stopSignalHandler(options: StopSignalOptions): (signal: string) => void {
  const now = options.now ?? (() => performance.now());
  const window = options.sameRequestMs ?? SAME_REQUEST_MS;
  let firstAt: number | undefined;
  return (signal) => {
    if (firstAt !== undefined) {
      if (now() - firstAt <= window) return; // the same request, delivered twice
      options.say(`Received ${signal} again, exiting now.`);
      options.exit(1);
      return;
    }
    firstAt = now();
    options.say(`Received ${signal}, stopping Pacer...`);
    void options.stop().then(
      () => options.exit(0),
      () => options.exit(1),
    );
  };
}
