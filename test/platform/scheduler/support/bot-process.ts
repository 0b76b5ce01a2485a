/** The real bot as a child process (the crash test and the burst bench): bundled once, then started on demand. */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { build } from 'esbuild';

// Bundled with packages left external, so twenty starts cost no TypeScript compile. It sits in dist/
// (ignored by git and lint), three folders below the repository, so the database code finds the migrations
// folder as it does from dist/src/platform/db.
export const BOT_ENTRY = resolve('dist/test-bot/process/bot.mjs');

export async function bundleBotProcess(): Promise<void> {
  await build({
    entryPoints: [resolve('test/platform/scheduler/support/process-entry.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    // Packages stay external, except the workspace's own (the Discord double ships TypeScript).
    plugins: [
      {
        name: 'external-packages',
        setup(builder) {
          builder.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@pacer/') ? undefined : { path: args.path, external: true }));
        },
      },
    ],
    outfile: BOT_ENTRY,
    logLevel: 'warning',
  });
}

export interface BotProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

export function startBotProcess(env: NodeJS.ProcessEnv): BotProcess {
  const child = spawn(process.execPath, [BOT_ENTRY], { env, cwd: process.cwd() });
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, output: () => text, exited };
}
