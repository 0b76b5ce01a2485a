import { afterEach, describe, expect, it } from 'vitest';
import { REST, Routes } from 'discord.js';
import { FIXTURE, startDiscordDouble, type DiscordDouble, type DoubleEvent } from '../src/index.js';

describe('what a viewer (the playground) can read from the double', () => {
  let double: DiscordDouble;
  afterEach(async () => {
    await double?.close();
  });

  it('streams message changes, requests and refused bodies as they happen', async () => {
    double = await startDiscordDouble();
    const events: DoubleEvent[] = [];
    const unsubscribe = double.onEvent((event) => events.push(event));
    const rest = new REST({ api: double.apiUrl, retries: 0 }).setToken('fake-token');
    const created = (await rest.post(Routes.channelMessages(FIXTURE.channels.general), { body: { content: 'one' } })) as { id: string };
    await rest.patch(Routes.channelMessage(FIXTURE.channels.general, created.id), { body: { content: 'two' } });
    await rest.delete(Routes.channelMessage(FIXTURE.channels.general, created.id));
    await expect(rest.post(Routes.channelMessages(FIXTURE.channels.general), { body: { content: '' } })).rejects.toThrow();

    const changes = events.flatMap((event) => (event.kind === 'message' ? [[event.change, event.message.content]] : []));
    expect(changes).toEqual([
      ['created', 'one'],
      ['edited', 'two'],
      ['deleted', 'two'],
    ]);
    expect(events.filter((event) => event.kind === 'request').map((event) => (event.kind === 'request' ? event.request.status : 0))).toEqual([200, 200, 204, 400]);
    const refused = events.find((event) => event.kind === 'validation-error');
    expect(refused?.kind === 'validation-error' && refused.failure.path).toBe(`/channels/${FIXTURE.channels.general}/messages`);

    unsubscribe();
    await rest.post(Routes.channelMessages(FIXTURE.channels.general), { body: { content: 'unheard' } });
    expect(events.some((event) => event.kind === 'message' && event.message.content === 'unheard')).toBe(false);
  });
});
