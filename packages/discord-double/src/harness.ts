/** Test-only glue: a real discord.js Client logged into a fresh double, with one swappable interaction handler. */
import { once } from 'node:events';
import { Client, type ClientOptions, Events, GatewayIntentBits, type Interaction } from 'discord.js';
import { type DiscordDouble, type DiscordDoubleOptions, startDiscordDouble } from './index.js';

export interface Harness {
  double: DiscordDouble;
  client: Client<true>;
  /** Errors thrown by the current handler (e.g. DiscordAPIError from a refused reply). */
  handlerErrors: unknown[];
  onInteraction(handler: (interaction: Interaction) => Promise<unknown>): void;
  /** Resolves with the next error a handler throws. */
  nextHandlerError(timeoutMs?: number): Promise<unknown>;
  stop(): Promise<void>;
}

export async function startHarness(options: DiscordDoubleOptions = {}, clientOptions: Partial<ClientOptions> = {}): Promise<Harness> {
  const double = await startDiscordDouble(options);
  const client = new Client({ intents: [GatewayIntentBits.Guilds], ...clientOptions, rest: { api: double.apiUrl } });
  const handlerErrors: unknown[] = [];
  const errorListeners: Array<(error: unknown) => void> = [];
  let handler: ((interaction: Interaction) => Promise<unknown>) | undefined;
  client.on(Events.InteractionCreate, (interaction) => {
    if (!handler) return;
    handler(interaction).catch((error: unknown) => {
      handlerErrors.push(error);
      errorListeners.splice(0).forEach((listener) => listener(error));
    });
  });
  const ready = once(client, Events.ClientReady);
  await client.login('fake-token');
  await ready;
  return {
    double,
    client: client as Client<true>,
    handlerErrors,
    onInteraction: (next) => {
      handler = next;
    },
    nextHandlerError: (timeoutMs = 2000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no handler error within timeout')), timeoutMs);
        errorListeners.push((error) => {
          clearTimeout(timer);
          resolve(error);
        });
      }),
    stop: async () => {
      await client.destroy();
      await double.close();
    },
  };
}
