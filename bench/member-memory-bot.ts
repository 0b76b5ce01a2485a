/**
 * The bot side of the member-memory benchmark, run as its own process so that its heap is measured alone:
 * a discord.js client with either Pacer's cache settings or discord.js's defaults, answering every
 * autocomplete. Reads commands on stdin ("measure"), prints JSON lines on stdout.
 */
import { createInterface } from 'node:readline';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { createClient } from '../src/platform/discord/client.js';

const [apiUrl, mode] = process.argv.slice(2) as [string, 'pacer' | 'defaults'];
const client = mode === 'pacer' ? createClient(apiUrl) : new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: apiUrl } });
let answered = 0;
client.on(Events.InteractionCreate, (interaction) => {
  if (interaction.isAutocomplete()) {
    interaction.respond([]).then(
      () => answered++,
      () => undefined, // a late answer under load does not matter here: the benchmark measures memory
    );
  }
});
client.once(Events.ClientReady, () => console.log(JSON.stringify({ ready: true })));
await client.login('bench-token');

function heapMiB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'measure') {
    const guild = client.guilds.cache.first();
    console.log(JSON.stringify({ heapMiB: heapMiB(), answered, users: client.users.cache.size, members: guild?.members.cache.size ?? 0 }));
  } else if (line === 'quit') {
    await client.destroy();
    process.exit(0);
  }
}
