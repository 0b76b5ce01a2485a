/**
 * Real Pacer processes (`src/main.ts`, as `npm start` runs it) for the topology tests and the failover bench:
 * spawned on a free loopback port, their log lines kept with the time each was read, so a test can tell which
 * process leads the sender and since when.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer as createNetServer } from 'node:net';
import { resolve } from 'node:path';

/** The line a process logs when it takes the sender lock (src/platform/scheduler/pg-leader.ts). */
export const LEADS = 'this process leads: it sends the scheduled posts';

export interface PacerProcess {
  name: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  /** When each line was read, for the failover time. */
  lines: { text: string; at: number }[];
  exited: Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createNetServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

export function startPacerProcess(name: string, port: number, env: NodeJS.ProcessEnv): PacerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: { ...env, PACER_HTTP_PORT: String(port) }, cwd: resolve('.') });
  const lines: PacerProcess['lines'] = [];
  let text = '';
  let partial = '';
  const read = (chunk: Buffer) => {
    text += chunk.toString();
    const parts = (partial + chunk.toString()).split('\n');
    partial = parts.pop()!;
    for (const part of parts) lines.push({ text: part, at: Date.now() });
  };
  child.stdout.on('data', read);
  child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  return { name, port, child, output: () => text, lines, exited };
}

/** When the process said it leads the sender (its latest such line), or undefined if it never did. */
export const ledAt = (pacer: PacerProcess): number | undefined => pacer.lines.findLast((line) => line.text.includes(LEADS))?.at;

/** The status of the process's /health (its interactions endpoint serves it), 0 when it does not answer. */
export async function healthOf(pacer: PacerProcess): Promise<number> {
  try {
    return (await fetch(`http://127.0.0.1:${pacer.port}/health`)).status;
  } catch {
    return 0;
  }
}

/** Ends every process at once (SIGKILL) and waits until each has exited: teardown. */
export async function killAll(pacers: readonly PacerProcess[]): Promise<void> {
  for (const pacer of pacers) pacer.child.kill('SIGKILL');
  await Promise.all(pacers.map((pacer) => pacer.exited));
}
