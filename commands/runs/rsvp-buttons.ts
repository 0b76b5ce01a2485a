/** The answer buttons on a group run's card: the answer is recorded, the clicker told privately, the card edited (coalesced). */
import type { MessageComponentInteraction } from 'discord.js';
import { defineComponents, type InteractionContext } from '../../src/platform/discord/command.js';
import { STALE_COMPONENT_TEXT } from '../../src/platform/discord/router.js';
import { acceptsAnswers, tally, type GroupRun } from '../../src/runs/run.js';
import { answerRun, getRun, runRsvpList } from '../../src/runs/store.js';
import { recordPostedMentions } from '../../src/participation/posted-mentions-store.js';
import { rsvpCodec, type RsvpClick } from './custom-id.js';
import { confirmRan } from './ran-button.js';
import { runCardMessage } from './views.js';

const unix = (at: Date) => Math.floor(at.getTime() / 1000);

/** Brings the card up to date; each edit reads the answers when it runs, so the last click always shows. */
export function refreshRunCard(ctx: InteractionContext, run: GroupRun): void {
  const { poster, liveEdits } = ctx;
  const messageId = run.messageId;
  if (!poster || !liveEdits || !messageId) return;
  liveEdits.request(messageId, async () => {
    const fresh = getRun(ctx.db, run.guildId, run.id);
    if (!fresh || fresh.messageId !== messageId) return;
    const rsvps = runRsvpList(ctx.db, fresh.id);
    await poster.edit(fresh.channelId, messageId, runCardMessage(fresh, tally(fresh, rsvps)));
    // The card names members: noted, so that erasing one of them edits it.
    const members = rsvps.map((rsvp) => ({ userId: rsvp.userId, shown: `<@${rsvp.userId}>` }));
    await recordPostedMentions(ctx.storage, { guildId: fresh.guildId, channelId: fresh.channelId, messageId, members }, ctx.clock.now());
  });
}

async function answer(interaction: MessageComponentInteraction, click: RsvpClick, ctx: InteractionContext): Promise<void> {
  if (click.answer === 'ran') return confirmRan(interaction, click.runId, ctx);
  // The id is client-held: the run must be this server's, open, and not started.
  const run = interaction.inGuild() ? getRun(ctx.db, interaction.guildId, click.runId) : undefined;
  if (!run) return ctx.respond.fail('This group run is not one of this server’s runs any more. Nothing was recorded.');
  if (run.status === 'cancelled') return ctx.respond.fail(`**${run.title}** was cancelled. Nothing was recorded.`);
  const now = ctx.clock.now();
  if (!acceptsAnswers(run, now)) return ctx.respond.fail(`**${run.title}** started <t:${unix(run.startsAt)}:R>, so answers are closed. Nothing was changed.`);
  const group = click.paceGroup === null ? null : run.paceGroups[click.paceGroup];
  if (click.answer === 'going' && (group === undefined || (group === null && run.paceGroups.length > 0))) return ctx.respond.fail(STALE_COMPONENT_TEXT);

  answerRun(ctx.db, run, interaction.user.id, click.answer, click.paceGroup, now);
  refreshRunCard(ctx, run);
  const said =
    click.answer === 'going'
      ? group
        ? `You’re going to **${run.title}**, in the **${group}** group.`
        : `You’re going to **${run.title}**.`
      : click.answer === 'maybe'
        ? `You said maybe to **${run.title}**.`
        : `You said you can’t go to **${run.title}**.`;
  const reminder = click.answer === 'going' ? ' Those going get one reminder before the start.' : '';
  return ctx.respond.reply({ content: `${said}${reminder} You can change your answer with the buttons until <t:${unix(run.startsAt)}:t> on <t:${unix(run.startsAt)}:D>.`, ephemeral: true });
}

export const runRsvpButtons = defineComponents({ codec: rsvpCodec, ephemeral: true, component: answer });
