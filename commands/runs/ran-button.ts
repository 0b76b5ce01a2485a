/** The card's "I ran" button: a member who said Going confirms, from the start until 24 hours after. */
import type { MessageComponentInteraction } from 'discord.js';
import type { InteractionContext } from '../../src/platform/discord/command.js';
import { shortDate } from '../../src/platform/time/days.js';
import { checkRan, RAN_WINDOW_MS } from '../../src/runs/ran.js';
import { recordRan, rsvpAnswerOf } from '../../src/runs/ran-store.js';
import { getRun } from '../../src/runs/store.js';

const unix = (at: Date) => Math.floor(at.getTime() / 1000);

export async function confirmRan(interaction: MessageComponentInteraction, runId: number, ctx: InteractionContext): Promise<void> {
  const run = interaction.inGuild() ? await getRun(ctx.storage, interaction.guildId, runId) : undefined;
  if (!run) return ctx.respond.fail('This group run is not one of this server’s runs any more. Nothing was recorded.');
  const userId = interaction.user.id;
  const now = ctx.clock.now();
  const check = checkRan(run, await rsvpAnswerOf(ctx.storage, run.id, userId), now);
  const closes = new Date(run.startsAt.getTime() + RAN_WINDOW_MS);
  if (!check.ok) {
    const why = {
      cancelled: `**${run.title}** was cancelled, so there is nothing to confirm.`,
      'not-started': `**${run.title}** has not started yet. Come back after <t:${unix(run.startsAt)}:t> on <t:${unix(run.startsAt)}:D> (until 24 hours after the start) to confirm you ran.`,
      closed: `Confirming **${run.title}** closed <t:${unix(closes)}:R>, 24 hours after the start.`,
      'not-going': `Only those who said Going to **${run.title}** can confirm they ran it. (Answers close at the start.)`,
    }[check.why];
    return ctx.respond.fail(`${why} Nothing was recorded.`);
  }
  const outcome = await recordRan(ctx.storage, run, userId, check.day, now);
  const text =
    outcome === 'recorded'
      ? `Well done! **${run.title}** (${shortDate(check.day)}) now counts as a session in your record: see \`/me\`.`
      : `You have already confirmed **${run.title}**: it counts once. See \`/me\`.`;
  return ctx.respond.reply({ content: text, ephemeral: true });
}
