/** Item: every command is answered, even when a member's Discord app shows commands or buttons this release lacks. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallbackType, type InteractionHandle } from '@pacer/discord-double';
import { startPacer, type Pacer } from '../support/pacer.js';

const CHANGED = /has changed.*try again/i;

describe('commands and buttons this release does not have', () => {
  let pacer: Pacer;
  beforeAll(async () => {
    pacer = await startPacer();
  });
  afterAll(async () => pacer?.stop());

  async function expectChangedAnswer(handle: InteractionHandle) {
    const callback = await handle.response();
    expect(callback.type).toBe(CallbackType.ChannelMessageWithSource); // answered at once, not deferred
    expect(handle.ackLatencyMs!).toBeLessThan(3000);
    expect(handle.isEphemeral()).toBe(true);
    expect((await handle.reply()).content).toMatch(CHANGED);
  }

  it('a removed subcommand gets a private "this command has changed, try again"', async () => {
    await expectChangedAnswer(pacer.double.runSlash('exercise', { subcommand: 'removed-in-this-release' }));
  });

  it('a command that needs a subcommand but came without one gets the same answer', async () => {
    await expectChangedAnswer(pacer.double.runSlash('exercise'));
  });

  it('a subcommand sent to a command that has none gets the same answer', async () => {
    await expectChangedAnswer(pacer.double.runSlash('symptom-check', { subcommand: 'start' }));
  });

  it('a command nobody serves gets the same answer', async () => {
    await expectChangedAnswer(pacer.double.runSlash('no-such-command'));
  });

  it.each([['zz:1:whatever'], ['no-colon-at-all'], [':1:empty-prefix']])('a button whose custom_id %s no module owns gets the same answer', async (customId) => {
    const handle = pacer.double.clickButton(customId);
    await expectChangedAnswer(handle);
    const source = pacer.double.message(handle.interaction.message!.id)!;
    expect(source.edited_timestamp).toBeNull();
  });
});
