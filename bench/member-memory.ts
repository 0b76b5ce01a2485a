/**
 * Heap of the bot process before and after interactions from many distinct members, with discord.js's
 * default caches and with Pacer's (src/platform/discord/client.ts). The Discord double runs here; the bot in a child process.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { startDiscordDouble, type InteractionPayload } from '@pacer/discord-double';

interface Measure {
  heapMiB: number;
  answered: number;
  users: number;
  members: number;
}

function asNewMember(n: number) {
  return (payload: InteractionPayload) => {
    const member = payload.member as { user: Record<string, unknown> };
    member.user = { ...member.user, id: String(1_700_000_000_000_000_000n + BigInt(n)), username: `runner${n}`, global_name: null };
  };
}

export async function measureMemberMemory(mode: 'pacer' | 'defaults', members: number): Promise<{ before: Measure; after: Measure }> {
  // Memory, not latency, is measured here: a loaded machine must not turn slow answers into errors.
  const double = await startDiscordDouble({ interactionDeadlineMs: 600_000 });
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', new URL('./member-memory-bot.ts', import.meta.url).pathname, double.apiUrl, mode], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async <T>(): Promise<T> => JSON.parse(String((await lines.next()).value)) as T;
  await next<{ ready: true }>();
  const measure = async () => {
    child.stdin.write('measure\n');
    return next<Measure>();
  };
  const before = await measure();
  for (let batch = 0; batch < members; batch += 100) {
    const handles = [];
    for (let n = batch; n < Math.min(members, batch + 100); n++) {
      double.tamperNext(asNewMember(n));
      handles.push(double.autocomplete('exercise', { focused: { name: 'name', value: 'x' } }));
    }
    for (const handle of handles) await handle.response(60_000);
  }
  const after = await measure();
  child.stdin.write('quit\n');
  await new Promise((resolve) => child.on('exit', resolve));
  await double.close();
  return { before, after };
}
