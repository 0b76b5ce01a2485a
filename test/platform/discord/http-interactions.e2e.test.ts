/**
 * Commands over HTTP (PACER_INTERACTIONS=http), end to end: the double POSTs each interaction to Pacer's
 * Interactions Endpoint signed with Ed25519, and the same router and handlers answer it. Always runs in http mode,
 * whatever PACER_TEST_INTERACTIONS says, so CI covers it; the rest of the suite can be run in this mode too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE, type InteractionHandle } from '@pacer/discord-double';
import { UNREADABLE_TEXT } from '../../../src/platform/discord/interaction-guard.js';
import { startPacer, type Pacer } from '../../support/pacer.js';

const MOD = FIXTURE.users.moderator;

describe('interactions over HTTP', () => {
  let pacer: Pacer;
  let endpoint: string;

  beforeAll(async () => {
    pacer = await startPacer({ interactions: 'http' });
    endpoint = pacer.double.interactionsEndpointUrl!;
  });
  afterAll(async () => {
    await pacer?.stop();
  });

  /** Each interaction went over HTTP (not the gateway) and the POST was answered 202 after the REST callback. */
  async function overHttp(handle: InteractionHandle): Promise<void> {
    const delivery = await handle.delivered();
    expect(delivery.status).toBe(202);
    expect(delivery.at).toBeGreaterThanOrEqual(handle.callback!.at);
  }

  it('is registered as the endpoint only after answering PING with PONG and refusing a bad signature', () => {
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/interactions$/);
    expect(pacer.double.gatewayConnected).toBe(true); // still logged in, for the guild cache the handlers read
  });

  it('runs a slash command, a button, an autocomplete and a modal through the same handlers', async () => {
    const show = pacer.double.runSlash('exercise', { subcommand: 'show', options: { name: 'glute-bridge' } });
    const card = await show.reply();
    await overHttp(show);
    expect(card.embeds[0]?.title).toMatch(/Glute bridge/i);
    expect(show.isEphemeral()).toBe(true);

    const harderId = (card.components as Array<{ components: Array<{ custom_id?: string; label?: string }> }>)
      .flatMap((row) => row.components)
      .find((c) => /harder/i.test(String(c.label)))?.custom_id;
    expect(harderId).toBeDefined();
    const click = pacer.double.clickButton(harderId!, { messageId: card.id });
    const harder = await click.reply();
    await overHttp(click);
    expect(harder.embeds[0]?.title).toMatch(/Single-leg bridge/i);

    const typing = pacer.double.autocomplete('exercise', { subcommand: 'show', focused: { name: 'name', value: 'clam' } });
    await typing.response();
    await overHttp(typing);
    expect(typing.autocompleteChoices().map((c) => c.name).join(' ')).toMatch(/Clamshell/);

    await pacer.storage.run((db) => db.insert(pacer.storage.t.clubs).values({ guildId: FIXTURE.guildId, timezone: 'Europe/London', region: 'UK', noticesChannelId: FIXTURE.channels.general, setupByUserId: MOD }));
    const command = pacer.double.runSlash('announce', { subcommand: 'schedule', options: { channel: FIXTURE.channels.announcements, when: 'tomorrow 18:00' }, user: MOD });
    expect((await command.response()).type).toBe(9);
    await overHttp(command);
    const submit = pacer.double.submitModal(String(command.modal().custom_id), { title: '', body: 'Hill repeats at the park' }, { user: MOD });
    expect((await submit.reply()).content).toMatch(/#\d+ scheduled/);
    await overHttp(submit);
  });

  it('answers /health on the interactions port, and refuses other methods and paths', async () => {
    const base = endpoint.replace(/\/interactions$/, '');
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, database: 'ok', stopping: false });
    expect((await fetch(endpoint)).status).toBe(405);
    expect((await fetch(`${base}/elsewhere`, { method: 'POST', body: '{}' })).status).toBe(404);
  });

  describe('refuses what Discord did not sign, with 401, and runs nothing', () => {
    let counter = 0;
    /** A real command payload under a fresh id and token, so any callback Pacer sends for it can be found. */
    function freshPayload(): { body: string; id: string; token: string } {
      counter += 1;
      const id = `19${String(Date.now()).slice(-10)}${String(counter).padStart(5, '0')}`;
      const token = `secret-token-${counter}-${'x'.repeat(40)}`;
      const payload = {
        id,
        token,
        application_id: FIXTURE.applicationId,
        type: 2,
        version: 1,
        guild_id: FIXTURE.guildId,
        channel_id: FIXTURE.channels.general,
        channel: { id: FIXTURE.channels.general, type: 0, guild_id: FIXTURE.guildId },
        member: { user: { id: FIXTURE.users.member, username: 'rita', discriminator: '0', global_name: null, avatar: null }, roles: [], permissions: '2248473465835073', joined_at: '2026-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 },
        app_permissions: '2248473465835073',
        locale: 'en-GB',
        guild_locale: 'en-GB',
        entitlements: [],
        authorizing_integration_owners: { '0': FIXTURE.guildId },
        context: 0,
        data: { id: '1900000000000000001', name: 'exercise', type: 1, options: [{ type: 1, name: 'list', options: [] }] },
      };
      return { body: JSON.stringify(payload), id, token };
    }
    const post = (body: string, headers: Record<string, string>) =>
      fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const callbacksFor = (id: string) => pacer.double.requests.filter((r) => r.path.startsWith(`/interactions/${id}/`));
    const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

    it('runs the same payload when it is signed (the check below can fail)', async () => {
      const { body, id } = freshPayload();
      const response = await post(body, { ...pacer.double.signedHeaders(body) });
      expect(response.status).toBe(202);
      expect(callbacksFor(id)).toHaveLength(1);
    });

    it('answers a signed payload discord.js cannot build privately, through the same guard as the gateway', async () => {
      const { body, id } = freshPayload();
      const broken = JSON.stringify({ ...(JSON.parse(body) as Record<string, unknown>), data: 'not an object' });
      const response = await post(broken, { ...pacer.double.signedHeaders(broken) });
      expect(response.status).toBe(202);
      const [callback] = callbacksFor(id);
      expect(callback?.body).toMatchObject({ type: 4, data: { content: UNREADABLE_TEXT, flags: 64 } });
    });

    it.each([
      ['a forged signature', (body: string) => {
        const headers = pacer.double.signedHeaders(body);
        return { body, headers: { ...headers, 'x-signature-ed25519': headers['x-signature-ed25519'].replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) } };
      }],
      ['a replayed request (signed 6 minutes ago)', (body: string) => ({ body, headers: { ...pacer.double.signedHeaders(body, String(Math.floor(Date.now() / 1000) - 360)) } })],
      ['a timestamp from the future (6 minutes ahead)', (body: string) => ({ body, headers: { ...pacer.double.signedHeaders(body, String(Math.floor(Date.now() / 1000) + 360)) } })],
      ['a body changed after signing', (body: string) => ({ body: body.replace('"list"', '"show"'), headers: { ...pacer.double.signedHeaders(body) } })],
      ['no signature header', (body: string) => ({ body, headers: { 'x-signature-timestamp': pacer.double.signedHeaders(body)['x-signature-timestamp'] } })],
      ['no timestamp header', (body: string) => ({ body, headers: { 'x-signature-ed25519': pacer.double.signedHeaders(body)['x-signature-ed25519'] } })],
      ['a signature over another timestamp', (body: string) => {
        const headers = pacer.double.signedHeaders(body);
        return { body, headers: { ...headers, 'x-signature-timestamp': String(Number(headers['x-signature-timestamp']) - 1) } };
      }],
    ])('%s', async (_name, make) => {
      const { body, id, token } = freshPayload();
      const request = make(body);
      const response = await post(request.body, request.headers);
      expect(response.status).toBe(401);
      await settle();
      expect(callbacksFor(id)).toHaveLength(0);
      const logs = pacer.logs();
      expect(logs).toMatch(/interaction request refused \(401\)/);
      expect(logs).not.toContain(token);
      expect(logs).not.toContain(id);
      expect(logs).not.toContain('authorizing_integration_owners');
    });
  });

  it('refuses a body over the size cap with 413 before checking anything else', async () => {
    const huge = JSON.stringify({ type: 2, padding: 'x'.repeat(300 * 1024) });
    const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', ...pacer.double.signedHeaders(huge) }, body: huge });
    expect(response.status).toBe(413);
  });

  it('finishes an interaction in progress when it stops, then takes no more', async () => {
    pacer.double.injectFault({ status: 'delay', delayMs: 600, method: 'POST', pathPattern: /\/interactions\/\d+\/[^/]+\/callback$/ });
    const slow = pacer.double.runSlash('exercise', { subcommand: 'show', options: { name: 'clamshell' } });
    await expect.poll(() => pacer.app.inFlight()).toBe(1);
    const stopping = pacer.app.stop();
    expect((await slow.reply()).embeds[0]?.title).toMatch(/Clamshell/);
    expect((await slow.delivered()).status).toBe(202);
    await stopping;
    await expect(fetch(endpoint, { method: 'POST', body: '{}' })).rejects.toThrow();
    await pacer.restart(); // the suite's afterAll stops a running app
  });
});
