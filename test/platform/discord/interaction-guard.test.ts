/**
 * The interaction guard wraps two discord.js internals (no public hook runs before discord.js builds an
 * interaction from the raw packet). These tests pin them: a discord.js upgrade that moves either fails here,
 * and the guard refuses to start rather than leaving the bot unguarded.
 */
import { describe, expect, it } from 'vitest';
import { createClient } from '../../../src/platform/discord/client.js';
import { guardInteractions } from '../../../src/platform/discord/interaction-guard.js';
import { createLogger } from '../../../src/platform/logger.js';

interface Internals {
  actions?: { InteractionCreate?: { handle?: unknown } };
  ws?: { handlePacket?: unknown };
}

describe('interaction guard on discord.js internals', () => {
  it('finds the INTERACTION_CREATE action and the gateway packet handler, and wraps both', async () => {
    const client = createClient(undefined);
    const internals = client as unknown as Internals;
    const handle = internals.actions?.InteractionCreate?.handle;
    const handlePacket = internals.ws?.handlePacket;
    expect(typeof handle).toBe('function');
    expect(typeof handlePacket).toBe('function');
    guardInteractions(client, { logger: createLogger('silent') });
    expect(internals.actions?.InteractionCreate?.handle).not.toBe(handle);
    expect(internals.ws?.handlePacket).not.toBe(handlePacket);
    await client.destroy();
  });

  it('refuses to start when an upgrade has moved them', async () => {
    const client = createClient(undefined);
    const action = (client as unknown as Internals).actions?.InteractionCreate;
    if (action) action.handle = undefined; // as if the method had been renamed
    expect(() => guardInteractions(client, { logger: createLogger('silent') })).toThrow(/moved the internals/);
    await client.destroy();
  });

  it('drops a malformed packet instead of letting discord.js throw from the gateway loop', () => {
    const client = createClient(undefined);
    const rejected: string[] = [];
    guardInteractions(client, { logger: createLogger('silent'), onRejected: (reason) => rejected.push(reason) });
    const action = (client as unknown as { actions: { InteractionCreate: { handle(data: unknown): unknown } } }).actions.InteractionCreate;
    expect(() => action.handle({ id: '1', type: 3, data: null })).not.toThrow();
    expect(rejected).toEqual(['id, token or application_id missing']);
  });
});
