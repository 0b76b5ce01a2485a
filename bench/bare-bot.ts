/** The floor: a dozen-line discord.js bot answering `/exercise show`, run beside Pacer by bench/floor.ts. */
import { Client, EmbedBuilder, Events, GatewayIntentBits, MessageFlags } from 'discord.js';

const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: process.env.DISCORD_API_URL! } });
client.on(Events.InteractionCreate, (interaction) => {
  if (!interaction.isChatInputCommand() || interaction.commandName !== 'exercise') return;
  const name = interaction.options.getString('name', true);
  const embed = new EmbedBuilder().setTitle(name).setDescription('Lie on your side, knees bent; lift the top knee.');
  void interaction.reply({ embeds: [embed], flags: MessageFlags.Ephemeral }).catch(() => undefined);
});
client.once(Events.ClientReady, () => console.log('bare bot ready'));
await client.login(process.env.DISCORD_TOKEN);
