import { afterEach, describe, expect, it } from 'vitest';
import { defineCodec } from '../../../src/platform/codec.js';
import { defineCommand, defineComponents, type AnyComponentHandler, type CommandModule } from '../../../src/platform/discord/command.js';
import { CommandRegistry } from '../../../src/platform/discord/registry.js';
import { createRouter, STALE_COMPONENT_TEXT } from '../../../src/platform/discord/router.js';
import { startHarness, type Harness } from '@pacer/discord-double/harness';
import { memoryAppContext } from '../../support/app-context.js';

/** A test family: `tally:1:<count>`. */
const tallyCodec = defineCodec<{ count: number }>({
  prefix: 'tally',
  version: 1,
  toParts: ({ count }) => [count],
  fromParts: (parts) => (parts.length === 1 && /^\d{1,6}$/.test(parts[0]!) ? { count: Number(parts[0]) } : null),
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function command(name: string, execute: CommandModule['execute'], ephemeral = true): CommandModule {
  return defineCommand({ definition: { name, description: `test ${name}` }, ephemeral, execute });
}

describe('router', () => {
  let harness: Harness;
  afterEach(async () => harness?.stop());

  async function serve(modules: CommandModule[], deferAfterMs: number, handlers: AnyComponentHandler[] = []) {
    harness = await startHarness();
    const app = memoryAppContext();
    const route = createRouter(new CommandRegistry(modules, handlers), app, { deferAfterMs });
    harness.onInteraction(route);
  }

  it('defers a slow handler before the deadline, then shows its answer', async () => {
    await serve([command('slow', async (_i, ctx) => {
      await sleep(400);
      await ctx.respond.reply({ content: 'done at last', ephemeral: true });
    })], 100);
    const handle = harness.double.runSlash('slow');
    const callback = await handle.response();
    expect(callback.type).toBe(5); // deferred
    expect(handle.ackLatencyMs).toBeLessThan(3000);
    expect((await handle.reply()).content).toBe('done at last');
    expect(handle.isEphemeral()).toBe(true);
    expect(handle.rejectedCallbacks).toEqual([]);
  });

  /**
   * The two races, made to happen every time: a 429 on the first callback keeps it in flight for 300 ms, so
   * the second party always acts while the first acknowledgement is still unanswered.
   */
  function holdFirstCallback(): void {
    harness.double.injectFault({ method: 'POST', pathPattern: /\/callback$/, status: 429, retryAfterSeconds: 0.3 });
  }

  function callbacksOf(id: string) {
    return harness.double.requests.filter((request) => request.path.startsWith(`/interactions/${id}/`));
  }

  it("never acknowledges twice when the watchdog fires while the handler's reply is in flight", async () => {
    await serve([command('racy', (_i, ctx) => ctx.respond.reply({ content: 'first answer' }))], 20);
    holdFirstCallback();
    const handle = harness.double.runSlash('racy');
    expect((await handle.reply()).content).toBe('first answer');
    const callbacks = callbacksOf(handle.id);
    expect(callbacks.map((request) => [request.status, (request.body as { type: number }).type])).toEqual([[429, 4], [204, 4]]);
    expect(callbacks[1]!.at - callbacks[0]!.at).toBeGreaterThan(200); // the 20 ms watchdog fired in between
    expect(handle.rejectedCallbacks).toEqual([]);
  });

  it("never acknowledges twice when the handler answers while the watchdog's defer is in flight", async () => {
    await serve([command('racy', async (_i, ctx) => {
      while (!ctx.respond.acknowledged) await new Promise((resolve) => setImmediate(resolve));
      await ctx.respond.reply({ content: 'first answer' });
    })], 20);
    holdFirstCallback();
    const handle = harness.double.runSlash('racy');
    expect((await handle.reply()).content).toBe('first answer');
    expect(callbacksOf(handle.id).map((request) => [request.status, (request.body as { type: number }).type])).toEqual([[429, 5], [204, 5]]);
    expect(handle.callback?.type).toBe(5);
    expect(handle.rejectedCallbacks).toEqual([]);
  });

  it('tells the member privately when a deferred handler fails', async () => {
    await serve([command('breaks-late', async () => {
      await sleep(200);
      throw new Error('boom');
    })], 50);
    const handle = harness.double.runSlash('breaks-late');
    const reply = await handle.reply();
    expect(reply.content).toMatch(/something went wrong.*reference [A-Z0-9_-]{6}/s);
    expect(handle.isEphemeral()).toBe(true);
  });

  it('answers a button nobody owns with a private "this command has changed, try again"', async () => {
    await serve([], 1000);
    const handle = harness.double.clickButton('zz:1:whatever');
    expect((await handle.reply()).content).toMatch(/has changed.*try again/);
    expect(handle.isEphemeral()).toBe(true);
  });
});

describe('a component family answered on its own', () => {
  let harness: Harness;
  afterEach(async () => harness?.stop());
  const seen: number[] = [];
  const handler = defineComponents({
    codec: tallyCodec,
    async component(_interaction, data, ctx) {
      seen.push(data.count);
      await ctx.respond.reply({ content: `tally ${data.count + 1}`, ephemeral: true });
    },
  });

  async function serve() {
    harness = await startHarness();
    const app = memoryAppContext();
    harness.onInteraction(createRouter(new CommandRegistry([], [handler]), app, { deferAfterMs: 1000 }));
  }

  it('gets the data its codec read from the custom_id, with no slash command to host it', async () => {
    await serve();
    const handle = harness.double.clickButton(tallyCodec.encode({ count: 41 }));
    expect((await handle.reply()).content).toBe('tally 42');
    expect(handle.isEphemeral()).toBe(true);
    expect(seen).toEqual([41]);
  });

  it.each(['tally:1:-3', 'tally:1:4:extra', 'tally:2:4', 'tally:01:4', 'tally:1:'])(
    'answers the forged or outdated id %s with "no longer works" and never runs the handler',
    async (customId) => {
      await serve();
      seen.length = 0;
      const handle = harness.double.clickButton(customId);
      expect((await handle.reply()).content).toBe(STALE_COMPONENT_TEXT);
      expect(handle.isEphemeral()).toBe(true);
      expect(seen).toEqual([]);
    },
  );
});

describe('command registry', () => {
  it('refuses two modules with the same name or the same custom_id prefix', () => {
    const a = command('same', () => Promise.resolve());
    expect(() => new CommandRegistry([a, a])).toThrow(/named \/same/);
    const p1 = { ...command('one', () => Promise.resolve()), componentPrefixes: ['p'] };
    const p2 = { ...command('two', () => Promise.resolve()), componentPrefixes: ['p'] };
    expect(() => new CommandRegistry([p1, p2])).toThrow(/prefix "p"/);
  });

  it("refuses a component family whose prefix a command module already owns", () => {
    const owner = { ...command('owner', () => Promise.resolve()), componentPrefixes: ['tally'] };
    expect(() => new CommandRegistry([owner], [defineComponents({ codec: tallyCodec, component: () => Promise.resolve() })])).toThrow(/prefix "tally" is claimed by \/owner and the tally component handler/);
  });
});
