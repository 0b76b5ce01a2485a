/**
 * Broken INTERACTION_CREATE events, as a buggy proxy or a changed Discord could send them. None may stop the bot;
 * each one that carries an id and a token gets a private answer; the next member is served as usual.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallbackType, type InteractionHandle, type InteractionPayload } from '@pacer/discord-double';
import { startPacer, type Pacer } from '../support/pacer.js';

type Act = (pacer: Pacer) => InteractionHandle;
type Edit = (payload: InteractionPayload) => void;

const slash: Act = (p) => p.double.runSlash('exercise', { subcommand: 'routine', options: { condition: 'PFP' } });
const button: Act = (p) => p.double.clickButton('ex:1:card:clamshell');
const modal: Act = (p) => p.double.submitModal('ex:1:whatever', { note: 'hello' });
const autocomplete: Act = (p) => p.double.autocomplete('exercise', { subcommand: 'show', focused: { name: 'name', value: 'cla' } });

const cases: Array<[string, Act, Edit]> = [
  ['data is null', slash, (d) => void ((d as Record<string, unknown>).data = null)],
  ['data is missing', button, (d) => void delete (d as Record<string, unknown>).data],
  ['a component without its message', button, (d) => void delete d.message],
  ['member is null', slash, (d) => void (d.member = null)],
  ['neither user nor member', button, (d) => void delete d.member],
  ['a modal without components', modal, (d) => void delete d.data.components],
  ['a numeric custom_id', button, (d) => void (d.data.custom_id = 12345)],
  ['a custom_id that is missing', button, (d) => void delete d.data.custom_id],
  ['a user command without resolved', slash, (d) => void Object.assign(d.data, { type: 2, name: 'exercise', target_id: '1500000000000000001', options: undefined })],
  ['a message command without resolved', slash, (d) => void Object.assign(d.data, { type: 3, name: 'exercise', target_id: '1600000000000000001', options: undefined })],
  ['options that are not a list', slash, (d) => void (d.data.options = 'routine')],
  ['entitlements missing', slash, (d) => void delete d.entitlements],
  ['channel without an id', button, (d) => void (d.channel = {})],
  ['an autocomplete without options', autocomplete, (d) => void (d.data.options = null)],
  ['a member without user', slash, (d) => void delete (d.member as Record<string, unknown>).user],
];

describe('malformed INTERACTION_CREATE events', () => {
  let pacer: Pacer;
  beforeAll(async () => {
    pacer = await startPacer();
  });
  afterAll(async () => pacer?.stop());

  it.each(cases)('%s: answered privately or dropped, and the bot keeps serving', async (_name, act, edit) => {
    pacer.double.tamperNext(edit);
    const broken = act(pacer);
    const callback = await broken.response();
    if (callback.type === CallbackType.AutocompleteResult) {
      expect(broken.autocompleteChoices()).toEqual(expect.any(Array));
    } else {
      expect(broken.isEphemeral()).toBe(true);
    }
    expect(broken.rejectedCallbacks).toEqual([]);

    const next = await pacer.double.runSlash('exercise', { subcommand: 'routine', options: { condition: 'PFP' } }).reply();
    expect(next.embeds[0]?.title).toMatch(/runner's knee/i);
  });

  it('drops an event of a type it cannot answer, logs it by shape only, and keeps serving', async () => {
    pacer.double.tamperNext((d) => void (d.type = 42));
    const broken = pacer.double.runSlash('exercise', { subcommand: 'routine', options: { condition: 'PFP' } });
    await expect.poll(() => pacer.logs()).toContain(`"interactionId":"${broken.id}","type":42,"reason":"unknown interaction type","msg":"malformed interaction dropped"`);
    const next = await pacer.double.runSlash('exercise', { subcommand: 'routine', options: { condition: 'PFP' } }).reply();
    expect(next.embeds[0]?.title).toMatch(/runner's knee/i);
  });

  it('drops an event with no token (nothing to answer with), logs it without its body, and keeps serving', async () => {
    pacer.double.tamperNext((d) => {
      d.token = undefined as unknown as string;
      d.data = null as unknown as Record<string, unknown>;
    });
    const broken = pacer.double.runSlash('exercise', { subcommand: 'routine', options: { condition: 'PFP' } });
    await expect.poll(() => pacer.logs()).toContain('malformed interaction dropped');
    expect(broken.callback).toBeUndefined();
    const next = await pacer.double.runSlash('exercise', { subcommand: 'routine', options: { condition: 'PFP' } }).reply();
    expect(next.embeds[0]?.title).toMatch(/runner's knee/i);
    expect(pacer.logs()).not.toContain('"data":');
  });
});
