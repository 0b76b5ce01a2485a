import { afterEach, describe, expect, it } from 'vitest';
import { ComponentType, TextInputStyle, type APIModalInteractionResponseCallbackData } from 'discord.js';
import { defineCommand, type CommandModule } from '../../../src/platform/discord/command.js';
import { CommandRegistry } from '../../../src/platform/discord/registry.js';
import { createRouter } from '../../../src/platform/discord/router.js';
import { startHarness, type Harness } from '@pacer/discord-double/harness';
import { memoryAppContext } from '../../support/app-context.js';

const modal = (): APIModalInteractionResponseCallbackData => ({
  custom_id: 'mt:1:form',
  title: 'A form',
  components: [{ type: ComponentType.ActionRow, components: [{ type: ComponentType.TextInput, custom_id: 'text', label: 'Text', style: TextInputStyle.Short }] }],
});

function busy(ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // synchronous work, as validation before a modal is
  }
}

describe('responder modal path', () => {
  let harness: Harness;
  afterEach(async () => harness?.stop());

  async function serve(execute: CommandModule['execute'], deferAfterMs: number) {
    harness = await startHarness();
    const app = memoryAppContext();
    const module = defineCommand({ definition: { name: 'form', description: 'opens a form' }, execute });
    harness.onInteraction(createRouter(new CommandRegistry([module]), app, { deferAfterMs }));
  }

  it('opens the modal as the first response even when the watchdog is due before the handler finishes validating', async () => {
    await serve(async (_interaction, ctx) => {
      busy(80);
      await ctx.respond.showModal(modal());
    }, 1);
    const handle = harness.double.runSlash('form');
    const callback = await handle.response();
    expect(callback.type).toBe(9);
    expect(handle.modal()).toMatchObject({ custom_id: 'mt:1:form', title: 'A form' });
    await new Promise((resolve) => setTimeout(resolve, 300)); // a late deferral would arrive queued behind the modal
    expect(handle.rejectedCallbacks).toEqual([]);
  });

  it('refuses to open a modal after another response, instead of failing at Discord', async () => {
    let error: unknown;
    await serve(async (_interaction, ctx) => {
      await ctx.respond.reply({ content: 'first', ephemeral: true });
      await ctx.respond.showModal(modal()).catch((e: unknown) => (error = e));
    }, 1000);
    const handle = harness.double.runSlash('form');
    expect((await handle.reply()).content).toBe('first');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(String(error)).toMatch(/only be the first response/);
    expect(handle.rejectedCallbacks).toEqual([]);
  });
});
